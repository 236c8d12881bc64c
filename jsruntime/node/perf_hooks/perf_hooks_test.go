package perf_hooks_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	perfhooks "github.com/pluginhost/pluginhost/jsruntime/node/perf_hooks"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// eval runs src in a runtime on clock with the web globals, the performance global and perf_hooks as
// the global perf, waits for its value to settle and returns it as JSON.
func eval(t *testing.T, clock jsruntime.Clock, src string) string {
	t.Helper()
	rt := jstest.NewWith(t, jsruntime.Options{Clock: clock}, web.Install, perfhooks.Install, jstest.Global("perf", perfhooks.Require))
	return jstest.AwaitJSON(t, rt, src)
}

func TestNowFollowsTheClock(t *testing.T) {
	got := eval(t, clocktest.New(), `[performance.now(), performance.timeOrigin, perf.performance === performance]`)
	jstest.Expect(t, "at start", got, `[0,1700000000000,true]`)
}

func TestUserTiming(t *testing.T) {
	got := eval(t, nil, `
		const a = performance.mark('a', { startTime: 1, detail: { n: 1 } });
		performance.mark('b', { startTime: 4 });
		const m = performance.measure('ab', 'a', 'b');
		const o = performance.measure('opts', { start: 2, duration: 5, detail: 'd' });
		let missing;
		try { performance.measure('x', 'nope') } catch (e) { missing = [e.name, e.message] }
		[a.toJSON(), m.toJSON(), [o.startTime, o.duration, o.detail], performance.getEntries().map((e) => e.name),
		 performance.getEntriesByName('a', 'mark').length, missing, a instanceof PerformanceEntry,
		 Object.prototype.toString.call(m)]`)
	jstest.Expect(t, "marks and measures", got, `[{"name":"a","entryType":"mark","startTime":1,"duration":0,"detail":{"n":1}},`+
		`{"name":"ab","entryType":"measure","startTime":1,"duration":3,"detail":null},[2,5,"d"],["a","ab","opts","b"],1,`+
		`["SyntaxError","The \"nope\" performance mark has not been set"],true,"[object PerformanceMeasure]"]`)
}

func TestObserverAndTimerify(t *testing.T) {
	got := eval(t, nil, `new Promise((resolve) => {
		const seen = [];
		const obs = new PerformanceObserver((list) => {
			seen.push(...list.getEntries().map((e) => e.entryType + ':' + e.name));
			obs.disconnect();
			resolve(seen);
		});
		obs.observe({ entryTypes: ['mark', 'function'] });
		performance.mark('m', { startTime: 0 });
		performance.measure('ignored');
		const f = performance.timerify(function work() { return 1; });
		f();
	})`)
	jstest.Expect(t, "observed", got, `["mark:m","function:work"]`)
}

func TestHistogram(t *testing.T) {
	got := eval(t, nil, `
		const h = perf.createHistogram();
		const empty = h.toJSON();
		for (const v of [5, 10, 10, 1000]) h.record(v);
		let bad;
		try { h.record(0) } catch (e) { bad = e.code }
		[empty, h.count, h.min, h.max, h.mean, h.percentile(50), [...h.percentiles], bad]`)
	jstest.Expect(t, "histogram", got, `[{"count":0,"min":9223372036854776000,"max":0,"mean":null,"exceeds":0,"stddev":null,"percentiles":{"100":0}},`+
		`4,5,1000,256.25,10,[[0,5],[50,10],[75,10],[87.5,1000],[100,1000]],"ERR_OUT_OF_RANGE"]`)
}
