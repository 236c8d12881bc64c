package express

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// FuzzQS parses arbitrary query strings with Express's query options, with small fuzzed limits, and
// as body-parser's extended urlencoded parser does. Nothing may panic, and:
//   - parameterLimit: only the first parameterLimit '&'-separated parts count, so the result equals
//     that of the truncated string;
//   - depth: containers nest at most depth+3 deep (the root, the parent key, depth bracket segments,
//     the remainder segment, and a repeated key's array), and strictDepth refuses deeper keys;
//   - arrayLimit and the rest: no amplification. Each part gives at most one leaf, arrays have no
//     holes and are never longer than the leaves, so an index like a[99999999] cannot make a huge
//     array;
//   - the JavaScript value is a plain tree: ordinary objects and arrays of strings and true, with
//     the same content as the Go tree and Object.prototype untouched.
func FuzzQS(f *testing.F) {
	for _, q := range []string{
		"a=1&b=2", "a[b][c]=d", "a[]=1&a[]=2", "a[0]=x&a[1]=y", "a[1]=x&a[0]=y", "a[99999999]=x",
		"a[21]=x", "a[]=1&a[]=2&a[]=3&a[0]=x&a[1]=y&a[2]=z", "a=b&a[c]=d", "a[c]=d&a=b",
		"a[b][c][d][e][f][g][h][i]=1", "__proto__[x]=1", "a[__proto__][b]=1", "constructor[prototype][x]=1",
		"a%5Bb%5D=c", "a%5bb%5d%3dc", "a[=b", "a]=b", "[]=x", "=x", "&&&", "a=%E0%A4%A", "a+b=c+d",
		"a[b]=1&a=2&a=3", "a=1&a[]=2&a[0][b]=3", "a[0][b]=1&a[0][c]=2", "a[][b]=1&a[][b]=2",
		"a[1]=1&a[1]=2&a[1]=3", "a[b][]=1&a[b][]=2", "a=1&a=2&a=3&a=4&a=5&a=6",
	} {
		f.Add(q, uint8(5), uint8(20), uint8(20), false)
		f.Add(q, uint8(1), uint8(2), uint8(1), true)
	}
	var (
		once  sync.Once
		vm    *goja.Runtime
		check goja.Callable
	)
	f.Fuzz(func(t *testing.T, query string, depth, paramLimit, arrayLimit uint8, strict bool) {
		defer noHang()()
		if len(query) > 4096 {
			return
		}
		once.Do(func() { vm, check = newTreeChecker() })
		small := qsOptions{depth: int(depth % 8), parameterLimit: int(paramLimit%64) + 1, arrayLimit: int(arrayLimit % 32), strictDepth: strict}
		for _, opts := range []qsOptions{queryOptions, small} {
			obj, err := parseQSStrict(query, opts)
			if err != nil {
				if !opts.strictDepth || err != errQSDepth {
					t.Fatalf("parse %q with %+v: %v", query, opts, err)
				}
				continue
			}
			checkQSTree(t, query, opts, obj)
			checkQSParameterLimit(t, query, opts, obj)
			if utf8.ValidString(query) {
				// goja makes U+FFFD of bytes that are not UTF-8, so only valid text compares equal.
				checkQSValue(t, vm, check, query, opts, obj)
			}
		}
		form, perr := parseForm(query, true, formLimits{parameters: int(paramLimit%64) + 1, depth: int(depth % 8)})
		switch {
		case perr == nil:
			checkQSTree(t, query, qsOptions{depth: int(depth % 8), parameterLimit: int(paramLimit%64) + 1}, form)
		case perr.status != 413 && perr.status != 400:
			t.Fatalf("form %q: %+v", query, perr)
		}
	})
}

// checkQSTree checks the shape bounds of a parse result.
func checkQSTree(t *testing.T, query string, opts qsOptions, obj *qsObject) {
	t.Helper()
	parts := len(strings.Split(query, "&"))
	if query == "" {
		parts = 0
	}
	parts = min(parts, opts.parameterLimit)
	var leaves, containers, maxDepth int
	var walk func(v qsValue, level int)
	walk = func(v qsValue, level int) {
		switch x := v.(type) {
		case string, bool:
			leaves++
		case *qsObject:
			containers++
			maxDepth = max(maxDepth, level)
			if len(x.keys) != len(x.vals) {
				t.Fatalf("%q: object keys %q and values %d disagree", query, x.keys, len(x.vals))
			}
			for _, k := range x.keys {
				walk(x.vals[k], level+1)
			}
		case *qsArray:
			containers++
			maxDepth = max(maxDepth, level)
			for i, it := range x.items {
				if it == nil {
					t.Fatalf("%q: array has a hole at %d", query, i)
				}
				walk(it, level+1)
			}
		default:
			t.Fatalf("%q: value of type %T in the tree", query, v)
		}
	}
	walk(obj, 1)
	if leaves > parts {
		t.Fatalf("%q with %+v: %d leaves from %d parts", query, opts, leaves, parts)
	}
	if maxDepth > opts.depth+3 {
		t.Fatalf("%q with %+v: containers nest %d deep", query, opts, maxDepth)
	}
	if containers > parts*(opts.depth+3)+1 {
		t.Fatalf("%q with %+v: %d containers from %d parts", query, opts, containers, parts)
	}
}

// checkQSParameterLimit compares the result with that of the string cut to parameterLimit parts.
func checkQSParameterLimit(t *testing.T, query string, opts qsOptions, obj *qsObject) {
	t.Helper()
	parts := strings.Split(replaceBrackets(query), "&")
	if len(parts) <= opts.parameterLimit {
		return
	}
	cut, err := parseQSStrict(strings.Join(parts[:opts.parameterLimit], "&"), opts)
	if err != nil {
		t.Fatalf("%q cut to %d parameters: %v", query, opts.parameterLimit, err)
	}
	if got, want := qsPlain(obj), qsPlain(cut); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q with parameterLimit %d: %v, but the first parameters alone give %v", query, opts.parameterLimit, got, want)
	}
}

// checkQSValue converts the tree to JavaScript and checks it there.
func checkQSValue(t *testing.T, vm *goja.Runtime, check goja.Callable, query string, opts qsOptions, obj *qsObject) {
	t.Helper()
	res, err := check(goja.Undefined(), qsToValue(vm, obj))
	if err != nil {
		t.Fatalf("%q with %+v: %v", query, opts, err)
	}
	var got any
	if err := json.Unmarshal([]byte(res.String()), &got); err != nil {
		t.Fatalf("%q: checker result %q: %v", query, res.String(), err)
	}
	if want := qsPlain(obj); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q with %+v: JavaScript value %v, Go tree %v", query, opts, got, want)
	}
}

// newTreeChecker returns a bare runtime and a function that throws unless its argument is a plain
// tree and Object.prototype is as it was, and returns the tree's JSON.
func newTreeChecker() (*goja.Runtime, goja.Callable) {
	vm := goja.New()
	v, err := vm.RunString(`(() => {
		const protoNames = Object.getOwnPropertyNames(Object.prototype).join();
		const walk = (v, path) => {
			if (typeof v === 'string' || v === true) return;
			if (typeof v !== 'object' || v === null) throw new Error(path + ': ' + typeof v);
			if (Array.isArray(v)) {
				if (Object.getPrototypeOf(v) !== Array.prototype) throw new Error(path + ': array prototype');
				for (let i = 0; i < v.length; i++) {
					if (!(i in v)) throw new Error(path + ': hole at ' + i);
					walk(v[i], path + '[' + i + ']');
				}
				return;
			}
			if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error(path + ': object prototype');
			for (const k of Object.getOwnPropertyNames(v)) {
				const d = Object.getOwnPropertyDescriptor(v, k);
				if (!('value' in d) || !d.enumerable || !d.writable || !d.configurable) throw new Error(path + '.' + k + ': not a data property');
				walk(d.value, path + '.' + k);
			}
			if (Object.getOwnPropertySymbols(v).length) throw new Error(path + ': symbol keys');
		};
		return (tree) => {
			walk(tree, '$');
			if (Object.getOwnPropertyNames(Object.prototype).join() !== protoNames) throw new Error('Object.prototype changed');
			return JSON.stringify(tree);
		};
	})()`)
	if err != nil {
		panic(fmt.Sprintf("tree checker: %v", err))
	}
	fn, _ := goja.AssertFunction(v)
	return vm, fn
}

// qsPlain is a qs tree as encoding/json would decode its JSON: maps, slices, strings and true. A
// "__proto__" key is left out, as assigning true to it in JavaScript makes no property.
func qsPlain(v qsValue) any {
	switch x := v.(type) {
	case *qsObject:
		m := map[string]any{}
		for _, k := range x.keys {
			if k != "__proto__" {
				m[k] = qsPlain(x.vals[k])
			}
		}
		return m
	case *qsArray:
		s := make([]any, len(x.items))
		for i, it := range x.items {
			s[i] = qsPlain(it)
		}
		return s
	}
	return v
}

// TestQSMatchesNode compares the parser with qs itself on the queries of FuzzQS's corpus, with
// Express's options and with FuzzQS-sized limits: Node's results are recorded in
// testdata/fuzz/qs-node.golden (go test -run TestQSMatchesNode -update re-records them with
// testdata/fuzz/qs-node.js). The fuzz invariants bound the parser's output; this pins its content.
func TestQSMatchesNode(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "fuzz", "qs-queries.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	vm := goja.New()
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var query string
		if err := json.Unmarshal([]byte(line), &query); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		for _, opts := range []qsOptions{queryOptions, {depth: 2, parameterLimit: 5, arrayLimit: 3}} {
			b, err := qsToValue(vm, parseQS(query, opts)).ToObject(vm).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			out.Write(b)
			out.WriteByte('\n')
		}
	}
	record := exec.Command("node", filepath.Join("testdata", "fuzz", "qs-node.js"))
	jstest.Golden(t, out.String(), filepath.Join("testdata", "fuzz", "qs-node.golden"), record)
}
