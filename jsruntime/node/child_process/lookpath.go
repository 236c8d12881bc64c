package child_process

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// defaultPath is where commands are looked up when the child's environment has no PATH, as libuv
// does (_PATH_DEFPATH): plugins' process.env usually has none.
const defaultPath = "/usr/bin:/bin"

// lookPath finds file the way execvp does, but in the PATH of the child's environment env, not the
// host's: a name containing a slash is used as is; otherwise each PATH entry is tried in turn (an
// empty entry is the working directory), relative entries against dir, the child's working
// directory. It fails with EACCES when only non-executable candidates exist, else ENOENT.
func lookPath(file string, env []string, dir string) (string, error) {
	if strings.Contains(file, "/") {
		return file, nil
	}
	path := defaultPath
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			path = v
		}
	}
	denied := false
	for _, entry := range filepath.SplitList(path) {
		candidate := filepath.Join(entry, file)
		if !strings.Contains(candidate, "/") {
			candidate = "./" + candidate
		}
		stat := candidate
		if !filepath.IsAbs(stat) && dir != "" {
			stat = filepath.Join(dir, stat)
		}
		fi, err := os.Stat(stat)
		switch {
		case err != nil:
			continue
		case fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0:
			return candidate, nil
		default:
			denied = true
		}
	}
	if denied {
		return "", syscall.EACCES
	}
	return "", syscall.ENOENT
}
