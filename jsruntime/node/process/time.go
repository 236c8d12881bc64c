package process

import (
	"math/big"
	"runtime"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// monotonic is the time elapsed since the host started, read from Go's monotonic clock so that
// wall-clock adjustments never make hrtime go backwards.
func monotonic() time.Duration { return time.Since(started) }

// defineTime sets hrtime, hrtime.bigint, uptime and memoryUsage.
func defineTime(rt *jsruntime.Runtime, p *goja.Object, _ Config) error {
	vm := rt.VM()
	hrtime := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		now := monotonic()
		if prev := call.Argument(0); !goja.IsUndefined(prev) {
			now -= previous(vm, prev)
		}
		sec := int64(now / time.Second)
		return vm.NewArray(sec, int64(now-time.Duration(sec)*time.Second))
	}).(*goja.Object)
	err := hrtime.Set("bigint", func() goja.Value { return vm.ToValue(big.NewInt(int64(monotonic()))) })
	if err != nil {
		return err
	}
	rss := func() int64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.Sys)
	}
	memory := vm.ToValue(func() goja.Value {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return object(vm, map[string]any{
			"rss": int64(m.Sys), "heapTotal": int64(m.HeapSys), "heapUsed": int64(m.HeapAlloc),
			"external": 0, "arrayBuffers": 0,
		})
	}).(*goja.Object)
	if err := memory.Set("rss", rss); err != nil {
		return err
	}
	for name, v := range map[string]any{
		"hrtime":      hrtime,
		"memoryUsage": memory,
		"uptime":      func() float64 { return monotonic().Seconds() },
	} {
		if err := p.Set(name, v); err != nil {
			return err
		}
	}
	return nil
}

// previous reads hrtime's optional [seconds, nanoseconds] argument, with Node's errors.
func previous(vm *goja.Runtime, v goja.Value) time.Duration {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Array" {
		panic(nodeerr.InvalidArgType(vm, "time", "an instance of Array", v))
	}
	if n := obj.Get("length").ToInteger(); n != 2 {
		panic(nodeerr.New(vm, "RangeError", "ERR_OUT_OF_RANGE",
			`The value of "time" is out of range. It must be 2. Received `+obj.Get("length").String()))
	}
	return time.Duration(obj.Get("0").ToInteger())*time.Second + time.Duration(obj.Get("1").ToInteger())
}
