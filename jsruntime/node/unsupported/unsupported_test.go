package unsupported_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/unsupported"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// eval runs src in a runtime set up as the platform does, with require(name) giving this package's
// modules (and stream), waits for its value to settle and returns it as JSON.
func eval(t *testing.T, src string) string {
	t.Helper()
	builtins := map[string]modules.Builtin{"stream": stream.Require}
	for name, require := range unsupported.Modules {
		builtins[name] = require
	}
	rt := jstest.New(t, buffer.Install, web.Install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		jstest.Require(builtins))
	return jstest.AwaitJSON(t, rt, src)
}

func TestUnsupportedCallsThrowNamingTheAPI(t *testing.T) {
	got := eval(t, `
		const calls = {
			'new Worker': () => new (require('worker_threads').Worker)('x.js'),
			'net.createServer': () => require('net').createServer(),
			'net.Socket()': () => require('net').Socket(),
			'tls.connect': () => require('tls').connect(443),
			'http2.connect': () => require('http2').connect('https://x'),
			'dns.resolve4': () => require('dns').resolve4('x', () => {}),
			'vm.createContext': () => require('vm').createContext({}),
			'v8.serialize': () => require('v8').serialize({}),
			'cluster.fork': () => require('cluster').fork(),
			'dgram.createSocket': () => require('dgram').createSocket('udp4'),
			'inspector.open': () => require('inspector').open(),
			'wasi': () => new (require('wasi').WASI)(),
			'repl.start': () => require('repl').start(),
			'trace_events': () => require('trace_events').createTracing({ categories: ['x'] }),
		};
		Object.entries(calls).map(([what, fn]) => {
			try { fn(); return what + ': no error'; } catch (e) { return what + ': ' + e.code + ' ' + e.message; }
		})`)
	jstest.Expect(t, "errors", got, `["new Worker: ERR_NOT_SUPPORTED_IN_PLUGINHOST worker_threads.Worker is not supported in pluginhost",`+
		`"net.createServer: ERR_NOT_SUPPORTED_IN_PLUGINHOST net.createServer is not supported in pluginhost",`+
		`"net.Socket(): ERR_NOT_SUPPORTED_IN_PLUGINHOST net.Socket is not supported in pluginhost",`+
		`"tls.connect: ERR_NOT_SUPPORTED_IN_PLUGINHOST tls.connect is not supported in pluginhost",`+
		`"http2.connect: ERR_NOT_SUPPORTED_IN_PLUGINHOST http2.connect is not supported in pluginhost",`+
		`"dns.resolve4: ERR_NOT_SUPPORTED_IN_PLUGINHOST dns.resolve4 is not supported in pluginhost",`+
		`"vm.createContext: ERR_NOT_SUPPORTED_IN_PLUGINHOST vm.createContext is not supported in pluginhost",`+
		`"v8.serialize: ERR_NOT_SUPPORTED_IN_PLUGINHOST v8.serialize is not supported in pluginhost",`+
		`"cluster.fork: ERR_NOT_SUPPORTED_IN_PLUGINHOST cluster.fork is not supported in pluginhost",`+
		`"dgram.createSocket: ERR_NOT_SUPPORTED_IN_PLUGINHOST dgram.createSocket is not supported in pluginhost",`+
		`"inspector.open: ERR_NOT_SUPPORTED_IN_PLUGINHOST inspector.open is not supported in pluginhost",`+
		`"wasi: ERR_NOT_SUPPORTED_IN_PLUGINHOST wasi.WASI is not supported in pluginhost",`+
		`"repl.start: ERR_NOT_SUPPORTED_IN_PLUGINHOST repl.start is not supported in pluginhost",`+
		`"trace_events: ERR_NOT_SUPPORTED_IN_PLUGINHOST trace_events.createTracing is not supported in pluginhost"]`)
}

func TestClassesForInstanceof(t *testing.T) {
	got := eval(t, `
		const net = require('net'), tls = require('tls'), { Duplex } = require('stream');
		class Mine extends net.Socket {}
		[typeof net.Socket, ({}) instanceof net.Socket, net.Socket.prototype instanceof Duplex,
		 tls.TLSSocket.prototype instanceof net.Socket, Mine.prototype instanceof net.Socket, net.Stream === net.Socket]`)
	jstest.Expect(t, "classes", got, `["function",false,true,true,true,true]`)
}

func TestNetIsIP(t *testing.T) {
	got := eval(t, `const net = require('net');
		['127.0.0.1', '1.2.3.04', '256.1.1.1', '::1', 'fe80::1%eth0', '::ffff:1.2.3.4', '1::2::3', 'x', 1].map((s) => net.isIP(s))`)
	jstest.Expect(t, "isIP", got, `[4,0,0,6,6,6,0,0,0]`)
}

func TestDNSLookup(t *testing.T) {
	got := eval(t, `const dns = require('dns');
		Promise.all([
			new Promise((resolve) => dns.lookup('127.0.0.1', (err, address, family) => resolve([err, address, family]))),
			new Promise((resolve) => dns.lookup('localhost', { family: 4 }, (err, address, family) => resolve([err, address, family]))),
			new Promise((resolve) => dns.lookup('localhost', { all: true, family: 4 }, (err, all) => resolve(all))),
			require('dns/promises').lookup('localhost', 4),
			new Promise((resolve) => dns.lookup('does-not-exist.invalid', (err) => resolve([err.message, err.code, err.errno, err.syscall, err.hostname]))),
			(() => { try { dns.lookup('x', 7, () => {}) } catch (e) { return [e.code, e.message] } })(),
			dns.promises === require('dns/promises'),
		])`)
	jstest.Expect(t, "lookup", got, `[[null,"127.0.0.1",4],[null,"127.0.0.1",4],[{"address":"127.0.0.1","family":4}],{"address":"127.0.0.1","family":4},`+
		`["getaddrinfo ENOTFOUND does-not-exist.invalid","ENOTFOUND",-3008,"getaddrinfo","does-not-exist.invalid"],`+
		`["ERR_INVALID_ARG_VALUE","The argument 'family' must be one of: 0, 4, 6. Received 7"],true]`)
}

func TestVMRunsInThisContext(t *testing.T) {
	got := eval(t, `const vm = require('vm');
		const v = vm.runInThisContext('var fromVM = 40; fromVM + 2', { filename: 'made.js' });
		const s = new vm.Script('fromVM * 2');
		const add = vm.compileFunction('return a + b', ['a', 'b']);
		let syntax, thrown;
		try { new vm.Script('var = ;') } catch (e) { syntax = e.name }
		try { vm.runInThisContext('throw new TypeError("inside")') } catch (e) { thrown = e instanceof TypeError && e.message }
		[v, typeof fromVM, s.runInThisContext(), add(1, 2), syntax, thrown, vm.isContext({})]`)
	jstest.Expect(t, "vm", got, `[42,"number",80,3,"SyntaxError","inside",false]`)
}

func TestV8HeapStatistics(t *testing.T) {
	got := eval(t, `const s = require('v8').getHeapStatistics();
		[Object.keys(s).length, s.used_heap_size > 0, s.heap_size_limit >= s.used_heap_size, s.number_of_native_contexts]`)
	jstest.Expect(t, "heap", got, `[14,true,true,1]`)
}

func TestReadline(t *testing.T) {
	got := eval(t, `(async () => {
		const readline = require('readline');
		const { Readable } = require('stream');
		const rl = readline.createInterface({ input: Readable.from(['a\nb\r\nc\rd', '\ne\n\nf']) });
		const lines = [];
		const it = rl[Symbol.asyncIterator]();
		for (let r = await it.next(); !r.done; r = await it.next()) lines.push(r.value);
		const rl2 = require('readline/promises').createInterface({ input: Readable.from(['answer\nrest\n']) });
		const answer = await rl2.question('q? ');
		return [lines, rl.closed, answer];
	})()`)
	jstest.Expect(t, "lines", got, `[["a","b","c","d","e","","f"],true,"answer"]`)
}
