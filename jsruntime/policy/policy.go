// Package policy restrains what one plugin's runtime may do: which parts of the file system it may
// read and write, whether it may start child processes, and which hosts it may connect to. A
// runtime without a policy may do anything the host process may, as in Luker.
//
// A Gate holds a runtime's policy (Install, For). The built-in modules ask it at the one point where
// each performs its operation: fs before every call that takes a path (and before fchmod, fchown and
// futimes on a descriptor opened for reading only), child_process before starting a process,
// http/https before connecting, fetch before the request and before following each redirect,
// dns.lookup before resolving, and express's res.sendFile and static before looking a file up. A refused call fails as the API fails for its other errors (it throws,
// rejects, calls back or emits 'error') with a Node system error whose code is EACCES (errno -13,
// syscall and path or address as for a real EACCES) and whose message ends with the rule, e.g.
// "EACCES: permission denied, open '/etc/passwd' (pluginHost.plugins.my-plugin.fs does not allow it)".
//
// Within a policy, everything not granted is refused:
//   - Files: the plugin may read and write inside its roots (Policy.FS), and read, not write, its own
//     folder (Setup.Own). A path is checked where it really leads: symbolic links and ".." are
//     resolved one component at a time as the kernel resolves them, and for a path that does not
//     exist yet, the real path of its nearest existing parent is taken with the rest appended. Calls
//     that act on a link itself (lstat, readlink, unlink, rename, rm, rmdir, lchown, lutimes, link,
//     and the new path of symlink) resolve everything but the last component. A new symbolic link's
//     target must be readable, so that the plugin cannot plant links that lead out. Connecting to a
//     unix socket (http's socketPath) is writing to a file: it needs a root.
//   - Child processes: allowed or not. A child is an ordinary process of the host's user: once
//     allowed, nothing here binds it, so ChildProcess true gives a plugin everything the host may do.
//   - Network: outbound connections and name lookups to the hosts listed (Policy.Network).
//
// Limits, honestly: a path is checked immediately before the call, not by the call itself (the
// kernel's openat2 RESOLVE_BENEATH is not used), so a plugin that may write inside a root can race
// changes of its own links or directories against its own calls and make a path lead elsewhere at
// the call than at the check (time of check to time of use). Hard links and mounts made by others
// that lead out of a root are followed like any file inside it. Descriptors are checked when they
// are opened, not at each read or write. The module system asks it before reading the code and JSON
// a plugin requires or imports (outside the shared node_modules folders), and so does
// process.loadEnvFile; the package.json files read while resolving (and module's _readPackage and
// _stat) are not checked.
package policy

import (
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
)

// Policy is what one plugin may do. The zero value allows nothing but reading the plugin's own folder.
type Policy struct {
	// Rule names the policy in the messages of the calls it refuses: "pluginHost.plugins.my-plugin"
	// gives "(pluginHost.plugins.my-plugin.fs does not allow it)".
	Rule string
	// FS are the folders (or files) the plugin may read and write, everything below them included:
	// absolute paths, resolved to their real paths when the policy takes effect.
	FS []string
	// ChildProcess allows starting child processes.
	ChildProcess bool
	// Network are the hosts the plugin may connect to and look up: "example.com" (any port),
	// "example.com:8443" (that port only), "*.example.com" (every name below example.com, not
	// example.com itself), IP addresses ("127.0.0.1", "[::1]:8080"), or "*" for any host. Names are
	// compared without regard to case; internationalised names are given in their ASCII (xn--) form.
	Network []string
}

// Validate reports the first malformed entry: a relative or empty root, or a host pattern that is
// not one of the forms Network lists.
func (p Policy) Validate() error {
	for _, root := range p.FS {
		if root == "" || !filepath.IsAbs(root) {
			return fmt.Errorf("fs: %q is not an absolute path", root)
		}
	}
	for _, h := range p.Network {
		if _, err := parseHost(h); err != nil {
			return fmt.Errorf("network: %w", err)
		}
	}
	return nil
}

// hostRule is one parsed Network entry.
type hostRule struct {
	any      bool   // "*"
	wildcard bool   // "*.example.com": host is the suffix after "*."
	host     string // lower case, no brackets, no trailing dot
	ip       net.IP // set when host is an IP address
	port     int    // 0: any port
}

// parseHost parses a Network entry.
func parseHost(s string) (hostRule, error) {
	if s == "*" {
		return hostRule{any: true}, nil
	}
	host, port := s, 0
	if h, p, err := net.SplitHostPort(s); err == nil {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return hostRule{}, fmt.Errorf("%q: invalid port", s)
		}
		host, port = h, n
	} else if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		host = s[1 : len(s)-1]
	}
	r := hostRule{port: port}
	if rest, ok := strings.CutPrefix(host, "*."); ok {
		r.wildcard, host = true, rest
	}
	host = normalHost(host)
	if host == "" || strings.ContainsAny(host, "*/ @") {
		return hostRule{}, fmt.Errorf("%q: not a host name, host:port or *.domain", s)
	}
	r.host = host
	if !r.wildcard {
		r.ip = net.ParseIP(host)
	}
	return r, nil
}

// normalHost is a host as the rules compare it: lower case, without IPv6 brackets or a final dot.
func normalHost(h string) string {
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// matches reports whether the rule allows host (normalised) on port; port 0 asks for any port, as a
// name lookup does.
func (r hostRule) matches(host string, ip net.IP, port int) bool {
	if r.any {
		return true
	}
	if r.port != 0 && port != 0 && r.port != port {
		return false
	}
	switch {
	case r.wildcard:
		return strings.HasSuffix(host, "."+r.host)
	case r.ip != nil:
		return ip != nil && r.ip.Equal(ip)
	}
	return host == r.host
}
