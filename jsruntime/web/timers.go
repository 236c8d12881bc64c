package web

import (
	"math"
	"sort"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// timers is the per-runtime state of setTimeout, setInterval and setImmediate. It is used only on the
// loop, except for stopAll, which runs after the loop has stopped.
type timers struct {
	rt     *jsruntime.Runtime
	vm     *goja.Runtime
	proto  *goja.Object // Timeout.prototype
	iproto *goja.Object // Immediate.prototype
	key    *goja.Symbol // where a Timeout object keeps its *timer
	active map[int64]*timer
	nextID int64
	seq    uint64 // orders timers scheduled for the same instant
}

// timer is one pending callback. gen changes whenever the timer is rescheduled or cleared, so that a
// Clock callback that was already on its way to the loop recognises it is stale.
type timer struct {
	id      int64
	fn      goja.Callable
	args    []goja.Value
	delay   time.Duration
	repeat  bool
	ref     bool
	obj     *goja.Object
	handle  jsruntime.Timer
	gen     uint64
	cleared bool
	due     time.Time // when the Clock timer expires; zero for an immediate
	seq     uint64
	ctx     goja.Value // the async context the callback runs in: the one current when it was scheduled
}

// maxDelay is Node's TIMEOUT_MAX; longer or invalid delays become 1 ms, as in Node.
const maxDelay = math.MaxInt32

func installTimers(rt *jsruntime.Runtime) *timers {
	vm := rt.VM()
	t := &timers{rt: rt, vm: vm, key: goja.NewSymbol("timer"), active: map[int64]*timer{}}
	t.proto = t.handleProto("Timeout", true)
	t.iproto = t.handleProto("Immediate", false)
	global := vm.GlobalObject()
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"setTimeout":     t.setTimeout,
		"setInterval":    t.setInterval,
		"setImmediate":   t.setImmediate,
		"clearTimeout":   t.clear,
		"clearInterval":  t.clear,
		"clearImmediate": t.clear,
	} {
		_ = global.DefineDataProperty(name, vm.ToValue(fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	rt.OnClose(t.stopAll)
	return t
}

// handleProto builds the prototype of the objects setTimeout and setImmediate return.
func (t *timers) handleProto(name string, timeout bool) *goja.Object {
	vm := t.vm
	ctor := vm.ToValue(func(goja.ConstructorCall) *goja.Object { panic(vm.NewTypeError("Illegal constructor")) }).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	p := vm.NewObject()
	_ = p.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = ctor.Set("prototype", p)
	method := func(name string, fn func(tm *timer, call goja.FunctionCall) goja.Value) {
		_ = p.DefineDataProperty(name, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			tm := t.of(call.This)
			if tm == nil {
				panic(vm.NewTypeError("Illegal invocation"))
			}
			return fn(tm, call)
		}), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	method("ref", func(tm *timer, call goja.FunctionCall) goja.Value { tm.ref = true; return call.This })
	method("unref", func(tm *timer, call goja.FunctionCall) goja.Value { tm.ref = false; return call.This })
	method("hasRef", func(tm *timer, _ goja.FunctionCall) goja.Value { return vm.ToValue(tm.ref) })
	if timeout {
		method("refresh", func(tm *timer, call goja.FunctionCall) goja.Value {
			if !tm.cleared {
				t.schedule(tm)
			}
			return call.This
		})
		method("close", func(tm *timer, call goja.FunctionCall) goja.Value { t.cancel(tm); return call.This })
		_ = p.DefineDataPropertySymbol(goja.SymToPrimitive, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if tm := t.of(call.This); tm != nil {
				return vm.ToValue(tm.id)
			}
			return goja.Undefined()
		}), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return p
}

// of returns the timer behind a Timeout or Immediate object, or nil.
func (t *timers) of(v goja.Value) *timer {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	tm, _ := obj.GetSymbol(t.key).Export().(*timer)
	return tm
}

func (t *timers) setTimeout(call goja.FunctionCall) goja.Value  { return t.create(call, false) }
func (t *timers) setInterval(call goja.FunctionCall) goja.Value { return t.create(call, true) }

func (t *timers) create(call goja.FunctionCall, repeat bool) goja.Value {
	fn := t.callback(call.Argument(0))
	ms := call.Argument(1).ToFloat()
	if !(ms >= 1 && ms <= maxDelay) {
		ms = 1
	}
	tm := t.add(fn, call, 2, t.proto)
	tm.delay = time.Duration(ms * float64(time.Millisecond))
	tm.repeat = repeat
	t.schedule(tm)
	return tm.obj
}

func (t *timers) setImmediate(call goja.FunctionCall) goja.Value {
	tm := t.add(t.callback(call.Argument(0)), call, 1, t.iproto)
	gen := tm.gen
	t.rt.RunOnLoop(func(*goja.Runtime) { t.fire(tm, gen) })
	return tm.obj
}

func (t *timers) callback(v goja.Value) goja.Callable {
	fn, ok := goja.AssertFunction(v)
	if !ok {
		panic(nodeerr.InvalidArgType(t.vm, "callback", "of type function", v))
	}
	return fn
}

func (t *timers) add(fn goja.Callable, call goja.FunctionCall, argsFrom int, proto *goja.Object) *timer {
	t.nextID++
	tm := &timer{id: t.nextID, fn: fn, ref: true, ctx: t.rt.AsyncContext()}
	if len(call.Arguments) > argsFrom {
		tm.args = append([]goja.Value(nil), call.Arguments[argsFrom:]...)
	}
	tm.obj = t.vm.NewObject()
	_ = tm.obj.SetPrototype(proto)
	_ = tm.obj.DefineDataPropertySymbol(t.key, t.vm.ToValue(tm), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	t.active[tm.id] = tm
	return tm
}

// schedule (re)starts tm's Clock timer; the Clock fires on another goroutine and hands back to the loop.
func (t *timers) schedule(tm *timer) {
	if tm.handle != nil {
		tm.handle.Stop()
	}
	tm.gen++
	gen := tm.gen
	t.seq++
	tm.due, tm.seq = t.rt.Clock().Now().Add(tm.delay), t.seq
	tm.handle = t.rt.Clock().AfterFunc(tm.delay, func() {
		t.rt.RunOnLoop(func(*goja.Runtime) { t.fireDue(tm, gen) })
	})
}

// fireDue runs tm and, first, every other timer due no later than tm, in deadline order: Clock
// callbacks race each other to the loop, but Node runs timers in the order they expire.
func (t *timers) fireDue(tm *timer, gen uint64) {
	if tm.cleared || tm.gen != gen {
		return
	}
	due := []*timer{tm}
	for _, other := range t.active {
		if other != tm && !other.due.IsZero() && !other.due.After(tm.due) {
			due = append(due, other)
		}
	}
	sort.Slice(due, func(i, j int) bool {
		if !due[i].due.Equal(due[j].due) {
			return due[i].due.Before(due[j].due)
		}
		return due[i].seq < due[j].seq
	})
	gens := make([]uint64, len(due))
	for i, d := range due {
		gens[i] = d.gen // taken before any callback runs: one may clear or refresh another
	}
	for i, d := range due {
		t.fire(d, gens[i])
	}
}

func (t *timers) fire(tm *timer, gen uint64) {
	if tm.cleared || tm.gen != gen {
		return
	}
	if tm.repeat {
		t.schedule(tm)
	} else {
		t.cancel(tm)
	}
	t.rt.WithAsyncContext(tm.ctx, func() {
		_, err := tm.fn(tm.obj, tm.args...)
		t.rt.ReportUncaught("timer callback", err)
	})
}

func (t *timers) cancel(tm *timer) {
	if tm.cleared {
		return
	}
	tm.cleared = true
	tm.gen++
	if tm.handle != nil {
		tm.handle.Stop()
	}
	delete(t.active, tm.id)
}

// clear is clearTimeout/clearInterval/clearImmediate: it accepts the returned object or its numeric id
// and ignores anything else, as Node does.
func (t *timers) clear(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	tm := t.of(v)
	if tm == nil && (goja.IsNumber(v) || goja.IsString(v)) {
		tm = t.active[v.ToInteger()]
	}
	if tm != nil {
		t.cancel(tm)
	}
	return goja.Undefined()
}

// stopAll releases the Clock timers when the runtime closes.
func (t *timers) stopAll() {
	for _, tm := range t.active {
		if tm.handle != nil {
			tm.handle.Stop()
		}
	}
	t.active = nil
}
