package express

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// upPathRE is send's UP_PATH_REGEXP: a ".." segment, with either slash as separator.
var upPathRE = regexp.MustCompile(`(?:^|[\\/])\.\.(?:[\\/]|$)`)

// nodeNormalize is Node's path.posix.normalize: like path.Clean, but a trailing slash is kept.
func nodeNormalize(p string) string {
	if p == "" {
		return "."
	}
	out := path.Clean(p)
	if strings.HasSuffix(p, "/") && out != "/" {
		out += "/"
	}
	return out
}

// nodeJoin is Node's path.posix.join of two parts.
func nodeJoin(a, b string) string {
	switch {
	case a == "":
		return nodeNormalize(b)
	case b == "":
		return nodeNormalize(a)
	}
	return nodeNormalize(a + "/" + b)
}

// nodeResolve is Node's path.resolve of one path against the process's working directory.
func nodeResolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		// Only a missing working directory fails; Node would fall back to the path as given.
		return path.Clean(p)
	}
	return abs
}

// sendPath is where send 0.19 looks for a file, or the status that refuses the request before any
// file system access.
type sendPath struct {
	status int    // 400, 403 or 404 when refused
	file   string // the normalised absolute path
	index  bool   // the request path ends in '/': look for an index file in it
}

// resolveSendPath applies send's path rules to p (the decoded path given to sendFile): NUL is 400;
// with a root, p is made relative and joined under it and ".." that escapes is 403; without, any ".."
// is 403; then the dotfiles policy, checked on the parts under root (or all parts of an absolute
// path): "" (option not given) refuses only a dotfile as the last part, "ignore" 404, "deny" 403.
func resolveSendPath(p string, o *sendOptions) sendPath {
	if strings.IndexByte(p, 0) >= 0 {
		return sendPath{status: 400}
	}
	original := p
	var parts []string
	if o.root != "" {
		if p != "" {
			p = nodeNormalize("./" + p)
		}
		if upPathRE.MatchString(p) {
			return sendPath{status: 403}
		}
		parts = strings.Split(p, "/")
		p = nodeNormalize(nodeJoin(o.root, p))
	} else {
		if upPathRE.MatchString(p) {
			return sendPath{status: 403}
		}
		parts = strings.Split(nodeNormalize(p), "/")
		p = nodeResolve(p)
	}
	if containsDotFile(parts) {
		access := o.dotfiles
		if access == "" {
			access = "allow"
			if last := parts[len(parts)-1]; strings.HasPrefix(last, ".") {
				access = "ignore"
				if o.hidden {
					access = "allow"
				}
			}
		}
		switch access {
		case "deny":
			return sendPath{status: 403}
		case "ignore":
			return sendPath{status: 404}
		}
	}
	return sendPath{file: p, index: len(o.index) > 0 && strings.HasSuffix(original, "/")}
}

// containsDotFile is send's test: a part longer than one character that starts with '.'.
func containsDotFile(parts []string) bool {
	for _, part := range parts {
		if len(part) > 1 && part[0] == '.' {
			return true
		}
	}
	return false
}
