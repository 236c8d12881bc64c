package zlib_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	"github.com/pluginhost/pluginhost/jsruntime/node/path"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/node/zlib"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime is a runtime with what the scenarios use: Buffer, process (whose environment is env),
// timers, console, and the module system with zlib and the modules it builds on.
func newRuntime(t *testing.T, env map[string]string) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, buffer.Install, web.Install, console.Install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{Env: env}) },
		jstest.Modules("testdata", map[string]modules.Builtin{
			"events": events.Require, "buffer": buffer.Require, "stream": stream.Require, "util": util.Require,
			"fs": fs.Require, "path": path.Require, "zlib": zlib.Require,
		}))
}

// runMain runs testdata/<name>.js as the main module of a fresh runtime and returns what it printed.
func runMain(t *testing.T, name string, env map[string]string) string {
	t.Helper()
	rt := newRuntime(t, env)
	jstest.RunMain(t, rt, filepath.Join("testdata", name+".js"))
	return jstest.LogsOf(rt).Stdout()
}

// compareGolden runs testdata/<name>.js and compares what it printed with <name>.golden, recorded
// from Node 20 by testdata/node-main.js (re-record with -update).
func compareGolden(t *testing.T, name string) {
	t.Helper()
	got := runMain(t, name, nil)
	record := exec.Command("node", "node-main.js", name+".js")
	record.Dir = "testdata"
	record.Env = append(os.Environ(), "SCRIPT_TMPDIR="+t.TempDir())
	jstest.Golden(t, got, filepath.Join("testdata", name+".golden"), record)
}
