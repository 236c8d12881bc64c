package express

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// res.sendFile and express.static read files: under a policy, only those it lets the plugin read,
// links and ".." resolved; a refused file is send's stat error (500) with Node's EACCES naming the
// rule, and its content is never sent.
func TestPolicySendFileAndStatic(t *testing.T) {
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"root/a.txt": "inside", "outside/secret.txt": "secret"} {
		p := filepath.Join(base, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../outside/secret.txt", filepath.Join(base, "root/out.txt")); err != nil {
		t.Fatal(err)
	}
	f := setup(t, Config{}, fmt.Sprintf(`
		const B = %q;
		router.get('/sf', (req, res) => res.sendFile(B + req.query.p, (err) => {
			if (err) res.status(299).json({code: err.code, errno: err.errno, syscall: err.syscall, status: err.status, message: err.message});
		}));
		router.use('/st', express.static(B + '/root'));
	`, base))
	jstest.Do(t, f.rt, func(*goja.Runtime) error {
		policy.Install(f.rt, policy.Setup{}).Decide(&policy.Policy{Rule: "pluginHost.plugins.test", FS: []string{base + "/root"}})
		return nil
	})

	jstest.Expect(t, "sendFile inside", f.get("/api/plugins/test/sf?p=/root/a.txt").body, "inside")
	// send refuses ".." itself (403), before any file is looked at.
	for _, p := range []string{"/outside/secret.txt", "/root/out.txt"} {
		r := f.get("/api/plugins/test/sf?p=" + p)
		want := fmt.Sprintf(`{"code":"EACCES","errno":-13,"syscall":"stat","status":500,"message":"EACCES: permission denied, stat '%s' (pluginHost.plugins.test.fs does not allow it)"}`, base+p)
		jstest.Expect(t, "sendFile "+p, r.body, want)
	}
	jstest.Expect(t, "static inside", f.get("/api/plugins/test/st/a.txt").body, "inside")
	r := f.get("/api/plugins/test/st/out.txt")
	jstest.Expect(t, "static through a link leading out", r.status, 500)
	if strings.Contains(r.body, "secret") && !strings.Contains(r.body, "EACCES") {
		t.Errorf("the secret was served: %s", r.body)
	}
}
