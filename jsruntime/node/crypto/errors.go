package crypto

import (
	"math"
	"math/big"
	"regexp"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/inspect"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// argType is Node's ERR_INVALID_ARG_TYPE for a list of accepted types, worded as Node words it:
// lower-case primitive types first ("of type string"), then classes ("an instance of Buffer,
// TypedArray, or DataView"), then anything else ("a safe integer").
func argType(vm *goja.Runtime, name string, expected []string, got goja.Value) *goja.Object {
	return nodeerr.InvalidArgType(vm, name, expectedPhrase(expected), got)
}

// primitiveTypes are the names Node's message lists as "of type ...".
var primitiveTypes = map[string]bool{
	"string": true, "function": true, "number": true, "object": true, "Function": true,
	"Object": true, "boolean": true, "bigint": true, "symbol": true,
}

var className = regexp.MustCompile(`^([A-Z][a-z0-9]*)+$`)

func expectedPhrase(expected []string) string {
	var types, instances, other []string
	for _, e := range expected {
		switch {
		case primitiveTypes[e]:
			types = append(types, strings.ToLower(e))
		case className.MatchString(e):
			instances = append(instances, e)
		default:
			other = append(other, e)
		}
	}
	// With classes listed, a plain object is named as the class Object.
	if len(instances) > 0 {
		for i, t := range types {
			if t == "object" {
				types = append(types[:i], types[i+1:]...)
				instances = append(instances, "Object")
				break
			}
		}
	}
	var b strings.Builder
	if len(types) > 0 {
		switch len(types) {
		case 1:
			b.WriteString("of type " + types[0])
		case 2:
			b.WriteString("one of type " + types[0] + " or " + types[1])
		default:
			b.WriteString("one of type " + list(types))
		}
		if len(instances) > 0 || len(other) > 0 {
			b.WriteString(" or ")
		}
	}
	if len(instances) > 0 {
		switch len(instances) {
		case 1:
			b.WriteString("an instance of " + instances[0])
		case 2:
			b.WriteString("an instance of " + instances[0] + " or " + instances[1])
		default:
			b.WriteString("an instance of " + list(instances))
		}
		if len(other) > 0 {
			b.WriteString(" or ")
		}
	}
	switch len(other) {
	case 0:
	case 1:
		if strings.ToLower(other[0]) != other[0] {
			b.WriteString("an ")
		}
		b.WriteString(other[0])
	case 2:
		b.WriteString("one of " + other[0] + " or " + other[1])
	default:
		b.WriteString("one of " + list(other))
	}
	return b.String()
}

// list joins "a, b, or c".
func list(items []string) string {
	return strings.Join(items[:len(items)-1], ", ") + ", or " + items[len(items)-1]
}

// outOfRange is Node's ERR_OUT_OF_RANGE RangeError: `The value of "name" is out of range. It must be
// <bounds>. Received <value>`. Integers beyond 2^32 are shown with digit separators, as Node does.
func outOfRange(vm *goja.Runtime, name, bounds string, got goja.Value) *goja.Object {
	return nodeerr.New(vm, "RangeError", "ERR_OUT_OF_RANGE",
		`The value of "`+name+`" is out of range. It must be `+bounds+". Received "+received(vm, got))
}

func received(vm *goja.Runtime, v goja.Value) string {
	if goja.IsNumber(v) {
		f := v.ToFloat()
		if f == math.Trunc(f) && math.Abs(f) > 1<<32 && !math.IsInf(f, 0) {
			return separated(inspect.Number(f))
		}
	}
	if goja.IsBigInt(v) {
		s := v.String()
		if n, ok := v.Export().(*big.Int); ok && n.CmpAbs(twoTo32) > 0 {
			s = separated(s)
		}
		return s + "n"
	}
	return inspect.Value(vm, v, inspect.Defaults)
}

var twoTo32 = new(big.Int).Lsh(big.NewInt(1), 32)

// separated groups the digits of an integer's decimal form in threes with underscores, as Node's
// addNumericalSeparator does.
func separated(s string) string {
	start := 0
	if strings.HasPrefix(s, "-") {
		start = 1
	}
	res := ""
	i := len(s)
	for ; i >= start+4; i -= 3 {
		res = "_" + s[i-3:i] + res
	}
	return s[:i] + res
}

// osslError is the Error Node throws for an OpenSSL failure: the OpenSSL error string as message and
// library, reason and an ERR_OSSL_* code as properties.
func osslError(vm *goja.Runtime, msg, library, reason, code string) *goja.Object {
	e := plainError(vm, msg)
	_ = e.Set("library", library)
	_ = e.Set("reason", reason)
	_ = e.Set("code", code)
	return e
}

// plainError is an Error without a code, as Node's C++ layer throws for some failures ("Digest method
// not supported", "Unsupported state or unable to authenticate data").
func plainError(vm *goja.Runtime, msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	e, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return e
}

// invalidState is ERR_CRYPTO_INVALID_STATE as Node's C++ layer throws it, with its bare message.
func invalidState(vm *goja.Runtime) *goja.Object {
	return nodeerr.New(vm, "Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state")
}

// The errors of the OpenSSL failures a plugin can provoke with bad input.
var (
	errBadDecrypt = [3]string{"error:1C800064:Provider routines::bad decrypt", "bad decrypt", "ERR_OSSL_BAD_DECRYPT"}
	errFinalBlock = [3]string{"error:1C80006B:Provider routines::wrong final block length", "wrong final block length",
		"ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"}
)

func providerError(vm *goja.Runtime, e [3]string) *goja.Object {
	return osslError(vm, e[0], "Provider routines", e[1], e[2])
}
