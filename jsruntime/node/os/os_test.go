package os_test

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	nodeos "github.com/pluginhost/pluginhost/jsruntime/node/os"
)

// newRuntime returns a runtime with the os module bound to the global "os".
func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, jstest.Global("os", nodeos.Require))
}

// check compares JSON.stringify of src's value with want.
func check(t *testing.T, rt *jsruntime.Runtime, src, want string) {
	t.Helper()
	if got := jstest.Eval(t, rt, "JSON.stringify("+src+")"); got != want {
		t.Errorf("%s:\n got %s\nwant %s", src, got, want)
	}
}

// TestLinuxValues compares with what Node 20 printed on linux/amd64 for the same expressions.
func TestLinuxValues(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("expected values were captured from Node 20 on linux/amd64")
	}
	rt := newRuntime(t)
	cases := [][2]string{
		{"os.EOL", `"\n"`},
		{"os.devNull", `"/dev/null"`},
		{"os.endianness()", `"LE"`},
		{"os.type()", `"Linux"`},
		{"os.platform()", `"linux"`},
		{"os.arch()", `"x64"`},
		{"os.machine()", `"x86_64"`},
		{"os.getPriority(0)", `0`},
		{"os.constants.signals", `{"SIGHUP":1,"SIGINT":2,"SIGQUIT":3,"SIGILL":4,"SIGTRAP":5,"SIGABRT":6,"SIGIOT":6,"SIGBUS":7,"SIGFPE":8,"SIGKILL":9,"SIGUSR1":10,"SIGSEGV":11,"SIGUSR2":12,"SIGPIPE":13,"SIGALRM":14,"SIGTERM":15,"SIGCHLD":17,"SIGSTKFLT":16,"SIGCONT":18,"SIGSTOP":19,"SIGTSTP":20,"SIGTTIN":21,"SIGTTOU":22,"SIGURG":23,"SIGXCPU":24,"SIGXFSZ":25,"SIGVTALRM":26,"SIGPROF":27,"SIGWINCH":28,"SIGIO":29,"SIGPOLL":29,"SIGPWR":30,"SIGSYS":31}`},
		{"os.constants.errno", `{"E2BIG":7,"EACCES":13,"EADDRINUSE":98,"EADDRNOTAVAIL":99,"EAFNOSUPPORT":97,"EAGAIN":11,"EALREADY":114,"EBADF":9,"EBADMSG":74,"EBUSY":16,"ECANCELED":125,"ECHILD":10,"ECONNABORTED":103,"ECONNREFUSED":111,"ECONNRESET":104,"EDEADLK":35,"EDESTADDRREQ":89,"EDOM":33,"EDQUOT":122,"EEXIST":17,"EFAULT":14,"EFBIG":27,"EHOSTUNREACH":113,"EIDRM":43,"EILSEQ":84,"EINPROGRESS":115,"EINTR":4,"EINVAL":22,"EIO":5,"EISCONN":106,"EISDIR":21,"ELOOP":40,"EMFILE":24,"EMLINK":31,"EMSGSIZE":90,"EMULTIHOP":72,"ENAMETOOLONG":36,"ENETDOWN":100,"ENETRESET":102,"ENETUNREACH":101,"ENFILE":23,"ENOBUFS":105,"ENODATA":61,"ENODEV":19,"ENOENT":2,"ENOEXEC":8,"ENOLCK":37,"ENOLINK":67,"ENOMEM":12,"ENOMSG":42,"ENOPROTOOPT":92,"ENOSPC":28,"ENOSR":63,"ENOSTR":60,"ENOSYS":38,"ENOTCONN":107,"ENOTDIR":20,"ENOTEMPTY":39,"ENOTSOCK":88,"ENOTSUP":95,"ENOTTY":25,"ENXIO":6,"EOPNOTSUPP":95,"EOVERFLOW":75,"EPERM":1,"EPIPE":32,"EPROTO":71,"EPROTONOSUPPORT":93,"EPROTOTYPE":91,"ERANGE":34,"EROFS":30,"ESPIPE":29,"ESRCH":3,"ESTALE":116,"ETIME":62,"ETIMEDOUT":110,"ETXTBSY":26,"EWOULDBLOCK":11,"EXDEV":18}`},
		{"os.constants.priority", `{"PRIORITY_LOW":19,"PRIORITY_BELOW_NORMAL":10,"PRIORITY_NORMAL":0,"PRIORITY_ABOVE_NORMAL":-7,"PRIORITY_HIGH":-14,"PRIORITY_HIGHEST":-20}`},
		{"Object.keys(os.constants)", `["UV_UDP_REUSEADDR","dlopen","errno","signals","priority"]`},
		{"os.constants.dlopen", `{"RTLD_LAZY":1,"RTLD_NOW":2,"RTLD_GLOBAL":256,"RTLD_LOCAL":0,"RTLD_DEEPBIND":8}`},
	}
	for _, c := range cases {
		check(t, rt, c[0], c[1])
	}
}

// TestTmpdir follows Node's rules: TMPDIR, then TMP, then TEMP, then /tmp; one trailing slash is
// dropped except from the root.
func TestTmpdir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX rules")
	}
	rt := newRuntime(t)
	cases := []struct{ tmpdir, tmp, temp, want string }{
		{"/x/y/", "/a", "/b", "/x/y"},
		{"", "/a/", "/b", "/a"},
		{"", "", "/b", "/b"},
		{"/", "", "", "/"},
		{"", "", "", "/tmp"},
	}
	for _, c := range cases {
		t.Setenv("TMPDIR", c.tmpdir)
		t.Setenv("TMP", c.tmp)
		t.Setenv("TEMP", c.temp)
		check(t, rt, "os.tmpdir()", strconv.Quote(c.want))
	}
}

// TestShapes checks the members whose values depend on the machine by their form.
func TestShapes(t *testing.T) {
	rt := newRuntime(t)
	cases := [][2]string{
		{"os.cpus().length === os.availableParallelism()", "true"},
		{"os.availableParallelism()", strconv.Itoa(runtime.NumCPU())},
		{"Object.keys(os.cpus()[0]).join() + ' ' + Object.keys(os.cpus()[0].times).join()", `"model,speed,times user,nice,sys,idle,irq"`},
		{"typeof os.cpus()[0].model + typeof os.cpus()[0].speed + typeof os.cpus()[0].times.idle", `"stringnumbernumber"`},
		{"Object.keys(os.userInfo()).join()", `"uid,gid,username,homedir,shell"`},
		{"typeof os.userInfo().username + typeof os.userInfo().uid", `"stringnumber"`},
		{"[os.release(), os.version(), os.hostname(), os.homedir()].every((s) => typeof s === 'string')", "true"},
		{"os.release().length > 0 && os.hostname().length > 0", "true"},
		{"os.loadavg().length === 3 && os.loadavg().every((n) => n >= 0)", "true"},
		{"os.totalmem() >= os.freemem() && os.freemem() >= 0", "true"},
		{"typeof os.uptime()", `"number"`},
		{"Object.values(os.networkInterfaces()).flat().every((a) => ['IPv4', 'IPv6'].includes(a.family) && a.cidr.startsWith(a.address + '/') && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(a.mac) && typeof a.internal === 'boolean' && (a.family === 'IPv4') === !('scopeid' in a))", "true"},
		{"os.getPriority() === os.getPriority(0)", "true"},
	}
	for _, c := range cases {
		check(t, rt, c[0], c[1])
	}
}

// TestLoopback checks the loopback interface against what Node 20 listed for it on Linux.
func TestLoopback(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("interface name lo is Linux's")
	}
	rt := newRuntime(t)
	check(t, rt, "os.networkInterfaces().lo?.find((a) => a.family === 'IPv4')",
		`{"address":"127.0.0.1","netmask":"255.0.0.0","family":"IPv4","mac":"00:00:00:00:00:00","internal":true,"cidr":"127.0.0.1/8"}`)
}

// TestPriorityRefused checks that no other process's priority is read or changed, nor the host's set.
func TestPriorityRefused(t *testing.T) {
	rt := newRuntime(t)
	try := func(call string) string {
		return "(() => { try { " + call + "; return 'no error' } catch (e) { return e.code + ': ' + e.message } })()"
	}
	check(t, rt, try("os.getPriority(1)"),
		`"ERR_NOT_SUPPORTED_IN_PLUGINHOST: os.getPriority() of another process is not supported in pluginhost"`)
	check(t, rt, try("os.setPriority(1, 10)"),
		`"ERR_NOT_SUPPORTED_IN_PLUGINHOST: os.setPriority() of another process is not supported in pluginhost"`)
	check(t, rt, try("os.setPriority(10)"),
		`"ERR_NOT_SUPPORTED_IN_PLUGINHOST: os.setPriority() of the host process is not supported in pluginhost"`)
}
