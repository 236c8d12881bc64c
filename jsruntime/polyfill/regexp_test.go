package polyfill_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
)

// TestRegExpPropertyEscapes drives the RegExp that translates \p{…} and \P{…} (regexp.js). The
// conformance script regexp_unicode_property.js compares much more with Node; these are the cases
// that need no Node. Scripts run here are compiled by goja directly, so they use new RegExp: literals
// reach it through the module system (TestPropertyEscapeLiterals).
func TestRegExpPropertyEscapes(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"matches", `const re = (p, f = 'u') => new RegExp(p, f);
			[re('^\\p{L}+$').test('héllo'), re('^\\p{Lu}$').test('a'), re('^\\P{L}$').test('1'), re('^\\p{sc=Greek}$').test('λ'),
			 re('^[$_\\p{ID_Start}][$\\p{ID_Continue}]*$').test('naïve_1'), re('^[$_\\p{ID_Start}]$').test('1'),
			 re('^\\p{L}$').test('\u{20000}'), re('^\\p{So}$').test('😀'), re('^\\p{Lu}$', 'iu').test('a')]`,
			`[true,false,true,true,true,false,true,true,true]`},
		{"classes", `const t = (p, s) => new RegExp('^' + p + '$', 'u').test(s);
			[t('[\\p{L}\\d]', '5'), t('[^\\p{L}]', 'a'), t('[^\\p{L}]', '1'), t('[\\P{L}]', '1'), t('[^\\P{L}]', 'a'),
			 t('[-\\p{N}]', '-'), t('[\\p{N}-]', '-'), t('[a-b-\\p{N}]', '-'), t('\\P{Any}', 'a'), t('[\\P{Any}]', '\u{20000}'),
			 t('[^\\P{Any}]', '\u{20000}'), t('\\\\p{L}', '\\p{L}')]`,
			`[true,false,true,true,true,true,true,true,false,false,true,true]`},
		{"without u", `[new RegExp('\\p{L}').test('p{L}'), new RegExp('\\p{L}', 'g').test('a')]`, `[true,false]`},
		{"source and toString", `const re = new RegExp('[/]\\p{L}/\n', 'gu');
			const noU = new RegExp(new RegExp('\\p{L}', 'u'), 'g');
			[re.source, String(re), re.flags, new RegExp(re).source, noU.source, noU.test('p{L}'), noU.test('a')]`,
			`["[/]\\p{L}\\/\\n","/[/]\\p{L}\\/\\n/gu","gu","[/]\\p{L}\\/\\n","\\p{L}",true,false]`},
		{"untouched", `const re = new RegExp('a', 'g');
			[re.source, String(re), re instanceof RegExp, /x/.constructor === RegExp, RegExp.prototype.constructor === RegExp,
			 String(RegExp.prototype), RegExp.prototype.source, 'a,b'.split(/,/).length]`,
			`["a","/a/g",true,true,true,"/(?:)/","(?:)",2]`},
		{"errors", `const err = (p, f = 'u') => { try { new RegExp(p, f); return 'no error' } catch (e) { return e.name + ': ' + e.message } };
			[err('\\p{Foo}', 'ug'), err('[\\p{Foo}]'), err('\\p{L'), err('[a-\\p{L}]'), err('[\\p{L}-a]'), err('\\p{Emoji}'),
			 err('\\p{L}', 'ux'), err('\\p{L}', 'v')]`,
			`["SyntaxError: Invalid regular expression: /\\p{Foo}/gu: Invalid property name",` +
				`"SyntaxError: Invalid regular expression: /[\\p{Foo}]/u: Invalid property name in character class",` +
				`"SyntaxError: Invalid regular expression: /\\p{L/u: Invalid property name",` +
				`"SyntaxError: Invalid regular expression: /[a-\\p{L}]/u: Invalid character class",` +
				`"SyntaxError: Invalid regular expression: /[\\p{L}-a]/u: Invalid character class",` +
				`"SyntaxError: Invalid regular expression: /\\p{Emoji}/u: the Unicode property Emoji is not supported in pluginhost",` +
				`"SyntaxError: Invalid flags supplied to RegExp constructor 'ux'",` +
				`"SyntaxError: Invalid flags supplied to RegExp constructor 'v'"]`},
		{"constructor forms", `const re = new RegExp('\\p{N}', 'u');
			class Digits extends RegExp { all(s) { return s.match(this) } }
			const d = new Digits('\\p{N}', 'gu');
			[RegExp(re) === re, RegExp(re, 'u') === re, RegExp('\\p{N}', 'u').test('٣'), d instanceof Digits, d.all('a1b٢'),
			 String(d), 'a1b2'.split(d), RegExp.name, RegExp.length, RegExp[Symbol.species] === RegExp, Digits[Symbol.species] === Digits]`,
			`[true,false,true,true,["1","٢"],"/\\p{N}/gu",["a","b",""],"RegExp",2,false,true]`},
		{"compile", `const re = /a/g;
			const out = [re.compile('\\p{N}+', 'u') === re, re.test('x٣'), re.source];
			re.compile(new RegExp('\\p{L}', 'gu'));
			out.push(re.source, re.flags, re.test('ж'));
			re.compile('b');
			out.concat([re.source, re.test('b')])`,
			`[true,true,"\\p{N}+","\\p{L}","gu",true,"b",true]`},
		{"many patterns", `const ok = [];
			for (let i = 0; i < 300; i++) ok.push(new RegExp('^\\p{L}{' + i + '}$', 'u').test('ж'.repeat(i)));
			[ok.every(Boolean), new RegExp('^\\p{L}{0}$', 'u').test(''), new RegExp('^\\p{L}{1}$', 'u').test('ж')]`,
			`[true,true,true]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := jstest.AwaitJSON(t, jstest.New(t, polyfill.Install), c.src); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestPropertyEscapeLiterals loads regexp literals with property escapes through the module system:
// plain CommonJS (which goja would compile itself), an ES module and TypeScript, each turned into
// RegExp calls by esbuild.
func TestPropertyEscapeLiterals(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"main.js": `const ID = /^[$_\p{ID_Start}][$\p{ID_Continue}]*$/u;
const words = () => 'héllo wörld, 42'.match(/[\p{L}\p{N}]+/gu);
globalThis.result = [ID.test('naïve'), ID.test('1x'), words(), /\P{L}/u.test('1'), /\p{L}/.test('p{L}'),
  String(/[\p{Lu}]/y), require('./esm.mjs').letters('Ab1'), require('./ts.ts').greek('λx')];
`,
		"esm.mjs": "export const letters = (s) => s.replace(/[^\\p{L}]/gu, '');\n",
		"ts.ts":   "export const greek = (s: string): boolean => /^\\p{Script=Greek}/u.test(s);\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rt := jstest.New(t, polyfill.Install, jstest.Modules(dir, nil))
	jstest.RunMain(t, rt, filepath.Join(dir, "main.js"))
	const want = `[true,false,["héllo","wörld","42"],true,true,"/[\\p{Lu}]/y","Ab",true]`
	if got := jstest.AwaitJSON(t, rt, "result"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestRegExpRuntimesShareTables translates in several runtimes at once: the property tables are
// built once per process and shared.
func TestRegExpRuntimesShareTables(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		rt := jstest.New(t, polyfill.Install)
		wg.Go(func() {
			got := jstest.AwaitJSON(t, rt, `['Alphabetic', 'XID_Continue', 'sc=Han', 'Lu', 'Assigned'].map((p) =>
				new RegExp('^\\p{' + p + '}$', 'u').test('一') + '/' + new RegExp('^[\\P{' + p + '}]$', 'u').test('一'))`)
			if want := `["true/false","true/false","true/false","false/true","true/false"]`; got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
	wg.Wait()
}
