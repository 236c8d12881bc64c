package modules

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// Error is a module loading failure. When it reaches JS (a failing require), it is thrown as an Error,
// or a SyntaxError for unparsable source, carrying Node's code and requireStack properties.
type Error struct {
	Code         string   // Node's error code, e.g. "MODULE_NOT_FOUND"; empty for syntax errors
	Message      string   // Node's message
	RequireStack []string // for MODULE_NOT_FOUND: the requiring files, innermost first
	syntax       bool
}

func (e *Error) Error() string { return e.Message }

// JSValue builds the JS error object; jsruntime's ErrorValue and Throw use it.
func (e *Error) JSValue(vm *goja.Runtime) goja.Value {
	ctorName := "Error"
	if e.syntax {
		ctorName = "SyntaxError"
	}
	obj, err := vm.New(vm.Get(ctorName), vm.ToValue(e.Message))
	if err != nil {
		return vm.NewGoError(e)
	}
	if e.Code != "" {
		_ = obj.Set("code", e.Code)
	}
	if e.RequireStack != nil {
		_ = obj.Set("requireStack", e.RequireStack)
	}
	return obj
}

// notFoundError is Node's MODULE_NOT_FOUND error for request, required from the chain starting at from.
func notFoundError(request string, from *module) *Error {
	stack := from.requireStack()
	var b strings.Builder
	fmt.Fprintf(&b, "Cannot find module '%s'", request)
	if len(stack) > 0 {
		b.WriteString("\nRequire stack:")
		for _, f := range stack {
			b.WriteString("\n- ")
			b.WriteString(f)
		}
	}
	return &Error{Code: "MODULE_NOT_FOUND", Message: b.String(), RequireStack: stack}
}

// nativeAddonError explains that a compiled .node addon cannot be loaded: pluginhost has no Node ABI.
func nativeAddonError(filename, pkg string, from *module) *Error {
	if pkg == "" {
		pkg = filepath.Base(filename)
	}
	msg := fmt.Sprintf("cannot load native addon %s of package %q: native Node.js addons are not supported by pluginhost", filename, pkg)
	if stack := from.requireStack(); len(stack) > 0 {
		msg += fmt.Sprintf(" (required from %s)", stack[0])
	}
	return &Error{Code: "ERR_DLOPEN_FAILED", Message: msg}
}

// notExportedError is Node's error for a subpath the package's "exports" does not list.
func notExportedError(subpath string, pkg *packageJSON) *Error {
	msg := fmt.Sprintf("Package subpath '%s' is not defined by \"exports\" in %s", subpath, pkg.path)
	if subpath == "." {
		msg = fmt.Sprintf("No \"exports\" main defined in %s", pkg.path)
	}
	return &Error{Code: "ERR_PACKAGE_PATH_NOT_EXPORTED", Message: msg}
}

// invalidTargetError is Node's error for an "exports" target that is not a "./" path in the package.
func invalidTargetError(target string, pkg *packageJSON) *Error {
	return &Error{
		Code:    "ERR_INVALID_PACKAGE_TARGET",
		Message: fmt.Sprintf("Invalid \"exports\" target %q defined in the package config %s", target, pkg.path),
	}
}

// importNotDefinedError is Node's error for a "#name" the package's "imports" does not map.
func importNotDefinedError(request string, pkg *packageJSON, from string) *Error {
	return &Error{
		Code:    "ERR_PACKAGE_IMPORT_NOT_DEFINED",
		Message: fmt.Sprintf("Package import specifier %q is not defined in package %s imported from %s", request, pkg.path, from),
	}
}

// invalidImportTargetError is Node's error for an "imports" target that is neither a "./" path in the
// package nor a package name.
func invalidImportTargetError(target, request string, pkg *packageJSON, from string) *Error {
	return &Error{
		Code: "ERR_INVALID_PACKAGE_TARGET",
		Message: fmt.Sprintf("Invalid \"imports\" target %q defined for '%s' in the package config %s imported from %s",
			target, request, pkg.path, from),
	}
}

// invalidImportSpecifierError is Node's error for "#" and "#/...", which cannot be imports names.
func invalidImportSpecifierError(request, from string) *Error {
	return &Error{
		Code:    "ERR_INVALID_MODULE_SPECIFIER",
		Message: fmt.Sprintf("Invalid module %q is not a valid internal imports specifier name imported from %s", request, from),
	}
}

// argError is Node's TypeError for a require argument that is not a non-empty string.
func argError(vm *goja.Runtime, v goja.Value) *goja.Object {
	if s, ok := v.Export().(string); ok && s == "" {
		return nodeerr.InvalidArgValue(vm, "id", v, "must be a non-empty string")
	}
	return nodeerr.InvalidArgType(vm, "id", "of type string", v)
}
