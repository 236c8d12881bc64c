package modules

import (
	"fmt"
	"os"
	"path/filepath"
)

// Format is how a module file is evaluated.
type Format int

const (
	// CommonJS runs the file inside Node's function wrapper with exports, require and module.
	CommonJS Format = iota
	// ESM is an ES module; goja has no module support, so it is transformed to CommonJS first.
	ESM
	// JSON is a .json file whose parsed value becomes module.exports.
	JSON
)

func (f Format) String() string {
	switch f {
	case ESM:
		return "esm"
	case JSON:
		return "json"
	default:
		return "commonjs"
	}
}

// intent is what a file's name and package scope say about its format.
type intent uint8

const (
	asCommonJS intent = iota
	asESM
	bySyntax // .js or .ts with no "type" in scope: ESM when it has import/export statements
)

// mode is everything besides the source text that decides how a file compiles.
type mode struct {
	ts     bool // TypeScript: types are stripped by esbuild
	intent intent
}

// modeOf applies Node's rules: .mjs is ESM, .cjs CommonJS, .js follows the nearest package.json
// "type"; TypeScript's .mts/.cts/.ts mirror them. Other extensions load as CommonJS, as in Node.
func (s *System) modeOf(filename string) (mode, error) {
	switch ext := filepath.Ext(filename); ext {
	case ".mjs":
		return mode{intent: asESM}, nil
	case ".cjs":
		return mode{intent: asCommonJS}, nil
	case ".mts":
		return mode{ts: true, intent: asESM}, nil
	case ".cts":
		return mode{ts: true, intent: asCommonJS}, nil
	case ".js", ".ts":
		m := mode{ts: ext == ".ts", intent: bySyntax}
		pkg, err := s.scope(filepath.Dir(filename))
		if err != nil {
			return m, err
		}
		if pkg != nil {
			switch pkg.Type {
			case "module":
				m.intent = asESM
			case "commonjs":
				m.intent = asCommonJS
			}
		}
		return m, nil
	default:
		return mode{intent: asCommonJS}, nil
	}
}

// Format reports how filename is evaluated: by extension and package.json "type", and for a .js file
// no package.json decides, by whether it has import/export statements. Deciding by syntax compiles the
// file; the result is cached, so a following LoadMain does not repeat the work. Must be called on the
// loop.
func (s *System) Format(filename string) (Format, error) {
	filename, err := filepath.Abs(filename)
	if err != nil {
		return CommonJS, fmt.Errorf("format %s: %w", filename, err)
	}
	switch filepath.Ext(filename) {
	case ".json":
		return JSON, nil
	case ".node":
		return CommonJS, nativeAddonError(filename, "", nil)
	}
	m, err := s.modeOf(filename)
	if err != nil {
		return CommonJS, fmt.Errorf("format %s: %w", filename, err)
	}
	switch m.intent {
	case asESM:
		return ESM, nil
	case asCommonJS:
		return CommonJS, nil
	}
	src, err := os.ReadFile(filename)
	if err != nil {
		return CommonJS, fmt.Errorf("format %s: %w", filename, err)
	}
	c, err := s.compile(filename, src, m)
	if err != nil {
		return CommonJS, fmt.Errorf("format %s: %w", filename, err)
	}
	return c.format, nil
}
