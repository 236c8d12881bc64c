package modules

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// importMetaParam is the ESM wrapper parameter that import.meta is rewritten to. ESM plugins declare
// their own top-level require, module, __dirname and __filename, so the wrapper must bind none of
// those names (a parameter and a top-level const of the same name is a SyntaxError, and defining
// import.meta.dirname as __dirname would read the plugin's own const in its TDZ).
const importMetaParam = "__pluginhost_import_meta"

// supported overrides esbuild's ES2022 feature table with what goja lacks, so esbuild lowers it, and
// makes top-level await a compile error (it cannot be expressed in CommonJS). esbuild cannot lower the
// regexp features; marking them unsupported turns literals into RegExp calls, which fail at run time
// (flags d and v) or which pluginhost's RegExp translates (property escapes).
var supported = map[string]bool{
	"async-generator":                 false,
	"for-await":                       false,
	"dynamic-import":                  false,
	"import-meta":                     false,
	"top-level-await":                 false,
	"regexp-match-indices":            false,
	"regexp-set-notation":             false,
	"regexp-unicode-property-escapes": false,
}

// propertyEscapeSupported is supported for source with a Unicode property escape: every regexp
// literal with the u flag becomes a RegExp call, which pluginhost's RegExp translates
// (jsruntime/polyfill), where goja would compile the literal itself and never match \p{…}.
// esbuild's own test for property escapes ("regexp-unicode-property-escapes") misses those in
// character classes, where they are most common.
var propertyEscapeSupported = func() map[string]bool {
	m := maps.Clone(supported)
	m["regexp-sticky-and-unicode-flags"] = false
	return m
}()

// hasPropertyEscape says whether src may hold a Unicode property escape: \p{ or \P{ anywhere.
func hasPropertyEscape(src string) bool {
	return strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`)
}

// esmDefine rewrites the ESM module's free references. In Node, module, exports and require do not
// exist in ES module scope, but esbuild's CommonJS output needs the wrapper to bind module and require.
// Free uses are therefore renamed to names that are never declared, so typeof gives 'undefined' and a
// plain use throws a ReferenceError naming the problem. esbuild renames a plugin's own top-level
// require/module/exports declarations (require2, …), so those keep working.
var esmDefine = map[string]string{
	"import.meta": importMetaParam,
	"module":      "module_is_not_defined_in_ES_module_scope",
	"exports":     "exports_is_not_defined_in_ES_module_scope",
	"require":     "require_is_not_defined_in_ES_module_scope",
}

func loaderOf(ts bool) api.Loader {
	if ts {
		return api.LoaderTS
	}
	return api.LoaderJS
}

// transform lowers src for goja with an inline source map back to filename. ESM becomes CommonJS;
// CommonJS keeps its format (only TypeScript's import/export = forms are converted).
func transform(filename, src string, ts bool, format Format) (string, error) {
	opts := api.TransformOptions{
		Loader:         loaderOf(ts),
		Target:         api.ES2022,
		Platform:       api.PlatformNode,
		Supported:      supported,
		Sourcefile:     filename,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		LogLevel:       api.LogLevelSilent,
	}
	if hasPropertyEscape(src) {
		opts.Supported = propertyEscapeSupported
	}
	switch {
	case format == ESM:
		opts.Format = api.FormatCommonJS
		opts.Define = esmDefine
		// esbuild gives .mjs/.mts files Node's interop, where a default import is always the whole
		// module.exports. That breaks the common case of one transformed ES module importing another's
		// default export, so the name esbuild sees must not end in .mjs/.mts; the map is renamed back.
		opts.Sourcefile = filename + ".js"
	case ts:
		opts.Format = api.FormatCommonJS
	}
	res := api.Transform(src, opts)
	if len(res.Errors) > 0 {
		return "", buildError(filename, res.Errors[0])
	}
	sourceMap := res.Map
	if opts.Sourcefile != filename {
		var err error
		if sourceMap, err = renameSource(res.Map, filename); err != nil {
			return "", fmt.Errorf("source map of %s: %w", filename, err)
		}
	}
	var b strings.Builder
	b.Grow(len(res.Code) + len(sourceMapPrefix) + base64.StdEncoding.EncodedLen(len(sourceMap)) + 1)
	b.Write(res.Code)
	b.WriteString(sourceMapPrefix)
	b.WriteString(base64.StdEncoding.EncodeToString(sourceMap))
	b.WriteByte('\n')
	return b.String(), nil
}

// sourceMapPrefix starts the inline source map comment goja reads from a program's last line.
const sourceMapPrefix = "//# sourceMappingURL=data:application/json;base64,"

// renameSource makes the map's only source filename, so stack traces name the plugin's file.
func renameSource(sourceMap []byte, filename string) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(sourceMap, &m); err != nil {
		return nil, err
	}
	sources, err := json.Marshal([]string{filename})
	if err != nil {
		return nil, err
	}
	m["sources"] = sources
	return json.Marshal(m)
}

// detect reports whether src has ES module syntax, using esbuild's own parse (its metafile records
// each input's module format), so strings, comments and regexps can never mislead it.
func detect(filename, src string, ts bool) (Format, error) {
	res := api.Build(api.BuildOptions{
		Stdin:     &api.StdinOptions{Contents: src, Sourcefile: filename, Loader: loaderOf(ts)},
		Metafile:  true,
		Write:     false,
		Target:    api.ES2022,
		Platform:  api.PlatformNode,
		Supported: supported,
		LogLevel:  api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return CommonJS, buildError(filename, res.Errors[0])
	}
	var meta struct {
		Inputs map[string]struct {
			Format string `json:"format"`
		} `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
		return CommonJS, fmt.Errorf("detect format of %s: %w", filename, err)
	}
	for _, in := range meta.Inputs {
		if in.Format == "esm" {
			return ESM, nil
		}
	}
	return CommonJS, nil
}

// buildError turns an esbuild diagnostic into a SyntaxError naming the file, line and column.
func buildError(filename string, msg api.Message) error {
	line, col := 0, 0
	if msg.Location != nil {
		line, col = msg.Location.Line, msg.Location.Column+1
	}
	text := msg.Text
	if strings.Contains(text, "Top-level await") || strings.Contains(text, "top-level await") {
		// goja runs ES modules as CommonJS functions, where await at top level has no equivalent.
		text = "top-level await is not supported; move it into init() or an async function"
	}
	return &Error{Message: fmt.Sprintf("%s:%d:%d: %s", filename, line, col, text), syntax: true}
}
