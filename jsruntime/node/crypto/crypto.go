// Package crypto is Node's "crypto" module and the web Crypto global (globalThis.crypto, also
// require('crypto').webcrypto) for plugin runtimes, computing with Go's crypto packages.
//
// Provided, matching Node 20: randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues;
// createHash (MD5, SHA-1, SHA-2 including SHA-512/224 and /256, SHA-3, SHAKE128/256 with
// outputLength) with copy(), crypto.hash, createHmac, getHashes; pbkdf2, scrypt and hkdf with their
// Sync forms; timingSafeEqual; createCipheriv/createDecipheriv for AES-128/192/256 in CBC, ECB, CTR
// and GCM (setAAD, getAuthTag/setAuthTag, authTagLength 4, 8 or 12-16), getCiphers; secret
// KeyObjects (createSecretKey, generateKey(Sync) for 'hmac' and 'aes', KeyObject.from); crypto.constants.
// Hash, Hmac and the ciphers are Transform streams, built lazily like Node's LazyTransform. In web
// Crypto: getRandomValues, randomUUID, and subtle.digest (SHA-1/256/384/512) and HMAC keys
// (importKey raw and jwk, exportKey raw and jwk, generateKey, sign, verify).
//
// Key derivations, random bytes and WebCrypto jobs given a callback or returning a promise run off
// the event loop (Runtime.Go) and stop when the plugin stops.
//
// Not provided, because Go's standard library lacks them or they need asymmetric keys: the digests
// RIPEMD-160, BLAKE2, SM3 and MD5-SHA1; ciphers other than AES in the four modes above (ChaCha20,
// CCM, OCB, CFB, OFB, DES, ...); the deprecated createCipher/createDecipher; public and private keys
// (createSign, createVerify, sign, verify, generateKeyPair, createPublicKey, createPrivateKey,
// publicEncrypt and friends, Diffie-Hellman, ECDH, X509Certificate, Certificate, primes);
// getCipherInfo, setEngine, setFips and secureHeapUsed (getFips reports 0, getCurves lists none);
// subtle's encrypt, decrypt, deriveBits, deriveKey, wrapKey and unwrapKey and algorithms other than
// HMAC. All of these exist, so bundles load, and throw (or reject with)
// ERR_NOT_SUPPORTED_IN_PLUGINHOST when called. Errors Node takes from OpenSSL's error queue are those of a fresh process: Node's "Invalid
// scrypt params" message can carry a stale OpenSSL error from an earlier call; here it never does.
package crypto

import (
	"embed"
	"fmt"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed js/*.js
var sources embed.FS

// files is the evaluation order of the JS half: each adds its part to a shared namespace object.
var files = []string{"util.js", "keys.js", "hash.js", "cipher.js", "random.js", "kdf.js", "webcrypto.js", "exports.js"}

var scripts = func() []*jsruntime.Script {
	s := make([]*jsruntime.Script, len(files))
	for i, name := range files {
		src, err := sources.ReadFile("js/" + name)
		if err != nil {
			panic(fmt.Errorf("crypto: embedded %s: %w", name, err))
		}
		s[i] = jsruntime.NewScript("node:crypto/"+name, string(src))
	}
	return s
}()

// module is one runtime's instance of the crypto module.
type module struct {
	rt      *jsruntime.Runtime
	vm      *goja.Runtime
	exports *goja.Object          // require('crypto')
	globals map[string]goja.Value // crypto (web Crypto), Crypto, CryptoKey, SubtleCrypto
}

type moduleKey struct{}

func load(rt *jsruntime.Runtime) (*module, error) {
	return jsruntime.Module(rt, moduleKey{}, func() (*module, error) { return build(rt) })
}

// Require returns the "crypto" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.exports, nil
}

// Install defines the global crypto (web Crypto) and the classes Crypto, CryptoKey and
// SubtleCrypto as Node does: accessors, so the module is built only when a plugin first uses one
// (crypto stays an accessor; a class becomes a plain property when first read or assigned).
// Must be called on the loop, after the web globals (DOMException) are installed.
func Install(rt *jsruntime.Runtime) error {
	member := func(name string) func() (goja.Value, error) {
		return func() (goja.Value, error) {
			m, err := load(rt)
			if err != nil {
				return nil, err
			}
			return m.globals[name], nil
		}
	}
	for _, name := range []string{"Crypto", "CryptoKey", "SubtleCrypto"} {
		if err := jsruntime.DefineLazyClass(rt, name, member(name)); err != nil {
			return err
		}
	}
	return jsruntime.DefineLazyValue(rt, "crypto", false, member("crypto"))
}

func build(rt *jsruntime.Runtime) (*module, error) {
	vm := rt.VM()
	m := &module{rt: rt, vm: vm}
	bufMod, err := buffer.Require(rt)
	if err != nil {
		return nil, fmt.Errorf("crypto: %w", err)
	}
	streamMod, err := stream.Require(rt)
	if err != nil {
		return nil, fmt.Errorf("crypto: %w", err)
	}
	decoderMod, err := stringdecoder.Require(rt)
	if err != nil {
		return nil, fmt.Errorf("crypto: %w", err)
	}
	ns := vm.NewObject()
	natives, err := m.natives()
	if err != nil {
		return nil, err
	}
	for name, v := range map[string]goja.Value{
		"natives":       natives,
		"Buffer":        bufMod.ToObject(vm).Get("Buffer"),
		"Transform":     streamMod.ToObject(vm).Get("Transform"),
		"StringDecoder": decoderMod.ToObject(vm).Get("StringDecoder"),
		"exports":       vm.NewObject(),
	} {
		if err := ns.Set(name, v); err != nil {
			return nil, fmt.Errorf("crypto: %w", err)
		}
	}
	for _, s := range scripts {
		if _, err := s.Call(rt, ns); err != nil {
			return nil, err
		}
	}
	m.exports = ns.Get("exports").ToObject(vm)
	m.globals = map[string]goja.Value{}
	for _, name := range []string{"crypto", "Crypto", "CryptoKey", "SubtleCrypto"} {
		m.globals[name] = ns.Get(name)
	}
	return m, nil
}

// natives is the object through which the JS half reaches Go: computations, and Node's errors.
func (m *module) natives() (*goja.Object, error) {
	obj := nodeerr.Natives(m.vm)
	groups := []map[string]func(goja.FunctionCall) goja.Value{
		m.hashNatives(), m.cipherNatives(), m.kdfNatives(), m.randomNatives(), m.subtleNatives(),
	}
	for _, g := range groups {
		for name, fn := range g {
			if err := obj.Set(name, fn); err != nil {
				return nil, fmt.Errorf("crypto: defining native %s: %w", name, err)
			}
		}
	}
	return obj, nil
}
