package console_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
)

// newClassRuntime has the console global and a global out(), a writable-like object collecting what
// is written to it (ignoreErrors: false needs only write).
func newClassRuntime(t *testing.T) *jsruntime.Runtime {
	rt := jstest.New(t, console.Install)
	jstest.Eval(t, rt, `var written = []; var out = { write(s) { written.push(s); return true; } }`)
	return rt
}

func TestConsoleClassWritesToItsStreams(t *testing.T) {
	rt := newClassRuntime(t)
	got := jstest.Eval(t, rt, `
		const errs = [];
		const c = new console.Console({ stdout: out, stderr: { write: (s) => errs.push(s) }, ignoreErrors: false });
		c.log('a %d', 1, { b: [2] });
		c.group('g');
		c.info('x\ny');
		c.groupEnd();
		c.count(); c.count();
		c.warn('w');
		c.assert(false, 'bad %s', 'thing');
		JSON.stringify([written, errs, c instanceof console.Console, Object.keys(c).length])`)
	jstest.Expect(t, "writes", got,
		`[["a 1 { b: [ 2 ] }\n","g\n","  x\n  y\n","default: 1\n","default: 2\n"],["w\n","Assertion failed: bad thing\n"],true,19]`)
}

func TestConsoleClassErrors(t *testing.T) {
	rt := newClassRuntime(t)
	got := jstest.Eval(t, rt, `
		const res = [];
		for (const f of [() => new console.Console(), () => new console.Console(out, 1),
		                 () => new console.Console({ stdout: out, colorMode: 'x' }),
		                 () => new console.Console({ stdout: out, groupIndentation: 1001 })]) {
			try { f(); } catch (e) { res.push(e.code + ': ' + e.message); }
		}
		res.join('\n')`)
	jstest.Expect(t, "errors", got, strings.Join([]string{
		"ERR_CONSOLE_WRITABLE_STREAM: Console expects a writable stream instance for stdout",
		"ERR_CONSOLE_WRITABLE_STREAM: Console expects a writable stream instance for stderr",
		"ERR_INVALID_ARG_VALUE: The argument 'colorMode' must be one of: 'auto', true, false. Received 'x'",
		`ERR_OUT_OF_RANGE: The value of "groupIndentation" is out of range. It must be >= 0 && <= 1000. Received 1001`,
	}, "\n"))
}

func TestTableMatchesNode(t *testing.T) {
	rt := newClassRuntime(t)
	got := jstest.Eval(t, rt, `
		const c = new console.Console({ stdout: out, ignoreErrors: false });
		c.table([{ a: 1, b: 'x' }, { a: 2, c: [1, 2, 3, 4] }]);
		c.table(new Set(['s']));
		written.join('')`)
	jstest.Expect(t, "table", got, strings.Join([]string{
		"┌─────────┬───┬─────┬──────────────────────────────┐",
		"│ (index) │ a │ b   │ c                            │",
		"├─────────┼───┼─────┼──────────────────────────────┤",
		"│ 0       │ 1 │ 'x' │                              │",
		"│ 1       │ 2 │     │ [ 1, 2, 3, ... 1 more item ] │",
		"└─────────┴───┴─────┴──────────────────────────────┘",
		"┌───────────────────┬────────┐",
		"│ (iteration index) │ Values │",
		"├───────────────────┼────────┤",
		"│ 0                 │ 's'    │",
		"└───────────────────┴────────┘",
		"",
	}, "\n"))
}

func TestGlobalConsoleMembers(t *testing.T) {
	rt := newClassRuntime(t)
	got := jstest.Eval(t, rt, `Object.getOwnPropertyNames(console).join()`)
	jstest.Expect(t, "members", got, "log,warn,dir,time,timeEnd,timeLog,trace,assert,clear,count,"+
		"countReset,group,groupEnd,table,debug,info,dirxml,error,groupCollapsed,_stdoutErrorHandler,_stderrErrorHandler,"+
		"_ignoreErrors,_times,Console,profile,profileEnd,timeStamp,context,createTask,_stdout,_stderr")
	jstest.Expect(t, "inspector", jstest.Eval(t, rt, `
		[console.profile(), console.timeStamp(), console.createTask('t').run(() => 7), typeof console.context('c').log,
		 console instanceof console.Console, Object.prototype.toString.call(console)].join()`), ",,7,function,true,[object console]")
}

func TestGlobalConsoleLevelsAndTrace(t *testing.T) {
	// process brings Error.captureStackTrace, which trace uses as Node's does.
	proc := func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) }
	rt := jstest.NewWith(t, jsruntime.Options{Name: "p"}, console.Install, proc)
	jstest.Eval(t, rt, `console.dirxml('x'); console.trace('t %d', 1); console.table([{ a: 1 }]); console.countReset('nope')`)
	logs := jstest.LogsOf(rt).String()
	for _, want := range []string{
		`level=INFO msg=x plugin=p`,
		`level=ERROR msg="Trace: t 1\n    at test.js:1:`,
		`level=INFO msg="┌─────────┬───┐\n│ (index) │ a │`,
		`level=WARN msg="Count for 'nope' does not exist" plugin=p name=Warning`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

func TestTimeFormatsAsNode(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	rt := jstest.NewWith(t, jsruntime.Options{Clock: clock}, console.Install)
	for _, step := range []time.Duration{1500 * time.Millisecond, 62345 * time.Millisecond, 3723 * time.Second} {
		jstest.Eval(t, rt, `console.time('t')`)
		clock.now = clock.now.Add(step)
		jstest.Eval(t, rt, `console.timeEnd('t')`)
	}
	logs := jstest.LogsOf(rt).String()
	for _, want := range []string{`msg="t: 1.500s"`, `msg="t: 1:02.345 (m:ss.mmm)"`, `msg="t: 1:02:03.000 (h:mm:ss.mmm)"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}
