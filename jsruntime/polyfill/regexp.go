package polyfill

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill/uniprop"
)

//go:embed regexp.js
var regexpSource string

var regexpScript = jsruntime.NewScript("pluginhost:regexp", regexpSource)

// installRegExp replaces the global RegExp with one that translates Unicode property escapes
// (regexp.js), on the classes of package uniprop.
func installRegExp(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	natives := vm.NewObject()
	for name, fn := range map[string]any{
		// propertyClass is the inside of a character class for \p{expr} (\P{expr} when negated), or
		// null when there is no such property.
		"propertyClass": func(expr string, negated bool) goja.Value {
			body, ok := uniprop.Class(expr, negated)
			if !ok {
				return goja.Null()
			}
			return vm.ToValue(body)
		},
		// lacks says whether V8 knows the property pluginhost has no data for.
		"lacks": func(expr string) bool { return uniprop.Lookup(expr) == uniprop.Lacking },
		// isRegExp says whether v has a regular expression's internal slots.
		"isRegExp": func(v goja.Value) bool {
			o, ok := v.(*goja.Object)
			return ok && o.ClassName() == "RegExp"
		},
	} {
		if err := natives.Set(name, fn); err != nil {
			return err
		}
	}
	if _, err := regexpScript.Call(rt, vm.GlobalObject(), natives); err != nil {
		return fmt.Errorf("polyfill: %w", err)
	}
	return nil
}
