package crypto

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

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
