// Package console provides the console global, writing to the runtime's slog logger; messages are
// rendered by the util package's Format and Inspect.
package console

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
)

// console is the per-runtime state behind the console object: counters, timers and group indentation.
type console struct {
	rt     *jsruntime.Runtime
	vm     *goja.Runtime
	counts map[string]int
	timers map[string]time.Time
	group  string
}

// Install defines the console global. log and info write at Info, debug at Debug, warn at Warn, error
// and trace at Error; the message is the util.format rendering of the arguments. Must be called on the
// loop.
func Install(rt *jsruntime.Runtime) error {
	c := &console{rt: rt, vm: rt.VM(), counts: map[string]int{}, timers: map[string]time.Time{}}
	obj := c.vm.NewObject()
	methods := map[string]func(goja.FunctionCall) goja.Value{
		"log":            c.printer(slog.LevelInfo),
		"info":           c.printer(slog.LevelInfo),
		"debug":          c.printer(slog.LevelDebug),
		"warn":           c.printer(slog.LevelWarn),
		"error":          c.printer(slog.LevelError),
		"trace":          c.trace,
		"dir":            c.dir,
		"table":          c.printer(slog.LevelInfo),
		"assert":         c.assert,
		"count":          c.count,
		"countReset":     c.countReset,
		"time":           c.time,
		"timeEnd":        c.timeEnd,
		"timeLog":        c.timeLog,
		"group":          c.groupStart,
		"groupCollapsed": c.groupStart,
		"groupEnd":       c.groupEnd,
	}
	for name, fn := range methods {
		if err := obj.Set(name, fn); err != nil {
			return fmt.Errorf("console: defining %s: %w", name, err)
		}
	}
	if err := c.vm.Set("console", obj); err != nil {
		return fmt.Errorf("console: defining the global: %w", err)
	}
	rt.Value(moduleKey{}, func() any { return obj })
	return nil
}

type moduleKey struct{}

// Require returns the "console" module: the console object Install defined, even if a plugin has
// since replaced the global. Must be called on the loop, after Install.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	obj, _ := rt.Value(moduleKey{}, func() any { return nil }).(*goja.Object)
	if obj == nil {
		return nil, fmt.Errorf("console: not installed")
	}
	return obj, nil
}

func (c *console) emit(level slog.Level, msg string) {
	if c.group != "" {
		msg = c.group + strings.ReplaceAll(msg, "\n", "\n"+c.group)
	}
	c.rt.Logger().Log(context.Background(), level, msg)
}

func (c *console) printer(level slog.Level) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		c.emit(level, util.Format(c.rt, call.Arguments))
		return goja.Undefined()
	}
}

// trace logs "Trace: message" followed by the current JS stack.
func (c *console) trace(call goja.FunctionCall) goja.Value {
	msg := "Trace"
	if len(call.Arguments) > 0 {
		msg += ": " + util.Format(c.rt, call.Arguments)
	}
	var sb bytes.Buffer
	for _, frame := range c.vm.CaptureCallStack(0, nil) {
		sb.WriteString("\n    at ")
		frame.Write(&sb)
	}
	c.emit(slog.LevelError, msg+sb.String())
	return goja.Undefined()
}

func (c *console) dir(call goja.FunctionCall) goja.Value {
	c.emit(slog.LevelInfo, util.Inspect(c.rt, call.Argument(0)))
	return goja.Undefined()
}

func (c *console) assert(call goja.FunctionCall) goja.Value {
	if call.Argument(0).ToBoolean() {
		return goja.Undefined()
	}
	msg := "Assertion failed"
	if len(call.Arguments) > 1 {
		msg += ": " + util.Format(c.rt, call.Arguments[1:])
	}
	c.emit(slog.LevelError, msg)
	return goja.Undefined()
}

func label(call goja.FunctionCall) string {
	if v := call.Argument(0); !goja.IsUndefined(v) {
		return v.String()
	}
	return "default"
}

func (c *console) count(call goja.FunctionCall) goja.Value {
	l := label(call)
	c.counts[l]++
	c.emit(slog.LevelInfo, fmt.Sprintf("%s: %d", l, c.counts[l]))
	return goja.Undefined()
}

func (c *console) countReset(call goja.FunctionCall) goja.Value {
	delete(c.counts, label(call))
	return goja.Undefined()
}

func (c *console) time(call goja.FunctionCall) goja.Value {
	l := label(call)
	if _, ok := c.timers[l]; ok {
		c.emit(slog.LevelWarn, fmt.Sprintf("Warning: Label '%s' already exists for console.time()", l))
		return goja.Undefined()
	}
	c.timers[l] = c.rt.Clock().Now()
	return goja.Undefined()
}

func (c *console) timeEnd(call goja.FunctionCall) goja.Value {
	c.timeLog(call)
	delete(c.timers, label(call))
	return goja.Undefined()
}

// timeLog prints the elapsed time the way Node does ("label: 1.234ms"), extra arguments appended.
func (c *console) timeLog(call goja.FunctionCall) goja.Value {
	l := label(call)
	start, ok := c.timers[l]
	if !ok {
		c.emit(slog.LevelWarn, fmt.Sprintf("Warning: No such label '%s' for console.timeLog()", l))
		return goja.Undefined()
	}
	msg := fmt.Sprintf("%s: %s", l, elapsed(c.rt.Clock().Now().Sub(start)))
	if len(call.Arguments) > 1 {
		msg += " " + util.Format(c.rt, call.Arguments[1:])
	}
	c.emit(slog.LevelInfo, msg)
	return goja.Undefined()
}

func elapsed(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms >= 1000 {
		return fmt.Sprintf("%.3fs", ms/1000)
	}
	return fmt.Sprintf("%.3fms", ms)
}

func (c *console) groupStart(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) > 0 {
		c.emit(slog.LevelInfo, util.Format(c.rt, call.Arguments))
	}
	c.group += "  "
	return goja.Undefined()
}

func (c *console) groupEnd(goja.FunctionCall) goja.Value {
	if len(c.group) >= 2 {
		c.group = c.group[2:]
	}
	return goja.Undefined()
}
