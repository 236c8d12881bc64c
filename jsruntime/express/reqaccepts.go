package express

import (
	"strings"

	"github.com/dop251/goja"
)

// defineAccepts adds req.accepts, acceptsCharsets, acceptsEncodings, acceptsLanguages and the
// deprecated singular aliases, as Express 4 builds them on accepts 1.3.8. They read the Accept-*
// headers from req.headers, as accepts does, so a plugin that edits req.headers is honoured.
func (a *App) defineAccepts(proto *goja.Object) {
	vm := a.vm
	_ = proto.Set("accepts", a.funcValue("accepts", 0, func(call goja.FunctionCall) goja.Value {
		header, present := a.jsHeader(call.This, "accept")
		n := mediaNegotiation(header, present)
		offers := acceptsArgs(call.Arguments)
		if len(offers) == 0 {
			return a.stringArray(n.preferred(nil, true))
		}
		if header == "" {
			return offers[0]
		}
		// Extension offers ('json') are looked up in mime-db; unknown ones drop out.
		mimes := make([]string, len(offers))
		var valid []string
		for i, o := range offers {
			if !isStringValue(o) {
				panic(vm.NewTypeError("type.indexOf is not a function"))
			}
			s := o.String()
			if strings.Contains(s, "/") {
				mimes[i] = s
			} else if t, ok := mimeTypesLookup(s); ok {
				mimes[i] = t
			} else {
				continue
			}
			valid = append(valid, mimes[i])
		}
		best := n.preferred(valid, false)
		if len(best) == 0 {
			return vm.ToValue(false)
		}
		for i, m := range mimes {
			if m == best[0] {
				return offers[i]
			}
		}
		return vm.ToValue(false)
	}))
	tokens := func(name, header string, negotiate func(header string, present bool) negotiation) {
		fn := a.funcValue(name, 0, func(call goja.FunctionCall) goja.Value {
			h, present := a.jsHeader(call.This, header)
			n := negotiate(h, present)
			offers := acceptsArgs(call.Arguments)
			if len(offers) == 0 {
				return a.stringArray(n.preferred(nil, true))
			}
			strs := make([]string, len(offers))
			for i, o := range offers {
				strs[i] = o.String()
			}
			best := n.preferred(strs, false)
			if len(best) == 0 {
				return vm.ToValue(false)
			}
			return vm.ToValue(best[0])
		})
		_ = proto.Set(name, fn)
		// Express 4 keeps the singular names as deprecated wrappers of the plural ones.
		_ = proto.Set(strings.TrimSuffix(name, "s"), fn)
	}
	tokens("acceptsCharsets", "accept-charset", func(h string, present bool) negotiation {
		return tokenNegotiation(parseTokens(h, present, false))
	})
	tokens("acceptsEncodings", "accept-encoding", func(h string, present bool) negotiation {
		return tokenNegotiation(parseTokens(h, present, true))
	})
	tokens("acceptsLanguages", "accept-language", languageNegotiation)
}

// acceptsArgs is accepts' argument handling: an array first argument is the list, any other truthy
// first argument means all arguments, and a falsy one means none (list the header's entries).
func acceptsArgs(args []goja.Value) []goja.Value {
	if len(args) == 0 || !args[0].ToBoolean() {
		return nil
	}
	if obj, ok := args[0].(*goja.Object); ok && obj.ClassName() == "Array" {
		n := int(obj.Get("length").ToInteger())
		out := make([]goja.Value, n)
		for i := range out {
			out[i] = obj.Get(itoa(i))
		}
		return out
	}
	return args
}

// jsHeader reads req.headers[lname] from the JS object, as Express's helpers do; present is false
// when it is undefined.
func (a *App) jsHeader(req goja.Value, lname string) (value string, present bool) {
	obj, ok := req.(*goja.Object)
	if !ok {
		return "", false
	}
	if st := a.reqState(obj); st != nil && !st.headersOwn {
		return st.headerString(lname)
	}
	headers, ok := obj.Get("headers").(*goja.Object)
	if !ok {
		return "", false
	}
	v := headers.Get(lname)
	if v == nil || goja.IsUndefined(v) {
		return "", false
	}
	if goja.IsNull(v) {
		return "", true
	}
	return v.String(), true
}

// stringArray is a JS array of strings.
func (a *App) stringArray(items []string) goja.Value {
	vals := make([]any, len(items))
	for i, s := range items {
		vals[i] = s
	}
	return a.vm.NewArray(vals...)
}
