package url

import "github.com/dop251/goja"

// urlObject is the Go side of a JS URL: its record and, once read, its searchParams object.
type urlObject struct {
	rec         *record
	params      *paramsObject
	paramsValue *goja.Object
}

// setQueryFromParams is the URLSearchParams update steps: the list becomes the URL's query.
func (u *urlObject) setQueryFromParams() {
	q := serializeForm(u.params.list)
	u.rec.query, u.rec.hasQuery = q, q != ""
	if q == "" {
		u.rec.stripTrailingSpacesFromOpaquePath()
	}
}

// urlAccessor is one of URL.prototype's accessors; set is nil for read-only ones.
type urlAccessor struct {
	name string
	get  func(m *module, u *urlObject) goja.Value
	set  func(m *module, u *urlObject, v string)
}

func stringGetter(f func(r *record) string) func(*module, *urlObject) goja.Value {
	return func(m *module, u *urlObject) goja.Value { return m.vm.ToValue(f(u.rec)) }
}

var urlAccessors = []urlAccessor{
	{"href", stringGetter((*record).href), (*module).setHref},
	{"origin", stringGetter((*record).origin), nil},
	{"protocol", stringGetter(func(r *record) string { return r.scheme + ":" }), recordSetter((*record).setProtocol)},
	{"username", stringGetter(func(r *record) string { return r.username }), recordSetter((*record).setUsername)},
	{"password", stringGetter(func(r *record) string { return r.password }), recordSetter((*record).setPassword)},
	{"host", stringGetter((*record).hostPort), recordSetter((*record).setHost)},
	{"hostname", stringGetter(func(r *record) string { return r.host }), recordSetter((*record).setHostname)},
	{"port", stringGetter((*record).portString), recordSetter((*record).setPort)},
	{"pathname", stringGetter((*record).pathname), recordSetter((*record).setPathname)},
	{"search", stringGetter((*record).search), (*module).setSearch},
	{"searchParams", (*module).searchParams, nil},
	{"hash", stringGetter((*record).hash), recordSetter((*record).setHash)},
}

func recordSetter(f func(r *record, v string)) func(*module, *urlObject, string) {
	return func(_ *module, u *urlObject, v string) { f(u.rec, v) }
}

// defineURL creates the URL class with Node 20's surface.
func (m *module) defineURL() {
	vm := m.vm
	m.urlCtor = m.class("URL", "input", m.constructURL)
	m.urlProto = m.urlCtor.Get("prototype").(*goja.Object)
	must(m.urlCtor.Set("canParse", func(call goja.FunctionCall) goja.Value {
		_, ok := m.parseArgs(call.Arguments)
		return vm.ToValue(ok)
	}))
	for _, a := range urlAccessors {
		get := vm.ToValue(func(call goja.FunctionCall) goja.Value { return a.get(m, m.thisURL(call)) })
		var set goja.Value
		if a.set != nil {
			set = vm.ToValue(func(call goja.FunctionCall) goja.Value {
				a.set(m, m.thisURL(call), m.str(call.Argument(0)))
				return goja.Undefined()
			})
		}
		must(m.urlProto.DefineAccessorProperty(a.name, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE))
	}
	href := func(call goja.FunctionCall) goja.Value { return vm.ToValue(m.thisURL(call).rec.href()) }
	must(m.urlProto.Set("toString", href))
	must(m.urlProto.Set("toJSON", href))
	must(m.urlProto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("URL"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// constructURL is new URL(input, base?).
func (m *module) constructURL(this *goja.Object, args []goja.Value) {
	if len(args) == 0 {
		panic(m.codedError("ERR_MISSING_ARGS", `The "url" argument must be specified`))
	}
	rec, ok := m.parseArgs(args)
	if !ok {
		panic(m.invalidURL(args))
	}
	m.attach(this, &urlObject{rec: rec})
}

// parseArgs parses (input, base?) as the URL constructor and URL.canParse do.
func (m *module) parseArgs(args []goja.Value) (*record, bool) {
	input := m.str(argAt(args, 0))
	var base *record
	if b := argAt(args, 1); !goja.IsUndefined(b) {
		var ok bool
		if base, ok = parse(m.str(b), nil); !ok {
			return nil, false
		}
	}
	return parse(input, base)
}

// invalidURL is Node's ERR_INVALID_URL TypeError, carrying the input and any base.
func (m *module) invalidURL(args []goja.Value) *goja.Object {
	e := m.codedError("ERR_INVALID_URL", "Invalid URL")
	must(e.Set("input", m.str(argAt(args, 0))))
	if b := argAt(args, 1); !goja.IsUndefined(b) {
		must(e.Set("base", m.str(b)))
	}
	return e
}

// newURL makes a URL object for rec, as pathToFileURL returns.
func (m *module) newURL(rec *record) *goja.Object {
	obj := m.vm.NewObject()
	must(obj.SetPrototype(m.urlProto))
	m.attach(obj, &urlObject{rec: rec})
	return obj
}

func (m *module) thisURL(call goja.FunctionCall) *urlObject {
	u, ok := stateOf[*urlObject](m, call.This)
	if !ok {
		panic(m.vm.NewTypeError("Receiver must be an instance of class URL"))
	}
	return u
}

func (m *module) setHref(u *urlObject, v string) {
	rec, ok := parse(v, nil)
	if !ok {
		panic(m.invalidURL([]goja.Value{m.vm.ToValue(v)}))
	}
	u.rec = rec
	if u.params != nil {
		u.params.list = parseForm(rec.query)
	}
}

func (m *module) setSearch(u *urlObject, v string) {
	u.rec.setSearch(v)
	if u.params != nil {
		if len(v) > 0 && v[0] == '?' {
			v = v[1:]
		}
		u.params.list = parseForm(v)
	}
}

// searchParams returns the URL's live URLSearchParams, made on first use.
func (m *module) searchParams(u *urlObject) goja.Value {
	if u.paramsValue == nil {
		u.params = &paramsObject{list: parseForm(u.rec.query), url: u}
		u.paramsValue = m.newParams(u.params)
	}
	return u.paramsValue
}
