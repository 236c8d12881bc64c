package express

import "github.com/dop251/goja"

// stateRef carries the Go state of a req or res object on the object itself, under App.stateKey.
// It is a dynamic object without properties: goja makes one in two allocations, where wrapping the
// state pointer with ToValue builds a reflect-backed object (about ten) for every request, and JS
// that finds the symbol sees an empty object instead of the state's Go methods.
type stateRef struct{ state any }

func (*stateRef) Get(string) goja.Value       { return nil }
func (*stateRef) Set(string, goja.Value) bool { return false }
func (*stateRef) Has(string) bool             { return false }
func (*stateRef) Delete(string) bool          { return false }
func (*stateRef) Keys() []string              { return nil }

// attachState puts ref, holding state, on obj under the App's state symbol.
func (a *App) attachState(obj *goja.Object, ref *stateRef, state any) {
	ref.state = state
	_ = obj.SetSymbol(a.stateKey, a.vm.NewDynamicObject(ref))
}

// stateOf is the Go state attached to v with attachState, or nil.
func (a *App) stateOf(v goja.Value) any {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	// A request's methods look up the same res or req several times in a row. The cache holds obj,
	// so its address cannot be reused by another object while it is cached, and the state attached
	// to an object never changes.
	if obj == a.lastStateObj {
		return a.lastState
	}
	sv := obj.GetSymbol(a.stateKey)
	if sv == nil {
		return nil
	}
	ref, _ := sv.Export().(*stateRef)
	if ref == nil {
		return nil
	}
	a.lastStateObj, a.lastState = obj, ref.state
	return ref.state
}
