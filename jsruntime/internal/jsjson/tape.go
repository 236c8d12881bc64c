package jsjson

import "github.com/dop251/goja"

// jsonKind is what one token of a Tape holds.
type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonFalse
	jsonTrue
	jsonInt   // num, an integer a double holds exactly
	jsonFloat // num
	jsonString
	jsonArray  // n elements follow
	jsonObject // n members follow, each a jsonString name and a value
)

// jsonToken is one value, name or container of a scanned JSON text.
type jsonToken struct {
	kind jsonKind
	n    int
	str  string
	num  float64
}

// Tape is a valid JSON text scanned into tokens, in text order. Scanning needs no runtime, so the
// host's parsers scan a request body on the request's goroutine, and the loop only builds the values
// (Value) when the plugin reads req.body.
type Tape []jsonToken

// tapeFrame is an array or object that Value is building.
type tapeFrame struct {
	obj      *goja.Object // nil for an array
	items    []any        // an array's elements so far
	left     int          // members or elements still to come
	name     string       // the member whose value comes next
	wantName bool
}

// Value builds the goja value of t as JSON.parse does: member names in text order (goja orders
// integer keys first, as V8 does), a repeated name keeping its first place and its last value, and
// every member defined as an own data property (JSON.parse's CreateDataProperty), so that
// "__proto__" is an ordinary name and a setter on Object.prototype is not called. Like the scanner
// it keeps its own stack, so any depth can be built. Must be called on the loop.
func (t Tape) Value(vm *goja.Runtime) goja.Value {
	var stack []tapeFrame
	for i := range t {
		tok := &t[i]
		var v goja.Value
		switch tok.kind {
		case jsonObject:
			if tok.n > 0 {
				stack = append(stack, tapeFrame{obj: vm.NewObject(), left: tok.n, wantName: true})
				continue
			}
			v = vm.NewObject()
		case jsonArray:
			if tok.n > 0 {
				stack = append(stack, tapeFrame{items: make([]any, 0, tok.n), left: tok.n})
				continue
			}
			v = vm.NewArray()
		case jsonString:
			if n := len(stack); n > 0 && stack[n-1].wantName {
				stack[n-1].name, stack[n-1].wantName = tok.str, false
				continue
			}
			v = vm.ToValue(tok.str)
		case jsonInt:
			v = vm.ToValue(int64(tok.num))
		case jsonFloat:
			v = vm.ToValue(tok.num)
		case jsonTrue:
			v = vm.ToValue(true)
		case jsonFalse:
			v = vm.ToValue(false)
		default:
			v = goja.Null()
		}
		// v is complete: it goes into the innermost open value, which it may complete, and so on.
		for {
			n := len(stack)
			if n == 0 {
				return v
			}
			top := &stack[n-1]
			if top.obj != nil {
				_ = top.obj.DefineDataProperty(top.name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
				top.wantName = true
			} else {
				top.items = append(top.items, v)
			}
			if top.left--; top.left > 0 {
				break
			}
			if top.obj != nil {
				v = top.obj
			} else {
				v = vm.NewArray(top.items...)
			}
			stack = stack[:n-1]
		}
	}
	return goja.Undefined()
}
