package pluginhost

import (
	"net/http"

	"github.com/pluginhost/pluginhost/internal/lukercompat"
	"github.com/pluginhost/pluginhost/internal/platform"
)

// extensions is what Options add to every plugin runtime: the request context (the Luker layer's
// req.user, then Options.RequestContext) and the Luker layer's globals and src/ modules.
func (h *Host) extensions() platform.Extensions {
	ext := platform.Extensions{RequestContext: h.opts.RequestContext}
	lk := h.opts.Luker
	if lk == nil {
		return ext
	}
	ext.RequestContext = mergeContexts(lk.RequestContext, h.opts.RequestContext)
	ext.Setup = lukercompat.Setup(lk)
	ext.HostFiles = lukercompat.HostFiles(lk, h.opts.PluginsDir)
	return ext
}

// mergeContexts gives a request both functions' properties; second's win.
func mergeContexts(first, second func(*http.Request) map[string]any) func(*http.Request) map[string]any {
	if second == nil {
		return first
	}
	return func(r *http.Request) map[string]any {
		a, b := first(r), second(r)
		if len(a) == 0 {
			return b
		}
		if len(b) == 0 {
			return a
		}
		out := make(map[string]any, len(a)+len(b))
		for k, v := range a {
			out[k] = v
		}
		for k, v := range b {
			out[k] = v
		}
		return out
	}
}
