package crypto

import (
	"context"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func hexString(b []byte) string { return hex.EncodeToString(b) }

// TestUnsupportedMembersThrowNotSupported: what pluginhost lacks exists, so a bundle loads, and says
// so when called.
func TestUnsupportedMembersThrowNotSupported(t *testing.T) {
	out := eval(t, newRuntime(t), `
	for (const name of ['createSign', 'createVerify', 'generateKeyPair', 'generateKeyPairSync', 'publicEncrypt',
		'privateDecrypt', 'createECDH', 'createDiffieHellman', 'getDiffieHellman', 'sign', 'verify', 'createPublicKey',
		'createPrivateKey', 'checkPrime', 'generatePrime', 'getCipherInfo', 'createCipher', 'createDecipher', 'setEngine']) {
		try { nodeCrypto[name](); console.log(name, 'returned'); } catch (e) { console.log(e.code, e.message); }
	}
	for (const name of ['X509Certificate', 'ECDH', 'Sign', 'Certificate', 'DiffieHellman']) {
		try { new nodeCrypto[name](); console.log(name, 'constructed'); } catch (e) { console.log(e.code, e.message); }
	}
	crypto.subtle.encrypt({ name: 'AES-GCM' }).catch((e) => console.log(e.code, e.message));
	crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['encrypt']).catch((e) => console.log(e.code, e.message));
	`)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 26 {
		t.Fatalf("got %d lines:\n%s", len(lines), out)
	}
	for _, line := range lines {
		if !strings.HasPrefix(line, "ERR_NOT_SUPPORTED_IN_PLUGINHOST crypto.") {
			t.Errorf("not a not-supported error: %s", line)
		}
	}
	if !strings.Contains(out, "crypto.createSign is not supported in pluginhost") ||
		!strings.Contains(out, "crypto.subtle.importKey with AES-GCM is not supported") {
		t.Errorf("errors do not name the member:\n%s", out)
	}
}

// TestBadHandlesDoNotPanic: natives reached with foreign values throw JS errors instead of Go panics.
func TestBadHandlesDoNotPanic(t *testing.T) {
	out := eval(t, newRuntime(t), `
	const h = nodeCrypto.createHash('md5');
	for (const f of [() => h.update.call({}, 'x'), () => nodeCrypto.Cipheriv.prototype.update.call({}, 'x'),
		() => nodeCrypto.Hmac.prototype.digest.call(Object.create(nodeCrypto.Hmac.prototype))]) {
		try { f(); console.log('no error'); } catch (e) { console.log(e instanceof Error); }
	}`)
	if out != "true\ntrue\ntrue\n" {
		t.Errorf("got:\n%s", out)
	}
}

// TestCallbackWorkRunsOffTheLoop: while an expensive scrypt with a callback runs, the loop keeps
// serving jobs; the callback comes later with the key.
func TestCallbackWorkRunsOffTheLoop(t *testing.T) {
	rt := newRuntime(t)
	eval(t, rt, `
	globalThis.result = 'pending';
	nodeCrypto.scrypt('pw', 'salt', 16, { N: 1 << 15, r: 8, maxmem: 64 << 20 }, (err, key) => { globalThis.result = err || key.toString('hex'); });
	console.log('returned');`)
	seen := jstest.Eval(t, rt, `result`)
	if seen != "pending" {
		t.Fatalf("the loop ran a job only after the derivation: result %q", seen)
	}
	deadline := time.Now().Add(30 * time.Second)
	for seen == "pending" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		seen = jstest.Eval(t, rt, `result`)
	}
	if len(seen) != 32 {
		t.Fatalf("callback got %q", seen)
	}
}

// TestDerivationStopsWithThePlugin: closing the runtime cancels a running derivation.
func TestDerivationStopsWithThePlugin(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := pbkdf2Key(ctx, digests["sha256"].newHash, []byte("pw"), []byte("salt"), 1<<30, 32); err == nil {
		t.Error("pbkdf2 ignored a cancelled context")
	}
	if _, err := scryptKey(ctx, []byte("pw"), []byte("salt"), 1<<14, 8, 1, 32); err == nil {
		t.Error("scrypt ignored a cancelled context")
	}
}
