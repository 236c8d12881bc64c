package crypto

import (
	"crypto/hmac"
	"crypto/sha3"
	"fmt"
	"hash"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// hasher is the state behind a Hash or Hmac object: a running hash, or a SHAKE with the output length
// it will produce.
type hasher struct {
	h      hash.Hash
	shake  *sha3.SHAKE
	outLen int
}

func (h *hasher) write(b []byte) {
	if h.shake != nil {
		_, _ = h.shake.Write(b)
		return
	}
	_, _ = h.h.Write(b)
}

func (h *hasher) sum() []byte {
	if h.shake != nil {
		out := make([]byte, h.outLen)
		_, _ = h.shake.Read(out)
		return out
	}
	return h.h.Sum(nil)
}

// newHasher starts digest d; xofLen < 0 means the digest's own length. A fixed-size digest accepts
// only its own length, as OpenSSL does.
func (m *module) newHasher(d *digest, xofLen int) *hasher {
	if d.newShake != nil {
		if xofLen < 0 {
			xofLen = d.size
		}
		return &hasher{shake: d.newShake(), outLen: xofLen}
	}
	if xofLen >= 0 && xofLen != d.size {
		panic(m.notXOF())
	}
	return &hasher{h: d.newHash()}
}

func (m *module) notXOF() *goja.Object {
	return osslError(m.vm, "error:030000B2:digital envelope routines::not XOF or invalid length",
		"digital envelope routines", "not XOF or invalid length", "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH")
}

// hashNatives are the Go halves of Hash, Hmac and crypto.hash.
func (m *module) hashNatives() map[string]func(goja.FunctionCall) goja.Value {
	return map[string]func(goja.FunctionCall) goja.Value{
		// hashNew(algorithm, outputLength?) starts a Hash.
		"hashNew": func(call goja.FunctionCall) goja.Value {
			d, ok := lookupDigest(call.Argument(0).String())
			if !ok {
				panic(plainError(m.vm, "Digest method not supported"))
			}
			return m.vm.ToValue(m.newHasher(d, optLen(call.Argument(1))))
		},
		// hashCopy(handle, outputLength?) forks a running Hash.
		"hashCopy": func(call goja.FunctionCall) goja.Value {
			return m.vm.ToValue(m.copyHasher(m.hasher(call.Argument(0)), optLen(call.Argument(1))))
		},
		// hmacNew(algorithm, key) starts an Hmac.
		"hmacNew": func(call goja.FunctionCall) goja.Value {
			name := call.Argument(0).String()
			newHash, ok := lookupHash(name)
			if !ok {
				panic(nodeerr.New(m.vm, "TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+name))
			}
			return m.vm.ToValue(&hasher{h: hmac.New(newHash, m.bytes(call.Argument(1)))})
		},
		// hashUpdate(handle, data, encoding) feeds a string (in encoding) or bytes.
		"hashUpdate": func(call goja.FunctionCall) goja.Value {
			m.hasher(call.Argument(0)).write(m.input(call.Argument(1), call.Argument(2)))
			return goja.Undefined()
		},
		// hashDigest(handle, encoding) ends the hash: a string in a known encoding, else a Buffer.
		"hashDigest": func(call goja.FunctionCall) goja.Value {
			return m.output(m.hasher(call.Argument(0)).sum(), call.Argument(1))
		},
		// hashOnce(algorithm, data, encoding) is crypto.hash.
		"hashOnce": func(call goja.FunctionCall) goja.Value {
			name := call.Argument(0).String()
			d, ok := lookupDigest(name)
			if !ok {
				panic(plainError(m.vm, "Digest method "+name+" is not supported"))
			}
			h := m.newHasher(d, -1)
			h.write(m.input(call.Argument(1), goja.Undefined()))
			return m.output(h.sum(), call.Argument(2))
		},
		"getHashes": func(goja.FunctionCall) goja.Value { return m.strings(hashNames) },
	}
}

func (m *module) hasher(v goja.Value) *hasher {
	h, ok := v.Export().(*hasher)
	if !ok {
		panic(m.vm.NewTypeError("not a Hash handle"))
	}
	return h
}

// copyHasher clones h's state; a SHAKE may get a new output length.
func (m *module) copyHasher(h *hasher, xofLen int) *hasher {
	if h.shake != nil {
		state, err := h.shake.MarshalBinary()
		if err != nil {
			panic(m.rt.ErrorValue(err))
		}
		c := &hasher{shake: new(sha3.SHAKE), outLen: h.outLen}
		if err := c.shake.UnmarshalBinary(state); err != nil {
			panic(m.rt.ErrorValue(err))
		}
		if xofLen >= 0 {
			c.outLen = xofLen
		}
		return c
	}
	if xofLen >= 0 && xofLen != h.h.Size() {
		panic(m.notXOF())
	}
	// Every fixed-size digest of the table implements hash.Cloner.
	c, err := h.h.(hash.Cloner).Clone()
	if err != nil {
		panic(m.rt.ErrorValue(fmt.Errorf("copy hash: %w", err)))
	}
	return &hasher{h: c.(hash.Hash)}
}

// optLen reads an optional output length already validated as a uint32 by the JS half.
func optLen(v goja.Value) int {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return -1
	}
	return int(v.ToInteger())
}

// input is the bytes of data: a string in the named encoding (UTF-8 for a missing or unknown name,
// as Node's C++ layer decodes), or any ArrayBuffer or view.
func (m *module) input(data, enc goja.Value) []byte {
	if goja.IsString(data) {
		e := buffer.UTF8
		if goja.IsString(enc) {
			if parsed, ok := buffer.ParseEncoding(enc.String()); ok {
				e = parsed
			}
		}
		return e.Decode(data.String())
	}
	return m.bytes(data)
}

// bytes is the memory of an ArrayBuffer or view; the JS half has checked the type.
func (m *module) bytes(v goja.Value) []byte {
	b, ok := buffer.Bytes(m.rt, v)
	if !ok {
		panic(nodeerr.InvalidArgType(m.vm, "data", nodeerr.Expected("Buffer", "TypedArray", "DataView"), v))
	}
	return b
}

// output is b as a string in the named encoding, or as a Buffer when enc names none (undefined,
// 'buffer', or an unknown name, as Node's digest does).
func (m *module) output(b []byte, enc goja.Value) goja.Value {
	if goja.IsString(enc) {
		if e, ok := buffer.ParseEncoding(enc.String()); ok && enc.String() != "" {
			return m.vm.ToValue(e.Encode(b))
		}
	}
	return buffer.New(m.rt, b)
}

func (m *module) strings(list []string) goja.Value {
	vals := make([]any, len(list))
	for i, s := range list {
		vals[i] = s
	}
	return m.vm.NewArray(vals...)
}
