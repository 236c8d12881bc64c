package timers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
)

func TestEnrollActiveFiresOnce(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `
		globalThis.fired = [];
		globalThis.item = { _onTimeout() { fired.push(this === item); } };
		timers.enroll(item, 10);
		timers.active(item);
		timers.active(item);
	`)
	clock.Advance(9 * time.Millisecond)
	jstest.Expect(t, "before", jstest.Eval(t, rt, `fired.length`), "0")
	clock.Advance(time.Millisecond)
	jstest.Expect(t, "fired", jstest.Eval(t, rt, `[fired.join(), item._idleNext, item._destroyed].join()`), "true,,true")
	clock.Advance(time.Second)
	jstest.Expect(t, "once", jstest.Eval(t, rt, `fired.length`), "1")
	jstest.Expect(t, "pending", clock.Pending(), 0)
}

func TestUnenrollStops(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `
		globalThis.fired = 0;
		globalThis.item = { _onTimeout() { fired++; } };
		timers.enroll(item, 10);
		timers._unrefActive(item);
		timers.unenroll(item);
		timers.active(item);
	`)
	clock.Advance(time.Second)
	jstest.Expect(t, "state", jstest.Eval(t, rt, `[fired, item._idleTimeout, item._destroyed].join()`), "0,-1,true")
	jstest.Expect(t, "pending", clock.Pending(), 0)
}

func TestEnrollValidatesAndWarns(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Eval(t, rt, `
		const out = [];
		for (const ms of ['1', -1, Infinity]) {
			try { timers.enroll({}, ms); } catch (e) { out.push(e.code + ': ' + e.message); }
		}
		out.join('\n')`)
	jstest.Expect(t, "errors", got, strings.Join([]string{
		`ERR_INVALID_ARG_TYPE: The "msecs" argument must be of type number. Received type string ('1')`,
		`ERR_OUT_OF_RANGE: The value of "msecs" is out of range. It must be a non-negative finite number. Received -1`,
		`ERR_OUT_OF_RANGE: The value of "msecs" is out of range. It must be a non-negative finite number. Received Infinity`,
	}, "\n"))
	if logs := jstest.LogsOf(rt).String(); !strings.Contains(logs, "[DEP0095] DeprecationWarning: timers.enroll() is deprecated.") {
		t.Errorf("no deprecation warning:\n%s", logs)
	}
	jstest.Expect(t, "keys", jstest.Eval(t, rt, `Object.keys(timers).join()`),
		"setTimeout,clearTimeout,setImmediate,clearImmediate,setInterval,clearInterval,_unrefActive,active,unenroll,enroll,promises")
}
