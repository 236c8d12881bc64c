package os

import "github.com/dop251/goja"

// priorities is os.constants.priority, the same on every platform.
func priorities(vm *goja.Runtime) *goja.Object {
	return object(vm,
		"PRIORITY_LOW", 19, "PRIORITY_BELOW_NORMAL", 10, "PRIORITY_NORMAL", 0,
		"PRIORITY_ABOVE_NORMAL", -7, "PRIORITY_HIGH", -14, "PRIORITY_HIGHEST", -20,
	)
}
