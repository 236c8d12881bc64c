package pluginhost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/events"
)

// EmitProcessEvent emits event on the process object of every loaded plugin, as process.emit(event,
// ...args) does in Node, so plugins can listen with process.on(event, ...) for host events such as
// "server-started". args are converted through JSON (each plugin gets its own plain copy); a value
// encoding/json cannot encode is an error and nothing is emitted. The plugins' listeners run
// concurrently, each on its own plugin's loop; EmitProcessEvent waits until they have returned or ctx
// ends, and returns the listeners' errors joined, each naming its plugin. A listener's returned
// promise is not awaited, as in Node.
func (h *Host) EmitProcessEvent(ctx context.Context, event string, args ...any) error {
	encoded := make([]string, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("pluginhost: emit %q: argument %d: %w", event, i, err)
		}
		encoded[i] = string(b)
	}
	return h.eachLoaded(func(inst *instance) error { return inst.emitProcessEvent(ctx, event, encoded) })
}

// eachLoaded runs fn concurrently for the instance of every loaded plugin (not yet exited), waits for
// every call to return, and joins their errors, each naming its plugin.
func (h *Host) eachLoaded(fn func(inst *instance) error) error {
	h.mu.RLock()
	plugins := append([]*plugin(nil), h.plugins...)
	h.mu.RUnlock()
	var wg sync.WaitGroup
	errs := make([]error, len(plugins))
	for i, p := range plugins {
		p.mu.Lock()
		inst, loaded := p.inst, p.loaded && !p.exited
		p.mu.Unlock()
		if !loaded {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(inst); err != nil {
				errs[i] = fmt.Errorf("plugin %s: %w", p.entry.name, err)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// emitProcessEvent parses the JSON-encoded args in the instance's runtime and emits event on its
// process object.
func (inst *instance) emitProcessEvent(ctx context.Context, event string, encoded []string) error {
	rt := inst.plat.RT
	return rt.Do(ctx, func(vm *goja.Runtime) error {
		proc, ok := vm.Get("process").(*goja.Object)
		if !ok {
			return errors.New("no process object")
		}
		parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
		vals := make([]goja.Value, len(encoded))
		for i, s := range encoded {
			v, err := parse(goja.Undefined(), vm.ToValue(s))
			if err != nil {
				return err
			}
			vals[i] = v
		}
		_, err := events.Emit(rt, proc, event, vals...)
		return err
	})
}
