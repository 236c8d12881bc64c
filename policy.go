package pluginhost

import (
	"fmt"
	"path/filepath"

	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// DefaultPolicyKey is the Options.Policies key (and pluginHost.plugins key) whose policy applies to
// every plugin that has no entry of its own.
const DefaultPolicyKey = "*"

// Policy restrains one plugin (Options.Policies, or pluginHost.plugins.<id> in config.yaml). A plugin
// without a policy may do anything the host process may, as in Luker. A plugin with one may do only
// what it grants; everything else fails with the error Node gives for a real EACCES, its message
// naming the rule: "EACCES: permission denied, open '/etc/passwd' (pluginHost.plugins.my-plugin.fs
// does not allow it)".
//
// The plugin may always read, not write, its own folder (for a single-file plugin, its file). Paths
// are checked where they really lead, symbolic links and ".." resolved. The checks are made by the
// built-in modules (fs, child_process, http, https, fetch, dns, express's sendFile and static) right
// before each call; see package jsruntime/policy for the exact rules and their limits.
type Policy struct {
	// FS are the folders the plugin may read and write, with everything below them. In config.yaml a
	// relative path is taken from the config file's folder; in Options, from the working directory.
	FS []string `yaml:"fs"`
	// ChildProcess allows starting child processes. A child is not bound by the policy: allowing
	// child processes gives the plugin everything the host's user may do.
	ChildProcess bool `yaml:"childProcess"`
	// Network are the hosts the plugin may connect to (fetch, http, https, redirects included) and
	// look up (dns.lookup): "api.example.com" (any port), "localhost:5001" (that port only),
	// "*.example.com" (the names below example.com), IP addresses, or "*" for any host.
	Network []string `yaml:"network"`
}

// policies checks opts.Policies and returns them ready for the runtimes: absolute roots, rules named
// as in config.yaml.
func policies(opts map[string]Policy) (map[string]policy.Policy, error) {
	out := make(map[string]policy.Policy, len(opts))
	for id, p := range opts {
		rule := "pluginHost.plugins." + id
		compiled := policy.Policy{Rule: rule, ChildProcess: p.ChildProcess, Network: p.Network}
		for _, root := range p.FS {
			abs, err := filepath.Abs(root)
			if root == "" || err != nil {
				return nil, fmt.Errorf("pluginhost: %s.fs: invalid path %q", rule, root)
			}
			compiled.FS = append(compiled.FS, abs)
		}
		if err := compiled.Validate(); err != nil {
			return nil, fmt.Errorf("pluginhost: %s.%w", rule, err)
		}
		out[id] = compiled
	}
	return out, nil
}

// policySetup is how a plugin's runtime starts: it may read own (its folder or file), and until its
// id is known every configured policy applies to it.
func (h *Host) policySetup(own string) policy.Setup {
	s := policy.Setup{Own: []string{own}}
	for _, p := range h.policies {
		s.Candidates = append(s.Candidates, p)
	}
	return s
}

// policyOf is the policy of the plugin whose id is id: its own, else the default one, else none.
func (h *Host) policyOf(id string) *policy.Policy {
	if p, ok := h.policies[id]; ok {
		return &p
	}
	if p, ok := h.policies[DefaultPolicyKey]; ok {
		return &p
	}
	return nil
}
