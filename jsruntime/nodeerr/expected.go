package nodeerr

import (
	"regexp"
	"strings"
)

// primitiveTypes are the names Node's ERR_INVALID_ARG_TYPE lists as "of type ...".
var primitiveTypes = map[string]bool{
	"string": true, "function": true, "number": true, "object": true, "Function": true,
	"Object": true, "boolean": true, "bigint": true, "symbol": true,
}

var className = regexp.MustCompile(`^([A-Z][a-z0-9]*)+$`)

// Expected words the types an argument accepts as Node's ERR_INVALID_ARG_TYPE does, for
// InvalidArgType's expected: lower-case primitive types first ("of type string"), then classes ("an
// instance of Buffer, TypedArray, or DataView"), then anything else ("a safe integer"). With classes
// listed, "object" is named as the class Object.
func Expected(types ...string) string {
	var prims, instances, other []string
	for _, e := range types {
		switch {
		case primitiveTypes[e]:
			prims = append(prims, strings.ToLower(e))
		case className.MatchString(e):
			instances = append(instances, e)
		default:
			other = append(other, e)
		}
	}
	if len(instances) > 0 {
		for i, t := range prims {
			if t == "object" {
				prims = append(prims[:i], prims[i+1:]...)
				instances = append(instances, "Object")
				break
			}
		}
	}
	var b strings.Builder
	if len(prims) > 0 {
		switch len(prims) {
		case 1:
			b.WriteString("of type " + prims[0])
		case 2:
			b.WriteString("one of type " + prims[0] + " or " + prims[1])
		default:
			b.WriteString("one of type " + list(prims))
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
