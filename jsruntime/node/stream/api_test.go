package stream

import (
	"context"
	"testing"

	"github.com/dop251/goja"
)

// eval runs src in a fresh environment with stream bound to require('stream') and waits for the
// promise it evaluates to; the log is what console.log printed.
func eval(t *testing.T, src string) string {
	t.Helper()
	e := newEnv(t)
	err := e.rt.Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		s, err := Require(e.rt)
		if err != nil {
			return nil, err
		}
		if err := vm.Set("stream", s); err != nil {
			return nil, err
		}
		return vm.RunString(src)
	})
	if err != nil {
		t.Fatal(err)
	}
	return e.log()
}

// TestPrototypesForHostObjects makes a Go-created object a Readable and a Writable the way a host
// request or response would: inherit the prototype, run the constructor on it.
func TestPrototypesForHostObjects(t *testing.T) {
	e := newEnv(t)
	err := e.rt.Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		readable, writable, err := Prototypes(e.rt)
		if err != nil {
			return nil, err
		}
		s, _ := Require(e.rt)
		_ = vm.Set("stream", s)
		_ = vm.Set("req", vm.CreateObject(readable))
		_ = vm.Set("res", vm.CreateObject(writable))
		return vm.RunString(`
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
		`)
	})
	if err != nil {
		t.Fatal(err)
	}
	if out := e.log(); out != "true true hello\n" {
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
	e := newEnv(b)
	for i := 0; i < b.N; i++ {
		err := e.rt.Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
			s, _ := Require(e.rt)
			_ = vm.Set("stream", s)
			return vm.RunString(`
				(() => {
					const chunk = Buffer.alloc(16384, 97);
					let n = 0;
					const src = new stream.Readable({ read() { this.push(n++ < 64 ? chunk : null); } });
					const t = new stream.Transform({ transform(c, e, cb) { cb(null, c); } });
					const dst = new stream.Writable({ write(c, e, cb) { cb(); } });
					return stream.promises.pipeline(src, t, dst);
				})()
			`)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
