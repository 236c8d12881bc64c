package jstest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

func answer(rt *jsruntime.Runtime) (goja.Value, error) { return rt.VM().ToValue(42), nil }

func TestEvalForms(t *testing.T) {
	rt := jstest.New(t, jstest.Global("answer", answer), jstest.Require(map[string]modules.Builtin{"answer": answer}))
	jstest.Expect(t, "Eval", jstest.Eval(t, rt, `answer + 1`), "43")
	jstest.Expect(t, "Eval of a promise", jstest.Eval(t, rt, `Promise.resolve(1)`), "[object Promise]")
	jstest.Expect(t, "EvalValue", jstest.EvalValue(t, rt, `[require('node:answer')][0] === answer`), any(true))
	jstest.Expect(t, "Await", jstest.Await(t, rt, `(async () => { await null; return 'later'; })()`), "later")
	jstest.Expect(t, "AwaitJSON", jstest.AwaitJSON(t, rt, `Promise.resolve({ b: 1, a: [null, 'x'] })`), `{"b":1,"a":[null,"x"]}`)
	jstest.Expect(t, "AwaitJSON of undefined", jstest.AwaitJSON(t, rt, `undefined`), "undefined")
	jstest.Expect(t, "AwaitJSON of a string", jstest.AwaitJSON(t, rt, `'s'`), `"s"`)
	jstest.Expect(t, "script name", jstest.Eval(t, rt, `new Error('x').stack.includes('at test.js:1:')`), "true")
}

func TestLogs(t *testing.T) {
	rt := jstest.NewWith(t, jsruntime.Options{Name: "p"})
	jstest.Do(t, rt, func(*goja.Runtime) error {
		rt.Logger().Info("printed")
		rt.Logger().Debug("detail", "k", 1)
		rt.Logger().Error("failed")
		return nil
	})
	logs := jstest.LogsOf(rt)
	jstest.Expect(t, "stdout", logs.Stdout(), "printed\n")
	jstest.Expect(t, "text", logs.String(), "level=INFO msg=printed plugin=p\nlevel=DEBUG msg=detail plugin=p k=1\nlevel=ERROR msg=failed plugin=p\n")
	own := jstest.NewWith(t, jsruntime.Options{Logger: jstest.NewLogs(t).Logger()})
	if jstest.LogsOf(own) == nil {
		t.Error("a Logs passed as the logger is not found")
	}
}

func TestRunMainAndGolden(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "main.js")
	src := `module.exports = async function main() { console.log(require('answer')); await null; console.log('done'); };`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	console := func(rt *jsruntime.Runtime) error {
		return rt.VM().Set("console", map[string]any{"log": func(v goja.Value) { rt.Logger().Info(v.String()) }})
	}
	rt := jstest.New(t, console, jstest.Modules(dir, map[string]modules.Builtin{"answer": answer}))
	jstest.RunMain(t, rt, script)
	golden := filepath.Join(dir, "main.golden")
	if err := os.WriteFile(golden, []byte("42\ndone\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	jstest.Golden(t, jstest.LogsOf(rt).Stdout(), golden, nil)
}

func TestDiffLines(t *testing.T) {
	jstest.Expect(t, "equal", jstest.DiffLines("a\nb\n", "a\nb"), "")
	jstest.Expect(t, "changed and missing", jstest.DiffLines("a\nx\n", "a\nb\nc\n"), "   2 - x\n   2 + b\n   3 + c\n")
	long := jstest.DiffLines(strings.Repeat("x\n", 25), strings.Repeat("y\n", 25))
	if n := strings.Count(long, "\n"); n != 41 || !strings.HasSuffix(long, "… and 5 more differing lines\n") {
		t.Errorf("not cut after twenty lines (%d lines):\n%s", n, long)
	}
}
