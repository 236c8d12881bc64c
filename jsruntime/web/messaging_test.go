package web_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// Messages between ports are clones delivered after the current job, queued until the port starts.
func TestMessaging(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.AwaitJSON(t, rt, `(async () => {
		const turn = () => new Promise((r) => setImmediate(r));
		const out = [];
		const { port1, port2 } = new MessageChannel();
		const sent = { list: [1] };
		port1.postMessage(sent);
		sent.list.push(2);
		Promise.resolve().then(() => out.push('microtask first'));
		await turn();
		port2.onmessage = (e) => out.push([e.data.list, e.data === sent, e.target === port2, e instanceof MessageEvent]);
		await turn();
		await turn();
		port2.on('message', (data) => out.push('on ' + data));
		port1.postMessage('two');
		await turn();
		port1.close();
		port1.postMessage('dropped');
		await turn();
		const a = new BroadcastChannel('c'), b = new BroadcastChannel('c');
		a.onmessage = () => out.push('to self');
		b.onmessage = (e) => out.push('broadcast ' + e.data);
		a.postMessage('hi');
		await turn();
		a.close(); b.close();
		try { a.postMessage(1) } catch (e) { out.push(e.name) }
		return out;
	})()`)
	jstest.Expect(t, "messages", got,
		`["microtask first",[[1],false,true,true],[null,false,true,true],"on two","broadcast hi","InvalidStateError"]`)
}

// The prelude's errors are Node's, with codes and the "Received" part.
func TestPreludeErrors(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.AwaitJSON(t, rt, `[
		() => new EventTarget().dispatchEvent({}),
		() => queueMicrotask(5),
		() => AbortSignal.timeout(-1),
		() => AbortSignal.any([{}]),
		() => atob(),
		() => new Event(),
		() => new CustomEvent('x', 5),
		() => structuredClone(),
	].map((f) => { try { f(); return 'ok'; } catch (e) { return e.code + ': ' + e.message; } })`)
	jstest.Expect(t, "errors", got, `["ERR_INVALID_ARG_TYPE: The \"event\" argument must be an instance of Event. Received an instance of Object",`+
		`"ERR_INVALID_ARG_TYPE: The \"callback\" argument must be of type function. Received type number (5)",`+
		`"ERR_OUT_OF_RANGE: The value of \"delay\" is out of range. It must be >= 0 && <= 4294967295. Received -1",`+
		`"ERR_INVALID_ARG_TYPE: The \"signals[0]\" argument must be an instance of AbortSignal. Received an instance of Object",`+
		`"ERR_MISSING_ARGS: The \"input\" argument must be specified",`+
		`"ERR_MISSING_ARGS: The \"type\" argument must be specified",`+
		`"ERR_INVALID_ARG_TYPE: The \"options\" argument must be of type object. Received type number (5)",`+
		`"ERR_MISSING_ARGS: The value argument must be specified"]`)
	jstest.Expect(t, "CustomEvent", jstest.AwaitJSON(t, rt, `[new CustomEvent('x', { detail: 5 }).detail, new CustomEvent('y').detail, new CustomEvent('z') instanceof Event]`), `[5,null,true]`)
}

// require('buffer') gets the web members from the web package.
func TestBufferWebMembers(t *testing.T) {
	rt := newRuntime(t, clocktest.New(), jstest.Global("bufferModule", buffer.Require), web.InstallObjectURLs)
	got := jstest.AwaitJSON(t, rt, `(async () => {
		const b = bufferModule;
		const url = URL.createObjectURL(new Blob(['hi'], { type: 'text/plain' }));
		const blob = b.resolveObjectURL(url);
		const text = await blob.text();
		URL.revokeObjectURL(url);
		return [b.Blob === Blob, b.File === File, b.atob === atob, b.btoa === btoa, text, blob.type, b.resolveObjectURL(url) === undefined];
	})()`)
	jstest.Expect(t, "members", got, `[true,true,true,true,"hi","text/plain",true]`)
}
