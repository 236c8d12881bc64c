// Package url is Node's url module: the WHATWG URL and URLSearchParams classes (parsed in Go by this
// package, following the URL Standard as Node 20 does), domainToASCII and domainToUnicode, the file
// URL helpers fileURLToPath and pathToFileURL, urlToHttpOptions, and the legacy API (legacy.js):
// the Url class, parse, format, resolve and resolveObject, with Node's own lenient algorithm. The
// legacy API's hostname processing is the URL Standard's UTS #46 one, where Node's differs only for
// the rarest inputs.
package url

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

type moduleKey struct{}

// module is the per-runtime state of the url module.
type module struct {
	rt      *jsruntime.Runtime
	vm      *goja.Runtime
	exports *goja.Object
	// slot is a hidden, non-enumerable own property holding the Go state of URL, URLSearchParams and
	// iterator objects; keeping the state on the object lets subclasses and expando properties work.
	slot        *goja.Symbol
	urlCtor     *goja.Object
	urlProto    *goja.Object
	paramsCtor  *goja.Object
	paramsProto *goja.Object
	iterProto   *goja.Object
	// recordEntries lists an object's own enumerable string keys and values, flattened.
	recordEntries goja.Callable
}

// Require returns the runtime's url module. Its URL is the same constructor Install makes global, so
// instanceof agrees between them. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := moduleOf(rt)
	if err != nil {
		return nil, err
	}
	return m.exports, nil
}

// Install makes URL and URLSearchParams globals, as they are in Node. Must be called on the loop.
func Install(rt *jsruntime.Runtime) error {
	m, err := moduleOf(rt)
	if err != nil {
		return err
	}
	if err := m.vm.Set("URL", m.urlCtor); err != nil {
		return fmt.Errorf("install URL: %w", err)
	}
	if err := m.vm.Set("URLSearchParams", m.paramsCtor); err != nil {
		return fmt.Errorf("install URLSearchParams: %w", err)
	}
	return nil
}

// moduleOf builds the module once per runtime.
func moduleOf(rt *jsruntime.Runtime) (*module, error) {
	var err error
	m, _ := rt.Value(moduleKey{}, func() any {
		m, buildErr := build(rt)
		if buildErr != nil {
			err = buildErr
			return nil
		}
		return m
	}).(*module)
	if m == nil {
		if err == nil {
			err = fmt.Errorf("url module failed to initialise")
		}
		return nil, err
	}
	return m, nil
}

func build(rt *jsruntime.Runtime) (m *module, err error) {
	vm := rt.VM()
	m = &module{rt: rt, vm: vm, exports: vm.NewObject(), slot: goja.NewSymbol("url internal state")}
	defer func() {
		// Setting up properties on fresh objects only fails when the runtime is broken.
		if p := recover(); p != nil {
			m, err = nil, fmt.Errorf("url module: %v", p)
		}
	}()
	m.defineURL()
	m.defineSearchParams()
	m.defineInspect()
	legacy, err := m.legacy()
	if err != nil {
		return nil, err
	}
	// Node's order.
	for _, member := range []struct {
		name  string
		value any
	}{
		{"Url", legacy.Get("Url")},
		{"parse", legacy.Get("parse")},
		{"resolve", legacy.Get("resolve")},
		{"resolveObject", legacy.Get("resolveObject")},
		{"format", legacy.Get("format")},
		{"URL", m.urlCtor},
		{"URLSearchParams", m.paramsCtor},
		{"domainToASCII", m.domainToASCII},
		{"domainToUnicode", m.domainToUnicode},
		{"pathToFileURL", m.pathToFileURL},
		{"fileURLToPath", m.fileURLToPath},
		{"urlToHttpOptions", legacy.Get("urlToHttpOptions")},
	} {
		must(m.exports.Set(member.name, member.value))
	}
	return m, nil
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// domainToASCII(domain) is the hostname as a special URL would hold it, or "" when it is invalid.
func (m *module) domainToASCII(call goja.FunctionCall) goja.Value {
	return m.vm.ToValue(hostnameFor(m.str(call.Argument(0))))
}

// domainToUnicode(domain) is domainToASCII with punycode labels decoded.
func (m *module) domainToUnicode(call goja.FunctionCall) goja.Value {
	return m.vm.ToValue(domainToUnicode(hostnameFor(m.str(call.Argument(0)))))
}

// hostnameFor sets domain as the hostname of a ws: URL, as Node does, so that it is validated and
// normalised by exactly the rules of URL hosts.
func hostnameFor(domain string) string {
	if domain == "" {
		return ""
	}
	u := &record{scheme: "ws", host: "x", hasHost: true, port: -1}
	if !u.reparse(domain, hostnameState) {
		return ""
	}
	return u.host
}

// str converts a JS value to a string as String() does; symbols throw, as they do in Node.
func (m *module) str(v goja.Value) string {
	if v == nil {
		return "undefined" // what obj.Get gives for a missing property
	}
	if _, ok := v.(*goja.Symbol); ok {
		panic(m.vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

// codedError is a TypeError carrying a Node error code.
func (m *module) codedError(code, msg string) *goja.Object {
	return nodeerr.New(m.vm, "TypeError", code, msg)
}
