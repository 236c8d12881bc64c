package modules

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// The wrappers open on the first line of the source, so line numbers in stack traces and syntax
// errors stay those of the file. The closing "})" goes on its own last line, where goja still finds
// an inline source map on the line before it.
const (
	cjsPrefix     = "(function (exports, require, module, __filename, __dirname) { "
	esmPrefix     = "(function (module, require, " + importMetaParam + ") { "
	wrapperSuffix = "\n})"
)

// compile returns filename's program, from the cache when its content was compiled before.
func (s *System) compile(filename string, src []byte, m mode) (*compiled, error) {
	return s.cache.get(filename, m, src, func(sum [sha256.Size]byte) (*compiled, error) {
		return compile(filename, prepare(src), m, s.cache.disk(sum))
	})
}

// compile turns source into a wrapper-function program. Plain CommonJS goes straight to goja; esbuild
// runs only when needed: for ESM, TypeScript, CommonJS using syntax goja lacks (async generators,
// for await, import()), which goja's parser rejects, and source with Unicode property escapes, whose
// regexp literals esbuild turns into RegExp calls (transform). A file whose format depends on its
// syntax and that goja parses is CommonJS: goja cannot parse import or export statements.
//
// esbuild's output is taken from disk, and kept there, when disk is not nil.
func compile(filename, src string, m mode, disk *diskCache) (*compiled, error) {
	if code, format, ok := disk.load(filename, m); ok {
		// An entry goja rejects was damaged after it was written: build it again.
		if c, err := compileTransformed(filename, code, format); err == nil {
			return c, nil
		}
	}
	if !m.ts && m.intent != asESM && !hasPropertyEscape(src) {
		prog, err := goja.Compile(filename, cjsPrefix+src+wrapperSuffix, false)
		if err == nil {
			return &compiled{program: prog, format: CommonJS}, nil
		}
	}
	format := CommonJS
	switch {
	case m.intent == asESM:
		format = ESM
	case m.intent == bySyntax && (m.ts || mentionsImportMeta(src)):
		// esbuild turns TypeScript's import/export into CommonJS whatever it is told, and
		// import.meta into an empty object in a file it treats as CommonJS, so the format must be
		// known first.
		var err error
		if format, err = detect(filename, src, m.ts); err != nil {
			return nil, err
		}
	case m.intent == bySyntax:
		return compileBySyntax(filename, src, m, disk)
	}
	return transformAndCompile(filename, src, m, format, disk)
}

// compileBySyntax compiles a JavaScript file whose format is its syntax's and which goja cannot parse
// as it is. Most are CommonJS (bundles using async generators), so it is transformed as CommonJS
// first: esbuild then leaves ES module syntax (import and export statements, top-level await) in
// place, where goja rejects it, and only then is the format detected, which parses the file once more.
// (import.meta it would empty instead, so compile detects files that may use it first.)
func compileBySyntax(filename, src string, m mode, disk *diskCache) (*compiled, error) {
	c, err := transformAndCompile(filename, src, m, CommonJS, disk)
	if err == nil {
		return c, nil
	}
	if format, derr := detect(filename, src, m.ts); derr != nil || format != ESM {
		return nil, err
	}
	return transformAndCompile(filename, src, m, ESM, disk)
}

// mentionsImportMeta reports whether src may use import.meta: "import", then only white space, ".",
// white space and "meta". Words in strings and comments count too, which only costs a detection.
func mentionsImportMeta(src string) bool {
	for rest := src; ; {
		i := strings.Index(rest, "import")
		if i < 0 {
			return false
		}
		rest = strings.TrimLeft(rest[i+len("import"):], " \t\r\n")
		if after, ok := strings.CutPrefix(rest, "."); ok && strings.HasPrefix(strings.TrimLeft(after, " \t\r\n"), "meta") {
			return true
		}
	}
}

// transformAndCompile runs esbuild for a module of the given format and compiles its output, which
// is kept on disk once goja accepts it.
func transformAndCompile(filename, src string, m mode, format Format, disk *diskCache) (*compiled, error) {
	code, err := transform(filename, src, m.ts, format)
	if err != nil {
		return nil, err
	}
	c, err := compileTransformed(filename, code, format)
	if err != nil {
		return nil, err
	}
	disk.store(filename, m, code, format)
	return c, nil
}

// compileTransformed compiles esbuild's output for a module of the given format.
func compileTransformed(filename, code string, format Format) (*compiled, error) {
	prefix := cjsPrefix
	if format == ESM {
		prefix = esmPrefix
	}
	// ES modules are strict mode code, as in Node.
	prog, err := goja.Compile(filename, prefix+code+wrapperSuffix, format == ESM)
	if err != nil {
		return nil, compileError(filename, err)
	}
	return &compiled{program: prog, format: format, regexps: scanSource(code)}, nil
}

// prepare drops a byte order mark and comments out a hashbang line: both are allowed only at the very
// start of a script, which the wrapper no longer is. The line count is kept.
func prepare(src []byte) string {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	if strings.HasPrefix(s, "#!") {
		s = "//" + s[2:]
	}
	return s
}

// compileError reports a goja compile failure as a SyntaxError naming the file.
func compileError(filename string, err error) error {
	var se *goja.CompilerSyntaxError
	if errors.As(err, &se) {
		msg := strings.TrimPrefix(se.Error(), "SyntaxError: ")
		if !strings.Contains(msg, filename) {
			msg = filename + ": " + msg
		}
		return &Error{Message: msg, syntax: true}
	}
	return fmt.Errorf("compile %s: %w", filename, err)
}
