// Package punycode provides Node's deprecated 'punycode' module to pluginhost runtimes: Punycode.js
// 2.1.0 as Node 20 bundles it (version, ucs2.decode/encode, decode, encode, toASCII, toUnicode). Node
// prints a deprecation warning for it only under --pending-deprecation; pluginhost prints none.
package punycode

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

//go:embed punycode.js
var source string

var script = jsruntime.NewScript("node:punycode", source)

type key struct{}

// Require returns the 'punycode' module of rt, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return jsruntime.Module(rt, key{}, func() (goja.Value, error) { return script.Call(rt) })
}
