package stream

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// eval runs src in a fresh runtime with the module as the global stream and installs, waits for the
// promise it evaluates to and returns what console.log printed.
func eval(t *testing.T, src string, installs ...jstest.Install) string {
	t.Helper()
	rt := newRuntime(t, append([]jstest.Install{jstest.Global("stream", Require)}, installs...)...)
	jstest.Await(t, rt, src)
	return jstest.LogsOf(rt).Stdout()
}

// TestPrototypesForHostObjects makes a Go-created object a Readable and a Writable the way a host
// request or response would: inherit the prototype, run the constructor on it.
func TestPrototypesForHostObjects(t *testing.T) {
	hostObjects := func(rt *jsruntime.Runtime) error {
		readable, writable, err := Prototypes(rt)
		if err != nil {
			return err
		}
		vm := rt.VM()
		if err := vm.Set("req", vm.CreateObject(readable)); err != nil {
			return err
		}
		return vm.Set("res", vm.CreateObject(writable))
	}
	out := eval(t, `
		stream.Readable.call(req, { highWaterMark: 4 });
		req._read = function () {};
		stream.Writable.call(res, { decodeStrings: false });
		const body = [];
		res._write = function (chunk, enc, cb) { body.push(chunk); cb(); };
		req.push('hello');
		req.push(null);
		new Promise((resolve) => {
			res.on('finish', () => {
				console.log(req instanceof stream.Readable, res instanceof stream.Writable, body.join(''));
				resolve();
			});
			req.pipe(res);
		});
	`, hostObjects)
	if out != "true true hello\n" {
		t.Errorf("got %q", out)
	}
}

// TestPipeToBareDestination pipes into an object with only write, end and on, which Node's pipe
// would reject for lacking once, removeListener and emit.
func TestPipeToBareDestination(t *testing.T) {
	out := eval(t, `
		const written = [];
		const handlers = {};
		const dest = {
			write(chunk) { written.push(String(chunk)); return true; },
			end() { console.log('end', written.join('')); },
			on(name, fn) { (handlers[name] = handlers[name] || []).push(fn); return this; },
		};
		const src = stream.Readable.from(['a', 'b', 'c']);
		src.pipe(dest);
		stream.promises.finished(src);
	`)
	if out != "end abc\n" {
		t.Errorf("got %q", out)
	}
}

// TestAsyncIteratorSymbol checks that streams are async iterable under the symbol esbuild's lowered
// for await looks up when goja lacks Symbol.asyncIterator.
func TestAsyncIteratorSymbol(t *testing.T) {
	out := eval(t, `
		const key = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');
		const it = stream.Readable.from(['x', 'y'])[key]();
		it.next().then((a) => it.next().then((b) => it.next().then((c) => {
			console.log(a.value, b.value, c.done);
		})));
	`)
	if out != "x y true\n" {
		t.Errorf("got %q", out)
	}
}

// BenchmarkPipeThroughTransform moves 1 MiB in 16 KiB chunks through a Transform into a Writable.
func BenchmarkPipeThroughTransform(b *testing.B) {
	rt := newRuntime(b, jstest.Global("stream", Require))
	for i := 0; i < b.N; i++ {
		jstest.Await(b, rt, `
			(() => {
				const chunk = Buffer.alloc(16384, 97);
				let n = 0;
				const src = new stream.Readable({ read() { this.push(n++ < 64 ? chunk : null); } });
				const t = new stream.Transform({ transform(c, e, cb) { cb(null, c); } });
				const dst = new stream.Writable({ write(c, e, cb) { cb(); } });
				return stream.promises.pipeline(src, t, dst);
			})()
		`)
	}
}
