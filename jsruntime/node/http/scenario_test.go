package http_test

import (
	"encoding/json"
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
	nodehttp "github.com/pluginhost/pluginhost/jsruntime/node/http"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// scenarios are testdata/<name>.js; each one's output under Node 20, talking to the same server, is
// testdata/<name>.golden (re-recorded with -update by testdata/run.js).
var scenarios = []string{"get", "post", "headers", "errors", "abort", "timeout", "misc", "agent", "https", "socketpath"}

func TestScenariosMatchNode(t *testing.T) {
	srv := newTestServer(t)
	env, _ := json.Marshal(srv.env())
	for _, name := range scenarios {
		t.Run(name, func(t *testing.T) {
			script, _ := filepath.Abs(filepath.Join("testdata", name+".js"))
			record := exec.Command("node", "testdata/run.js", script, string(env))
			jstest.Golden(t, runScenario(t, srv, script), filepath.Join("testdata", name+".golden"), record)
		})
	}
}

// newRuntime is a runtime with the globals the scenarios use (process, Buffer, timers, URL,
// AbortController, console) and a global require that knows the modules they load; installs follow.
func newRuntime(t *testing.T, installs ...jstest.Install) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, append([]jstest.Install{
		console.Install, buffer.Install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		web.Install, url.Install,
		jstest.Require(map[string]modules.Builtin{
			"http": nodehttp.Require, "https": nodehttp.RequireHTTPS, "stream": stream.Require,
			"events": events.Require, "buffer": buffer.Require,
		}),
	}, installs...)...)
}

// runScenario runs script in a fresh runtime as testdata/run.js runs it under Node: the function it
// exports is called with the server's addresses and a log function (console.log), and awaited. It
// returns what the scenario logged.
func runScenario(t *testing.T, srv *testServer, script string) string {
	t.Helper()
	src, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, jstest.Set("scenarioEnv", srv.env()))
	jstest.Await(t, rt, "(function (module) {"+string(src)+
		"\nreturn module.exports(scenarioEnv, (...args) => console.log(...args));\n})({})")
	return jstest.LogsOf(rt).Stdout()
}
