package conformance

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/internal/platform"
)

// TestScripts is the differential test of the Node platform: every scripts/*.js runs under Node 20 and
// under a pluginhost runtime, and what each prints with console.log must be the same, line by line.
// Run one with `go test ./conformance -run 'TestScripts/<name>'`.
func TestScripts(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("SKIPPING the differential scripts: node is not on PATH (install Node 20 to run them)")
	}
	files, err := filepath.Glob("scripts/*.js")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no scripts in scripts/")
	}
	dir, err := filepath.Abs("scripts")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			script := filepath.Join(dir, filepath.Base(file))
			want, stderr, err := runNodeScript(t, node, dir, script)
			if err != nil {
				t.Fatalf("node: %v\n%s", err, stderr)
			}
			logs := jstest.NewLogs(t)
			if err := runOurScript(t, logs, dir, script); err != nil {
				t.Fatalf("pluginhost: %v", err)
			}
			if d := jstest.DiffLines(logs.Stdout(), want); d != "" {
				t.Errorf("output differs from Node's (- pluginhost, + node):\n%s\nnode stderr:\n%s", d, stderr)
			}
		})
	}
}

// scriptEnv is the environment both sides give a script: the PATH (for child processes) and a fresh
// temporary directory.
func scriptEnv(t *testing.T) map[string]string {
	return map[string]string{"PATH": os.Getenv("PATH"), "SCRIPT_TMPDIR": t.TempDir()}
}

func runNodeScript(t *testing.T, node, dir, script string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(dir, "run.cjs"), script)
	// Node runs in the test's working directory, which is what process.cwd() reports in our runtime.
	for k, v := range scriptEnv(t) {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// runOurScript runs script through run.cjs in a plugin runtime logging to logs, whose Stdout is then
// what Node prints on stdout; the rest (Node's stderr, and the runtime's own reports) is copied to the
// test's log.
func runOurScript(t *testing.T, logs *jstest.Logs, dir, script string) error {
	p, err := platform.New(platform.Config{
		Name:      filepath.Base(script),
		Root:      dir,
		Logger:    logs.Logger(),
		PluginEnv: scriptEnv(t),
	})
	if err != nil {
		return err
	}
	defer func() { _ = p.RT.Close(context.Background()) }()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err = p.RT.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		exp, err := p.LoadMain(filepath.Join(dir, "run.cjs"))
		if err != nil {
			return nil, err
		}
		run, ok := goja.AssertFunction(exp.ToObject(vm).Get("run"))
		if !ok {
			return nil, errors.New("run.cjs exports no run function")
		}
		return run(goja.Undefined(), vm.ToValue(script))
	})
	return err
}
