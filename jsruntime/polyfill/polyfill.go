// Package polyfill adds the standard built-ins goja lacks that Node 20 has or that packages plugins use
// call: Promise.withResolvers, Object.groupBy, Map.groupBy, Array.fromAsync,
// String.prototype.isWellFormed and toWellFormed, Symbol.dispose and Symbol.asyncDispose, WeakRef and
// FinalizationRegistry. Each is defined only when goja does not have it, non-enumerable as built-ins
// are. String.prototype.repeat, padStart and padEnd also get V8's string length limit (RangeError:
// Invalid string length past 2^29-24 code units), so a plugin cannot make goja build a huge string
// with them; strings grown by concatenation are not checked.
//
// Promise.withResolvers, the groupBy functions and Array.fromAsync are newer than Node 20, which
// lacks them; packages feature-detect them, so having them does no harm. goja has no weak
// references: a WeakRef holds its target strongly (so a package caching through WeakRefs keeps what
// it caches) and FinalizationRegistry callbacks never run; the specification allows both.
//
// JSON.parse is replaced by package jsjson's, which gives V8's error messages and values (goja's
// gave encoding/json's messages and refused numbers beyond a double's range) and keeps its own stack:
// goja's recursed in Go for every level, so a plugin parsing a few MB of "[" ended the process.
// Nesting deeper than jsjson.MaxDepth (10,000) is a RangeError, where V8 would parse it.
// JSON.stringify writes plain data with jsjson's writer when there is no replacer (about twice as
// fast as goja's, and indenting nested arrays as V8 does), throwing V8's RangeError past MaxDepth;
// everything else (replacers, toJSON, class instances, wrappers) is goja's, which still recurses in Go.
// Array.prototype.join (so toString) and flat get bounds for the same reason: goja's recurse in Go per
// level of nested arrays; join throws V8's RangeError past 3,200 levels, and flat flattens 10,000 levels
// at a time.
//
// RegExp is replaced by one that makes Unicode property escapes (\p{L}, \P{Script=Greek}) work
// under the u flag, which goja accepts and never matches: regexp.js translates them into character
// classes of package uniprop, and the module system hands it the regexp literals of files that have
// them.
//
// Not provided: Intl, WebAssembly, and Atomics and SharedArrayBuffer (goja has no shared memory or
// threads to share it with). goja's global GoError, which Node lacks, is removed; goja's other
// additions that Node 20 lacks (the Set methods, Error.isError) are left in place.
package polyfill

import (
	_ "embed"
	"fmt"

	"github.com/pluginhost/pluginhost/jsruntime"
)

//go:embed polyfills.js
var source string

var script = jsruntime.NewScript("pluginhost:polyfills", source)

// Install defines the polyfills in rt. Must be called on the loop, once per runtime.
func Install(rt *jsruntime.Runtime) error {
	if _, err := script.Call(rt, rt.VM().GlobalObject()); err != nil {
		return fmt.Errorf("polyfill: %w", err)
	}
	if err := installJSON(rt); err != nil {
		return err
	}
	return installRegExp(rt)
}
