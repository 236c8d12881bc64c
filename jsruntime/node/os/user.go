package os

import (
	"bufio"
	goos "os"
	"os/user"
	"runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// tmpdir follows Node: the first non-empty of TMPDIR, TMP and TEMP, else /tmp, with one trailing
// separator removed unless the path is the root. Windows uses TEMP, TMP, then %SystemRoot%\temp.
func tmpdir() string {
	if runtime.GOOS == "windows" {
		dir := firstEnv("TEMP", "TMP")
		if dir == "" {
			dir = firstEnv("SystemRoot", "windir") + `\temp`
		}
		if len(dir) > 1 && strings.HasSuffix(dir, `\`) && !strings.HasSuffix(dir, `:\`) {
			dir = dir[:len(dir)-1]
		}
		return dir
	}
	dir := firstEnv("TMPDIR", "TMP", "TEMP")
	if dir == "" {
		dir = "/tmp"
	}
	if len(dir) > 1 && strings.HasSuffix(dir, "/") {
		dir = dir[:len(dir)-1]
	}
	return dir
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := goos.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// homedir is HOME (USERPROFILE on Windows) when set, else the account's home directory, as in Node.
func homedir() string {
	if dir, err := goos.UserHomeDir(); err == nil {
		return dir
	}
	if u, err := user.Current(); err == nil {
		return u.HomeDir
	}
	return ""
}

// userInfo is the host process's account. uid and gid are -1 and shell null where the platform has
// no numeric ids or login shells (Windows), as in Node.
func userInfo(vm *goja.Runtime) goja.Value {
	u, err := user.Current()
	if err != nil {
		panic(vm.NewGoError(err))
	}
	var shell any
	if s, ok := loginShell(u.Uid); ok {
		shell = s
	}
	return object(vm, "uid", numericID(u.Uid), "gid", numericID(u.Gid), "username", u.Username,
		"homedir", u.HomeDir, "shell", shell)
}

func numericID(id string) int {
	n, err := strconv.Atoi(id)
	if err != nil {
		return -1
	}
	return n
}

// loginShell reads the shell of uid from /etc/passwd: os/user does not expose it.
func loginShell(uid string) (string, bool) {
	f, err := goos.Open("/etc/passwd")
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), ":")
		if len(fields) == 7 && fields[2] == uid {
			return fields[6], true
		}
	}
	return "", false
}
