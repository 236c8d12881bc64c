package pluginhost

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/loadtest"
)

// The goroutine-leak test (issue 5, case 9): one host serves testdata/faults and
// testdata/concurrency, another testdata/npm/plugins when its packages are installed (else
// testdata/host). The first is exercised by several clients at once (requests, timers, fetch and
// http.request to an upstream server, streams, zlib, child processes, fs.watch, a watchdog rebuild
// under load, the faults, a client that goes away), the second by the npm suite. Both are closed,
// the first with a request in flight while a plugin still has timers, watchers, a file poller,
// child processes, a gzip stream and upstream requests running. Close must abort those requests and
// stop those processes, and every goroutine started since the test began must end.

func TestCloseLeavesNoGoroutines(t *testing.T) {
	before := loadtest.Goroutines()

	hung := make(chan struct{}, 16)
	up := httptest.NewServer(loadtest.Upstream(hung))
	defer up.Close()
	npmUp := httptest.NewServer(upstreamAPI())
	defer npmUp.Close()

	th := startHost(t, leakPlugins(t), func(o *Options) {
		o.PluginEnv = map[string]string{"UPSTREAM": up.URL, "SCRATCH": t.TempDir()}
		o.BusyLimit = 2 * time.Second
		// Far above the heap: it only starts the heap watch, which Close must stop.
		o.MemoryLimit = 1 << 40
	})
	// The npm plugins get a host of their own without the watchdog: loading their packages all at
	// once under -race on a busy 2-core machine kept one loop for more than 6s.
	npm, isNpm := startNpmOrEchoHost(t)

	// Requests, timers, upstream calls, child processes and watchers on every concurrency plugin, from
	// a few clients at once, while spin-echo is stopped by the watchdog and rebuilt under the load.
	echoLoad{clients: 8, perClient: 16, spins: 1}.run(t, th)
	// The faulty plugins: recursion, an unhandled rejection, process.exit.
	for _, path := range []string{"/recurse", "/reject", "/exit"} {
		th.do(t, "GET", "/api/plugins/spinner"+path, "", "")
	}
	th.healthy(t)
	if isNpm {
		t.Run("npm", (&npmSuite{base: npm.srv.URL, logs: npm.log, upstream: npmUp.URL}).run)
	} else {
		npm.getJSON(t, "/api/plugins/echo/body")
	}

	// A client that goes away before its answer.
	gone, cancelGone := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(gone, "GET", th.srv.URL+"/api/plugins/healthy/slow", nil)
	var inFlight sync.WaitGroup
	inFlight.Go(func() {
		if resp, err := th.srv.Client().Do(req); err == nil {
			resp.Body.Close()
		}
	})
	th.waitLog(t, "plugin=healthy", "slow request started")
	cancelGone()
	inFlight.Wait()

	// Leave resources running for Close, and a request in flight.
	pids := th.getJSON(t, "/api/plugins/resources/linger")["pids"].([]any)
	inFlight.Go(func() { th.do(t, "GET", "/api/plugins/healthy/slow", "", "") })
	waitLines(t, th, 2, "plugin=healthy", "slow request started")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := th.host.Close(ctx); err == nil || !strings.Contains(err.Error(), "exit-spinner") {
		t.Errorf("Close = %v, want only the exit-spinner's failure", err)
	}
	inFlight.Wait()
	if err := npm.host.Close(ctx); err != nil {
		t.Errorf("Close of the npm host: %v", err)
	}
	th.srv.Close()
	npm.srv.Close()
	receive(t, hung, "the lingering requests to /hang to be aborted by Close")
	receive(t, hung, "the lingering requests to /hang to be aborted by Close")
	// The streamed fetch body must have been cut too, or the upstream would wait for its end.
	upClosed := make(chan struct{})
	go func() { up.Close(); close(upClosed) }()
	receive(t, upClosed, "the upstream server to close (its requests aborted by Close)")
	npmUp.Close()
	for _, pid := range pids {
		waitProcessGone(t, int(pid.(float64)))
	}

	checkNoNewGoroutines(t, before)
}

// leakPlugins builds a plugins directory from testdata/faults and testdata/concurrency.
func leakPlugins(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{"testdata/faults", concurrencyDir} {
		files, err := filepath.Glob(filepath.Join(src, "*.js"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no plugins in %s: %v", src, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// startNpmOrEchoHost serves testdata/npm/plugins with the shared node_modules when the npm packages
// are installed (and reports true), else testdata/host, with the watchdog off.
func startNpmOrEchoHost(t *testing.T) (*testHost, bool) {
	t.Helper()
	_, sharedErr := os.Stat(npmShared)
	_, ownErr := os.Stat(npmOwnDeps)
	if sharedErr != nil || ownErr != nil {
		t.Logf("npm packages not installed (see testdata/npm/README.md): testdata/host instead of the npm plugins")
		return startHost(t, "testdata/host", func(o *Options) { o.BusyLimit = -1 }), false
	}
	shared, err := filepath.Abs(npmShared)
	if err != nil {
		t.Fatal(err)
	}
	return startHost(t, npmPlugins, func(o *Options) {
		o.BusyLimit = -1
		o.SharedModules = []string{shared}
		o.PluginEnv = npmPluginEnv
	}), true
}

// waitLines waits until n log lines contain all parts.
func waitLines(t *testing.T, th *testHost, n int, parts ...string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for len(th.log.lines(parts...)) < n {
		if time.Now().After(deadline) {
			t.Fatalf("fewer than %d log lines contain %q; log:\n%s", n, parts, th.log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitProcessGone waits until the process pid no longer exists: stopped and reaped.
func waitProcessGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
		if time.Now().After(deadline) {
			t.Errorf("child process %d still exists after Close", pid)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// checkNoNewGoroutines waits, generously, until the goroutine count is back to what it was in before
// and none of the goroutines started since involves pluginhost code. On failure it prints the
// survivors whose stacks mention pluginhost packages (all survivors when none does).
func checkNoNewGoroutines(t *testing.T, before map[int]string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		now := loadtest.Goroutines()
		var ours, others []string
		for id, stack := range now {
			if _, old := before[id]; old {
				continue
			}
			if strings.Contains(stack, "github.com/pluginhost/pluginhost") {
				ours = append(ours, stack)
			} else {
				others = append(others, stack)
			}
		}
		if len(now) <= len(before) && len(ours) == 0 {
			return
		}
		if time.Now().After(deadline) {
			survivors := ours
			if len(survivors) == 0 {
				survivors = others
			}
			sort.Strings(survivors)
			t.Errorf("%d goroutines after Close, %d before; %d started since survive, %d of them in pluginhost code:\n\n%s",
				len(now), len(before), len(ours)+len(others), len(ours), strings.Join(survivors, "\n\n"))
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// rebuiltPlugin's init is slow, or never settles, when the plugin is rebuilt (a file marks the first
// load), so that Close can be called while a rebuild is in progress; /spin-later makes the watchdog
// rebuild it without a request waiting.
const rebuiltPlugin = `const fs = require('fs');
module.exports = {
  info: { id: 'rebuilt', name: 'Rebuilt', description: 'slow to rebuild' },
  async init(router) {
    router.get('/spin-later', (req, res) => { setTimeout(() => { for (;;) {} }, 1); res.json({}); });
    if (!fs.existsSync(process.env.FLAG)) return fs.writeFileSync(process.env.FLAG, '');
    console.log('rebuild init started');
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.REBUILD_INIT_MS)));
    console.log('rebuild init finished');
  },
  exit() { console.log('exit called'); },
};
`

// Close waits for a rebuild in progress, and exit() then runs in the rebuilt runtime: no plugin code
// runs after Close returned. A rebuild that cannot finish is cut short at Close's deadline, with the
// runtime it was building closed.
func TestCloseDuringRebuild(t *testing.T) {
	for _, tc := range []struct {
		name, initMS string
		closeWithin  time.Duration
		finished     int
	}{
		{"finishes", "300", 30 * time.Second, 1},
		{"cut short", "3600000", time.Second, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := loadtest.Goroutines()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "rebuilt.js"), []byte(rebuiltPlugin), 0o644); err != nil {
				t.Fatal(err)
			}
			th := startHost(t, dir, func(o *Options) {
				o.BusyLimit = testBusyLimit
				o.InitTimeout = 10 * time.Minute
				o.PluginEnv = map[string]string{"FLAG": filepath.Join(t.TempDir(), "loaded"), "REBUILD_INIT_MS": tc.initMS}
			})
			th.getJSON(t, "/api/plugins/rebuilt/spin-later")
			th.waitLog(t, "plugin=rebuilt", "rebuild init started")
			ctx, cancel := context.WithTimeout(context.Background(), tc.closeWithin)
			defer cancel()
			_ = th.host.Close(ctx)
			finished := len(th.log.lines("rebuild init finished"))
			exited := len(th.log.lines("exit called"))
			if finished != tc.finished || exited != tc.finished {
				t.Errorf("when Close returned: rebuild init finished %d times, exit called %d times; want %d", finished, exited, tc.finished)
			}
			th.srv.Close()
			checkNoNewGoroutines(t, before)
			if n := len(th.log.lines("rebuild init finished")); n != finished {
				t.Errorf("the rebuild's init finished after Close returned")
			}
		})
	}
}
