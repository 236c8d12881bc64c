package buffer

import (
	"fmt"

	"github.com/dop251/goja"
)

// nodeError builds an error like Node's internal ones: an instance of the named constructor (TypeError,
// RangeError) with a code property, whose stack starts "TypeError [CODE]: message".
func (s *state) nodeError(ctorName, code, msg string) *goja.Object {
	ctor, ok := goja.AssertConstructor(s.vm.Get(ctorName))
	if !ok {
		return s.vm.NewTypeError(msg)
	}
	e, err := ctor(nil, s.vm.ToValue(msg))
	if err != nil {
		return s.vm.NewTypeError(msg)
	}
	_ = e.Set("code", code)
	return e
}

func (s *state) argTypeError(name, expected string, got goja.Value) *goja.Object {
	return s.nodeError("TypeError", "ERR_INVALID_ARG_TYPE",
		fmt.Sprintf("The %q argument must be %s. Received %s", name, expected, Received(got)))
}

func (s *state) outOfRange(name, bounds string, got any) *goja.Object {
	return s.nodeError("RangeError", "ERR_OUT_OF_RANGE",
		fmt.Sprintf("The value of %q is out of range. It must be %s. Received %v", name, bounds, got))
}

func (s *state) unknownEncoding(name string) *goja.Object {
	return s.nodeError("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+name)
}

// Received describes a value the way Node's ERR_INVALID_ARG_TYPE messages do ("type number (5)",
// "an instance of Object", "undefined").
func Received(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if obj, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(obj); isFn {
			return fmt.Sprintf("function %s", obj.Get("name"))
		}
		if c, ok := obj.Get("constructor").(*goja.Object); ok {
			if name := c.Get("name"); name != nil && name.String() != "" {
				return "an instance of " + name.String()
			}
		}
		return "an instance of Object"
	}
	switch {
	case goja.IsString(v):
		str := v.String()
		if len(str) > 25 {
			str = str[:25] + "..."
		}
		return fmt.Sprintf("type string ('%s')", str)
	case goja.IsNumber(v):
		return fmt.Sprintf("type number (%s)", v)
	case goja.IsBigInt(v):
		return fmt.Sprintf("type bigint (%sn)", v)
	}
	if _, ok := v.(*goja.Symbol); ok {
		return fmt.Sprintf("type symbol (%s)", v)
	}
	return fmt.Sprintf("type boolean (%s)", v)
}
