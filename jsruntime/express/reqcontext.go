package express

import (
	"sort"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// applyContext gives req the embedding application's properties (Config.RequestContext), as a
// middleware running before everything else would: req[key] = value for each key, in sorted order,
// before the router's own fields (method, url, baseUrl, params, …) are set. Values are converted by
// jsruntime.PlainValue, so each request gets its own copies; a value that cannot be converted is left
// out and logged. Called on the loop, once per request.
func (a *App) applyContext(req *goja.Object, props map[string]any) {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, err := jsruntime.PlainValue(a.vm, props[k])
		if err != nil {
			a.rt.Logger().Error("request context: property left out", "key", k, "err", err)
			continue
		}
		_ = req.Set(k, v)
	}
}
