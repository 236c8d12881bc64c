package policy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// tree makes a folder with files, folders (names ending in "/") and symbolic links (name -> target)
// and returns its real path.
func tree(t *testing.T, entries ...string) string {
	t.Helper()
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name, target, isLink := strings.Cut(e, " -> ")
		p := filepath.Join(base, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		switch {
		case isLink:
			err = os.Symlink(target, p)
		case strings.HasSuffix(name, "/"):
			err = os.MkdirAll(p, 0o755)
		default:
			err = os.WriteFile(p, []byte(name), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return base
}

func TestRealPath(t *testing.T) {
	base := tree(t,
		"root/a.txt", "root/sub/", "outside/deep/", "outside/secret.txt",
		"root/deep -> ../outside/deep", "root/abs -> "+"/", "root/loop -> loop", "root/in -> a.txt",
		"root/chain -> deep/../secret.txt")
	for _, tc := range []struct {
		path   string
		follow bool
		want   string
	}{
		{"root/a.txt", true, "root/a.txt"},
		{"root/in", true, "root/a.txt"},
		{"root/in", false, "root/in"},
		{"root/in/", false, "root/a.txt"}, // a final slash follows, as in the kernel
		// ".." after a link is taken from where the link leads, not from the text.
		{"root/deep/../secret.txt", true, "outside/secret.txt"},
		{"root/chain", true, "outside/secret.txt"},
		{"root/chain", false, "root/chain"},
		// A missing component is kept as it would be created; ".." after it removes it again.
		{"root/new/file", true, "root/new/file"},
		{"root/new/../../outside/x", true, "outside/x"},
		{"root/new/../deep/../x", true, "outside/x"},
		{"root/./sub//x", true, "root/sub/x"},
	} {
		// Joined by hand: filepath.Join would clean away the ".." under test.
		got, err := realPath(base+"/"+tc.path, tc.follow)
		if err != nil || got != filepath.Join(base, tc.want) {
			t.Errorf("realPath(%s, %v) = %q, %v; want %s", tc.path, tc.follow, got, err, filepath.Join(base, tc.want))
		}
	}
	if got, err := realPath(base+"/root/abs/etc", true); err != nil || got != "/etc" {
		t.Errorf("absolute link: %q, %v", got, err)
	}
	if _, err := realPath(base+"/root/loop", true); !errors.Is(err, syscall.ELOOP) {
		t.Errorf("loop: %v; want ELOOP", err)
	}
	wd, _ := os.Getwd()
	if got, err := realPath("x/../y", true); err != nil || got != filepath.Join(wd, "y") {
		t.Errorf("relative: %q, %v", got, err)
	}
}

func TestLinkTarget(t *testing.T) {
	for _, tc := range [][3]string{
		{"/r/dir/link", "t", "/r/dir/t"},
		{"/r/dir/link", "/abs", "/abs"},
		{"/r/a/../link", "../t", "/r/a/../../t"},
		{"link", "t", "t"},
		{"/r/dir/link/", "t", "/r/dir/t"},
	} {
		if got := LinkTarget(tc[0], tc[1]); got != tc[2] {
			t.Errorf("LinkTarget(%q, %q) = %q; want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

func TestHosts(t *testing.T) {
	p := &Policy{Rule: "r", Network: []string{"api.example.com", "local:5001", "*.svc.test", "10.0.0.1", "[::1]:8080", "Upper.Example."}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	g := &Gate{decided: make(chan struct{})}
	g.state.Store(&state{rules: []*rule{compile(*p)}})
	for _, tc := range []struct {
		host string
		port int
		ok   bool
	}{
		{"api.example.com", 443, true}, {"API.example.com.", 80, true}, {"example.com", 443, false},
		{"evil-api.example.com", 443, false}, {"api.example.com.evil", 443, false},
		{"local", 5001, true}, {"local", 5002, false},
		{"a.svc.test", 1, true}, {"a.b.svc.test", 1, true}, {"svc.test", 1, false}, {"xsvc.test", 1, false},
		{"10.0.0.1", 80, true}, {"::ffff:10.0.0.1", 80, true}, {"10.0.0.2", 80, false},
		{"::1", 8080, true}, {"[::1]", 8080, true}, {"0:0:0:0:0:0:0:1", 8080, true}, {"::1", 80, false},
		{"upper.example", 1, true},
	} {
		err := g.CheckConnect(tc.host, tc.port)
		if (err == nil) != tc.ok {
			t.Errorf("CheckConnect(%s, %d) = %v; want allowed %v", tc.host, tc.port, err, tc.ok)
		}
	}
	if err := g.CheckLookup("local"); err != nil {
		t.Errorf("lookup of a host allowed on one port: %v", err)
	}
	err := g.CheckLookup("secret.evil.test")
	var sys *nodeerr.SystemError
	if !errors.As(err, &sys) || sys.Hostname != "secret.evil.test" || sys.Syscall != "getaddrinfo" ||
		err.Error() != "getaddrinfo EACCES secret.evil.test (r.network does not allow it)" {
		t.Errorf("lookup refusal: %v (%+v)", err, sys)
	}
	err = g.CheckConnect("evil.test", 443)
	if !errors.As(err, &sys) || sys.Address != "evil.test" || sys.Port != 443 || sys.Errno != -13 ||
		err.Error() != "connect EACCES evil.test:443 (r.network does not allow it)" {
		t.Errorf("connect refusal: %v", err)
	}

	for _, bad := range []string{"", "a b", "host:0", "host:99999", "*.*.x", "user@host", "x/y", "**"} {
		if err := (Policy{Network: []string{bad}}).Validate(); err == nil {
			t.Errorf("Validate accepted network %q", bad)
		}
	}
	if err := (Policy{FS: []string{"relative"}}).Validate(); err == nil {
		t.Error("Validate accepted a relative root")
	}
	any := &Gate{decided: make(chan struct{})}
	any.state.Store(&state{rules: []*rule{compile(Policy{Network: []string{"*"}})}})
	if err := any.CheckConnect("anything.test", 1); err != nil {
		t.Errorf("*: %v", err)
	}
}

func TestFiles(t *testing.T) {
	base := tree(t, "own/code.js", "own/escape -> ../outside/secret.txt", "root/a.txt", "root/out -> ../outside",
		"outside/secret.txt")
	g := &Gate{own: []string{base + "/own"}, decided: make(chan struct{})}
	g.state.Store(&state{rules: []*rule{compile(Policy{Rule: "pluginHost.plugins.p", FS: []string{base + "/root"}})}})
	for _, tc := range []struct {
		path Path
		ok   bool
	}{
		{Read(base + "/root/a.txt"), true}, {Write(base + "/root/new.txt"), true},
		{Read(base + "/own/code.js"), true}, {Write(base + "/own/code.js"), false}, {Write(base + "/own/new"), false},
		{Read(base + "/own/escape"), false}, {Read(base + "/own/escape").NoFollow(), true},
		{Read(base + "/outside/secret.txt"), false}, {Read(base + "/root/out/secret.txt"), false},
		{Write(base + "/root/out").NoFollow(), true}, {Write(base + "/root/out"), false},
		{Read(base + "/root"), true}, {Read(base), false},
		{Path{Name: "../outside/secret.txt", Check: LinkTarget(base+"/root/l", "../outside/secret.txt")}, false},
		{Path{Name: "a.txt", Check: LinkTarget(base+"/root/l", "a.txt")}, true},
	} {
		err := g.CheckFile("open", tc.path)
		if (err == nil) != tc.ok {
			t.Errorf("CheckFile(%+v) = %v; want allowed %v", tc.path, err, tc.ok)
		}
	}
	err := g.CheckFile("rename", Write(base+"/root/a.txt").NoFollow(), Write(base+"/outside/a.txt").NoFollow())
	want := "EACCES: permission denied, rename '" + base + "/root/a.txt' -> '" + base + "/outside/a.txt' (pluginHost.plugins.p.fs does not allow it)"
	var sys *nodeerr.SystemError
	if err == nil || err.Error() != want || !errors.As(err, &sys) || sys.Dest != base+"/outside/a.txt" || !errors.Is(err, syscall.EACCES) {
		t.Errorf("rename refusal:\n got %v\nwant %s", err, want)
	}
	if err := g.CheckSocket(base + "/outside/sock"); err == nil || !strings.Contains(err.Error(), "connect EACCES "+base+"/outside/sock (pluginHost.plugins.p.fs") {
		t.Errorf("socket outside the roots: %v", err)
	}
	if err := g.CheckSocket(base + "/root/sock"); err != nil {
		t.Errorf("socket in a root: %v", err)
	}
}

func TestNilGateAllowsEverything(t *testing.T) {
	var g *Gate
	if g.Restricted() || g.CheckFile("open", Write("/etc/passwd")) != nil || g.CheckProcess("spawn x") != nil ||
		g.CheckConnect("x", 1) != nil || g.CheckLookup("x") != nil || g.CheckSocket("/x") != nil || g.Wait(context.Background()) != nil {
		t.Error("a nil gate refused something")
	}
	g.Decide(&Policy{})
}

func TestPendingThenDecided(t *testing.T) {
	a := Policy{Rule: "pluginHost.plugins.a", ChildProcess: true, Network: []string{"a.test"}}
	b := Policy{Rule: "pluginHost.plugins.b", Network: []string{"a.test", "b.test"}}
	g := &Gate{decided: make(chan struct{})}
	g.state.Store(&state{pending: true, rules: []*rule{compile(a), compile(b)}})

	// Pending: every candidate must allow a call.
	if err := g.CheckConnect("a.test", 1); err != nil {
		t.Errorf("allowed by both: %v", err)
	}
	err := g.CheckProcess("spawn /bin/true")
	if err == nil || !strings.HasPrefix(err.Error(), "spawn /bin/true EACCES (pluginHost.plugins.b.childProcess does not allow it: while its module code runs") {
		t.Errorf("pending refusal: %v", err)
	}
	if err := g.CheckConnect("b.test", 1); err == nil {
		t.Error("b.test is refused by a while pending")
	}

	waited := make(chan error, 1)
	go func() { waited <- g.Wait(context.Background()) }()
	select {
	case err := <-waited:
		t.Fatalf("Wait returned before Decide: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	g.Decide(&b)
	if err := <-waited; err != nil {
		t.Fatal(err)
	}
	if err := g.CheckConnect("b.test", 1); err != nil {
		t.Errorf("b decided: %v", err)
	}
	if err := g.CheckProcess("spawn /bin/true"); err == nil || strings.Contains(err.Error(), "module code") {
		t.Errorf("b decided, child process: %v", err)
	}
	g.Decide(nil)
	if g.Restricted() || g.CheckProcess("spawn /bin/true") != nil {
		t.Error("no policy decided, still restricted")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h := &Gate{decided: make(chan struct{})}
	if err := h.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait on a cancelled context: %v", err)
	}
}
