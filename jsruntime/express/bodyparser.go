package express

import (
	"github.com/dop251/goja"
)

type parserKind int

const (
	parserJSON parserKind = iota
	parserURLEncoded
	parserText
	parserRaw
)

// parserConfig is a body parser's options after body-parser's defaults.
type parserConfig struct {
	kind     parserKind
	limit    int64 // -1: no limit (bytes.parse rejected the option)
	inflate  bool
	strict   bool
	extended bool
	types    []string
	typeFn   goja.Callable
	verify   goja.Callable
	reviver  goja.Value
	charset  string // text's defaultCharset
	form     formLimits
}

var defaultTypes = map[parserKind]string{
	parserJSON:       "application/json",
	parserURLEncoded: "application/x-www-form-urlencoded",
	parserText:       "text/plain",
	parserRaw:        "application/octet-stream",
}

// parserFactory returns express.json/urlencoded/text/raw.
func (a *App) parserFactory(kind parserKind) *goja.Object {
	names := map[parserKind]string{parserJSON: "json", parserURLEncoded: "urlencoded", parserText: "text", parserRaw: "raw"}
	return a.funcValue(names[kind], 1, func(call goja.FunctionCall) goja.Value {
		cfg := a.parserOptions(kind, call.Argument(0))
		return a.funcValue(names[kind]+"Parser", 3, func(c goja.FunctionCall) goja.Value {
			a.runParser(cfg, c.Argument(0), c.Argument(1), c.Argument(2))
			return goja.Undefined()
		})
	})
}

// newBodyParserModule is require('body-parser'): an object with the four factories.
func (a *App) newBodyParserModule() *goja.Object {
	obj := a.vm.NewObject()
	_ = obj.Set("json", a.exports.Get("json"))
	_ = obj.Set("urlencoded", a.exports.Get("urlencoded"))
	_ = obj.Set("text", a.exports.Get("text"))
	_ = obj.Set("raw", a.exports.Get("raw"))
	return obj
}

func (a *App) parserOptions(kind parserKind, opts goja.Value) *parserConfig {
	cfg := &parserConfig{kind: kind, limit: 100 << 10, inflate: true, strict: true, extended: true, charset: "utf-8", form: defaultFormLimits}
	o, ok := opts.(*goja.Object)
	if !ok {
		cfg.types = []string{defaultTypes[kind]}
		return cfg
	}
	get := func(name string) goja.Value {
		v := o.Get(name)
		if v == nil || goja.IsUndefined(v) {
			return nil
		}
		return v
	}
	if v := get("limit"); v != nil {
		if isNumber(v) {
			cfg.limit = v.ToInteger()
		} else if n, ok := parseBytes(v.String()); ok {
			cfg.limit = n
		} else {
			cfg.limit = -1
		}
	}
	if v := get("inflate"); v != nil {
		cfg.inflate = v.ToBoolean()
	}
	if v := get("strict"); v != nil {
		cfg.strict = v.ToBoolean()
	}
	if v := get("extended"); v != nil {
		cfg.extended = v.ToBoolean()
	}
	if v := get("defaultCharset"); v != nil {
		cfg.charset = v.String()
	}
	if v := get("verify"); v != nil && v.ToBoolean() {
		fn, ok := goja.AssertFunction(v)
		if !ok {
			panic(a.vm.NewTypeError("option verify must be function"))
		}
		cfg.verify = fn
	}
	cfg.reviver = get("reviver")
	if kind == parserURLEncoded {
		cfg.form = a.formLimitOptions(get("parameterLimit"), get("depth"), cfg.extended)
	}
	switch v := get("type"); {
	case v == nil:
		cfg.types = []string{defaultTypes[kind]}
	default:
		if fn, ok := goja.AssertFunction(v); ok {
			cfg.typeFn = fn
		} else {
			for _, t := range a.flatten([]goja.Value{v}, nil) {
				cfg.types = append(cfg.types, t.String())
			}
		}
	}
	return cfg
}

// runParser is the body-parser middleware for one request.
func (a *App) runParser(cfg *parserConfig, reqV, resV, nextV goja.Value) {
	vm := a.vm
	next, _ := goja.AssertFunction(nextV)
	call := func(args ...goja.Value) {
		if next == nil {
			return
		}
		if thrown, _ := a.invoke(next, goja.Undefined(), args...); thrown != nil {
			panic(thrown)
		}
	}
	reqObj := reqV.ToObject(vm)
	if b := reqObj.Get("_body"); b != nil && b.ToBoolean() {
		call()
		return
	}
	if body := reqObj.Get("body"); body == nil || !body.ToBoolean() {
		_ = reqObj.Set("body", vm.NewObject())
	}
	st := a.reqState(reqV)
	if st == nil || !hasBody(st.r) {
		call()
		return
	}
	if cfg.typeFn != nil {
		ok, err := cfg.typeFn(goja.Undefined(), reqV)
		if err != nil {
			panic(a.rt.ErrorValue(err))
		}
		if !ok.ToBoolean() {
			call()
			return
		}
	} else if typeIs(mediaType(st.r.Header.Get("Content-Type")), cfg.types) == "" {
		call()
		return
	}
	charset := requestCharset(st.r)
	switch cfg.kind {
	case parserJSON:
		if charset == "" {
			charset = "utf-8"
		}
		if len(charset) < 4 || charset[:4] != "utf-" {
			call(a.parseErrorValue(unsupportedCharset(charset)))
			return
		}
	case parserURLEncoded:
		if charset == "" {
			charset = "utf-8"
		}
		if charset != "utf-8" {
			call(a.parseErrorValue(unsupportedCharset(charset)))
			return
		}
	case parserText:
		if charset == "" {
			charset = cfg.charset
		}
	}
	_ = reqObj.Set("_body", true)
	st.readBody(cfg.limit, cfg.inflate, func(data []byte, perr *parseError) {
		if perr != nil {
			call(a.parseErrorValue(perr))
			return
		}
		if cfg.verify != nil {
			if _, err := cfg.verify(goja.Undefined(), reqV, resV, a.bytesValue(data), vm.ToValue(charset)); err != nil {
				thrown := a.rt.ErrorValue(err)
				call(a.verifyError(thrown, data))
				return
			}
		}
		body, perr := a.parseBody(cfg, data, charset)
		if perr != nil {
			call(a.parseErrorValue(perr))
			return
		}
		_ = reqObj.Set("body", body)
		call()
	})
}

// parseBody decodes and parses a body that was read for cfg.
func (a *App) parseBody(cfg *parserConfig, data []byte, charset string) (goja.Value, *parseError) {
	vm := a.vm
	if cfg.kind == parserRaw {
		return a.bytesValue(data), nil
	}
	text, perr := decodeCharset(data, charset)
	if perr != nil {
		return nil, perr
	}
	switch cfg.kind {
	case parserText:
		return vm.ToValue(text), nil
	case parserURLEncoded:
		form, perr := parseForm(text, cfg.extended, cfg.form)
		if perr != nil {
			return nil, perr
		}
		v := qsToValue(vm, form)
		if !cfg.extended && text != "" {
			// querystring.parse's result has no prototype; an empty body is body-parser's own {}.
			_ = v.ToObject(vm).SetPrototype(nil)
		}
		return v, nil
	}
	if text == "" {
		return vm.NewObject(), nil
	}
	tape, perr := scanJSONBody(text, cfg.strict)
	if perr != nil {
		return nil, perr
	}
	if _, ok := goja.AssertFunction(cfg.reviver); ok {
		// JSON.parse calls the reviver itself, with the holder as this; the text is known valid, so
		// only the reviver can throw.
		parsed, err := a.jsonParse(goja.Undefined(), vm.ToValue(text), cfg.reviver)
		if err != nil {
			panic(a.rt.ErrorValue(err))
		}
		return parsed, nil
	}
	return tape.Value(vm), nil
}

// readBody reads the request body off the loop (with raw-body's rules) and calls done on the loop.
func (st *request) readBody(limit int64, inflate bool, done func([]byte, *parseError)) {
	x := st.x
	rt := st.a.rt
	if perr := st.takeBody(); perr != nil {
		done(nil, perr)
		return
	}
	if !x.startBodyRead() {
		done(nil, newParseError(400, "request.aborted", "request aborted", nil))
		return
	}
	r := st.r
	go func() {
		defer x.bodyWG.Done()
		data, perr := readRaw(r, limit, inflate)
		rt.RunOnLoop(func(*goja.Runtime) {
			st.bodyTaken()
			done(data, perr)
		})
	}()
}

// bytesValue makes a Buffer when the runtime has one (Buffer.from), else a Uint8Array, over a copy.
func (a *App) bytesValue(data []byte) goja.Value {
	vm := a.vm
	ab := vm.NewArrayBuffer(append([]byte(nil), data...))
	if buf, ok := vm.Get("Buffer").(*goja.Object); ok {
		if from, ok := goja.AssertFunction(buf.Get("from")); ok {
			if v, err := from(buf, vm.ToValue(ab)); err == nil {
				return v
			}
		}
	}
	v, err := vm.New(a.uint8Array, vm.ToValue(ab))
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	return v
}

// parseErrorValue builds the JS error http-errors would produce for a parser failure.
func (a *App) parseErrorValue(pe *parseError) goja.Value {
	vm := a.vm
	ctorName := "Error"
	if pe.name == "SyntaxError" {
		ctorName = "SyntaxError"
	}
	obj, err := vm.New(vm.Get(ctorName).ToObject(vm), vm.ToValue(pe.msg))
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	if pe.name != "" && pe.name != ctorName {
		_ = obj.DefineDataProperty("name", vm.ToValue(pe.name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		if st := obj.Get("stack"); st != nil {
			// The stack starts with the constructor's name; http-errors' subclasses print their own.
			s := st.String()
			if len(s) >= len(ctorName) && s[:len(ctorName)] == ctorName {
				_ = obj.Set("stack", pe.name+s[len(ctorName):])
			}
		}
	}
	_ = obj.Set("expose", pe.status < 500)
	_ = obj.Set("statusCode", pe.status)
	_ = obj.Set("status", pe.status)
	if pe.typ != "" {
		_ = obj.Set("type", pe.typ)
	}
	for k, v := range pe.props {
		_ = obj.Set(k, v)
	}
	return obj
}

// verifyError is createError(403, err, {body, type: err.type || 'entity.verify.failed'}): the
// thrown error keeps a status of its own (http-errors' rule), and gets expose for it.
func (a *App) verifyError(thrown goja.Value, body []byte) goja.Value {
	obj, ok := thrown.(*goja.Object)
	if !ok {
		obj = a.newError(thrown.String())
	}
	status := 403
	for _, key := range []string{"status", "statusCode"} {
		if v := obj.Get(key); v != nil && v.ToBoolean() {
			if !isNumber(v) {
				status = 500
				break
			}
			status = int(v.ToInteger())
			if _, known := statusText[status]; !known && (status < 400 || status >= 600) {
				status = 500
			}
			break
		}
	}
	_ = obj.Set("expose", status < 500)
	_ = obj.Set("status", status)
	_ = obj.Set("statusCode", status)
	_ = obj.Set("body", a.bytesValue(body))
	if t := obj.Get("type"); t == nil || !t.ToBoolean() {
		_ = obj.Set("type", "entity.verify.failed")
	}
	return obj
}
