package pluginhost

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// The fault tests load testdata/faults: a healthy plugin next to plugins that never yield (in a
// handler, a middleware, a timer, a promise callback, init or exit) or commit the other run-time
// faults. Each checks that the healthy plugin keeps answering, the host keeps running, and the log
// names the plugin and the cause. The watchdog limit is short so that the tests run quickly; nothing
// asserts how long anything took.

const testBusyLimit = 200 * time.Millisecond

// testInitTimeout bounds the init-spinner's load; the healthy plugins must load within it on a busy
// machine under -race.
const testInitTimeout = 2 * time.Second

func startFaults(t *testing.T, mutate ...func(*Options)) *testHost {
	t.Helper()
	return startHost(t, "testdata/faults", append([]func(*Options){func(o *Options) {
		o.BusyLimit, o.InitTimeout = testBusyLimit, testInitTimeout
	}}, mutate...)...)
}

// status returns the host's report for the plugin with entry name entry.
func (th *testHost) status(t *testing.T, entry string) PluginStatus {
	t.Helper()
	for _, s := range th.host.Plugins() {
		if s.Entry == entry {
			return s
		}
	}
	t.Fatalf("no plugin %q", entry)
	return PluginStatus{}
}

// waitRebuilds waits until the plugin has been rebuilt n times and its rebuilt router answers.
func (th *testHost) waitRebuilds(t *testing.T, entry string, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for th.status(t, entry).Rebuilds < n {
		if time.Now().After(deadline) {
			t.Fatalf("%s was rebuilt %d times, want %d; log:\n%s", entry, th.status(t, entry).Rebuilds, n, th.log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (th *testHost) healthy(t *testing.T) {
	t.Helper()
	if code, body := th.do(t, "GET", "/api/plugins/healthy/ok", "", ""); code != 200 || body != `{"ok":true}` {
		t.Errorf("healthy plugin: %d %s", code, body)
	}
}

// A handler that never yields: its request gets 503 JSON naming the cause, the neighbour answers
// meanwhile, and the plugin comes back rebuilt (its module state fresh).
func TestFaultHandlerNeverYields(t *testing.T) {
	th := startFaults(t)
	if code, body := th.do(t, "POST", "/api/plugins/spinner/state", "application/json", `{"state":"dirty"}`); code != 200 {
		t.Fatalf("set state: %d %s", code, body)
	}
	var wg sync.WaitGroup
	var code int
	var body string
	wg.Go(func() { code, body = th.do(t, "GET", "/api/plugins/spinner/spin", "", "") })
	th.healthy(t)
	wg.Wait()
	var answer struct{ Error string }
	if code != 503 || json.Unmarshal([]byte(body), &answer) != nil ||
		!strings.Contains(answer.Error, "spinner ran JavaScript for more than 200ms without yielding") {
		t.Errorf("stuck request: %d %s", code, body)
	}
	th.waitRebuilds(t, "spinner.js", 1)
	if got := th.getJSON(t, "/api/plugins/spinner/state"); got["state"] != "fresh" {
		t.Errorf("state after the rebuild: %v, want fresh (a new runtime and init)", got)
	}
	th.log.mustLog(t, "plugin=spinner", "ran JavaScript for more than 200ms", "rebuilding the plugin")
	th.log.mustLog(t, "plugin=spinner", "Plugin rebuilt")
	th.healthy(t)
}

// Middleware, timer callbacks and promise callbacks that never yield are stopped the same way.
func TestFaultCallbacksNeverYield(t *testing.T) {
	th := startFaults(t)
	for i, path := range []string{"/spin?spinInMiddleware=1", "/spin-timer", "/spin-promise"} {
		code, body := th.do(t, "GET", "/api/plugins/spinner"+path, "", "")
		if path == "/spin?spinInMiddleware=1" && code != 503 {
			t.Errorf("%s: %d %s, want 503", path, code, body)
		}
		th.waitRebuilds(t, "spinner.js", i+1)
		th.healthy(t)
		if got := th.getJSON(t, "/api/plugins/spinner/state"); got["state"] != "fresh" {
			t.Errorf("after %s: %v", path, got)
		}
	}
}

// An init that never yields fails that plugin's load at InitTimeout, with the cause logged, and its
// runtime is stopped; the others load.
func TestFaultInitNeverYields(t *testing.T) {
	th := startFaults(t)
	s := th.status(t, "init-spinner.js")
	if s.Loaded || s.Err == nil || !strings.Contains(s.Err.Error(), "init did not settle within 2s") {
		t.Errorf("init-spinner: %+v", s)
	}
	th.log.mustLog(t, "init-spinner", "init did not settle within 2s")
	th.healthy(t)
}

// Close returns even though one plugin's exit never yields, and every runtime stops; without the
// watchdog, Close's deadline abandons the exit.
func TestFaultExitNeverYields(t *testing.T) {
	for _, limit := range []time.Duration{testBusyLimit, -1} {
		th := startFaults(t, func(o *Options) { o.BusyLimit = limit })
		th.healthy(t)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := th.host.Close(ctx)
		cancel()
		if err == nil || !strings.Contains(err.Error(), "exit-spinner") {
			t.Errorf("BusyLimit %v: Close = %v, want the exit-spinner's failure", limit, err)
		}
		if code, _ := th.do(t, "GET", "/api/plugins/healthy/ok", "", ""); code != 503 {
			t.Errorf("after Close: %d, want 503", code)
		}
	}
}

// Unbounded recursion ends in V8's RangeError. goja unwinds a stack overflow past every try/catch, so
// the handler's own catch does not see it (Node's would); the router's error handler does.
func TestFaultRecursion(t *testing.T) {
	th := startFaults(t)
	code, body := th.do(t, "GET", "/api/plugins/spinner/recurse", "", "")
	if code != 500 || body != `{"where":"error handler","name":"RangeError","message":"Maximum call stack size exceeded"}` {
		t.Errorf("recursion: %d %s", code, body)
	}
	th.healthy(t)
}

// An unhandled rejection is logged with the plugin and the stack; the plugin keeps running.
func TestFaultUnhandledRejection(t *testing.T) {
	th := startFaults(t)
	if got := th.getJSON(t, "/api/plugins/spinner/reject"); got["rejected"] != true {
		t.Errorf("reject: %v", got)
	}
	th.waitLog(t, "plugin=spinner", "nobody handles this", "spinner.js")
	if got := th.getJSON(t, "/api/plugins/spinner/state"); got["state"] != "fresh" {
		t.Errorf("after the rejection: %v", got)
	}
	th.healthy(t)
}

// process.exit, process.abort and process.kill(process.pid) throw in the plugin and never stop the
// host; uncaught, the request gets Express's 500.
func TestFaultProcessExit(t *testing.T) {
	th := startFaults(t)
	got := th.getJSON(t, "/api/plugins/spinner/exit")
	for _, name := range []string{"exit", "abort", "kill"} {
		if got[name] == "returned" || got[name] == nil {
			t.Errorf("process.%s: %v", name, got[name])
		}
	}
	if code, _ := th.do(t, "GET", "/api/plugins/spinner/exit-uncaught", "", ""); code != 500 {
		t.Errorf("uncaught process.exit: %d, want 500", code)
	}
	th.log.mustLog(t, "plugin=spinner", "process.exit")
	th.healthy(t)
}

// Close lets a request in flight finish while new ones get 503.
func TestFaultCloseDrainsRequests(t *testing.T) {
	th := startFaults(t)
	var wg sync.WaitGroup
	var code int
	var body string
	wg.Go(func() { code, body = th.do(t, "GET", "/api/plugins/healthy/slow", "", "") })
	th.waitLog(t, "plugin=healthy", "slow request started")
	closed := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		closed <- th.host.Close(ctx)
	}()
	wg.Wait()
	if code != 200 || body != `{"slow":"done"}` {
		t.Errorf("request in flight during Close: %d %s", code, body)
	}
	<-closed
	if code, _ := th.do(t, "GET", "/api/plugins/healthy/ok", "", ""); code != 503 {
		t.Errorf("after Close: %d, want 503", code)
	}
}

// A Go panic below a dispatcher is logged with the plugin id and answered with 500 JSON; after the
// response started, the connection is cut instead.
func TestDispatchRecoversPanics(t *testing.T) {
	logs := newLogBuffer(t)
	before := &serving{handler: http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("host bug") })}
	d := newDispatch(logs.Logger(), "broken", before)
	rec := httptest.NewRecorder()
	d.ServeHTTP(rec, httptest.NewRequest("GET", "/api/plugins/broken/x", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("panic before the response: %d %s", rec.Code, rec.Body.String())
	}
	logs.mustLog(t, "plugin=broken", "panic while serving a plugin request", "host bug")

	after := &serving{handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(200)
		panic("late host bug")
	})}
	d.current.Store(after)
	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Errorf("panic after the response started: recovered %v, want http.ErrAbortHandler", p)
		}
	}()
	d.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/plugins/broken/x", nil))
}

// A plugin allocating without bound is stopped once the host's heap passes MemoryLimit, and rebuilt;
// its request gets 503 naming the cause and the neighbour keeps answering. The watchdog is off here,
// so only the heap limit can stop it.
func TestFaultHeapLimit(t *testing.T) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	limit := int64(sample[0].Value.Uint64()) + 256<<20
	// Only the hog and its neighbour: without the watchdog, the other faulty plugins would stall
	// loading and closing.
	dir := t.TempDir()
	for _, name := range []string{"healthy.js", "spinner.js"} {
		src, err := os.ReadFile(filepath.Join("testdata/faults", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	th := startHost(t, dir, func(o *Options) { o.BusyLimit, o.MemoryLimit = -1, limit })
	code, body := th.do(t, "GET", "/api/plugins/spinner/hog", "", "")
	if code != 503 || !strings.Contains(body, "was over its limit") {
		t.Errorf("hog: %d %s", code, body)
	}
	th.waitRebuilds(t, "spinner.js", 1)
	th.log.mustLog(t, "plugin=spinner", "heap", "rebuilding the plugin")
	th.healthy(t)
	if got := th.getJSON(t, "/api/plugins/spinner/state"); got["state"] != "fresh" {
		t.Errorf("after the rebuild: %v", got)
	}
}

// A request body that stalls is cut off at RequestTimeout: 408 and the connection closed, as Node's
// server does, without the plugin running; the neighbour keeps answering.
func TestFaultStalledBody(t *testing.T) {
	th := startFaults(t, func(o *Options) { o.RequestTimeout = 200 * time.Millisecond })
	conn, err := net.Dial("tcp", strings.TrimPrefix(th.srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = conn.Write([]byte("POST /api/plugins/healthy/ok HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":"))
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(time.Minute))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response to a stalled body: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout || !resp.Close {
		t.Errorf("stalled body: %d, close=%v; want 408 and the connection closed", resp.StatusCode, resp.Close)
	}
	th.healthy(t)
}

// Handlers that answer badly are handled as Express does, and never take anything down.
func TestFaultBadResponses(t *testing.T) {
	th := startFaults(t, func(o *Options) { o.ResponseTimeout = 200 * time.Millisecond })
	code, body := th.do(t, "GET", "/api/plugins/requests/never", "", "")
	if code != 504 || !strings.Contains(body, `"error"`) {
		t.Errorf("never: %d %s", code, body)
	}
	if code, body := th.do(t, "GET", "/api/plugins/requests/twice", "", ""); code != 200 || body != `{"first":true}` {
		t.Errorf("twice: %d %s", code, body)
	}
	th.waitLog(t, "plugin=requests", "Cannot set headers after they are sent")
	if code, body := th.do(t, "GET", "/api/plugins/requests/write-after-end", "", ""); code != 200 || body != "a" {
		t.Errorf("write after end: %d %s", code, body)
	}
	th.waitLog(t, "plugin=requests", "write after end")
	resp, err := th.srv.Client().Get(th.srv.URL + "/api/plugins/requests/throw-after-headers")
	if err == nil {
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	if err == nil {
		t.Error("throw after headers: the response ended normally; Express cuts the connection")
	}
	th.waitLog(t, "plugin=requests", "failed mid-response")
	th.healthy(t)
	if code, _ := th.do(t, "GET", "/api/plugins/requests/twice", "", ""); code != 200 {
		t.Errorf("the plugin after its bad responses: %d", code)
	}
}

// When the client goes away, the plugin's 'close' listeners run and the work it tied to the request
// (a fetch, a child process) is aborted.
func TestFaultClientDisconnect(t *testing.T) {
	th := startFaults(t)
	upstreamReached, upstreamCancelled := make(chan struct{}), make(chan struct{})
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(upstreamReached)
		<-r.Context().Done()
		close(upstreamCancelled)
	}))
	defer upstream.Close()

	for _, path := range []string{"/upstream?url=" + upstream.URL, "/child"} {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", th.srv.URL+"/api/plugins/requests"+path, nil)
		done := make(chan struct{})
		go func() {
			defer close(done)
			if resp, err := th.srv.Client().Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		if path == "/child" {
			th.waitLog(t, "plugin=requests", "child started")
		} else {
			<-upstreamReached
		}
		cancel()
		<-done
	}
	select {
	case <-upstreamCancelled:
	case <-time.After(time.Minute):
		t.Error("the plugin's fetch was not aborted when its client went away")
	}
	th.waitLog(t, "plugin=requests", "upstream fetch ended: AbortError")
	th.waitLog(t, "plugin=requests", "child exited: null SIGTERM")
	th.healthy(t)
}

// MaxBufferSize bounds one Buffer allocation.
func TestFaultBufferLimit(t *testing.T) {
	th := startFaults(t, func(o *Options) { o.MaxBufferSize = 1 << 20 })
	if got := th.getJSON(t, "/api/plugins/spinner/buffer?n=1048576"); got["length"] != float64(1<<20) {
		t.Errorf("within the limit: %v", got)
	}
	if got := th.getJSON(t, "/api/plugins/spinner/buffer?n=1048577"); got["error"] != "ERR_OUT_OF_RANGE" {
		t.Errorf("over the limit: %v", got)
	}
}
