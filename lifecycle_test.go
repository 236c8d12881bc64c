package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// reloadTree copies testdata/reload (counter, whose answer.js holds its version, and steady) into a
// temporary plugins directory the test may edit.
func reloadTree(t *testing.T) string {
	t.Helper()
	return copyTree(t, "testdata/reload")
}

// writeFile writes content to dir/rel, creating folders.
func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// answer returns counter's /answer, or "" with the status when it does not answer 200.
func (th *testHost) answer(t *testing.T, id string) (string, int) {
	t.Helper()
	status, body := th.do(t, "GET", "/api/plugins/"+id+"/answer", "", "")
	if status != 200 {
		return "", status
	}
	return body, status
}

// waitFor polls cond until it holds; the deadline only guards against a hung test.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestReloadServesTheNewVersion(t *testing.T) {
	dir := reloadTree(t)
	th := startHost(t, dir)
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v1"}` {
		t.Fatalf("before: %s", got)
	}
	writeFile(t, dir, "counter/answer.js", "module.exports = 'v2';")
	if err := th.host.Reload(context.Background(), "counter"); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v2"}` {
		t.Errorf("after Reload: %s", got)
	}
	// The old runtime's exit() runs once it has no requests left.
	th.waitLog(t, "exit v1", "plugin=counter")
	if status, _ := th.do(t, "GET", "/api/plugins/steady/ok", "", ""); status != 200 {
		t.Errorf("neighbour: %d", status)
	}
	if err := th.host.Reload(context.Background(), "nobody"); !errors.Is(err, ErrUnknownPlugin) {
		t.Errorf("Reload of an unknown id: %v", err)
	}
}

// A reload that fails keeps the old version serving, logs why and reports it in the status.
func TestFailedReloadKeepsTheOldVersion(t *testing.T) {
	dir := reloadTree(t)
	th := startHost(t, dir)
	writeFile(t, dir, "counter/answer.js", "module.exports = 'v2'; this is not javascript")
	err := th.host.Reload(context.Background(), "counter")
	if err == nil || !strings.Contains(err.Error(), "answer.js") {
		t.Fatalf("Reload of a broken file: %v, want an error naming the file", err)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v1"}` {
		t.Errorf("after a failed reload: %s, want v1 still", got)
	}
	th.log.mustLog(t, "Reload failed; the running version keeps serving", "plugin=counter")
	var st PluginStatus
	for _, s := range th.host.Plugins() {
		if s.Entry == "counter" {
			st = s
		}
	}
	if !st.Loaded || st.ReloadErr == nil {
		t.Errorf("status after a failed reload: %+v", st)
	}
	if len(th.log.lines("exit v1")) != 0 {
		t.Error("the serving version's exit ran although the reload failed")
	}
	// Fixed, the next reload succeeds and clears the error.
	writeFile(t, dir, "counter/answer.js", "module.exports = 'v3';")
	if err := th.host.Reload(context.Background(), "counter"); err != nil {
		t.Fatal(err)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v3"}` {
		t.Errorf("after the fix: %s", got)
	}
	for _, s := range th.host.Plugins() {
		if s.Entry == "counter" && s.ReloadErr != nil {
			t.Errorf("ReloadErr after a good reload: %v", s.ReloadErr)
		}
	}
}

// An id that changes on reload is a removal and an addition; a router that loses its routes is
// unmounted, and mounted again when it has routes.
func TestReloadIDChangeAndEmptyRouter(t *testing.T) {
	dir := reloadTree(t)
	th := startHost(t, dir)
	src, err := os.ReadFile(filepath.Join(dir, "counter/index.js"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "counter/index.js", strings.Replace(string(src), "id: 'counter'", "id: 'renamed'", 1))
	if err := th.host.Reload(context.Background(), "counter"); err != nil {
		t.Fatal(err)
	}
	th.notServed(t, "/api/plugins/counter/answer")
	if got, _ := th.answer(t, "renamed"); got != `{"answer":"v1"}` {
		t.Errorf("under the new id: %s", got)
	}
	th.waitLog(t, "exit v1", "plugin=counter")

	// The id is free again for another plugin.
	writeFile(t, dir, "newcomer.js", `module.exports = { info: { id: 'counter', name: 'N', description: 'd' },
		init(router) { router.get('/answer', (req, res) => res.json({ answer: 'newcomer' })); } };`)
	if err := th.host.refresh(context.Background(), "newcomer.js"); err != nil {
		t.Fatal(err)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"newcomer"}` {
		t.Errorf("the freed id: %s", got)
	}

	// A reload whose id is taken by another plugin fails and keeps the old version.
	writeFile(t, dir, "counter/index.js", string(src))
	if err := th.host.Reload(context.Background(), "renamed"); err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Errorf("reload onto a taken id: %v", err)
	}
	if got, _ := th.answer(t, "renamed"); got != `{"answer":"v1"}` {
		t.Errorf("after the refused reload: %s", got)
	}

	writeFile(t, dir, "newcomer.js", `module.exports = { info: { id: 'counter', name: 'N', description: 'd' }, init(router) {} };`)
	if err := th.host.Reload(context.Background(), "counter"); err != nil {
		t.Fatal(err)
	}
	th.notServed(t, "/api/plugins/counter/answer")
	writeFile(t, dir, "newcomer.js", `module.exports = { info: { id: 'counter', name: 'N', description: 'd' },
		init(router) { router.get('/answer', (req, res) => res.json({ answer: 'back' })); } };`)
	if err := th.host.Reload(context.Background(), "counter"); err != nil {
		t.Fatal(err)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"back"}` {
		t.Errorf("mounted again: %s", got)
	}
}

// Requests in flight when a plugin is reloaded finish on the old runtime; requests made during the
// reload are answered by one version or the other; none is lost or failed.
func TestReloadUnderLoadLosesNoRequest(t *testing.T) {
	dir := reloadTree(t)
	th := startHost(t, dir)

	const inFlight = 200
	type result struct {
		batch  int // the version serving when the request was sent and received; 0: during a reload
		status int
		body   string
	}
	results := make(chan result, inFlight*6)
	var wg sync.WaitGroup
	fire := func(batch, n int) {
		path := "/api/plugins/counter/slow?ms=200" // counted by the version it reaches
		if batch == 0 {
			path = "/api/plugins/counter/answer"
		}
		for range n {
			wg.Go(func() {
				status, body := th.do(t, "GET", path, "", "")
				results <- result{batch, status, body}
			})
		}
	}
	for v := 1; v <= 3; v++ {
		// inFlight requests reach version v (it counts them) before it is replaced.
		fire(v, inFlight)
		waitFor(t, fmt.Sprintf("v%d to receive its requests", v), func() bool {
			m := th.getJSON(t, "/api/plugins/counter/received")
			return m["answer"] == fmt.Sprintf("v%d", v) && m["received"] == float64(inFlight)
		})
		writeFile(t, dir, "counter/answer.js", fmt.Sprintf("module.exports = 'v%d';", v+1))
		fire(0, inFlight)
		if err := th.host.Reload(context.Background(), "counter"); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		n++
		want := fmt.Sprintf(`{"answer":"v%d"}`, r.batch)
		if r.status != 200 || (r.batch == 0 && !strings.HasPrefix(r.body, `{"answer":"v`)) || (r.batch != 0 && r.body != want) {
			t.Errorf("request of batch %d: %d %s", r.batch, r.status, r.body)
		}
	}
	if n != inFlight*6 {
		t.Errorf("%d answers, want %d", n, inFlight*6)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v4"}` {
		t.Errorf("after the reloads: %s", got)
	}
	for v := 1; v <= 3; v++ {
		th.waitLog(t, fmt.Sprintf("exit v%d", v))
	}
}

// With Watch, editing a handler's file is served without a restart, a broken edit keeps the old
// version, a new plugin is loaded and a removed one unloaded (its exit runs).
func TestWatchReloadsChangedPlugins(t *testing.T) {
	dir := reloadTree(t)
	th := startHost(t, dir, func(o *Options) { o.Watch = true })

	writeFile(t, dir, "counter/answer.js", "module.exports = 'v2';")
	waitFor(t, "the edit to be served", func() bool { got, _ := th.answer(t, "counter"); return got == `{"answer":"v2"}` })

	writeFile(t, dir, "counter/answer.js", "module.exports = ;")
	th.waitLog(t, "Reload failed; the running version keeps serving", "plugin=counter")
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v2"}` {
		t.Errorf("after a broken edit: %s", got)
	}

	// Data a plugin writes into its folder, and ignored folders, do not reload it.
	inits := len(th.log.lines("init v2"))
	writeFile(t, dir, "counter/data.json", `{"saved":true}`)
	writeFile(t, dir, "counter/node_modules/dep/index.js", "module.exports = 1;")
	writeFile(t, dir, "counter/.cache/x.js", "1")

	writeFile(t, dir, "added/index.mjs", `export const info = { id: 'added', name: 'Added', description: 'new' };
export function init(router) { router.get('/answer', (req, res) => res.json({ answer: 'added' })); }`)
	waitFor(t, "the new plugin to be served", func() bool { got, _ := th.answer(t, "added"); return got == `{"answer":"added"}` })
	if n := len(th.log.lines("init v2")); n != inits {
		t.Errorf("counter was initialised %d more times by files that do not reload it", n-inits)
	}

	if err := os.RemoveAll(filepath.Join(dir, "counter")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the removed plugin to be unmounted", func() bool { _, status := th.answer(t, "counter"); return status == 404 })
	th.waitLog(t, "exit v2", "plugin=counter")
	for _, s := range th.host.Plugins() {
		if s.Entry == "counter" {
			t.Errorf("removed plugin still listed: %+v", s)
		}
	}
	if status, _ := th.do(t, "GET", "/api/plugins/steady/ok", "", ""); status != 200 {
		t.Errorf("neighbour: %d", status)
	}
}

// Close waits for a retiring plugin's exit, and lifecycle calls after Close are refused.
func TestLifecycleAfterClose(t *testing.T) {
	dir := reloadTree(t)
	th := startHost(t, dir)
	if err := th.host.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := th.host.Reload(context.Background(), "counter"); !errors.Is(err, ErrClosed) {
		t.Errorf("Reload after Close: %v", err)
	}
	disabled, err := New(context.Background(), Options{PluginsDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := disabled.refresh(context.Background(), "counter"); !errors.Is(err, ErrDisabled) {
		t.Errorf("refresh with plugins disabled: %v", err)
	}
}

// A plugin folder linked into the plugins directory is watched through its target.
func TestWatchFollowsLinkedPlugins(t *testing.T) {
	dir := reloadTree(t)
	outside := t.TempDir()
	writeFile(t, outside, "linked/index.js", `const answer = require('./lib/answer.js');
module.exports = { info: { id: 'linked', name: 'L', description: 'd' },
	init(router) { router.get('/answer', (req, res) => res.json({ answer })); } };`)
	writeFile(t, outside, "linked/lib/answer.js", "module.exports = 'l1';")
	if err := os.Symlink(filepath.Join(outside, "linked"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	th := startHost(t, dir, func(o *Options) { o.Watch = true })
	if got, _ := th.answer(t, "linked"); got != `{"answer":"l1"}` {
		t.Fatalf("before: %s", got)
	}
	writeFile(t, outside, "linked/lib/answer.js", "module.exports = 'l2';")
	waitFor(t, "the edit in the link target to be served", func() bool { got, _ := th.answer(t, "linked"); return got == `{"answer":"l2"}` })
}
