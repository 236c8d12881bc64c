// Package jsjson is JSON.parse and JSON.stringify as V8 (Node 20) does them, for goja runtimes.
//
// Parsing gives V8's errors, with V8's messages and UTF-16 positions, and V8's values. Text is scanned
// into a Tape without a runtime (so a request body is scanned on its own goroutine) and built into
// goja values on the loop (Tape.Value). Stringify writes data (ordinary objects, arrays, strings,
// numbers, booleans, null) straight to UTF-8, byte for byte what JSON.stringify gives, indentation
// included, and reports what it leaves to goja's JSON.stringify (toJSON, replacers, wrappers, exotic
// objects).
//
// Scanning, building and writing keep the Go stack bounded: goja's own JSON functions recurse in Go
// for every level of nesting, so a few MB of "[" exhausted the Go stack and ended the whole process.
// Nesting deeper than MaxDepth is V8's RangeError for an exhausted stack, which also bounds what
// every other recursive operation on a parsed value has to follow. A circular structure is V8's
// TypeError, with V8's description of where the circle closes.
package jsjson
