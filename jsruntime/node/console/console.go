// Package console provides the console global and Node's "console" module: the global console
// writes to the runtime's slog logger, and console.Console writes to the streams it is given, as
// Node's does. Both are console.js, Node 20's methods (log, warn, dir, time/timeEnd/timeLog, trace,
// assert, count/countReset, group/groupEnd, table and their aliases) over util's formatter.
//
// The global console logs log, info, dirxml, dir, table, count, timeLog/timeEnd and group headers at
// Info, debug at Debug, warn at Warn, and error, trace and assert at Error; group indentation is
// applied to every line, as Node does. It has Node's other members too: Console, _stdout and _stderr
// (process.stdout and process.stderr), _times, _ignoreErrors, the error handlers, and the
// inspector's methods profile, profileEnd, timeStamp, context and createTask, which do what Node's do
// without an inspector attached: nothing (createTask's task runs the function it is given). console.time
// measures with the runtime's clock.
//
// What differs from Node: clear never clears (a plugin's output is not a terminal); console.table
// cuts arrays in cells to three items itself but otherwise renders cells with util.inspect's
// defaults (breakLength 80), and takes map and set iterators by iterating them; the width of
// non-ASCII text in a table follows Node's table of wide characters rather than ICU's.
package console

import (
	"context"
	_ "embed"
	"fmt"
	"log/slog"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed console.js
var source string

var script = jsruntime.NewScript("node:console", source)

// levels are the logger levels the global console writes at, by console.js's names.
var levels = map[string]slog.Level{
	"debug": slog.LevelDebug,
	"info":  slog.LevelInfo,
	"warn":  slog.LevelWarn,
	"error": slog.LevelError,
}

type moduleKey struct{}

// Install defines the console global. Must be called on the loop.
func Install(rt *jsruntime.Runtime) error {
	exports, err := script.Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives(rt)}, nil })
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	global := exports.ToObject(rt.VM()).Get("global")
	if err := rt.VM().Set("console", global); err != nil {
		return fmt.Errorf("console: defining the global: %w", err)
	}
	rt.Value(moduleKey{}, func() any { return global })
	return nil
}

// Require returns the "console" module: the console object Install defined, even if a plugin has
// since replaced the global. Must be called on the loop, after Install.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	v, _ := rt.Value(moduleKey{}, func() any { return nil }).(goja.Value)
	if v == nil {
		return nil, fmt.Errorf("console: not installed")
	}
	return v, nil
}

// natives is the object through which console.js reaches Go: nodeerr's errors, write(level, text)
// to the logger, hrtime() from the runtime's clock as [seconds, nanoseconds], format(...args)
// (util.format), and util(), the util module, loaded on first use.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	obj := nodeerr.Natives(vm)
	_ = obj.Set("write", func(level, text string) {
		rt.Logger().Log(context.Background(), levels[level], text)
	})
	_ = obj.Set("hrtime", func() []int64 {
		ns := rt.Clock().Now().UnixNano()
		return []int64{ns / 1e9, ns % 1e9}
	})
	_ = obj.Set("format", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(util.Format(rt, call.Arguments))
	})
	_ = obj.Set("util", func(goja.FunctionCall) goja.Value {
		mod, err := util.Require(rt)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return mod
	})
	return obj
}
