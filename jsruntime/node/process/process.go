// Package process provides Node's `process` global (also require('process') and 'node:process') to
// pluginhost runtimes, and the V8 Error API shims packages expect next to it (see v8.go).
//
// process is an EventEmitter. What differs from Node, because many plugins share one host process:
//
//   - env holds exactly Config.Env: none of the host's environment is copied, so secrets in it stay
//     out of plugins. The host decides what a plugin sees (the platform passes NODE_ENV).
//   - exit, reallyExit, abort and kill(process.pid) never stop the host: they log the call with the
//     plugin id and throw an Error with code ERR_PROCESS_EXIT_IN_PLUGINHOST, which unwinds the plugin's
//     current call. exit(code) still sets exitCode first. kill of any other pid and chdir throw
//     ERR_NOT_SUPPORTED_IN_PLUGINHOST.
//   - argv is ['node', Config.Entry]; argv0 and execPath are 'node', so the host binary's path is not
//     revealed. version and versions report Node 20.
//   - nextTick callbacks run in a promise job (see nexttick.js); a throwing callback is logged.
//   - 'unhandledRejection' listeners receive (reason, promise) once the job that rejected the promise
//     has run; without listeners the runtime logs the rejection, and the plugin keeps running.
//   - stdout and stderr are minimal writables whose write() goes to the runtime's logger.
//   - memoryUsage reports the whole host's Go memory statistics, not the plugin's; cpuUsage,
//     resourceUsage, availableMemory and constrainedMemory (read from cgroups and /proc/meminfo on
//     Linux, 0 elsewhere) and the ids (getuid, getgroups, ...) are the host process's too.
//   - umask() always reports 0o022 and never changes the host's mask; setuid, setgid, seteuid,
//     setegid, setgroups and initgroups throw ERR_NOT_SUPPORTED_IN_PLUGINHOST, as do binding and
//     _linkedBinding; dlopen throws ERR_DLOPEN_FAILED: no native addon can load.
//   - Exceptions nothing catches (a timer callback or listener that throws, an unhandled rejection no
//     'unhandledRejection' listener takes) go to the setUncaughtExceptionCaptureCallback callback,
//     else to 'uncaughtException' listeners (after 'uncaughtExceptionMonitor'), as in Node, but the
//     plugin keeps running; with neither, the runtime logs them.
//   - stdin is a Readable that has already ended; loadEnvFile reads a .env file (Node's parser, see
//     util.ParseEnv) into this plugin's env only; getBuiltinModule gives Node's built-ins, not express.
//   - moduleLoadList, _preload_modules, _getActiveHandles, _getActiveRequests and
//     getActiveResourcesInfo are empty: the runtime's handles are Go's. report's getReport and
//     writeReport throw ERR_NOT_SUPPORTED_IN_PLUGINHOST. allowedNodeEnvironmentFlags is Node 20's
//     list. _rawDebug logs at error level. Not provided: _debugProcess, _debugEnd, _fatalException,
//     _startProfilerIdleNotifier and _stopProfilerIdleNotifier.
package process

import (
	_ "embed"
	"fmt"
	"os"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// Config chooses what a plugin sees of its process.
type Config struct {
	// Env is the whole of process.env; nil means empty.
	Env map[string]string
	// Entry is argv[1]; empty means "pluginhost".
	Entry string
	// Cwd is what cwd() reports; empty means the host's working directory, against which the fs
	// module resolves relative paths.
	Cwd string
}

//go:embed nexttick.js
var nextTickSource string

// nextTickScript is nexttick.js, the JS half of process.nextTick.
var nextTickScript = jsruntime.NewScript("node:process/nexttick", nextTickSource)

type key struct{}

// Install defines the `process` global (and `global`, when missing) and the V8 Error shims on rt. Must
// be called on the loop, once per runtime, before modules that look for process (stream) load.
func Install(rt *jsruntime.Runtime, cfg Config) error {
	vm := rt.VM()
	if err := InstallV8(rt); err != nil {
		return err
	}
	proto, err := events.Prototype(rt)
	if err != nil {
		return fmt.Errorf("process: %w", err)
	}
	p := vm.NewObject()
	if err := p.SetPrototype(proto); err != nil {
		return fmt.Errorf("process: %w", err)
	}
	// Object.prototype.toString.call(process) is "[object process]": axios picks its http adapter by it.
	if err := p.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("process"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		return fmt.Errorf("process: %w", err)
	}
	if err := initEmitter(rt, p); err != nil {
		return fmt.Errorf("process: %w", err)
	}
	steps := []func(*jsruntime.Runtime, *goja.Object, Config) error{defineInfo, defineControl, defineTime, defineIO}
	for _, step := range steps {
		if err := step(rt, p, cfg); err != nil {
			return fmt.Errorf("process: %w", err)
		}
	}
	runNextTicks, err := defineNextTick(rt, p)
	if err != nil {
		return fmt.Errorf("process: %w", err)
	}
	u := &uncaught{rt: rt, p: p, callback: goja.Null()}
	if err := defineMembers(rt, p, cfg, u, runNextTicks); err != nil {
		return fmt.Errorf("process: %w", err)
	}
	rt.Value(key{}, func() any { return p })
	rt.SetUncaughtExceptionHandler(func(exc goja.Value) bool { return u.deliver(exc, "uncaughtException") })
	rt.SetUnhandledRejectionHandler(func(reason goja.Value, promise *goja.Promise) bool {
		if deliverRejection(rt, p, reason, vm.ToValue(promise)) {
			return true
		}
		return u.deliver(rejection(vm, reason), "unhandledRejection")
	})
	global := vm.GlobalObject()
	if err := global.Set("process", p); err != nil {
		return fmt.Errorf("process: %w", err)
	}
	if g := global.Get("global"); g == nil || goja.IsUndefined(g) {
		if err := global.Set("global", global); err != nil {
			return fmt.Errorf("process: %w", err)
		}
	}
	return nil
}

// Require returns the process object of rt, for require('process'). Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	p := rt.Value(key{}, func() any { return nil })
	if p == nil {
		return nil, fmt.Errorf("process: not installed in this runtime")
	}
	return p.(*goja.Object), nil
}

// defineNextTick compiles nexttick.js into process.nextTick; it returns runNextTicks, which drains the
// queue at once (process._tickCallback).
func defineNextTick(rt *jsruntime.Runtime, p *goja.Object) (goja.Value, error) {
	vm := rt.VM()
	invalid := func(call goja.FunctionCall) goja.Value {
		return nodeerr.InvalidArgType(vm, "callback", "of type function", call.Argument(0))
	}
	report := func(call goja.FunctionCall) goja.Value {
		rt.ReportUncaught("process.nextTick callback", rt.JSError(call.Argument(0)))
		return goja.Undefined()
	}
	current, enter := rt.AsyncContextNatives()
	fns, err := nextTickScript.Call(rt, vm.ToValue(invalid), vm.ToValue(report), vm.ToValue(current), vm.ToValue(enter))
	if err != nil {
		return nil, rt.Describe(err)
	}
	obj := fns.ToObject(vm)
	return obj.Get("runNextTicks"), p.Set("nextTick", obj.Get("nextTick"))
}

// initEmitter makes process an EventEmitter instance as EventEmitter's constructor would, so that it
// has its own _events, _eventsCount and _maxListeners, as Node's has.
func initEmitter(rt *jsruntime.Runtime, p *goja.Object) error {
	ee, err := events.Require(rt)
	if err != nil {
		return err
	}
	init, ok := goja.AssertFunction(ee.ToObject(rt.VM()).Get("init"))
	if !ok {
		return fmt.Errorf("events: EventEmitter.init is not a function")
	}
	_, err = init(p)
	return err
}

// deliverRejection emits 'unhandledRejection' when the plugin listens for it. A listener that throws
// is logged, as Node would treat it as an uncaught exception.
func deliverRejection(rt *jsruntime.Runtime, p *goja.Object, reason, promise goja.Value) bool {
	if listenerCount(rt, p, "unhandledRejection") == 0 {
		return false
	}
	if _, err := events.Emit(rt, p, "unhandledRejection", reason, promise); err != nil {
		rt.ReportUncaught("unhandledRejection listener", err)
	}
	return true
}

// listenerCount asks the emitter itself, so listeners added by any means (on, once, prepend) count.
func listenerCount(rt *jsruntime.Runtime, p *goja.Object, name string) int64 {
	fn, ok := goja.AssertFunction(p.Get("listenerCount"))
	if !ok {
		return 0
	}
	n, err := fn(p, rt.VM().ToValue(name))
	if err != nil {
		return 0
	}
	return n.ToInteger()
}

// started is when this host process began, the origin of uptime() as Node measures from its start.
var started = time.Now()

// hostPid is read once: it cannot change while the host runs.
var hostPid = os.Getpid()

// Pid is process.pid: the host's process id, which every plugin shares.
func Pid() int { return hostPid }
