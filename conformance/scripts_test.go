package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

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
			got, errs, err := runOurScript(t, dir, script)
			if err != nil {
				t.Fatalf("pluginhost: %v", err)
			}
			if d := diffLines(got, want); d != "" {
				t.Errorf("output differs from Node's (- pluginhost, + node):\n%s\npluginhost warnings and errors:\n%s\nnode stderr:\n%s", d, errs, stderr)
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

// runOurScript runs script through run.cjs in a plugin runtime. Records at Info level are console.log
// and friends (Node's stdout); warnings and errors (Node's stderr, and the runtime's own reports) are
// returned apart, for the failure message.
func runOurScript(t *testing.T, dir, script string) (stdout, stderr string, err error) {
	logs := &captureHandler{}
	p, err := platform.New(platform.Config{
		Name:      filepath.Base(script),
		Root:      dir,
		Logger:    slog.New(logs),
		PluginEnv: scriptEnv(t),
	})
	if err != nil {
		return "", "", err
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
	out, errOut := logs.text()
	return out, errOut, err
}

// captureHandler is a slog.Handler keeping the messages logged, split by level.
type captureHandler struct {
	mu          sync.Mutex
	out, errOut strings.Builder
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *captureHandler) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r.Level == slog.LevelInfo {
		h.out.WriteString(r.Message + "\n")
		return nil
	}
	if r.Level > slog.LevelInfo {
		fmt.Fprintf(&h.errOut, "%s %s", r.Level, r.Message)
		r.Attrs(func(a slog.Attr) bool {
			fmt.Fprintf(&h.errOut, " %s=%v", a.Key, a.Value)
			return true
		})
		h.errOut.WriteString("\n")
	}
	return nil
}

func (h *captureHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *captureHandler) WithGroup(string) slog.Handler      { return h }

func (h *captureHandler) text() (stdout, stderr string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.out.String(), h.errOut.String()
}

// diffLines lists the lines that differ between got and want, or "" when they are equal.
func diffLines(got, want string) string {
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	var b strings.Builder
	for i := range max(len(g), len(w)) {
		var gl, wl string
		var gok, wok bool
		if i < len(g) {
			gl, gok = g[i], true
		}
		if i < len(w) {
			wl, wok = w[i], true
		}
		if gok && wok && gl == wl {
			continue
		}
		if gok {
			fmt.Fprintf(&b, "%4d - %s\n", i+1, gl)
		}
		if wok {
			fmt.Fprintf(&b, "%4d + %s\n", i+1, wl)
		}
	}
	return b.String()
}
