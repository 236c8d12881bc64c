package modules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// TestGojaPropertyEscapesNeverMatch pins the engine behaviour the load-time warning is about: should
// goja learn Unicode property escapes or the d/v flags, this fails and the warning must go.
func TestGojaPropertyEscapesNeverMatch(t *testing.T) {
	vm := goja.New()
	for src, want := range map[string]any{
		`/\p{L}/u.test('a')`:     false,
		`/[\p{L}\d]/u.test('a')`: false,
		`/\P{L}/u.test('1')`:     false,
		`/\p{L}/.test('p{L}')`:   true, // without u, \p is the letter p, as in V8
		`try { new RegExp('a', 'v'); 'no error' } catch (e) { e.name }`: "SyntaxError",
		`try { new RegExp('a', 'd'); 'no error' } catch (e) { e.name }`: "SyntaxError",
	} {
		v, err := vm.RunString(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got := v.Export(); got != want {
			t.Errorf("%s = %v, want %v", src, got, want)
		}
	}
}

// regexpWarnings loads each file as a main module of a fresh runtime and returns the warnings logged.
func regexpWarnings(t *testing.T, files map[string]string, main string) []string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := newEnv(t, modules.Options{Root: dir})
	e.do(func(vm *goja.Runtime) error {
		_, err := e.sys.LoadMain(filepath.Join(dir, main))
		return err
	})
	var out []string
	for _, line := range strings.Split(jstest.LogsOf(e.rt).String(), "\n") {
		if strings.Contains(line, "Regular expressions") {
			out = append(out, strings.ReplaceAll(line, dir+string(filepath.Separator), ""))
		}
	}
	return out
}

func TestRegexpWarningsCommonJS(t *testing.T) {
	got := regexpWarnings(t, map[string]string{"plugin.js": `// a comment about /\p{L}/u
const s = "a string: /\\p{L}/u";
const upper = /^\p{Lu}/u;
  const word = /[\p{L}\p{N}_]+/gu, plain = /\p{L}/;
const built = new RegExp('\\P{Script=Greek}', 'u');
const fine = /[a-z]+/u;
module.exports = { upper, word, plain, built, fine };
`}, "plugin.js")
	if len(got) != 1 {
		t.Fatalf("want one warning for the file, got %q", got)
	}
	for _, want := range []string{
		`plugin.js:3:15: \\p{Lu} never matches (goja lacks Unicode property escapes)`,
		`plugin.js:4:16: \\p{L} never matches`,
		`plugin.js:4:16: \\p{N} never matches`,
		`plugin.js:5:15: \\P{Script=Greek} never matches`,
		"file=plugin.js",
	} {
		if !strings.Contains(got[0], want) {
			t.Errorf("warning lacks %q:\n%s", want, got[0])
		}
	}
	if strings.Contains(got[0], "plugin.js:1:") || strings.Contains(got[0], "plugin.js:2:") || strings.Contains(got[0], "4:52") {
		t.Errorf("warning names a comment, a string or a regexp without u:\n%s", got[0])
	}
}

func TestRegexpWarningsESMAndFlags(t *testing.T) {
	got := regexpWarnings(t, map[string]string{"plugin.mjs": `import url from 'url';
export const info = { id: 'x' };

export function later() {
	return [/a/d, /[\p{L}--[a-z]]/v];
}
`}, "plugin.mjs")
	if len(got) != 1 {
		t.Fatalf("want one warning for the file, got %q", got)
	}
	for _, want := range []string{
		`plugin.mjs:5:10: flag 'd' throws SyntaxError (goja lacks it)`,
		`plugin.mjs:5:16: flag 'v' throws SyntaxError`,
		`plugin.mjs:5:16: \\p{L} never matches`,
	} {
		if !strings.Contains(got[0], want) {
			t.Errorf("warning lacks %q:\n%s", want, got[0])
		}
	}
}

func TestRegexpWarningsTypeScriptAndLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("const n: number = 1;\nexport const all = [\n")
	for range 12 {
		b.WriteString("  /\\p{L}/u,\n")
	}
	b.WriteString("];\n")
	got := regexpWarnings(t, map[string]string{"plugin.ts": b.String()}, "plugin.ts")
	if len(got) != 1 || !strings.Contains(got[0], `plugin.ts:3:3: \\p{L} never matches`) || !strings.Contains(got[0], "and 4 more") {
		t.Errorf("want one warning starting at plugin.ts:3:3 and cut after 8 issues, got %q", got)
	}
}

func TestNoRegexpWarningWithoutIssues(t *testing.T) {
	got := regexpWarnings(t, map[string]string{
		"plugin.js": "require('./esm.mjs');\nmodule.exports = /[a-z]\\d+/gu.test('a1') && /\\p{L}/.test('p{L}');\n",
		"esm.mjs":   "export default /x/u;\n",
	}, "plugin.js")
	if len(got) != 0 {
		t.Errorf("unexpected warnings: %q", got)
	}
}
