package crypto

import (
	"context"
	"crypto/hkdf"
	"crypto/hmac"
	"encoding/binary"
	"hash"
	"slices"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// pbkdf2Key is PBKDF2 (RFC 8018) with HMAC over h. Unlike crypto/pbkdf2 it allows an empty key, as
// Node does, and checks ctx between blocks and every few thousand iterations: Node accepts up to 2^31
// iterations.
func pbkdf2Key(ctx context.Context, h func() hash.Hash, password, salt []byte, iter, keyLen int) ([]byte, error) {
	prf := hmac.New(h, password)
	size := prf.Size()
	out := make([]byte, 0, keyLen+size)
	u := make([]byte, 0, size)
	var counter [4]byte
	for block := uint32(1); len(out) < keyLen; block++ {
		prf.Reset()
		prf.Write(salt)
		binary.BigEndian.PutUint32(counter[:], block)
		prf.Write(counter[:])
		out = prf.Sum(out)
		t := out[len(out)-size:]
		u = append(u[:0], t...)
		for n := 2; n <= iter; n++ {
			if n%4096 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			prf.Reset()
			prf.Write(u)
			u = prf.Sum(u[:0])
			for i := range u {
				t[i] ^= u[i]
			}
		}
	}
	return out[:keyLen], nil
}

// kdfNatives are the Go halves of pbkdf2, scrypt and hkdf. Each takes the arguments the JS half has
// validated, plus an optional callback: without one the key is derived on the loop and returned, with
// one it is derived off the loop and handed to the callback.
func (m *module) kdfNatives() map[string]func(goja.FunctionCall) goja.Value {
	vm := m.vm
	return map[string]func(goja.FunctionCall) goja.Value{
		// pbkdf2(password, salt, iterations, keylen, digest, callback?) → Buffer
		"pbkdf2": func(call goja.FunctionCall) goja.Value {
			password, salt := m.copyBytes(call.Argument(0)), m.copyBytes(call.Argument(1))
			iter, keyLen := int(call.Argument(2).ToInteger()), int(call.Argument(3).ToInteger())
			h := m.hashArg(call.Argument(4))
			return m.job(call.Argument(5), func(ctx context.Context) ([]byte, error) {
				return pbkdf2Key(ctx, h, password, salt, iter, keyLen)
			}, m.newBuffer)
		},
		// scrypt(password, salt, keylen, N, r, p, maxmem, callback?) → Buffer
		"scrypt": func(call goja.FunctionCall) goja.Value {
			password, salt := m.copyBytes(call.Argument(0)), m.copyBytes(call.Argument(1))
			keyLen := int(call.Argument(2).ToInteger())
			n, r, p := call.Argument(3).ToInteger(), call.Argument(4).ToInteger(), call.Argument(5).ToInteger()
			ok, memory := scryptParams(uint64(n), uint64(r), uint64(p), uint64(call.Argument(6).ToInteger()))
			if !ok {
				msg := "Invalid scrypt params"
				if memory {
					msg += ": error:030000AC:digital envelope routines::memory limit exceeded"
				}
				panic(nodeerr.New(vm, "RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", msg))
			}
			return m.job(call.Argument(7), func(ctx context.Context) ([]byte, error) {
				return scryptKey(ctx, password, salt, int(n), int(r), int(p), keyLen)
			}, m.newBuffer)
		},
		// hkdf(digest, key, salt, info, length, callback?) → ArrayBuffer
		"hkdf": func(call goja.FunctionCall) goja.Value {
			h := m.hashArg(call.Argument(0))
			key, salt, info := m.copyBytes(call.Argument(1)), m.copyBytes(call.Argument(2)), m.copyBytes(call.Argument(3))
			length := int(call.Argument(4).ToInteger())
			if length > 255*h().Size() {
				panic(nodeerr.New(vm, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length"))
			}
			return m.job(call.Argument(5), func(context.Context) ([]byte, error) {
				if length == 0 {
					return []byte{}, nil
				}
				return hkdf.Key(h, key, salt, string(info), length)
			}, func(b []byte) goja.Value { return vm.ToValue(vm.NewArrayBuffer(b)) })
		},
	}
}

// hashArg is the fixed-size digest named by v, or Node's ERR_CRYPTO_INVALID_DIGEST.
func (m *module) hashArg(v goja.Value) func() hash.Hash {
	h, ok := lookupHash(v.String())
	if !ok {
		panic(nodeerr.New(m.vm, "TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+v.String()))
	}
	return h
}

// copyBytes copies the bytes of an ArrayBuffer or view, so work off the loop never reads memory JS
// can change.
func (m *module) copyBytes(v goja.Value) []byte {
	return slices.Clone(m.bytes(v))
}

func (m *module) newBuffer(b []byte) goja.Value { return buffer.New(m.rt, b) }

// job runs work: at once when cb is not a function, returning wrap(result) or throwing; otherwise off
// the loop (Runtime.Go), calling cb(err) or cb(null, wrap(result)) on the loop and returning
// undefined.
func (m *module) job(cb goja.Value, work func(context.Context) ([]byte, error), wrap func([]byte) goja.Value) goja.Value {
	fn, async := goja.AssertFunction(cb)
	if !async {
		out, err := work(m.rt.Context())
		if err != nil {
			panic(m.rt.ErrorValue(err))
		}
		return wrap(out)
	}
	p := m.rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
		out, err := work(ctx)
		return func(*goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, err
			}
			return wrap(out), nil
		}
	})
	m.rt.WhenSettled(m.vm.ToValue(p), func(v goja.Value, err error) {
		if err != nil {
			m.callback(fn, m.rt.ErrorValue(err))
			return
		}
		m.callback(fn, goja.Null(), v)
	})
	return goja.Undefined()
}

// callback calls a user callback from a job; what it throws is uncaught (jsruntime.ReportUncaught).
func (m *module) callback(cb goja.Callable, args ...goja.Value) {
	_, err := cb(goja.Undefined(), args...)
	m.rt.ReportUncaught("crypto callback", err)
}
