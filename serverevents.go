package pluginhost

import (
	"context"
	"errors"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
)

// EmitServerEvent emits event on process.serverEvents of every loaded plugin: the emitter the Luker
// layer (Options.Luker) adds, as Luker's src/server-events.js does. Luker emits "server-started" with
// { url }, a URL object, once its server listens; do the same once yours accepts requests:
//
//	host.EmitServerEvent(ctx, "server-started", map[string]any{"url": &url.URL{Scheme: "http", Host: addr}})
//
// Each plugin gets its own copy of args, converted as Options.RequestContext values are (a *url.URL
// becomes a URL object); a value that cannot be converted is an error for that plugin. Without the
// Luker layer there is no such emitter and nothing is emitted. The listeners run concurrently, each on
// its own plugin's loop; EmitServerEvent waits until they have returned or ctx ends, and returns their
// errors joined, each naming its plugin. A listener's returned promise is not awaited, as in Node.
func (h *Host) EmitServerEvent(ctx context.Context, event string, args ...any) error {
	if h.opts.Luker == nil {
		return nil
	}
	return h.eachLoaded(func(inst *instance) error {
		rt := inst.plat.RT
		return rt.Do(ctx, func(vm *goja.Runtime) error {
			proc, ok := vm.Get("process").(*goja.Object)
			if !ok {
				return errors.New("no process object")
			}
			emitter, ok := proc.Get("serverEvents").(*goja.Object)
			if !ok {
				return errors.New("process.serverEvents is not an object")
			}
			vals := make([]goja.Value, len(args))
			for i, a := range args {
				v, err := jsruntime.PlainValue(vm, a)
				if err != nil {
					return err
				}
				vals[i] = v
			}
			_, err := events.Emit(rt, emitter, event, vals...)
			return err
		})
	})
}
