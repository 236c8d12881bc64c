package crypto

import (
	"context"
	"crypto/hmac"
	"crypto/rand"

	"github.com/dop251/goja"
)

// subtleNatives are the Go halves of crypto.subtle: each returns a promise settled off the loop, as
// Node runs WebCrypto jobs on its thread pool.
func (m *module) subtleNatives() map[string]func(goja.FunctionCall) goja.Value {
	vm := m.vm
	arrayBuffer := func(b []byte) (goja.Value, error) { return vm.ToValue(vm.NewArrayBuffer(b)), nil }
	return map[string]func(goja.FunctionCall) goja.Value{
		// digest(hashName, data) → Promise<ArrayBuffer>
		"digest": func(call goja.FunctionCall) goja.Value {
			h := m.hashArg(call.Argument(0))
			data := m.copyBytes(call.Argument(1))
			return m.promise(func() ([]byte, error) {
				d := h()
				d.Write(data)
				return d.Sum(nil), nil
			}, arrayBuffer)
		},
		// hmacSign(hashName, key, data) → Promise<ArrayBuffer>
		"hmacSign": func(call goja.FunctionCall) goja.Value {
			h := m.hashArg(call.Argument(0))
			key, data := m.copyBytes(call.Argument(1)), m.copyBytes(call.Argument(2))
			return m.promise(func() ([]byte, error) {
				mac := hmac.New(h, key)
				mac.Write(data)
				return mac.Sum(nil), nil
			}, arrayBuffer)
		},
		// hmacVerify(hashName, key, data, signature) → Promise<boolean>
		"hmacVerify": func(call goja.FunctionCall) goja.Value {
			h := m.hashArg(call.Argument(0))
			key, data, sig := m.copyBytes(call.Argument(1)), m.copyBytes(call.Argument(2)), m.copyBytes(call.Argument(3))
			return m.promise(func() ([]byte, error) {
				mac := hmac.New(h, key)
				mac.Write(data)
				if hmac.Equal(mac.Sum(nil), sig) {
					return []byte{1}, nil
				}
				return []byte{}, nil
			}, func(b []byte) (goja.Value, error) { return vm.ToValue(len(b) == 1), nil })
		},
		// randomKey(bytes) → Buffer of fresh random bytes, for generateKey.
		"randomKey": func(call goja.FunctionCall) goja.Value {
			b := make([]byte, call.Argument(0).ToInteger())
			_, _ = rand.Read(b)
			return m.newBuffer(b)
		},
	}
}

// promise runs work off the loop and settles the returned promise with wrap(result) on the loop.
func (m *module) promise(work func() ([]byte, error), wrap func([]byte) (goja.Value, error)) goja.Value {
	return m.vm.ToValue(m.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
		out, err := work()
		return func(*goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, err
			}
			return wrap(out)
		}
	}))
}
