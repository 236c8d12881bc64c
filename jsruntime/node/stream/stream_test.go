package stream

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime is a runtime with what plugins get that the scenarios use: Buffer, timers,
// queueMicrotask, AbortController, console, and the module system with events, buffer and stream;
// installs follow.
func newRuntime(t testing.TB, installs ...jstest.Install) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, append([]jstest.Install{buffer.Install, web.Install, console.Install,
		jstest.Modules("testdata", map[string]modules.Builtin{
			"events": events.Require, "buffer": buffer.Require, "stream": Require, "stream/promises": RequirePromises,
		})}, installs...)...)
}

// TestScenarios runs each testdata/*.js scenario and compares its event log with the log Node 20
// printed for it (the .golden file next to it; re-record with -update).
func TestScenarios(t *testing.T) {
	files, err := filepath.Glob("testdata/*.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		if name == "harness" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			rt := newRuntime(t)
			jstest.RunMain(t, rt, file)
			record := exec.Command("node", filepath.Base(file))
			record.Dir = "testdata"
			jstest.Golden(t, jstest.LogsOf(rt).Stdout(), strings.TrimSuffix(file, ".js")+".golden", record)
		})
	}
}
