package process

import (
	"context"
	"log/slog"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
)

// defineIO sets stdout, stderr and emitWarning, all of which write to the runtime's logger: plugins
// share the host's real streams, so their output is tagged with the plugin id like console's.
func defineIO(rt *jsruntime.Runtime, p *goja.Object, _ Config) error {
	for name, fd := range map[string]int{"stdout": 1, "stderr": 2} {
		level := slog.LevelInfo
		if fd == 2 {
			level = slog.LevelError
		}
		if err := p.Set(name, writable(rt, p, fd, level)); err != nil {
			return err
		}
	}
	return p.Set("emitWarning", func(call goja.FunctionCall) goja.Value {
		emitWarning(rt, p, call)
		return goja.Undefined()
	})
}

// writable is a minimal stream.Writable stand-in: write(chunk[, encoding][, callback]) logs the chunk
// without its trailing newline and calls the callback on the next tick.
func writable(rt *jsruntime.Runtime, p *goja.Object, fd int, level slog.Level) *goja.Object {
	vm := rt.VM()
	w := vm.NewObject()
	_ = w.Set("fd", fd)
	_ = w.Set("isTTY", false)
	_ = w.Set("writable", true)
	_ = w.Set("write", func(call goja.FunctionCall) goja.Value {
		text := strings.TrimSuffix(call.Argument(0).String(), "\n")
		rt.Logger().Log(context.Background(), level, text)
		for _, a := range call.Arguments[min(1, len(call.Arguments)):] {
			if _, ok := goja.AssertFunction(a); ok {
				// nextTick only throws for a non-function, and a is one.
				tick, _ := goja.AssertFunction(p.Get("nextTick"))
				_, _ = tick(p, a)
				break
			}
		}
		return vm.ToValue(true)
	})
	return w
}

// emitWarning implements emitWarning(warning[, type | options][, code]): it logs at Warn and emits
// 'warning' with an Error named after the type.
func emitWarning(rt *jsruntime.Runtime, p *goja.Object, call goja.FunctionCall) {
	vm := rt.VM()
	name, code := "Warning", ""
	switch opt := call.Argument(1).(type) {
	case *goja.Object:
		if t := opt.Get("type"); t != nil && !goja.IsUndefined(t) {
			name = t.String()
		}
		if c := opt.Get("code"); c != nil && !goja.IsUndefined(c) {
			code = c.String()
		}
	default:
		if !goja.IsUndefined(opt) {
			name = opt.String()
		}
		if c := call.Argument(2); !goja.IsUndefined(c) {
			code = c.String()
		}
	}
	warning, isObj := call.Argument(0).(*goja.Object)
	if !isObj || warning.Get("message") == nil {
		ctor, _ := goja.AssertConstructor(vm.Get("Error"))
		warning, _ = ctor(nil, vm.ToValue(call.Argument(0).String()))
		_ = warning.Set("name", name)
		if code != "" {
			_ = warning.Set("code", code)
		}
	}
	attrs := []any{"name", warning.Get("name").String()}
	if code != "" {
		attrs = append(attrs, "code", code)
	}
	rt.Logger().Warn(warning.Get("message").String(), attrs...)
	if _, err := events.Emit(rt, p, "warning", warning); err != nil {
		rt.ReportUncaught("warning listener", err)
	}
}
