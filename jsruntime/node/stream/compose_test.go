package stream

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// composeRuntime has the stream module as the global "stream" and collect(readable), a promise of
// its chunks joined with '|'.
func composeRuntime(t *testing.T) *jsruntime.Runtime {
	rt := newRuntime(t, jstest.Global("stream", Require))
	jstest.Eval(t, rt, `
		globalThis.collect = (readable) => new Promise((resolve, reject) => {
			const out = [];
			readable.on('data', (c) => out.push(String(c)));
			readable.on('end', () => resolve(out.join('|')));
			readable.on('error', reject);
		});
		globalThis.upper = () => new stream.Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
		globalThis.bang = () => new stream.Transform({ transform(c, e, cb) { cb(null, c + '!'); } });
	`)
	return rt
}

func TestComposeJoinsStreams(t *testing.T) {
	rt := composeRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const c = stream.compose(upper(), bang());
		const out = collect(c);
		c.write('a');
		c.end('b');
		return [await out, c instanceof stream.Duplex].join(' ');
	})()`)
	jstest.Expect(t, "compose", got, "A!B! true")
}

func TestComposeTakesFunctionsAndWebStreams(t *testing.T) {
	rt := composeRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const source = (gen) => ({ [Symbol.asyncIterator]() { return gen; } });
		// An async generator function as esbuild lowers it: it returns an async iterable.
		const doubler = (chunks) => {
			const it = chunks[Symbol.asyncIterator]();
			return source({ next: () => it.next().then((s) => (s.done ? s : { value: String(s.value).repeat(2), done: false })) });
		};
		const c = stream.compose(doubler, upper(), new TransformStream({ transform(chunk, ctl) { ctl.enqueue(chunk + '?'); } }));
		const out = collect(c);
		c.end('ab');
		return await out;
	})()`)
	jstest.Expect(t, "compose", got, "ABAB?")
	jstest.Expect(t, "errors", jstest.Eval(t, rt, `
		const errs = [];
		for (const f of [() => stream.compose(), () => stream.compose(upper(), stream.Readable.from(['x']))]) {
			try { f(); } catch (e) { errs.push(e.code); }
		}
		errs.join()`), "ERR_MISSING_ARGS,ERR_INVALID_ARG_VALUE")
}

func TestDuplexFromInputs(t *testing.T) {
	rt := composeRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const w = new stream.PassThrough();
		const pair = stream.Duplex.from({ readable: stream.Readable.from(['r']), writable: w });
		const written = collect(w);
		pair.end('w');
		return [await collect(stream.Duplex.from(['i', 'j'])), await collect(stream.Duplex.from(Promise.resolve('p'))),
			await collect(pair), await written].join(' ');
	})()`)
	jstest.Expect(t, "from", got, "i|j p r w")
}

func TestDuplexPair(t *testing.T) {
	rt := composeRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const [a, b] = stream.duplexPair();
		const atB = new Promise((r) => b.once('data', (d) => r(String(d))));
		a.write('hello');
		const ended = new Promise((r) => b.on('end', r));
		b.resume();
		a.end();
		await ended;
		return await atB;
	})()`)
	jstest.Expect(t, "pair", got, "hello")
}

func TestPipelineTakesWebStreams(t *testing.T) {
	rt := composeRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const out = [];
		const sink = new WritableStream({ write(c) { out.push(String(c)); } });
		const rs = new ReadableStream({ start(ctl) { ctl.enqueue('x'); ctl.enqueue('y'); ctl.close(); } });
		const ret = await new Promise((resolve, reject) => {
			const last = stream.pipeline(rs, upper(), sink, (err) => (err ? reject(err) : resolve(last)));
		});
		return [out.join('|'), ret === sink, Object.keys(stream).includes('compose'), typeof stream._isArrayBufferView].join(' ');
	})()`)
	jstest.Expect(t, "pipeline", got, "X|Y true true function")
}
