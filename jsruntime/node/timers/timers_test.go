package timers_test

import (
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/timers"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime returns a runtime on clock with the web globals, and the modules bound to the globals
// "timers" and "tp". jstest.Eval leaves the jobs a script queued to run before the next hand-off.
func newRuntime(t *testing.T, clock *clocktest.Clock) *jsruntime.Runtime {
	t.Helper()
	return jstest.NewWith(t, jsruntime.Options{Clock: clock}, web.Install,
		jstest.Global("timers", timers.Require), jstest.Global("tp", timers.RequirePromises))
}

func TestTimersAreTheGlobals(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Eval(t, rt, `['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']
		.map((n) => timers[n] === globalThis[n]).concat(timers.promises === tp).join()`)
	if want := "true,true,true,true,true,true,true"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The expected log is what Node 20 prints for the same script.
func TestPromises(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `
		globalThis.log = [];
		const note = (p) => p.then((v) => log.push('ok ' + v), (e) => log.push([e.name, e.code, e.message, e instanceof Error, e.cause && e.cause.name].join('|')));
		const c = new AbortController();
		note(tp.setTimeout(1000, 'v', {signal: c.signal}));
		c.abort();
		note(tp.setImmediate('i'));
		note(tp.setTimeout(5, 't'));
		note(tp.setTimeout(5, 't', 5));
		note(tp.setTimeout(5, 't', {signal: 1}));
		const c2 = new AbortController();
		c2.abort('why');
		note(tp.setImmediate(1, {signal: c2.signal}).catch((e) => { throw {name: e.name, message: e.cause} }));
		note(tp.scheduler.wait(5).then(() => 'waited'));
	`)
	clock.Advance(5 * time.Millisecond)
	jstest.Eval(t, rt, `0`)
	want := "AbortError|ABORT_ERR|The operation was aborted|true|AbortError," +
		"TypeError|ERR_INVALID_ARG_TYPE|The \"options\" argument must be of type object. Received type number (5)|true|," +
		"TypeError|ERR_INVALID_ARG_TYPE|The \"options.signal\" property must be an instance of AbortSignal. Received type number (1)|true|," +
		"AbortError||why|false|,ok i,ok t,ok waited"
	if got := jstest.Eval(t, rt, `log.join()`); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("%d timers still armed after settling", n)
	}
}

// The expected logs are what Node 20 prints for the same steps.
func TestSetInterval(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `
		globalThis.log = [];
		globalThis.note = (label, p) => p.then((r) => log.push(label + ' ' + JSON.stringify(r)),
			(e) => log.push(label + ' ' + [e.name, e.code, e.message, e.cause].join('|')));
		globalThis.it = tp.setInterval(10, 'v');
		log.push(Object.prototype.toString.call(it) + ' ' + (it[Symbol.asyncIterator]() === it));
		note('first', it.next());
	`)
	if got := jstest.Eval(t, rt, `log.join()`); got != "[object AsyncGenerator] true" {
		t.Fatalf("before any tick: %s", got)
	}
	for range 3 {
		clock.Advance(10 * time.Millisecond)
		jstest.Eval(t, rt, `0`) // the tick runs and the interval is armed again before time moves on
	}
	// Three ticks: the first answered the waiting next(), the other two are each yielded once.
	jstest.Eval(t, rt, `note('second', it.next()); note('third', it.next()); note('return', it.return('r')); note('after', it.next())`)
	want := `[object AsyncGenerator] true,first {"value":"v","done":false},second {"value":"v","done":false},` +
		`third {"value":"v","done":false},return {"value":"r","done":true},after {"done":true}`
	if got := jstest.Eval(t, rt, `log.join()`); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("%d timers still armed after return()", n)
	}
}

func TestSetIntervalAbortAndArguments(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `
		globalThis.log = [];
		const note = (label, p) => p.then((r) => log.push(label + ' ' + JSON.stringify(r)),
			(e) => log.push(label + ' ' + [e.name, e.code, e.message, e.cause].join('|')));
		const c = new AbortController();
		const it = tp.setInterval(10, 1, { signal: c.signal });
		note('waiting', it.next());
		note('queued', it.next());
		c.abort('why');
		const bad = tp.setInterval(10, 1, 5);
		log.push('created');
		note('options', bad.next());
		note('ref', tp.setInterval(10, 1, { ref: 1 }).next());
		note('delay', tp.setInterval('x').next());
		note('aborted', tp.setInterval(10, 1, { signal: AbortSignal.abort('r') }).next());
		note('timeout ref', tp.setTimeout(10, 1, { ref: 'x' }));
		note('timeout delay', tp.setTimeout(null));
	`)
	want := "created," +
		"options TypeError|ERR_INVALID_ARG_TYPE|The \"options\" argument must be of type object. Received type number (5)|," +
		"ref TypeError|ERR_INVALID_ARG_TYPE|The \"options.ref\" property must be of type boolean. Received type number (1)|," +
		"delay TypeError|ERR_INVALID_ARG_TYPE|The \"delay\" argument must be of type number. Received type string ('x')|," +
		"aborted AbortError|ABORT_ERR|The operation was aborted|r," +
		"timeout ref TypeError|ERR_INVALID_ARG_TYPE|The \"options.ref\" property must be of type boolean. Received type string ('x')|," +
		"timeout delay TypeError|ERR_INVALID_ARG_TYPE|The \"delay\" argument must be of type number. Received null|," +
		"waiting AbortError|ABORT_ERR|The operation was aborted|why," +
		`queued {"done":true}`
	if got := jstest.Eval(t, rt, `log.join()`); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("%d timers still armed after abort", n)
	}
}

func TestScheduler(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Eval(t, rt, `
		const s = tp.scheduler;
		const shape = (f) => { try { f(); return 'no error'; } catch (e) { return [e.name, e.code, e.message].join('|'); } };
		[Object.keys(s).length, s.constructor.name, Object.getOwnPropertyNames(Object.getPrototypeOf(s)).join(' '),
			shape(() => s.wait.call({}, 1)), shape(() => new s.constructor()), s.yield() instanceof Promise].join()`)
	want := "0,Scheduler,constructor yield wait," +
		"TypeError|ERR_INVALID_THIS|Value of \"this\" must be of type Scheduler," +
		"TypeError|ERR_ILLEGAL_CONSTRUCTOR|Illegal constructor,true"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
