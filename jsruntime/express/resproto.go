package express

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/internal/jsjson"
)

// newResponseProto builds the response prototype (express.response): Node's ServerResponse methods
// and Express's helpers, all backed by the Go response state.
func (a *App) newResponseProto(emitter *goja.Object) *goja.Object {
	vm := a.vm
	proto := vm.CreateObject(emitter)
	_ = proto.Set("app", a.appObj)

	b := &resProtoBuilder{a: a, proto: proto}
	method := b.method

	localsGet := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		locals := vm.CreateObject(nil)
		_ = call.This.ToObject(vm).DefineDataProperty("locals", locals, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return locals
	})
	localsSet := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		_ = call.This.ToObject(vm).DefineDataProperty("locals", call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return goja.Undefined()
	})
	_ = proto.DefineAccessorProperty("locals", localsGet, localsSet, goja.FLAG_TRUE, goja.FLAG_TRUE)

	// Node ServerResponse.
	method("setHeader", 2, func(res *response, call goja.FunctionCall) goja.Value {
		res.setHeader(call.Argument(0).String(), call.Argument(1))
		return call.This
	})
	method("getHeader", 1, func(res *response, call goja.FunctionCall) goja.Value {
		return res.getHeader(call.Argument(0).String())
	})
	method("hasHeader", 1, func(res *response, call goja.FunctionCall) goja.Value {
		return vm.ToValue(res.find(strings.ToLower(call.Argument(0).String())) >= 0)
	})
	method("removeHeader", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.removeHeader(call.Argument(0).String())
		return goja.Undefined()
	})
	method("getHeaders", 0, func(res *response, _ goja.FunctionCall) goja.Value {
		obj := vm.CreateObject(nil)
		for _, h := range res.hdrs {
			_ = obj.Set(h.lname, h.val)
		}
		return obj
	})
	method("getHeaderNames", 0, func(res *response, _ goja.FunctionCall) goja.Value {
		names := make([]any, len(res.hdrs))
		for i, h := range res.hdrs {
			names[i] = h.lname
		}
		return vm.NewArray(names...)
	})
	method("writeHead", 3, func(res *response, call goja.FunctionCall) goja.Value {
		if res.headersSent {
			panic(a.errHeadersSent("write"))
		}
		_ = res.obj.Set("statusCode", call.Argument(0))
		headers := call.Argument(1)
		if isStringValue(headers) {
			_ = res.obj.Set("statusMessage", headers)
			headers = call.Argument(2)
		}
		if obj, ok := headers.(*goja.Object); ok {
			if obj.ClassName() == "Array" {
				n := int(obj.Get("length").ToInteger())
				for i := 0; i+1 < n; i += 2 {
					res.setHeader(obj.Get(itoa(i)).String(), obj.Get(itoa(i+1)))
				}
			} else {
				for _, k := range obj.Keys() {
					res.setHeader(k, obj.Get(k))
				}
			}
		}
		res.writeHead(nil, 0)
		return call.This
	})
	method("flushHeaders", 0, func(res *response, _ goja.FunctionCall) goja.Value {
		res.writeHead(nil, 0)
		return goja.Undefined()
	})
	b.defineWritable()
	a.defineResponseSocket(proto)

	// Express response helpers.
	method("status", 1, func(res *response, call goja.FunctionCall) goja.Value {
		_ = res.obj.Set("statusCode", call.Argument(0))
		return call.This
	})
	setFn := func(res *response, call goja.FunctionCall) goja.Value {
		if len(call.Arguments) >= 2 {
			res.set(call.Argument(0).String(), call.Argument(1))
			return call.This
		}
		if obj, ok := call.Argument(0).(*goja.Object); ok {
			for _, k := range obj.Keys() {
				res.set(k, obj.Get(k))
			}
		}
		return call.This
	}
	method("set", 2, setFn)
	method("header", 2, setFn)
	method("get", 1, func(res *response, call goja.FunctionCall) goja.Value {
		return res.getHeader(call.Argument(0).String())
	})
	method("append", 2, func(res *response, call goja.FunctionCall) goja.Value {
		res.append(call.Argument(0).String(), call.Argument(1))
		return call.This
	})
	typeFn := func(res *response, call goja.FunctionCall) goja.Value {
		res.set("Content-Type", vm.ToValue(typeOf(call.Argument(0).String())))
		return call.This
	}
	method("type", 1, typeFn)
	method("contentType", 1, typeFn)
	method("vary", 1, func(res *response, call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			return call.This
		}
		res.vary(call.Argument(0))
		return call.This
	})
	method("location", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.location(call.Argument(0).String())
		return call.This
	})
	method("redirect", 2, func(res *response, call goja.FunctionCall) goja.Value {
		res.redirect(call.Arguments)
		return goja.Undefined()
	})
	method("sendStatus", 1, func(res *response, call goja.FunctionCall) goja.Value {
		code := int(call.Argument(0).ToInteger())
		_ = res.obj.Set("statusCode", call.Argument(0))
		res.set("Content-Type", res.a.stringValue("text/plain"))
		res.send(vm.ToValue(statusMessage(code)))
		return call.This
	})
	method("send", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.sendArgs(call.Arguments)
		return call.This
	})
	method("json", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.jsonArgs(call.Arguments)
		return call.This
	})
	method("jsonp", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.jsonp(call.Arguments)
		return call.This
	})
	method("links", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.links(call.Argument(0))
		return call.This
	})
	method("attachment", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.attachment(call.Argument(0))
		return call.This
	})
	method("format", 1, func(res *response, call goja.FunctionCall) goja.Value {
		res.format(call.Argument(0))
		return call.This
	})
	method("cookie", 3, func(res *response, call goja.FunctionCall) goja.Value {
		res.cookie(call.Argument(0), call.Argument(1), call.Argument(2))
		return call.This
	})
	method("clearCookie", 2, func(res *response, call goja.FunctionCall) goja.Value {
		res.clearCookie(call.Argument(0), call.Argument(1))
		return call.This
	})
	method("sendFile", 3, func(res *response, call goja.FunctionCall) goja.Value {
		res.sendFile(call.Argument(0), call.Argument(1), call.Argument(2))
		return goja.Undefined()
	})
	method("download", 4, func(res *response, call goja.FunctionCall) goja.Value {
		res.download(call.Arguments)
		return goja.Undefined()
	})
	return proto
}

// resProtoBuilder defines the response prototype's members, each backed by the Go response state.
type resProtoBuilder struct {
	a     *App
	proto *goja.Object
}

// method defines res.name as a function of the given length; calling it on an object that is not a
// response throws a TypeError.
func (b *resProtoBuilder) method(name string, length int, fn func(res *response, call goja.FunctionCall) goja.Value) {
	a := b.a
	_ = b.proto.Set(name, a.funcValue(name, length, func(call goja.FunctionCall) goja.Value {
		res := a.resState(call.This)
		if res == nil {
			panic(a.vm.NewTypeError("res." + name + "() called on an object that is not a response"))
		}
		return fn(res, call)
	}))
}

// getter defines the read-only accessor res.name (undefined on objects that are not responses).
func (b *resProtoBuilder) getter(name string, fn func(res *response) goja.Value) {
	a := b.a
	g := a.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		res := a.resState(call.This)
		if res == nil {
			return goja.Undefined()
		}
		return fn(res)
	})
	_ = b.proto.DefineAccessorProperty(name, g, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// callbackLater calls the first function among args on a later loop turn (write/end callbacks).
func (a *App) callbackLater(args []goja.Value) {
	for _, v := range args {
		if fn, ok := goja.AssertFunction(v); ok {
			a.rt.RunOnLoop(func(*goja.Runtime) {
				_, err := fn(goja.Undefined())
				a.rt.ReportUncaught("write callback", err)
			})
			return
		}
	}
}

// append is res.append(field, val): the value joins the existing one (string or array) as an array.
func (res *response) append(field string, val goja.Value) {
	vm := res.a.vm
	if prev := res.getHeader(field); prev.ToBoolean() {
		head := prev
		if p, ok := prev.(*goja.Object); !ok || p.ClassName() != "Array" {
			head = vm.NewArray(prev)
		}
		concat, _ := goja.AssertFunction(head.ToObject(vm).Get("concat"))
		joined, err := concat(head, val)
		if err != nil {
			panic(res.a.rt.ErrorValue(err))
		}
		val = joined
	}
	res.set(field, val)
}

// endHead is Express's `res.end()` for HEAD: the headers computed for the body, no body.
func (res *response) endHead() { res.end(nil) }

// set is res.set(field, value): String() values, and a charset for text-like Content-Types.
func (res *response) set(field string, val goja.Value) {
	vm := res.a.vm
	var value goja.Value
	if obj, ok := val.(*goja.Object); ok && obj.ClassName() == "Array" {
		strs := res.valueStrings(val)
		items := make([]any, len(strs))
		for i, s := range strs {
			items[i] = s
		}
		value = vm.NewArray(items...)
		if strings.EqualFold(field, "content-type") {
			panic(vm.NewTypeError("Content-Type cannot be set to an Array"))
		}
	} else {
		s := val.String()
		value = val
		if !isStringValue(val) {
			value = vm.ToValue(s)
		}
		if strings.EqualFold(field, "content-type") && !hasCharsetParam(s) {
			if cs := mimeCharset(s); cs != "" {
				value = res.a.stringValue(s + "; charset=" + strings.ToLower(cs))
			}
		}
	}
	res.setHeader(field, value)
}

// vary is the vary package: append field names to Vary without duplicates; "*" wins.
func (res *response) vary(field goja.Value) {
	var fields []string
	for _, f := range res.valueStrings(field) {
		for _, p := range strings.Split(f, ",") {
			if p = strings.TrimSpace(p); p != "" {
				fields = append(fields, p)
			}
		}
	}
	cur := res.headerString("vary")
	if cur == "*" {
		return
	}
	list := cur
	existing := map[string]bool{}
	for _, p := range strings.Split(cur, ",") {
		if p = strings.TrimSpace(p); p != "" {
			existing[strings.ToLower(p)] = true
		}
	}
	for _, f := range fields {
		if f == "*" {
			list = "*"
			break
		}
		if existing[strings.ToLower(f)] {
			continue
		}
		existing[strings.ToLower(f)] = true
		if list == "" {
			list = f
		} else {
			list += ", " + f
		}
	}
	if list != "" {
		res.setHeader("Vary", res.a.vm.ToValue(list))
	}
}

// location is res.location: 'back' means req.get('Referrer') || '/', and the URL is encodeurl-ed.
func (res *response) location(url string) {
	if url == "back" {
		url = "/"
		if v := res.req.referrer(); v.ToBoolean() {
			url = v.String()
		}
	}
	res.setHeader("Location", res.a.vm.ToValue(encodeURL(url)))
}

// redirect is res.redirect([status,] url), with the text/html/empty body chosen from Accept.
func (res *response) redirect(args []goja.Value) {
	vm := res.a.vm
	status := 302
	var address goja.Value = goja.Undefined()
	if len(args) > 0 {
		address = args[0]
	}
	if len(args) >= 2 {
		if isNumber(args[0]) {
			status, address = int(args[0].ToInteger()), args[1]
		} else {
			status = int(args[1].ToInteger())
		}
	}
	res.location(address.String())
	loc := res.headerString("location")
	res.vary(vm.ToValue("Accept"))
	var body string
	switch negotiate(res.req.r.Header.Values("Accept"), []string{"text/plain", "text/html"}) {
	case "text/plain":
		res.set("Content-Type", res.a.stringValue("text/plain"))
		body = statusMessage(status) + ". Redirecting to " + loc
	case "text/html":
		res.set("Content-Type", res.a.stringValue("text/html"))
		body = "<p>" + statusMessage(status) + ". Redirecting to " + escapeHTML(loc) + "</p>"
	}
	_ = res.obj.Set("statusCode", status)
	res.set("Content-Length", vm.ToValue(len(body)))
	if res.req.obj.Get("method").String() == "HEAD" {
		res.endHead()
		return
	}
	res.end([]byte(body))
}

// jsonArgs is res.json(obj) (and the deprecated two-argument forms).
func (res *response) jsonArgs(args []goja.Value) {
	val := goja.Undefined()
	if len(args) > 0 {
		val = args[0]
	}
	if len(args) >= 2 {
		if isNumber(args[1]) {
			_ = res.obj.Set("statusCode", args[1])
		} else {
			_ = res.obj.Set("statusCode", args[0])
			val = args[1]
		}
	}
	body, ok := res.a.stringify(val)
	if goja.IsUndefined(res.getHeader("Content-Type")) {
		res.set("Content-Type", res.a.stringValue("application/json"))
	}
	if !ok {
		res.send(goja.Undefined())
		return
	}
	res.sendText(body)
}

// stringify is Express's JSON serialisation with the app's json replacer, spaces and escape
// settings, as the UTF-8 bytes of the JSON text; ok is false when JSON.stringify gives undefined.
// Without a replacer or spaces, data is written by the Go writer (the same bytes, without making a JS
// string), and what it leaves goes to goja's JSON.stringify directly; with them, to jsjson's
// JSON.stringify.
func (a *App) stringify(val goja.Value) (body []byte, ok bool) {
	replacer, spaces := a.setting("json replacer"), a.setting("json spaces")
	esc := a.setting("json escape")
	escape := esc != nil && esc.ToBoolean()
	var out goja.Value
	var err error
	if replacer == nil && spaces == nil {
		if body, ok := a.writeJSON(val, escape); ok {
			return body, true
		}
		out, err = jsjson.GojaStringify(a.rt)(goja.Undefined(), val)
	} else {
		out, err = jsjson.StringifyValue(a.rt, val, orUndefined(replacer), orUndefined(spaces))
	}
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	if goja.IsUndefined(out) {
		return nil, false
	}
	s := out.String()
	if escape {
		s = jsonHTMLEscaper.Replace(s)
	}
	return []byte(s), true
}

// jsonHTMLEscaper is Express's "json escape": <, > and & as \u escapes in JSON text.
var jsonHTMLEscaper = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`)

func isNumber(v goja.Value) bool {
	if _, isObj := v.(*goja.Object); isObj || v == nil {
		return false
	}
	t := v.ExportType()
	return t != nil && (t.Kind() == reflect.Int64 || t.Kind() == reflect.Float64)
}

// sendArgs is res.send with Express 4's deprecated argument forms.
func (res *response) sendArgs(args []goja.Value) {
	vm := res.a.vm
	chunk := goja.Undefined()
	if len(args) > 0 {
		chunk = args[0]
	}
	if len(args) >= 2 {
		if !isNumber(chunk) && isNumber(args[1]) {
			_ = res.obj.Set("statusCode", args[1])
		} else {
			_ = res.obj.Set("statusCode", args[0])
			chunk = args[1]
		}
	}
	if isNumber(chunk) && len(args) == 1 {
		if goja.IsUndefined(res.getHeader("Content-Type")) {
			res.set("Content-Type", res.a.stringValue("text/plain"))
		}
		_ = res.obj.Set("statusCode", chunk)
		code := int(chunk.ToInteger())
		if msg, ok := statusText[code]; ok {
			chunk = vm.ToValue(msg)
		} else {
			chunk = goja.Undefined()
		}
	}
	res.send(chunk)
}

// send is the body logic of res.send for one argument: typing, Content-Length, the weak ETag,
// freshness (304) and the HEAD rule.
func (res *response) send(chunk goja.Value) {
	a := res.a
	vm := a.vm
	switch {
	case isStringValue(chunk):
		body, _ := a.chunkBytes(chunk)
		res.sendText(body)
		return
	case goja.IsNull(chunk):
		chunk = vm.ToValue("")
		res.utf8Charset()
	case goja.IsUndefined(chunk):
	case a.isBinary(chunk):
		if goja.IsUndefined(res.getHeader("Content-Type")) {
			res.set("Content-Type", res.a.stringValue("application/octet-stream"))
		}
	default:
		if _, isObj := chunk.(*goja.Object); isObj || isNumber(chunk) || isBool(chunk) {
			res.jsonArgs([]goja.Value{chunk})
			return
		}
	}
	var body []byte
	hasChunk := !goja.IsUndefined(chunk)
	if hasChunk {
		body, _ = a.chunkBytes(chunk)
	}
	res.sendBody(body, hasChunk)
}

// sendText is res.send of a string, given as its UTF-8 bytes: text/html unless a type is set, and
// the utf-8 charset.
func (res *response) sendText(body []byte) {
	if goja.IsUndefined(res.getHeader("Content-Type")) {
		res.set("Content-Type", res.a.stringValue("text/html"))
	}
	res.utf8Charset()
	res.sendBody(body, true)
}

// utf8Charset sets the charset of a string Content-Type to utf-8, as res.send does for strings.
func (res *response) utf8Charset() {
	if t, ok := res.getHeader("Content-Type").Export().(string); ok {
		// Setting the value the header already has changes nothing (res.json's usual case).
		if cs := setCharset(t, "utf-8"); cs != t || res.headersSent || !hasCharsetParam(t) {
			res.set("Content-Type", res.a.vm.ToValue(cs))
		}
	}
}

// sendBody ends res.send: Content-Length and the weak ETag when there is a body (hasChunk), the
// 304 for a fresh request, the status codes without a body and the HEAD rule.
func (res *response) sendBody(body []byte, hasChunk bool) {
	vm := res.a.vm
	if hasChunk {
		res.set("Content-Length", vm.ToValue(len(body)))
		if goja.IsUndefined(res.getHeader("ETag")) && res.a.etagEnabled() {
			res.set("ETag", vm.ToValue(weakETag(body)))
		}
	}
	if res.req.fresh() {
		_ = res.obj.Set("statusCode", 304)
	}
	switch res.statusCode() {
	case 204, 304:
		res.removeHeader("Content-Type")
		res.removeHeader("Content-Length")
		res.removeHeader("Transfer-Encoding")
		body = nil
	case 205:
		res.set("Content-Length", vm.ToValue("0"))
		res.removeHeader("Transfer-Encoding")
		body = nil
	}
	if res.req.obj.Get("method").String() == "HEAD" {
		res.endHead()
		return
	}
	res.end(body)
}

func isBool(v goja.Value) bool {
	if _, isObj := v.(*goja.Object); isObj || v == nil {
		return false
	}
	t := v.ExportType()
	return t != nil && t.Kind() == reflect.Bool
}

// etagEnabled reads the app's etag setting (weak by default; false disables it).
func (a *App) etagEnabled() bool {
	v := a.setting("etag")
	return v == nil || v.ToBoolean()
}

// writeJSON is JSON.stringify(val) as UTF-8 for plain data (package jsjson's writer), with <, > and
// & escaped when escape is set; ok is false when val needs goja's JSON.stringify. Nesting deeper than
// jsjson.MaxDepth throws V8's RangeError. Must be called on the loop.
func (a *App) writeJSON(val goja.Value, escape bool) (body []byte, ok bool) {
	body, ok, err := jsjson.Stringify(a.rt, val, "", escape)
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	return body, ok
}
