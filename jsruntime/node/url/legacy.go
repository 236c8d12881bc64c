package url

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/querystring"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed legacy.js
var legacySource string

// legacyScript is the legacy API: Url, parse, resolve, resolveObject, format and urlToHttpOptions.
var legacyScript = jsruntime.NewScript("node:url/legacy", legacySource)

// legacy returns the exports of legacy.js for the runtime, given the module's URL class.
func (m *module) legacy() (*goja.Object, error) {
	v, err := legacyScript.Instance(m.rt, func() ([]goja.Value, error) {
		return []goja.Value{m.legacyNatives(), m.urlCtor}, nil
	})
	if err != nil {
		return nil, err
	}
	return v.ToObject(m.vm), nil
}

// legacyNatives are nodeerr's errors and what legacy.js needs of Go: toASCII (UTS #46 processing
// of a hostname as the URL Standard does it, "" when invalid), toUnicode (its punycode labels
// decoded) and querystring (the module, loaded on first use).
func (m *module) legacyNatives() *goja.Object {
	vm := m.vm
	obj := nodeerr.Natives(vm)
	_ = obj.Set("toASCII", func(host string) string {
		ascii, _ := domainToASCII(host)
		return ascii
	})
	_ = obj.Set("toUnicode", domainToUnicode)
	_ = obj.Set("querystring", func(goja.FunctionCall) goja.Value {
		qs, err := querystring.Require(m.rt)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return qs
	})
	return obj
}
