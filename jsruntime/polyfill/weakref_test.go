package polyfill_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
)

// WeakRef and FinalizationRegistry behave as V8's do, short of collecting anything; the expected
// messages are V8's.
func TestWeakRefAndFinalizationRegistry(t *testing.T) {
	rt := jstest.New(t, polyfill.Install)
	got := jstest.AwaitJSON(t, rt, `(() => {
		const t = (f) => { try { return f(); } catch (e) { return e.name + ': ' + e.message; } };
		const target = {}, token = {};
		const r = new FinalizationRegistry(() => {});
		return [
			new WeakRef(target).deref() === target,
			t(() => new WeakRef(1)),
			t(() => new WeakRef(Symbol.for('x'))),
			t(() => WeakRef({})),
			Object.prototype.toString.call(new WeakRef(target)),
			t(() => new FinalizationRegistry(1)),
			t(() => r.register(target, target)),
			t(() => r.register(target, 1, 'x')),
			r.register(target, 1, token), r.unregister(token), r.unregister(token),
			t(() => WeakRef.prototype.deref.call({})),
			[WeakRef.length, FinalizationRegistry.prototype.register.length, Object.getOwnPropertyDescriptor(globalThis, 'WeakRef').enumerable],
			'GoError' in globalThis,
		];
	})()`)
	jstest.Expect(t, "results", got, `[true,"TypeError: WeakRef: invalid target","TypeError: WeakRef: invalid target",`+
		`"TypeError: Constructor WeakRef requires 'new'","[object WeakRef]","TypeError: FinalizationRegistry: cleanup must be callable",`+
		`"TypeError: FinalizationRegistry.prototype.register: target and holdings must not be same","TypeError: Invalid unregisterToken ('x')",`+
		`null,true,false,"TypeError: Method WeakRef.prototype.deref called on incompatible receiver #<Object>",[1,2,false],false]`)
}
