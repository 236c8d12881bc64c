package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

type cipherMode uint8

const (
	modeCBC cipherMode = iota
	modeECB
	modeCTR
	modeGCM
)

// cipherSpec is one cipher name: AES with a key size and a mode.
type cipherSpec struct {
	keyLen int
	mode   cipherMode
}

// ivLen is the IV length the mode requires; GCM takes any non-empty IV.
func (s cipherSpec) ivLen() int {
	switch s.mode {
	case modeECB:
		return 0
	case modeGCM:
		return -1
	}
	return aes.BlockSize
}

// ciphers maps lower-cased names to specs; cipherNames is getCiphers' list, in Node's (byte) order.
var ciphers, cipherNames = func() (map[string]cipherSpec, []string) {
	m := map[string]cipherSpec{}
	var names []string
	add := func(name string, s cipherSpec) {
		m[strings.ToLower(name)] = s
		names = append(names, name)
	}
	for _, bits := range []int{128, 192, 256} {
		b := strconv.Itoa(bits)
		add("aes-"+b+"-cbc", cipherSpec{bits / 8, modeCBC})
		add("aes-"+b+"-ecb", cipherSpec{bits / 8, modeECB})
		add("aes-"+b+"-ctr", cipherSpec{bits / 8, modeCTR})
		add("aes-"+b+"-gcm", cipherSpec{bits / 8, modeGCM})
		add("aes"+b, cipherSpec{bits / 8, modeCBC})
		add("id-aes"+b+"-GCM", cipherSpec{bits / 8, modeGCM})
	}
	slices.Sort(names)
	return m, names
}()

// cipherState is the state behind a Cipheriv or Decipheriv object.
type cipherState struct {
	spec    cipherSpec
	decrypt bool
	block   cipher.Block
	padding bool
	done    bool // final has run: OpenSSL's context is gone

	blocks  cipher.BlockMode // CBC and ECB
	pending []byte           // CBC and ECB: input not yet processed
	ctr     cipher.Stream

	gcm    *gcm
	tagLen int    // -1 until given by authTagLength or setAuthTag
	tag    []byte // encryption: the tag after final; decryption: the expected tag
}

// newCipher checks the arguments in Node's order (cipher name, IV, tag length, key length) and
// starts the cipher.
func (m *module) newCipher(name string, key, iv []byte, tagLen int, decrypt bool) *cipherState {
	vm := m.vm
	spec, ok := ciphers[strings.ToLower(name)]
	if !ok {
		panic(nodeerr.New(vm, "Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher"))
	}
	want := spec.ivLen()
	if (want < 0 && len(iv) == 0) || (want >= 0 && len(iv) != want) {
		panic(nodeerr.New(vm, "TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector"))
	}
	if spec.mode == modeGCM && tagLen >= 0 && !validGCMTagLen(tagLen) {
		panic(invalidTagLen(vm, tagLen))
	}
	if len(key) != spec.keyLen {
		panic(nodeerr.New(vm, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length"))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(m.rt.ErrorValue(err))
	}
	c := &cipherState{spec: spec, decrypt: decrypt, block: block, padding: true, tagLen: -1}
	iv = slices.Clone(iv)
	switch spec.mode {
	case modeCBC:
		if decrypt {
			c.blocks = cipher.NewCBCDecrypter(block, iv)
		} else {
			c.blocks = cipher.NewCBCEncrypter(block, iv)
		}
	case modeECB:
		c.blocks = ecb{block, decrypt}
	case modeCTR:
		c.ctr = cipher.NewCTR(block, iv)
	case modeGCM:
		c.gcm = newGCM(block, iv, decrypt)
		if tagLen >= 0 {
			c.tagLen = tagLen
		}
	}
	return c
}

// validGCMTagLen is NIST SP 800-38D's list of tag lengths, which Node enforces.
func validGCMTagLen(n int) bool { return n == 4 || n == 8 || (n >= 12 && n <= 16) }

func invalidTagLen(vm *goja.Runtime, n int) *goja.Object {
	return nodeerr.New(vm, "TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: "+strconv.Itoa(n))
}

// update processes in and returns the output that is ready, as OpenSSL's EVP_CipherUpdate does:
// block modes keep an incomplete block, and a padded decryption also keeps the last full block,
// which final unpads.
func (c *cipherState) update(in []byte) []byte {
	switch c.spec.mode {
	case modeCTR:
		out := make([]byte, len(in))
		c.ctr.XORKeyStream(out, in)
		return out
	case modeGCM:
		return c.gcm.update(in)
	}
	c.pending = append(c.pending, in...)
	n := len(c.pending) - len(c.pending)%aes.BlockSize
	if c.decrypt && c.padding && n > 0 && n == len(c.pending) {
		n -= aes.BlockSize
	}
	out := make([]byte, n)
	c.blocks.CryptBlocks(out, c.pending[:n])
	c.pending = slices.Delete(c.pending, 0, n)
	return out
}

// final ends the operation: it pads or unpads a block mode and computes or checks a GCM tag. It
// throws Node's errors for a bad final block, bad padding or a failed authentication.
func (c *cipherState) final(m *module) []byte {
	c.done = true
	switch c.spec.mode {
	case modeCTR:
		return []byte{}
	case modeGCM:
		tag := c.gcm.tag()
		if !c.decrypt {
			if c.tagLen < 0 {
				c.tagLen = len(tag)
			}
			c.tag = tag[:c.tagLen]
			return []byte{}
		}
		if c.tag == nil || subtle.ConstantTimeCompare(tag[:len(c.tag)], c.tag) != 1 {
			panic(plainError(m.vm, "Unsupported state or unable to authenticate data"))
		}
		return []byte{}
	}
	bs := aes.BlockSize
	switch {
	case !c.padding:
		if len(c.pending) != 0 {
			panic(providerError(m.vm, errFinalBlock))
		}
		return []byte{}
	case !c.decrypt:
		pad := bs - len(c.pending)
		in := append(c.pending, bytesOf(byte(pad), pad)...)
		out := make([]byte, len(in))
		c.blocks.CryptBlocks(out, in)
		return out
	}
	if len(c.pending) != bs {
		panic(providerError(m.vm, errFinalBlock))
	}
	out := make([]byte, bs)
	c.blocks.CryptBlocks(out, c.pending)
	pad := int(out[bs-1])
	if pad == 0 || pad > bs {
		panic(providerError(m.vm, errBadDecrypt))
	}
	for _, b := range out[bs-pad:] {
		if int(b) != pad {
			panic(providerError(m.vm, errBadDecrypt))
		}
	}
	return out[:bs-pad]
}

func bytesOf(b byte, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = b
	}
	return out
}

// ecb is electronic-codebook mode, which crypto/cipher leaves out.
type ecb struct {
	b       cipher.Block
	decrypt bool
}

func (e ecb) BlockSize() int { return e.b.BlockSize() }

func (e ecb) CryptBlocks(dst, src []byte) {
	bs := e.b.BlockSize()
	for i := 0; i+bs <= len(src); i += bs {
		if e.decrypt {
			e.b.Decrypt(dst[i:i+bs], src[i:i+bs])
		} else {
			e.b.Encrypt(dst[i:i+bs], src[i:i+bs])
		}
	}
}

// cipherNatives are the Go halves of Cipheriv and Decipheriv.
func (m *module) cipherNatives() map[string]func(goja.FunctionCall) goja.Value {
	vm := m.vm
	return map[string]func(goja.FunctionCall) goja.Value{
		// cipherNew(name, key, iv|null, authTagLength (-1: none), decrypt)
		"cipherNew": func(call goja.FunctionCall) goja.Value {
			var iv []byte
			if !goja.IsNull(call.Argument(2)) {
				iv = m.bytes(call.Argument(2))
			}
			c := m.newCipher(call.Argument(0).String(), m.bytes(call.Argument(1)), iv,
				int(call.Argument(3).ToInteger()), call.Argument(4).ToBoolean())
			return vm.ToValue(c)
		},
		"cipherUpdate": func(call goja.FunctionCall) goja.Value {
			c := m.cipher(call.Argument(0))
			if c.done {
				panic(plainError(vm, "Trying to add data in unsupported state"))
			}
			return buffer.New(m.rt, c.update(m.input(call.Argument(1), call.Argument(2))))
		},
		"cipherFinal": func(call goja.FunctionCall) goja.Value {
			c := m.cipher(call.Argument(0))
			if c.done {
				panic(invalidState(vm))
			}
			return buffer.New(m.rt, c.final(m))
		},
		// cipherSetAutoPadding reports false once the cipher is finished.
		"cipherSetAutoPadding": func(call goja.FunctionCall) goja.Value {
			c := m.cipher(call.Argument(0))
			if c.done {
				return vm.ToValue(false)
			}
			c.padding = call.Argument(1).ToBoolean()
			return vm.ToValue(true)
		},
		// cipherGetAuthTag is the tag of a finished GCM encryption, else undefined.
		"cipherGetAuthTag": func(call goja.FunctionCall) goja.Value {
			c := m.cipher(call.Argument(0))
			if c.decrypt || c.tag == nil || !c.done {
				return goja.Undefined()
			}
			return buffer.New(m.rt, slices.Clone(c.tag))
		},
		// cipherSetAuthTag sets a GCM decryption's expected tag once, before final.
		"cipherSetAuthTag": func(call goja.FunctionCall) goja.Value {
			c := m.cipher(call.Argument(0))
			if c.done || c.gcm == nil || !c.decrypt || c.tag != nil {
				return vm.ToValue(false)
			}
			tag := m.bytes(call.Argument(1))
			if !validGCMTagLen(len(tag)) || (c.tagLen >= 0 && c.tagLen != len(tag)) {
				panic(invalidTagLen(vm, len(tag)))
			}
			c.tag = slices.Clone(tag)
			c.tagLen = len(tag)
			return vm.ToValue(true)
		},
		// cipherSetAAD adds authenticated data before the first update of a GCM cipher.
		"cipherSetAAD": func(call goja.FunctionCall) goja.Value {
			c := m.cipher(call.Argument(0))
			if c.done || c.gcm == nil {
				return vm.ToValue(false)
			}
			return vm.ToValue(c.gcm.addAAD(m.bytes(call.Argument(1))))
		},
		"getCiphers": func(goja.FunctionCall) goja.Value { return m.strings(cipherNames) },
	}
}

func (m *module) cipher(v goja.Value) *cipherState {
	c, ok := v.Export().(*cipherState)
	if !ok {
		panic(m.vm.NewTypeError("not a Cipher handle"))
	}
	return c
}
