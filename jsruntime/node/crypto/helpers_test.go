package crypto

import (
	"path/filepath"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime is a runtime with the globals and modules the crypto module meets in a plugin, the
// module itself as the global nodeCrypto, and console.
func newRuntime(t testing.TB) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, buffer.Install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		web.Install, Install, console.Install, jstest.Global("nodeCrypto", Require),
		jstest.Modules("testdata", map[string]modules.Builtin{
			"buffer": buffer.Require, "events": events.Require, "stream": stream.Require,
			"string_decoder": stringdecoder.Require, "util": util.Require, "crypto": Require,
		}))
}

// eval runs src in rt, waits for the promise it may evaluate to and returns what it printed.
func eval(t *testing.T, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	jstest.Await(t, rt, src)
	return jstest.LogsOf(rt).Stdout()
}

// compareGolden runs testdata/name.js and compares what it printed with testdata/name.golden, recorded
// from Node 20 by the conformance runner, which runs a script as jstest.RunMain does: from this
// directory, `node ../../../conformance/scripts/run.cjs testdata/name.js > testdata/name.golden`.
func compareGolden(t *testing.T, name string) {
	t.Helper()
	rt := newRuntime(t)
	jstest.RunMain(t, rt, filepath.Join("testdata", name+".js"))
	jstest.Golden(t, jstest.LogsOf(rt).Stdout(), filepath.Join("testdata", name+".golden"), nil)
}
