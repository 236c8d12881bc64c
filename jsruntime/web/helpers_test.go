package web_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime returns a runtime on clock with Buffer, the web globals and URL; installs follow.
func newRuntime(t *testing.T, clock jsruntime.Clock, installs ...jstest.Install) *jsruntime.Runtime {
	t.Helper()
	return jstest.NewWith(t, jsruntime.Options{Name: "test", Clock: clock},
		append([]jstest.Install{buffer.Install, web.Install, url.Install}, installs...)...)
}
