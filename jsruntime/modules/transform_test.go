package modules

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

// TestTransformMapNamesFile checks that the inline source map names the plugin's own file, whether
// esbuild was given the name (CommonJS, TypeScript) or a renamed one (ES modules), so stack traces
// point at the plugin's file. transform renames only in the second case and relies on esbuild
// keeping the name it is given as is.
func TestTransformMapNamesFile(t *testing.T) {
	const src = "export const a = 1;\n"
	for _, tc := range []struct {
		name   string
		format Format
	}{
		{"/tmp/a b/ü plugin/index.js", CommonJS},
		{`/tmp/q"uote\back/x.ts`, CommonJS},
		{"/plugins/x/index.mjs", ESM},
		{"/plugins/y/index.js", ESM},
	} {
		code := src
		if tc.format == CommonJS {
			code = "const a = async () => { for await (const x of []) {} };\nmodule.exports = a;\n"
		}
		out, err := transform(tc.name, code, strings.HasSuffix(tc.name, ".ts"), tc.format)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.LastIndex(out, sourceMapPrefix)
		if i < 0 {
			t.Fatalf("%s: no inline source map", tc.name)
		}
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(out[i+len(sourceMapPrefix):]))
		if err != nil {
			t.Fatal(err)
		}
		var m struct{ Sources []string }
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Sources) != 1 || m.Sources[0] != tc.name {
			t.Errorf("%s: the map's sources are %q", tc.name, m.Sources)
		}
	}
}

// A file whose format is its syntax goes to format detection before esbuild when it may use
// import.meta, which esbuild would otherwise empty as in CommonJS.
func TestMentionsImportMeta(t *testing.T) {
	for src, want := range map[string]bool{
		"import.meta.url":                         true,
		"x = import .\n meta.dirname":             true,
		"import { a } from 'b'; a.meta":           false,
		"const important = 1; obj.meta = 2":       false,
		"module.exports = require('./import.js')": false,
		"import('x').then((m) => m.meta)":         false,
		"// see import.meta\nmodule.exports = 1":  true,
		"":                                        false,
	} {
		if got := mentionsImportMeta(src); got != want {
			t.Errorf("mentionsImportMeta(%q) = %v, want %v", src, got, want)
		}
	}
}
