package express

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// The fuzz targets of this package are in fuzz*_test.go: FuzzPathMatch and FuzzPathGenerate (the
// route path matcher), FuzzQS (the query parser), FuzzBodyJSON, FuzzBodyURLEncoded, FuzzBodyText
// and FuzzBodyRaw (the body parsers, through a runtime and a handler), and FuzzHeaders (request
// header access and response header setting). Run one with
//
//	go test -run '^$' -fuzz '^FuzzQS$' -fuzztime 10m -parallel 1 ./jsruntime/express
//
// Targets that drive JavaScript share one runtime per fuzz worker (a fuzzFixture), made on the
// worker's first input: a runtime per input would cost more than the input's work.

// fuzzFixture is setupPlugin's fixture made lazily, outside any one test, so that a fuzz worker keeps
// it for all its inputs; it is closed when the fuzz test ends. It counts the Go panics the runtime
// recovered and logged, which a target must treat as failures: a recovered panic is still a bug.
type fuzzFixture struct {
	cfg    Config
	script string
	setup  func(rt *jsruntime.Runtime, vm *goja.Runtime) error // extra installs, run before script

	once   sync.Once
	fx     *fixture
	err    error
	panics atomic.Int64
}

func newFuzzFixture(f *testing.F, cfg Config, script string) *fuzzFixture {
	ff := &fuzzFixture{cfg: cfg, script: script}
	f.Cleanup(func() {
		if ff.fx != nil {
			_ = ff.fx.rt.Close(context.Background())
		}
	})
	return ff
}

// get returns the fixture, bound to t for this input.
func (ff *fuzzFixture) get(t *testing.T) *fixture {
	t.Helper()
	ff.once.Do(func() { ff.fx, ff.err = ff.build() })
	if ff.err != nil {
		t.Fatal(ff.err)
	}
	ff.fx.t = t
	return ff.fx
}

func (ff *fuzzFixture) build() (*fixture, error) {
	fx := &fixture{}
	logger := slog.New(&panicCounter{n: &ff.panics})
	fx.rt = jsruntime.New(jsruntime.Options{Name: "test", Logger: logger})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := fx.rt.Do(ctx, func(vm *goja.Runtime) error {
		fx.app = Install(fx.rt, ff.cfg)
		router := fx.app.NewRouter()
		ex, err := Require(fx.rt)
		if err != nil {
			return err
		}
		_ = vm.Set("router", router)
		_ = vm.Set("express", ex)
		if ff.setup != nil {
			if err := ff.setup(fx.rt, vm); err != nil {
				return err
			}
		}
		if _, err := vm.RunString(ff.script); err != nil {
			return err
		}
		fx.h = fx.app.Handler(router, "/api/plugins/test", host404)
		return nil
	})
	if err != nil {
		_ = fx.rt.Close(context.Background())
		return nil, err
	}
	return fx, nil
}

// checkNoPanic fails t when the runtime logged a recovered panic since before was read.
func (ff *fuzzFixture) checkNoPanic(t *testing.T, before int64) {
	t.Helper()
	if n := ff.panics.Load(); n != before {
		t.Fatalf("the runtime recovered %d Go panic(s) handling this input", n-before)
	}
}

// panicCounter is a slog.Handler that counts records about panics and drops the rest.
type panicCounter struct{ n *atomic.Int64 }

func (p *panicCounter) Enabled(context.Context, slog.Level) bool { return true }

func (p *panicCounter) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(strings.ToLower(r.Message), "panic") {
		p.n.Add(1)
	}
	return nil
}

func (p *panicCounter) WithAttrs([]slog.Attr) slog.Handler { return p }
func (p *panicCounter) WithGroup(string) slog.Handler      { return p }

// hangLimit is how long one input may run. Go's fuzzer has no per-input limit of its own.
const hangLimit = 20 * time.Second

// noHang crashes the fuzz worker, all goroutines' stacks printed, when the input runs longer than
// hangLimit, so that the fuzzer records the input as a failure instead of waiting on it forever. Use
// it as `defer noHang()()`.
func noHang() (stop func()) {
	timer := time.AfterFunc(hangLimit, func() {
		debug.SetTraceback("all")
		panic(fmt.Sprintf("fuzz input still running after %v", hangLimit))
	})
	return func() { timer.Stop() }
}

// fuzzServe sends req through the fixture's handler. The client never goes away, so only an answer
// ends the request: noHang catches one that never comes.
func (f *fixture) fuzzServe(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}
