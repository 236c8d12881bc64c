package assert_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/assert"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// TestScenarios runs each testdata/<name>.js in a runtime with what the scenarios use (Buffer,
// process and its V8 stack API, timers, console, the module system with assert) and compares what it
// printed with <name>.golden, recorded from Node 20 by testdata/node-main.js (re-record with -update).
func TestScenarios(t *testing.T) {
	for _, name := range []string{"falsy"} {
		t.Run(name, func(t *testing.T) {
			rt := jstest.New(t, buffer.Install, web.Install, console.Install,
				func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
				jstest.Modules("testdata", map[string]modules.Builtin{
					"events": events.Require, "buffer": buffer.Require, "util": util.Require,
					"assert": assert.Require, "assert/strict": assert.RequireStrict,
				}))
			jstest.RunMain(t, rt, filepath.Join("testdata", name+".js"))
			record := exec.Command("node", "node-main.js", name+".js")
			record.Dir = "testdata"
			jstest.Golden(t, jstest.LogsOf(rt).Stdout(), filepath.Join("testdata", name+".golden"), record)
		})
	}
}
