package pluginhost

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestLifecycle(t *testing.T) {
	th := startHost(t, "testdata/lifecycle", func(o *Options) { o.InitTimeout = 3 * time.Second }) // generous: good plugins must load on a busy machine
	th.which(t, "good", "good")

	// An empty router is never mounted, and routes added after init settled are not served.
	// Routes registered after an await inside init count: init has not settled yet.
	th.notServed(t, "/api/plugins/empty-router/")
	th.notServed(t, "/api/plugins/late-routes/late")
	th.log.mustLog(t, "not mounted", "late-routes")
	th.waitLog(t, "Route added after init settled", "late-routes")
	th.log.mustLog(t, "not mounted", "empty-router")
	th.getJSON(t, "/api/plugins/late-extra/early")
	th.getJSON(t, "/api/plugins/late-extra/after")

	// init that throws, rejects or never settles is refused and logged; its routes are not served.
	th.notServed(t, "/api/plugins/init-throws/x")
	th.log.mustLog(t, "Failed to load plugin from", "init-throws.js", "sync init failure")
	th.notServed(t, "/api/plugins/init-rejects/x")
	th.log.mustLog(t, "Failed to load plugin from", "init-rejects.mjs", "async init failure")
	th.notServed(t, "/api/plugins/init-never/x")
	th.log.mustLog(t, "Failed to load plugin from", "init-never.mjs", "did not settle")
	th.notServed(t, "/api/plugins/init-spins/x")
	th.log.mustLog(t, "Failed to load plugin from", "init-spins.js", "did not settle")
	th.log.mustLog(t, "Failed to load plugin from", "module-spins.js", "did not finish")

	th.log.mustLog(t, "[Plugin Loader] Loaded plugin: Good (good)")
	th.log.mustLog(t, "server plugin(s) are currently loaded")
	for _, p := range th.host.Plugins() {
		switch p.Entry {
		case "good.js", "late-extra.mjs", "exit-async.mjs", "exit-throws.js":
			if !p.Loaded || !p.Mounted {
				t.Errorf("%s: loaded=%v mounted=%v err=%v", p.Entry, p.Loaded, p.Mounted, p.Err)
			}
		case "empty-router.js", "late-routes.mjs":
			if !p.Loaded || p.Mounted {
				t.Errorf("%s: loaded=%v mounted=%v, want loaded and not mounted", p.Entry, p.Loaded, p.Mounted)
			}
		default:
			if p.Loaded || p.Err == nil {
				t.Errorf("%s: loaded=%v err=%v, want refused", p.Entry, p.Loaded, p.Err)
			}
		}
	}
}

func TestCloseCallsExitOnceAndStopsServing(t *testing.T) {
	th := startHost(t, "testdata/lifecycle", func(o *Options) { o.InitTimeout = 3 * time.Second }) // generous: good plugins must load on a busy machine
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := th.host.Close(ctx)
	if err == nil || !strings.Contains(err.Error(), "exit failure") {
		t.Errorf("Close error = %v, want the failing exit reported", err)
	}
	if again := th.host.Close(ctx); again != err {
		t.Errorf("second Close = %v, want the first result %v", again, err)
	}
	if n := len(th.log.lines("good exit called")); n != 1 {
		t.Errorf("good exit called %d times, want 1", n)
	}
	if n := len(th.log.lines("exit-async exit finished")); n != 1 {
		t.Errorf("async exit finished %d times, want 1 (Close must wait for its promise)", n)
	}
	th.log.mustLog(t, "Plugin exit failed", "exit-throws", "exit failure")
	if status, body := th.do(t, "GET", "/api/plugins/good/which", "", ""); status != 503 || !strings.Contains(body, `"error"`) {
		t.Errorf("after Close: %d %s, want 503 JSON error", status, body)
	}
}

func TestDisabledLoadsNothing(t *testing.T) {
	th := startHost(t, "testdata/lifecycle", func(o *Options) { o.EnableServerPlugins = false })
	if n := len(th.host.Plugins()); n != 0 {
		t.Errorf("%d plugins loaded while disabled", n)
	}
	th.notServed(t, "/api/plugins/good/which")
	th.log.mustLog(t, "enableServerPlugins: true")
}

func TestCloseAnswersInFlightRequests(t *testing.T) {
	th := startHost(t, "testdata/host")
	type result struct {
		status int
		body   string
	}
	done := make(chan result, 1)
	go func() {
		s, b := th.do(t, "GET", "/api/plugins/echo/hang", "", "")
		done <- result{s, b}
	}()
	th.waitLog(t, "hang reached")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := th.host.Close(ctx); err != nil {
		t.Fatal(err)
	}
	r := receive(t, done, "the in-flight response")
	if r.status != 503 || !strings.Contains(r.body, `"error"`) {
		t.Errorf("in-flight request at Close: %d %s, want 503 JSON", r.status, r.body)
	}
}
