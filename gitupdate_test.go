package pluginhost

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/gittest"
)

// gitPlugin is a plugin whose /answer route answers n.
func gitPlugin(id string, n int) map[string]string {
	return map[string]string{
		"index.js": fmt.Sprintf(`module.exports = {
    info: { id: %q, name: %q, description: 'from git' },
    init(router) { router.get('/answer', (req, res) => res.json({ answer: %d })); },
};
`, id, id, n),
		".gitignore": "node_modules/\n",
	}
}

// gitPlugins makes a plugins directory holding a clone of a new origin per id (answering 1), then
// pushes a commit answering 2 to each origin. It returns the directory.
func gitPlugins(t *testing.T, ids ...string) (string, map[string]*gittest.Origin) {
	t.Helper()
	dir := t.TempDir()
	origins := map[string]*gittest.Origin{}
	for _, id := range ids {
		o := gittest.NewOrigin(t, gitPlugin(id, 1))
		o.Clone(t, filepath.Join(dir, id))
		o.Commit(t, gitPlugin(id, 2))
		origins[id] = o
	}
	return dir, origins
}

func (th *testHost) gitAnswer(t *testing.T, id string) any {
	t.Helper()
	return th.getJSON(t, "/api/plugins/"+id+"/answer")["answer"]
}

func TestAutoUpdateServesTheNewCommit(t *testing.T) {
	dir, origins := gitPlugins(t, "gitplug")
	th := startHost(t, dir, func(o *Options) { o.AutoUpdate = true })
	if got := th.gitAnswer(t, "gitplug"); got != 2.0 {
		t.Errorf("answer %v, want 2 (the pushed commit)", got)
	}
	th.log.mustLog(t, "level=INFO", "Auto-updating server plugins... Set enableServerPluginsAutoUpdate: false in config.yaml to disable this feature.")
	th.log.mustLog(t, "level=INFO", "Plugin gitplug updated to commit "+origins["gitplug"].Head(t).String(), "entry=gitplug")
	if lines := th.log.lines("All plugins are up to date."); len(lines) > 0 {
		t.Errorf("logged %q after an update", lines)
	}
}

func TestAutoUpdateOff(t *testing.T) {
	dir, _ := gitPlugins(t, "gitplug")
	th := startHost(t, dir)
	if got := th.gitAnswer(t, "gitplug"); got != 1.0 {
		t.Errorf("answer %v, want 1: AutoUpdate is off", got)
	}
	if lines := th.log.lines("Auto-updating"); len(lines) > 0 {
		t.Errorf("auto-update ran while off: %q", lines)
	}
}

func TestAutoUpdateSkipIsLoggedAndThePluginLoads(t *testing.T) {
	dir, _ := gitPlugins(t, "gitplug")
	gittest.WriteFile(t, filepath.Join(dir, "gitplug", "notes.txt"), "mine")
	gittest.WriteFile(t, filepath.Join(dir, "gitplug", "node_modules", "dep", "index.js"), "ignored")
	th := startHost(t, dir, func(o *Options) { o.AutoUpdate = true })
	if got := th.gitAnswer(t, "gitplug"); got != 1.0 {
		t.Errorf("answer %v, want 1: the dirty plugin is not updated", got)
	}
	th.log.mustLog(t, "level=WARN", "Plugin gitplug not updated: work tree has local changes: notes.txt", "entry=gitplug")
	th.log.mustLog(t, "level=INFO", "All plugins are up to date.")
}

// A dead remote, bounded by GitTimeout, is logged and stops neither the other updates nor loading.
// A plugin folder that is not a repository is left alone without a word.
func TestAutoUpdateDeadRemoteDoesNotStopTheOthers(t *testing.T) {
	release := make(chan struct{})
	dead := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(dead.Close)
	t.Cleanup(func() { close(release) })

	dir, origins := gitPlugins(t, "alive", "stuck", "gone")
	stuck := filepath.Join(dir, "stuck")
	gittest.SetOrigin(t, gittest.Open(t, stuck), dead.URL+"/owner/stuck.git")
	gittest.SetOrigin(t, gittest.Open(t, filepath.Join(dir, "gone")), filepath.Join(t.TempDir(), "missing"))
	for name, content := range gitPlugin("plain", 1) {
		gittest.WriteFile(t, filepath.Join(dir, "plain", name), content)
	}
	const secret = "tok-never-logged-123"
	th := startHost(t, dir, func(o *Options) {
		o.AutoUpdate = true
		o.GitTimeout = 200 * time.Millisecond
		o.GitAuth = GitAuth{Token: secret}
	})

	if got := th.gitAnswer(t, "alive"); got != 2.0 {
		t.Errorf("alive: answer %v, want 2", got)
	}
	for _, id := range []string{"stuck", "gone", "plain"} {
		if got := th.gitAnswer(t, id); got != 1.0 {
			t.Errorf("%s: answer %v, want 1", id, got)
		}
	}
	th.log.mustLog(t, "level=ERROR", "Failed to update plugin stuck: gitrepo: fetch "+dead.URL+"/owner/stuck.git", "context deadline exceeded", "entry=stuck")
	th.log.mustLog(t, "level=ERROR", "Failed to update plugin gone:", "entry=gone")
	th.log.mustLog(t, "Plugin alive updated to commit "+origins["alive"].Head(t).String())
	for _, line := range strings.Split(th.log.String(), "\n") {
		if strings.Contains(line, "entry=plain") || strings.Contains(line, secret) {
			t.Errorf("unexpected log line %q", line)
		}
	}
}

func TestAutoUpdateFollowsLinkedFolders(t *testing.T) {
	repos, origins := gitPlugins(t, "linked")
	dir := t.TempDir()
	for _, name := range []string{"a-link", "b-link"} { // two names, one repository: updated once
		if err := os.Symlink(filepath.Join(repos, "linked"), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	th := startHost(t, dir, func(o *Options) { o.AutoUpdate = true })
	if got := th.gitAnswer(t, "linked"); got != 2.0 {
		t.Errorf("answer %v, want 2", got)
	}
	updated := th.log.lines("updated to commit " + origins["linked"].Head(t).String())
	if len(updated) != 1 || !strings.Contains(updated[0], "Plugin a-link") {
		t.Errorf("update lines %q, want one for a-link", updated)
	}
}

func TestGitPluginFolders(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	for _, d := range []string{"b", ".hidden", "a"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	gittest.WriteFile(t, filepath.Join(dir, "single.js"), "")
	for link, target := range map[string]string{"c-to-a": filepath.Join(dir, "a"), "d-out": outside, "e-broken": filepath.Join(outside, "gone")} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := pluginFolders(dir), []string{"a", "b", "d-out"}; !slices.Equal(got, want) {
		t.Errorf("pluginFolders = %q, want %q", got, want)
	}
	if got := pluginFolders(filepath.Join(dir, "missing")); got != nil {
		t.Errorf("missing directory: %q", got)
	}
}

func TestGitAuthIsNeverPrinted(t *testing.T) {
	const token, passphrase = "tok-secret-value", "pass-secret-value"
	opts := Options{GitAuth: GitAuth{Username: "me", Token: token, SSHKeyFile: "/k", SSHKeyPassphrase: passphrase}}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "auth", opts.GitAuth)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "opts", opts)
	out := fmt.Sprintf("%v %+v %s ", opts, opts, opts.GitAuth) + buf.String()
	if strings.Contains(out, token) || strings.Contains(out, passphrase) {
		t.Errorf("a secret was printed: %s", out)
	}
	if !strings.Contains(out, `Username: "me", Token: set`) {
		t.Errorf("GitAuth printed as %s", out)
	}
}
