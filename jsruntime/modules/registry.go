package modules

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// Builtin instantiates a built-in module for one runtime; called at most once per runtime, on the loop.
type Builtin func(rt *jsruntime.Runtime) (goja.Value, error)

// Registry maps built-in module names ("fs", "express") to their constructors. The zero value is an
// empty registry; it is safe for concurrent use and is normally shared by every plugin runtime.
type Registry struct {
	mu       sync.RWMutex
	builtins map[string]Builtin
}

// Register makes b answer require(name) and require("node:"+name). A later Register of the same name
// replaces the earlier one (for runtimes that have not instantiated it yet).
func (r *Registry) Register(name string, b Builtin) {
	name = strings.TrimPrefix(name, "node:")
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.builtins == nil {
		r.builtins = map[string]Builtin{}
	}
	r.builtins[name] = b
}

// lookup finds the builtin a request names, accepting the "node:" prefix. It returns the bare name.
func (r *Registry) lookup(request string) (string, Builtin, bool) {
	name := strings.TrimPrefix(request, "node:")
	r.mu.RLock()
	defer r.mu.RUnlock()
	b, ok := r.builtins[name]
	return name, b, ok
}

// Names lists the registered names, sorted, as module.builtinModules reports them.
func (r *Registry) Names() []string {
	r.mu.RLock()
	names := make([]string, 0, len(r.builtins))
	for name := range r.builtins {
		names = append(names, name)
	}
	r.mu.RUnlock()
	sort.Strings(names)
	return names
}

// builtinKey identifies a builtin's instance among a runtime's values.
type builtinKey string

// builtinSlot holds one runtime's instance of a builtin, or the error its constructor returned, so the
// constructor runs at most once per runtime.
type builtinSlot struct {
	state int // 0 new, 1 constructing, 2 done
	value goja.Value
	err   error
}

// instantiate returns the runtime's instance of the named builtin, creating it on first use.
func instantiate(rt *jsruntime.Runtime, name string, b Builtin) (goja.Value, error) {
	slot := rt.Value(builtinKey(name), func() any { return new(builtinSlot) }).(*builtinSlot)
	switch slot.state {
	case 1:
		// A constructor that requires its own module would otherwise recurse without end.
		return nil, fmt.Errorf("builtin module %q required while it is being initialised", name)
	case 0:
		slot.state = 1
		slot.value, slot.err = b(rt)
		if slot.err != nil {
			slot.err = fmt.Errorf("builtin module %q: %w", name, slot.err)
		}
		slot.state = 2
	}
	return slot.value, slot.err
}

// Member is a built-in that is a property of the registry's built-in named of: "path/posix" is
// require("path").posix and "util/types" is require("util").types, the very same object.
func (r *Registry) Member(of, property string) Builtin {
	return func(rt *jsruntime.Runtime) (goja.Value, error) {
		name, b, ok := r.lookup(of)
		if !ok {
			return nil, fmt.Errorf("no built-in %q", of)
		}
		v, err := instantiate(rt, name, b)
		if err != nil {
			return nil, err
		}
		obj, ok := v.(*goja.Object)
		if !ok {
			return nil, fmt.Errorf("built-in %q is not an object", of)
		}
		return obj.Get(property), nil
	}
}
