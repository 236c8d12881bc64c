package process_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
)

func TestEnvHoldsOnlyConfiguredVariables(t *testing.T) {
	t.Setenv("PLUGINHOST_TEST_SECRET", "hunter2")
	rt := newRuntime(t, process.Config{Env: map[string]string{"NODE_ENV": "production"}})
	jstest.Expect(t, "env", jstest.AwaitJSON(t, rt, `process.env`), `{"NODE_ENV":"production"}`)
	jstest.Expect(t, "no config", jstest.AwaitJSON(t, newRuntime(t, process.Config{}), `Object.keys(process.env).length`), `0`)
}

func TestIdentity(t *testing.T) {
	rt := newRuntime(t, process.Config{Entry: "main.js", Cwd: "/plugins"})
	jstest.Expect(t, "argv", jstest.AwaitJSON(t, rt, `[process.argv, process.argv0, process.execPath, process.execArgv, process.cwd(), process.title]`),
		`[["node","main.js"],"node","node",[],"/plugins","node"]`)
	jstest.Expect(t, "version", jstest.AwaitJSON(t, rt, `[process.version, process.versions.node, process.versions.modules, process.release.name]`),
		`["v20.20.2","20.20.2","115","node"]`)
	jstest.Expect(t, "ids", jstest.AwaitJSON(t, rt, `[typeof process.pid, typeof process.ppid, process.umask(), process.config]`),
		`["number","number",18,{}]`)
	jstest.Expect(t, "global", jstest.AwaitJSON(t, rt, `global === globalThis && process instanceof Object && typeof process.on`), `"function"`)
	jstest.Expect(t, "default entry", jstest.AwaitJSON(t, newRuntime(t, process.Config{}), `process.argv[1]`), `"pluginhost"`)
	wantArch := map[string]string{"amd64": "x64", "arm64": "arm64", "386": "ia32"}[runtime.GOARCH]
	if wantArch != "" {
		jstest.Expect(t, "arch", jstest.AwaitJSON(t, rt, `process.arch`), `"`+wantArch+`"`)
	}
	if runtime.GOOS == "linux" {
		jstest.Expect(t, "platform", jstest.AwaitJSON(t, rt, `process.platform`), `"linux"`)
	}
}

func TestExitNeverExits(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		const codes = [];
		for (const f of [() => process.exit(3), () => process.reallyExit(4), () => process.abort(),
		                 () => process.kill(process.pid), () => process.kill(process.pid + 1), () => process.chdir('/')]) {
			try { f(); codes.push('returned'); } catch (e) { codes.push(e.code); }
		}
		[codes, process.exitCode]`)
	jstest.Expect(t, "codes", got, `[["ERR_PROCESS_EXIT_IN_PLUGINHOST","ERR_PROCESS_EXIT_IN_PLUGINHOST",`+
		`"ERR_PROCESS_EXIT_IN_PLUGINHOST","ERR_PROCESS_EXIT_IN_PLUGINHOST","ERR_NOT_SUPPORTED_IN_PLUGINHOST",`+
		`"ERR_NOT_SUPPORTED_IN_PLUGINHOST"],4]`)
	logs := jstest.LogsOf(rt).String()
	if !strings.Contains(logs, "plugin=plugin-x") || !strings.Contains(logs, `call=process.exit()`) || !strings.Contains(logs, "code=3") {
		t.Errorf("exit not logged with the plugin id:\n%s", logs)
	}
	jstest.Expect(t, "uncaught exit stops only the call", jstest.AwaitJSON(t, rt, `typeof process.exit`), `"function"`)
}

func TestNextTickOrder(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `new Promise((resolve) => {
		const log = [];
		setTimeout(() => { log.push('timeout'); resolve(log); }, 0);
		process.nextTick((a, b) => {
			log.push('tick1:' + a + b);
			process.nextTick(() => log.push('tick2'));
			Promise.resolve().then(() => log.push('promise2'));
		}, 'x', 'y');
		Promise.resolve().then(() => log.push('promise1'));
		process.nextTick(() => { throw new Error('tick boom'); });
		process.nextTick(() => log.push('after-throw'));
		log.push('sync');
	})`)
	jstest.Expect(t, "order", got, `["sync","tick1:xy","after-throw","tick2","promise1","promise2","timeout"]`)
	if !strings.Contains(jstest.LogsOf(rt).String(), "tick boom") {
		t.Errorf("throwing tick not logged:\n%s", jstest.LogsOf(rt).String())
	}
	jstest.Expect(t, "non-function", jstest.AwaitJSON(t, rt, `try { process.nextTick(1) } catch (e) { e.code }`), `"ERR_INVALID_ARG_TYPE"`)
}

func TestStreamUsesProcessNextTick(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `new Promise((resolve) => {
		let ticks = 0;
		const tick = process.nextTick;
		process.nextTick = function () { ticks++; return tick.apply(process, arguments); };
		const { Readable } = requireStream();
		const r = new Readable({ read() {} });
		r.on('data', () => {});
		r.on('end', () => resolve(ticks > 0));
		r.push('a');
		r.push(null);
	})`)
	jstest.Expect(t, "stream deferred through process.nextTick", got, `true`)
}

func TestUnhandledRejectionListener(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `new Promise((resolve) => {
		let rejected;
		process.on('unhandledRejection', function handler(reason, promise) {
			process.off('unhandledRejection', handler);
			promise.catch(() => {});
			resolve([reason.message, promise === rejected, promise instanceof Promise]);
		});
		rejected = Promise.reject(new Error('nobody caught me'));
	})`)
	jstest.Expect(t, "reason and promise", got, `["nobody caught me",true,true]`)
	if strings.Contains(jstest.LogsOf(rt).String(), "unhandled promise rejection") {
		t.Errorf("handled rejection was logged:\n%s", jstest.LogsOf(rt).String())
	}
	jstest.AwaitJSON(t, rt, `Promise.reject(new Error('no listener')); setTimeout(() => {}, 0); new Promise((r) => setTimeout(r, 10))`)
	if !strings.Contains(jstest.LogsOf(rt).String(), "unhandled promise rejection") {
		t.Errorf("rejection without listener not logged:\n%s", jstest.LogsOf(rt).String())
	}
}

func TestHrtimeMonotonic(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		const a = process.hrtime(), b = process.hrtime();
		const d = process.hrtime(a);
		const x = process.hrtime.bigint(), y = process.hrtime.bigint();
		const errs = [];
		for (const bad of ['x', [1]]) { try { process.hrtime(bad) } catch (e) { errs.push(e.code) } }
		[b[0] * 1e9 + b[1] >= a[0] * 1e9 + a[1], d[0] >= 0 && d[1] >= 0 && d[1] < 1e9, typeof x, y >= x, errs]`)
	jstest.Expect(t, "hrtime", got, `[true,true,"bigint",true,["ERR_INVALID_ARG_TYPE","ERR_OUT_OF_RANGE"]]`)
}

func TestMemoryUptimeAndStreams(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		const m = process.memoryUsage();
		const warnings = [];
		process.on('warning', (w) => warnings.push(w.name + ':' + w.message));
		process.emitWarning('careful', 'DeprecationWarning', 'DEP0001');
		[m.rss > 0, m.heapUsed > 0, process.memoryUsage.rss() > 0, process.uptime() > 0,
		 process.stdout.write('to stdout\n'), process.stderr.isTTY, warnings]`)
	jstest.Expect(t, "members", got, `[true,true,true,true,true,false,["DeprecationWarning:careful"]]`)
	logs := jstest.LogsOf(rt).String()
	for _, want := range []string{`level=INFO msg="to stdout"`, `level=WARN msg=careful plugin=plugin-x name=DeprecationWarning code=DEP0001`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

func TestRequire(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		p, err := process.Require(rt)
		if p != vm.Get("process") {
			t.Error("Require is not the process global")
		}
		return err
	})
}
