package url

import (
	"strconv"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// paramsObject is the Go side of a URLSearchParams: its list and, for a URL's searchParams, the URL
// whose query it keeps in step.
type paramsObject struct {
	list []pair
	url  *urlObject
}

// update runs after every change to the list.
func (p *paramsObject) update() {
	if p.url != nil {
		p.url.setQueryFromParams()
	}
}

// iterKind selects what a URLSearchParams iterator yields.
type iterKind int

const (
	iterEntries iterKind = iota
	iterKeys
	iterValues
)

// paramsIterator walks the live list by index, so entries appended during iteration are visited.
type paramsIterator struct {
	params *paramsObject
	kind   iterKind
	index  int
}

// defineSearchParams creates the URLSearchParams class and its iterator prototype.
func (m *module) defineSearchParams() {
	vm := m.vm
	m.paramsCtor = m.class("URLSearchParams", "", m.constructParams)
	m.paramsProto = m.paramsCtor.Get("prototype").(*goja.Object)
	p := m.paramsProto
	method := func(name string, fn func(p *paramsObject, call goja.FunctionCall) goja.Value) {
		must(p.Set(name, func(call goja.FunctionCall) goja.Value { return fn(m.thisParams(call), call) }))
	}
	method("append", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		name, value := m.nameValue(call)
		p.list = append(p.list, pair{name, value})
		p.update()
		return goja.Undefined()
	})
	method("delete", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		name, value, byValue := m.nameMaybeValue(call)
		kept := p.list[:0]
		for _, e := range p.list {
			if e.name != name || byValue && e.value != value {
				kept = append(kept, e)
			}
		}
		clear(p.list[len(kept):])
		p.list = kept
		p.update()
		return goja.Undefined()
	})
	method("get", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		name := m.name(call)
		for _, e := range p.list {
			if e.name == name {
				return vm.ToValue(e.value)
			}
		}
		return goja.Null()
	})
	method("getAll", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		name := m.name(call)
		values := []any{}
		for _, e := range p.list {
			if e.name == name {
				values = append(values, e.value)
			}
		}
		return vm.NewArray(values...)
	})
	method("has", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		name, value, byValue := m.nameMaybeValue(call)
		for _, e := range p.list {
			if e.name == name && (!byValue || e.value == value) {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	method("set", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		name, value := m.nameValue(call)
		// The first entry with the name takes the value; the others go.
		found := false
		kept := p.list[:0]
		for _, e := range p.list {
			if e.name == name {
				if found {
					continue
				}
				found, e.value = true, value
			}
			kept = append(kept, e)
		}
		clear(p.list[len(kept):])
		p.list = kept
		if !found {
			p.list = append(p.list, pair{name, value})
		}
		p.update()
		return goja.Undefined()
	})
	method("sort", func(p *paramsObject, _ goja.FunctionCall) goja.Value {
		sortForm(p.list)
		p.update()
		return goja.Undefined()
	})
	method("toString", func(p *paramsObject, _ goja.FunctionCall) goja.Value {
		return vm.ToValue(serializeForm(p.list))
	})
	method("forEach", func(p *paramsObject, call goja.FunctionCall) goja.Value {
		cb, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(nodeerr.InvalidArgType(m.vm, "callback", "of type function", call.Argument(0)))
		}
		// The callback may change the list; like Node, re-read its length on every step.
		for i := 0; i < len(p.list); i++ {
			e := p.list[i]
			if _, err := cb(call.Argument(1), vm.ToValue(e.value), vm.ToValue(e.name), call.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	for name, kind := range map[string]iterKind{"entries": iterEntries, "keys": iterKeys, "values": iterValues} {
		method(name, func(p *paramsObject, _ goja.FunctionCall) goja.Value { return m.newIterator(p, kind) })
	}
	must(p.SetSymbol(goja.SymIterator, p.Get("entries")))
	must(p.DefineAccessorProperty("size", vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(len(m.thisParams(call).list))
	}), nil, goja.FLAG_TRUE, goja.FLAG_TRUE))
	must(p.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("URLSearchParams"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	entries, err := vm.RunString("(obj => Object.keys(obj).flatMap(k => [k, obj[k]]))")
	must(err)
	m.recordEntries, _ = goja.AssertFunction(entries)
	m.defineIteratorProto()
}

// constructParams is new URLSearchParams(init?): init may be a query string (a leading '?' is
// dropped), an iterable of [name, value] pairs (another URLSearchParams, a Map, an array), or a
// record of own enumerable string properties.
func (m *module) constructParams(this *goja.Object, args []goja.Value) {
	p := &paramsObject{}
	init := argAt(args, 0)
	switch obj, isObj := init.(*goja.Object); {
	case goja.IsUndefined(init) || goja.IsNull(init):
	case isObj:
		if other, ok := stateOf[*paramsObject](m, obj); ok {
			p.list = append([]pair(nil), other.list...)
		} else if it := obj.GetSymbol(goja.SymIterator); it != nil && !goja.IsUndefined(it) {
			p.list = m.pairsFromIterable(obj, it)
		} else {
			p.list = m.pairsFromRecord(obj)
		}
	default:
		s := m.str(init)
		if len(s) > 0 && s[0] == '?' {
			s = s[1:]
		}
		p.list = parseForm(s)
	}
	m.attach(this, p)
}

func (m *module) pairsFromIterable(obj *goja.Object, method goja.Value) []pair {
	if _, ok := goja.AssertFunction(method); !ok {
		panic(m.codedError("ERR_ARG_NOT_ITERABLE", "Query pairs must be iterable"))
	}
	badTuple := func() *goja.Object {
		return m.codedError("ERR_INVALID_TUPLE", "Each query pair must be an iterable [name, value] tuple")
	}
	// Exhaust the outer iterator before converting anything, as Node does.
	var tuples [][]goja.Value
	m.vm.ForOf(obj, func(v goja.Value) bool {
		tuple, ok := v.(*goja.Object)
		if !ok {
			panic(badTuple())
		}
		if _, ok := goja.AssertFunction(tuple.GetSymbol(goja.SymIterator)); !ok {
			panic(badTuple())
		}
		var items []goja.Value
		m.vm.ForOf(tuple, func(item goja.Value) bool {
			items = append(items, item)
			return true
		})
		tuples = append(tuples, items)
		return true
	})
	list := make([]pair, 0, len(tuples))
	for _, t := range tuples {
		if len(t) != 2 {
			panic(badTuple())
		}
		list = append(list, pair{m.str(t[0]), m.str(t[1])})
	}
	return list
}

// pairsFromRecord reads own enumerable string keys; keys that become equal once lone surrogates are
// replaced keep the first position and the last value, as in Node.
func (m *module) pairsFromRecord(obj *goja.Object) []pair {
	// Keys are read as JS strings: a key with a lone surrogate must still find its value.
	entries, err := m.recordEntries(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	flat := entries.(*goja.Object)
	n := int(flat.Get("length").ToInteger())
	var list []pair
	index := map[string]int{}
	for i := 0; i+1 < n; i += 2 {
		key, value := m.str(flat.Get(strconv.Itoa(i))), m.str(flat.Get(strconv.Itoa(i+1)))
		if i, seen := index[key]; seen {
			list[i].value = value
			continue
		}
		index[key] = len(list)
		list = append(list, pair{key, value})
	}
	return list
}

func (m *module) thisParams(call goja.FunctionCall) *paramsObject {
	p, ok := stateOf[*paramsObject](m, call.This)
	if !ok {
		panic(m.codedError("ERR_INVALID_THIS", `Value of "this" must be of type URLSearchParams`))
	}
	return p
}

// newParams makes the URLSearchParams object of a URL.
func (m *module) newParams(p *paramsObject) *goja.Object {
	obj := m.vm.NewObject()
	must(obj.SetPrototype(m.paramsProto))
	m.attach(obj, p)
	return obj
}

func (m *module) name(call goja.FunctionCall) string {
	if len(call.Arguments) < 1 {
		panic(m.codedError("ERR_MISSING_ARGS", `The "name" argument must be specified`))
	}
	return m.str(call.Arguments[0])
}

func (m *module) nameValue(call goja.FunctionCall) (string, string) {
	if len(call.Arguments) < 2 {
		panic(m.codedError("ERR_MISSING_ARGS", `The "name" and "value" arguments must be specified`))
	}
	return m.str(call.Arguments[0]), m.str(call.Arguments[1])
}

// nameMaybeValue reads the arguments of delete and has, whose value is optional (undefined counts as
// absent).
func (m *module) nameMaybeValue(call goja.FunctionCall) (name, value string, byValue bool) {
	name = m.name(call)
	if v := call.Argument(1); !goja.IsUndefined(v) {
		return name, m.str(v), true
	}
	return name, "", false
}

// defineIteratorProto creates the prototype of URLSearchParams iterators, inheriting
// %IteratorPrototype% (and so its [Symbol.iterator] returning this).
func (m *module) defineIteratorProto() {
	vm := m.vm
	arrayIter, err := vm.RunString("Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))")
	must(err)
	m.iterProto = vm.NewObject()
	must(m.iterProto.SetPrototype(arrayIter.(*goja.Object)))
	next := func(call goja.FunctionCall) goja.Value {
		it, ok := stateOf[*paramsIterator](m, call.This)
		if !ok {
			panic(m.codedError("ERR_INVALID_THIS", `Value of "this" must be of type URLSearchParamsIterator`))
		}
		res := vm.NewObject()
		if it.index >= len(it.params.list) {
			must(res.Set("value", goja.Undefined()))
			must(res.Set("done", true))
			return res
		}
		e := it.params.list[it.index]
		it.index++
		var value any
		switch it.kind {
		case iterKeys:
			value = e.name
		case iterValues:
			value = e.value
		default:
			value = vm.NewArray(e.name, e.value)
		}
		must(res.Set("value", value))
		must(res.Set("done", false))
		return res
	}
	must(m.iterProto.DefineDataProperty("next", vm.ToValue(next), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE))
	must(m.iterProto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("URLSearchParams Iterator"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

func (m *module) newIterator(p *paramsObject, kind iterKind) *goja.Object {
	obj := m.vm.NewObject()
	must(obj.SetPrototype(m.iterProto))
	m.attach(obj, &paramsIterator{params: p, kind: kind})
	return obj
}
