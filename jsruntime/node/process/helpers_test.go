package process_test

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// logs is a concurrency-safe buffer for the runtime's text logs.
type logs struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logs) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// env is a runtime set up as the platform does: process first, then the web globals.
type env struct {
	rt   *jsruntime.Runtime
	logs *logs
}

func newEnv(t *testing.T, cfg process.Config) *env {
	t.Helper()
	l := &logs{}
	logger := slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rt := jsruntime.New(jsruntime.Options{Name: "plugin-x", Logger: logger})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		if err := process.Install(rt, cfg); err != nil {
			return err
		}
		if err := buffer.Install(rt); err != nil {
			return err
		}
		if err := web.Install(rt); err != nil {
			return err
		}
		return vm.Set("requireStream", func() goja.Value {
			v, err := stream.Require(rt)
			if err != nil {
				panic(err)
			}
			return v
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return &env{rt: rt, logs: l}
}

// eval runs src as test.js, waits for the value it returns to settle and returns it exported as JSON.
func (e *env) eval(t *testing.T, src string) string {
	t.Helper()
	return e.evalFile(t, "test.js", src)
}

// evalFile is eval with src named file in stacks.
func (e *env) evalFile(t *testing.T, file, src string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out string
	err := e.rt.AwaitThen(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		v, err := vm.RunScript(file, src)
		if err != nil {
			return nil, e.rt.Describe(err)
		}
		return v, nil
	}, func(vm *goja.Runtime, v goja.Value) error {
		stringify, _ := goja.AssertFunction(vm.Get("JSON").(*goja.Object).Get("stringify"))
		s, err := stringify(goja.Undefined(), v)
		if err != nil {
			return err
		}
		out = s.String()
		return nil
	})
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	return out
}

func expect(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %s\nwant %s", what, got, want)
	}
}
