package express

import (
	"errors"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// qsOptions are the qs.parse options Express and body-parser use (allowPrototypes is always on).
type qsOptions struct {
	depth          int
	parameterLimit int
	arrayLimit     int
	strictDepth    bool
}

// queryOptions are the extended query parser of Luker's lock (express 4.22.1 with qs 6.14.2): qs
// defaults, so arrayLimit 20 applies to indices and to repeated keys alike (a 21st value turns the
// array into an object). express 4.22.2 raised it to 1000; Luker does not run that version.
var queryOptions = qsOptions{depth: 5, parameterLimit: 1000, arrayLimit: 20}

// errQSDepth is qs's strictDepth RangeError.
var errQSDepth = errors.New("input depth exceeded depth option")

// qs values are Go data, built off the loop when needed and turned into JS on the loop: string, bool
// (a key merged into an object becomes `key: true`), *qsObject or *qsArray.
type qsValue any

// qsObject is an ordered JS object. overflow marks an array that outgrew arrayLimit and became an
// object; maxIndex is then its highest index.
type qsObject struct {
	keys     []string
	vals     map[string]qsValue
	overflow bool
	maxIndex int
}

// qsArray is a JS array; nil items are holes.
type qsArray struct{ items []qsValue }

func newQSObject() *qsObject { return &qsObject{vals: map[string]qsValue{}} }

func (o *qsObject) has(k string) bool { _, ok := o.vals[k]; return ok }

func (o *qsObject) set(k string, v qsValue) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// arrayIndex reports whether k is a JS array index, which JS orders before other keys.
func arrayIndex(k string) (uint64, bool) {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	if err != nil || n >= 1<<32-1 {
		return 0, false
	}
	return n, true
}

// anyKeyHas reports whether a key contains c.
func (o *qsObject) anyKeyHas(c byte) bool {
	for _, k := range o.keys {
		if strings.IndexByte(k, c) >= 0 {
			return true
		}
	}
	return false
}

// ordered returns the keys in JS property order: array indexes ascending, then insertion order.
func (o *qsObject) ordered() []string {
	var idx []string
	var rest []string
	for _, k := range o.keys {
		if _, ok := arrayIndex(k); ok {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	if len(idx) == 0 {
		return o.keys
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0; j-- {
			a, _ := arrayIndex(idx[j-1])
			b, _ := arrayIndex(idx[j])
			if a <= b {
				break
			}
			idx[j-1], idx[j] = idx[j], idx[j-1]
		}
	}
	return append(idx, rest...)
}

// qsDecode is qs's decoder: '+' is a space, then decodeURIComponent, keeping the text on failure.
func qsDecode(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	if d, ok := decodeURIComponent(s); ok {
		return d
	}
	return s
}

// replaceBrackets is qs's .replace(/%5B/gi, '[').replace(/%5D/gi, ']').
func replaceBrackets(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && s[i+1] == '5' {
			switch s[i+2] {
			case 'B', 'b':
				b.WriteByte('[')
				i += 2
				continue
			case 'D', 'd':
				b.WriteByte(']')
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// parseQS is qs.parse(str, opts).
func parseQS(str string, opts qsOptions) *qsObject {
	obj, _ := parseQSStrict(str, opts)
	return obj
}

// parseQSStrict is parseQS reporting errQSDepth when strictDepth is set and a key is too deep.
func parseQSStrict(str string, opts qsOptions) (*qsObject, error) {
	out := newQSObject()
	if str == "" {
		return out, nil
	}
	temp := newQSObject()
	parts := strings.Split(replaceBrackets(str), "&")
	if len(parts) > opts.parameterLimit {
		parts = parts[:opts.parameterLimit]
	}
	for _, part := range parts {
		pos := strings.Index(part, "]=")
		if pos >= 0 {
			pos++
		} else {
			pos = strings.IndexByte(part, '=')
		}
		var key string
		var val qsValue
		if pos < 0 {
			key, val = qsDecode(part), ""
		} else {
			key, val = qsDecode(part[:pos]), qsDecode(part[pos+1:])
		}
		if temp.has(key) {
			temp.set(key, qsCombine(temp.vals[key], val, opts))
		} else {
			temp.set(key, val)
		}
	}
	if !temp.anyKeyHas('[') {
		// Without brackets every key is its own top-level property and the merge below only copies
		// temp in order, leaving out what parseQSKey drops (an empty key, __proto__); a plain query
		// string is the common case, so it skips building and merging a one-key object per key.
		for _, key := range temp.ordered() {
			if key != "" && key != "__proto__" {
				out.set(key, temp.vals[key])
			}
		}
		return out, nil
	}
	var merged qsValue = out
	for _, key := range temp.ordered() {
		v, err := parseQSKey(key, temp.vals[key], opts)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		merged = qsMerge(merged, v, opts)
	}
	res, ok := qsCompact(merged).(*qsObject)
	if !ok {
		return out, nil
	}
	return res, nil
}

// qsCombine is utils.combine: [].concat(a, b), an object once it passes arrayLimit; b is added at the
// next index of an a that has already overflowed.
func qsCombine(a, b qsValue, opts qsOptions) qsValue {
	if o, ok := a.(*qsObject); ok && o.overflow {
		o.maxIndex++
		o.set(itoa(o.maxIndex), b)
		return o
	}
	arr := &qsArray{}
	for _, v := range []qsValue{a, b} {
		if x, ok := v.(*qsArray); ok {
			arr.items = append(arr.items, x.items...)
		} else {
			arr.items = append(arr.items, v)
		}
	}
	if len(arr.items) > opts.arrayLimit {
		return overflowObject(arr)
	}
	return arr
}

// overflowObject is arrayToObject marked as an overflowed array.
func overflowObject(arr *qsArray) *qsObject {
	obj := arrayToObject(arr)
	obj.overflow = true
	obj.maxIndex = len(arr.items) - 1
	return obj
}

func arrayToObject(arr *qsArray) *qsObject {
	obj := newQSObject()
	for i, v := range arr.items {
		if v != nil {
			obj.set(itoa(i), v)
		}
	}
	return obj
}

// nextBracket finds the next match of /\[[^[\]]*]/ at or after from.
func nextBracket(key string, from int) (start, end int, ok bool) {
	for i := from; i < len(key); i++ {
		if key[i] != '[' {
			continue
		}
		for j := i + 1; j < len(key); j++ {
			if key[j] == '[' {
				break
			}
			if key[j] == ']' {
				return i, j + 1, true
			}
		}
	}
	return 0, 0, false
}

// parseQSKey is qs's parseKeys followed by parseObject: "a[b][]" with its value becomes a nested value.
func parseQSKey(key string, val qsValue, opts qsOptions) (qsValue, error) {
	if key == "" {
		return nil, nil
	}
	var chain []string
	start, _, found := nextBracket(key, 0)
	found = found && opts.depth > 0
	parent := key
	if found {
		parent = key[:start]
	}
	if parent != "" {
		chain = append(chain, parent)
	}
	pos, i := 0, 0
	var segStart int
	segFound := false
	for opts.depth > 0 {
		s, e, ok := nextBracket(key, pos)
		segFound, segStart = ok, s
		if !ok || i >= opts.depth {
			break
		}
		i++
		chain = append(chain, key[s:e])
		pos = e
	}
	if segFound {
		if opts.strictDepth {
			return nil, errQSDepth
		}
		chain = append(chain, "["+key[segStart:]+"]")
	}
	return qsParseObject(chain, val, opts), nil
}

func qsParseObject(chain []string, leaf qsValue, opts qsOptions) qsValue {
	for i := len(chain) - 1; i >= 0; i-- {
		root := chain[i]
		if root == "[]" {
			if o, ok := leaf.(*qsObject); !ok || !o.overflow {
				leaf = qsCombine(&qsArray{}, leaf, opts)
			}
			continue
		}
		clean := root
		if strings.HasPrefix(root, "[") && strings.HasSuffix(root, "]") && len(root) >= 2 {
			clean = root[1 : len(root)-1]
		}
		if n, err := strconv.Atoi(clean); err == nil && root != clean && strconv.Itoa(n) == clean && n >= 0 {
			if n < opts.arrayLimit {
				arr := &qsArray{items: make([]qsValue, n+1)}
				arr.items[n] = leaf
				leaf = arr
				continue
			}
			// An index at or past arrayLimit makes an object that later values extend by index.
			obj := newQSObject()
			obj.set(clean, leaf)
			obj.overflow, obj.maxIndex = true, n
			leaf = obj
			continue
		}
		obj := newQSObject()
		if clean != "__proto__" {
			obj.set(clean, leaf)
		}
		leaf = obj
	}
	return leaf
}

func isQSObjectLike(v qsValue) bool {
	switch v.(type) {
	case *qsObject, *qsArray:
		return true
	}
	return false
}

// qsMerge is qs's utils.merge with allowPrototypes.
func qsMerge(target, source qsValue, opts qsOptions) qsValue {
	if source == nil || source == "" {
		return target // `if (!source)`: an empty string adds nothing
	}
	if !isQSObjectLike(source) {
		switch t := target.(type) {
		case *qsArray:
			if len(t.items) > opts.arrayLimit {
				return overflowObject(&qsArray{items: append(append([]qsValue(nil), t.items...), source)})
			}
			t.items = append(t.items, source)
			return t
		case *qsObject:
			if t.overflow {
				t.maxIndex++
				t.set(itoa(t.maxIndex), source)
				return t
			}
			if s, ok := source.(string); ok {
				t.set(s, true)
			}
			return t
		}
		return &qsArray{items: []qsValue{target, source}}
	}
	if !isQSObjectLike(target) {
		if so, ok := source.(*qsObject); ok && so.overflow {
			res := newQSObject()
			res.set("0", target)
			for _, k := range so.ordered() {
				n, _ := strconv.Atoi(k)
				res.set(itoa(n+1), so.vals[k])
			}
			res.overflow, res.maxIndex = true, so.maxIndex+1
			return res
		}
		arr := &qsArray{items: []qsValue{target}}
		if sa, ok := source.(*qsArray); ok {
			arr.items = append(arr.items, sa.items...)
		} else {
			arr.items = append(arr.items, source)
		}
		if len(arr.items) > opts.arrayLimit {
			return overflowObject(arr)
		}
		return arr
	}
	ta, tIsArr := target.(*qsArray)
	sa, sIsArr := source.(*qsArray)
	if tIsArr && sIsArr {
		for i, item := range sa.items {
			if item == nil {
				continue // forEach skips holes
			}
			if i < len(ta.items) && ta.items[i] != nil {
				if isQSObjectLike(ta.items[i]) && isQSObjectLike(item) {
					ta.items[i] = qsMerge(ta.items[i], item, opts)
				} else {
					ta.items = append(ta.items, item)
				}
			} else {
				for len(ta.items) <= i {
					ta.items = append(ta.items, nil)
				}
				ta.items[i] = item
			}
		}
		return ta // arrays merged by index grow past arrayLimit in qs too
	}
	var acc *qsObject
	if tIsArr {
		acc = arrayToObject(ta)
	} else {
		acc = target.(*qsObject)
	}
	var srcObj *qsObject
	if sIsArr {
		srcObj = arrayToObject(sa)
	} else {
		srcObj = source.(*qsObject)
	}
	for _, k := range srcObj.ordered() {
		v := srcObj.vals[k]
		if acc.has(k) {
			acc.set(k, qsMerge(acc.vals[k], v, opts))
		} else {
			acc.set(k, v)
		}
		if srcObj.overflow && !acc.overflow {
			acc.overflow, acc.maxIndex = true, srcObj.maxIndex
		}
		if acc.overflow {
			if n, ok := arrayIndex(k); ok && int(n) > acc.maxIndex {
				acc.maxIndex = int(n)
			}
		}
	}
	return acc
}

// qsCompact is utils.compact: arrays lose their holes, recursively.
func qsCompact(v qsValue) qsValue {
	switch x := v.(type) {
	case *qsArray:
		out := &qsArray{items: make([]qsValue, 0, len(x.items))}
		for _, it := range x.items {
			if it != nil {
				out.items = append(out.items, qsCompact(it))
			}
		}
		return out
	case *qsObject:
		for k, it := range x.vals {
			x.vals[k] = qsCompact(it)
		}
		return x
	}
	return v
}

// qsToValue builds the JS value of a parsed query or form on the loop.
func qsToValue(vm *goja.Runtime, v qsValue) goja.Value {
	switch x := v.(type) {
	case string:
		return vm.ToValue(x)
	case bool:
		return vm.ToValue(x)
	case *qsArray:
		items := make([]any, len(x.items))
		for i, it := range x.items {
			items[i] = qsToValue(vm, it)
		}
		return vm.NewArray(items...)
	case *qsObject:
		obj := vm.NewObject()
		for _, k := range x.keys {
			_ = obj.Set(k, qsToValue(vm, x.vals[k]))
		}
		return obj
	}
	return goja.Undefined()
}
