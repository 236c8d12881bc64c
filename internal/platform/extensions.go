package platform

import (
	"net/http"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// Extensions are what the embedding application adds to a plugin's environment beyond Node's
// platform: its request context and a compatibility layer such as Luker's. The zero value adds
// nothing and costs nothing.
type Extensions struct {
	// RequestContext gives the properties added to every req (express.Config.RequestContext).
	RequestContext func(*http.Request) map[string]any
	// HostFiles stands in for host files plugins load by path (modules.Options.HostFiles).
	HostFiles modules.HostFiles
	// Setup runs on the loop once the environment is installed, before any plugin code: the globals
	// a compatibility layer adds.
	Setup func(*jsruntime.Runtime) error
}
