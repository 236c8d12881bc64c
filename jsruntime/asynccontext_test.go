package jsruntime_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// asyncContextFixture gives JS enter(value), which makes value the current context for the rest of the
// job, ctx(), which names the current one, and later(fn), which runs fn in a later job in the context
// captured now, as a timer does.
func asyncContextFixture(t *testing.T, rt *jsruntime.Runtime) {
	t.Helper()
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		if err := vm.Set("enter", func(v goja.Value) { rt.SetAsyncContext(v) }); err != nil {
			return err
		}
		if err := vm.Set("ctx", func() string {
			if c := rt.AsyncContext(); c != nil {
				return c.String()
			}
			return "root"
		}); err != nil {
			return err
		}
		return vm.Set("later", func(fn goja.Callable) {
			captured := rt.AsyncContext()
			rt.RunOnLoop(func(*goja.Runtime) {
				rt.WithAsyncContext(captured, func() { _, _ = fn(goja.Undefined()) })
			})
		})
	})
}

func TestAsyncContextFollowsPromisesAndSchedulers(t *testing.T) {
	rt, _ := newTestRuntime(t)
	asyncContextFixture(t, rt)
	var log []string
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		return vm.Set("log", func(s string) { log = append(log, s) })
	})
	done := make(chan struct{})
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		if err := vm.Set("finish", func() { close(done) }); err != nil {
			return err
		}
		_, err := vm.RunString(`
			enter('A');
			const p = Promise.resolve();
			p.then(() => log('then:' + ctx()));
			(async () => { await null; log('await:' + ctx()); await p; log('await2:' + ctx()); })();
			later(() => {
				log('later:' + ctx());
				enter('B');
				Promise.resolve().then(() => log('later-then:' + ctx()));
				later(() => { log('nested:' + ctx()); later(finish); });
			});
			enter('C');
			p.then(() => log('then-C:' + ctx()));
			log('sync:' + ctx());
		`)
		return err
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("callbacks did not run")
	}
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		_, err := vm.RunString(`log('next job:' + ctx())`)
		return err
	})
	want := "sync:C then:A await:A then-C:C await2:A later:A later-then:B nested:B next job:root"
	if got := strings.Join(log, " "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
