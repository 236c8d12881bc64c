package jsruntime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"sort"

	"github.com/dop251/goja"
)

// PlainValue converts Go data the host hands to a plugin (request context, event arguments) into new
// JavaScript values owned by vm, which plugin code may keep, change, spread or clone like any value
// it made itself:
//
//   - nil is null;
//   - a json.Marshaler (json.RawMessage included) is what JSON.parse makes of its JSON, keys in the
//     order the JSON has them, which is how a host keeps a key order Go maps cannot;
//   - a *url.URL is a WHATWG URL object when the runtime has the URL global, else its string;
//   - a map with string keys is a plain object, its keys in sorted order; a slice or an array is an
//     Array; both converted element by element;
//   - anything else (strings, numbers, booleans) is what vm.ToValue makes of it.
//
// Must be called on the loop that owns vm.
func PlainValue(vm *goja.Runtime, v any) (goja.Value, error) {
	switch x := v.(type) {
	case nil:
		return goja.Null(), nil
	case json.Marshaler:
		data, err := x.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("jsruntime: marshal %T: %w", v, err)
		}
		return jsonValue(vm, data)
	case *url.URL:
		if x == nil {
			return goja.Null(), nil
		}
		if ctor, ok := goja.AssertConstructor(vm.Get("URL")); ok {
			return ctor(nil, vm.ToValue(x.String()))
		}
		return vm.ToValue(x.String()), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		if rv.IsNil() {
			return goja.Null(), nil
		}
		keys := make([]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		obj := vm.NewObject()
		for _, k := range keys {
			e, err := PlainValue(vm, rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface())
			if err != nil {
				return nil, err
			}
			setOwn(obj, k, e)
		}
		return obj, nil
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return goja.Null(), nil
		}
		elems := make([]any, rv.Len())
		for i := range elems {
			e, err := PlainValue(vm, rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			elems[i] = e
		}
		return vm.NewArray(elems...), nil
	}
	return vm.ToValue(v), nil
}

// jsonValue builds the value JSON.parse would make of data, without calling into JS (a plugin may
// have replaced JSON.parse): objects keep the order of their keys.
func jsonValue(vm *goja.Runtime, data []byte) (goja.Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := jsonNext(vm, dec)
	if err != nil {
		return nil, fmt.Errorf("jsruntime: decode JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("jsruntime: decode JSON: data after the value")
	}
	return v, nil
}

func jsonNext(vm *goja.Runtime, dec *json.Decoder) (goja.Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			var elems []any
			for dec.More() {
				e, err := jsonNext(vm, dec)
				if err != nil {
					return nil, err
				}
				elems = append(elems, e)
			}
			_, err := dec.Token()
			return vm.NewArray(elems...), err
		}
		obj := vm.NewObject()
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			e, err := jsonNext(vm, dec)
			if err != nil {
				return nil, err
			}
			setOwn(obj, k.(string), e)
		}
		_, err := dec.Token()
		return obj, err
	case json.Number:
		f, err := t.Float64()
		return vm.ToValue(f), err
	case nil:
		return goja.Null(), nil
	default:
		return vm.ToValue(t), nil
	}
}

// setOwn defines an own, ordinary property, as JSON.parse does: a key "__proto__" is data, not the
// prototype.
func setOwn(obj *goja.Object, key string, v goja.Value) {
	_ = obj.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}
