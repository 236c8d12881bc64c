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

// TestGojaPropertyEscapesNeverMatch pins the engine behaviour that pluginhost's RegExp translation
// (jsruntime/polyfill) and the load-time warning are about: should goja learn Unicode property escapes
// or the d/v flags, this fails and they must go.
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
	got := regexpWarnings(t, map[string]string{"plugin.js": `// a comment about /\p{Emoji}/u
const s = "a string: /\\p{Emoji}/u";
const emoji = () => /^\p{Emoji}/u;
  const word = () => /[\p{L}\p{Extended_Pictographic}_]+/gu, plain = /\p{Emoji}/;
const built = () => new RegExp('\\P{Bidi_M}', 'u');
const fine = /[\p{L}\p{N}]+/u, unknown = /\p{NoSuchProperty}/u;
module.exports = { emoji, word, plain, built, fine, unknown };
`}, "plugin.js")
	if len(got) != 1 {
		t.Fatalf("want one warning for the file, got %q", got)
	}
	for _, want := range []string{
		`plugin.js:3:21: \\p{Emoji} throws SyntaxError (pluginhost lacks this Unicode property)`,
		`plugin.js:4:22: \\p{Extended_Pictographic} throws SyntaxError`,
		`plugin.js:5:21: \\P{Bidi_M} throws SyntaxError`,
		"file=plugin.js",
	} {
		if !strings.Contains(got[0], want) {
			t.Errorf("warning lacks %q:\n%s", want, got[0])
		}
	}
	// Not reported: a comment, a string, a regexp without u, properties pluginhost translates, and a
	// property V8 does not know either (both throw the same SyntaxError).
	for _, not := range []string{"plugin.js:1:", "plugin.js:2:", "4:63", "plugin.js:6:", `p{L}`} {
		if strings.Contains(got[0], not) {
			t.Errorf("warning names %q:\n%s", not, got[0])
		}
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
	} {
		if !strings.Contains(got[0], want) {
			t.Errorf("warning lacks %q:\n%s", want, got[0])
		}
	}
	if strings.Contains(got[0], `p{L}`) {
		t.Errorf("warning names \\p{L}, which pluginhost translates:\n%s", got[0])
	}
}

func TestRegexpWarningsTypeScriptAndLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("const n: number = 1;\nexport const all = () => [\n")
	for range 12 {
		b.WriteString("  /\\p{Emoji}/u,\n")
	}
	b.WriteString("];\n")
	got := regexpWarnings(t, map[string]string{"plugin.ts": b.String()}, "plugin.ts")
	if len(got) != 1 || !strings.Contains(got[0], `plugin.ts:3:3: \\p{Emoji} throws SyntaxError`) || !strings.Contains(got[0], "and 4 more") {
		t.Errorf("want one warning starting at plugin.ts:3:3 and cut after 8 issues, got %q", got)
	}
}

func TestNoRegexpWarningWithoutIssues(t *testing.T) {
	got := regexpWarnings(t, map[string]string{
		"plugin.js": "require('./esm.mjs');\nmodule.exports = /[a-z]\\d+/gu.test('a1') && /\\p{L}/.test('p{L}') && /[\\p{L}]/u;\n",
		"esm.mjs":   "export default /x/u;\n",
	}, "plugin.js")
	if len(got) != 0 {
		t.Errorf("unexpected warnings: %q", got)
	}
}
