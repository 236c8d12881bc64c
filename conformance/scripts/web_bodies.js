// Blob, File, FormData, Headers, Request and Response bodies (no network), and the text and
// compression streams.
'use strict';

const show = (label, v) => console.log(label, JSON.stringify(v));
const err = (label, e) => console.log(label, e && e.name, e && e.code, e && e.message);
const maskBoundary = (s) => s.replace(/formdata-undici-\d+/g, 'formdata-undici-B');

async function chunksOf(stream) {
  const out = [];
  for await (const c of stream) out.push(c);
  return out;
}

async function blobs() {
  const b = new Blob(['ab', new Uint8Array([99]), new Blob(['d']), 5, 'é'], { type: 'Text/Plain' });
  show('blob', [b.size, b.type, await b.text(), String(b), Object.prototype.toString.call(b)]);
  show('types', [new Blob([], { type: 'a\u00e9' }).type, new Blob([], { type: 'A B' }).type]);
  const s = b.slice(1, -1, 'X/Y');
  show('slice', [s.size, s.type, await s.text(), await b.slice(-2).text(), (await b.slice(2, 1).arrayBuffer()).byteLength]);
  show('bytes', Array.from(await b.slice(0, 3).bytes()));
  show('stream chunks', (await chunksOf(b.stream())).map((c) => [c.constructor.name, c.length]));
  const reader = new Blob(['hello']).stream().getReader({ mode: 'byob' });
  const r = await reader.read(new Uint8Array(3));
  show('byob blob', [r.done, Array.from(r.value)]);
  show('endings', [await new Blob(['a\r\nb\rc\n'], { endings: 'native' }).text(), await new Blob(['a\r\n'], { endings: 'transparent' }).text()]);
  try { new Blob('abc'); } catch (e) { err('blob string', e); }
  try { new Blob(['a'], { endings: 'x' }); } catch (e) { err('blob endings', e); }
  const source = new Uint8Array([1, 2]);
  const copy = new Blob([source]);
  source[0] = 9;
  show('blob copies', Array.from(await copy.bytes()));

  const f = new File(['xy'], 'a.txt', { type: 'text/plain', lastModified: 42 });
  show('file', [f.name, f.lastModified, f.size, f.type, f instanceof Blob, Object.prototype.toString.call(f), typeof new File([], 'x').lastModified]);
  try { new File(['a']); } catch (e) { err('file no name', e); }
}

async function formData() {
  const f = new File(['xy'], 'a.txt', { type: 'text/plain', lastModified: 42 });
  const fd = new FormData();
  fd.append('a', 'x');
  fd.append('a', 'y');
  fd.append('b', new Blob(['zz'], { type: 'q/r' }));
  fd.append('c', f, 'renamed.txt');
  fd.append('d', 5);
  show('get', [fd.get('a'), fd.getAll('a'), fd.has('b'), fd.get('nope'), fd.get('b') instanceof File, fd.get('b').name, fd.get('b').type, fd.get('c').name, fd.get('c').lastModified, fd.get('d')]);
  fd.set('a', 'z');
  show('after set', [[...fd.keys()], [...fd.values()].map((v) => (typeof v === 'string' ? v : v.name))]);
  fd.delete('b');
  show('after delete', [...fd.entries()].map((e) => e[0]));
  fd.forEach(function (v, k, p) { console.log('forEach', k, typeof v, p === fd, this.t); }, { t: 1 });
  show('tags', [Object.prototype.toString.call(fd), Object.prototype.toString.call(fd.entries())]);
  for (const [name, fn] of Object.entries({
    ctorArg: () => new FormData(5),
    appendOne: () => new FormData().append('a'),
    appendThree: () => new FormData().append('a', 'b', 'c'),
  })) {
    try { fn(); console.log(name, 'no error'); } catch (e) { err(name, e); }
  }

  const res = new Response(fd);
  const text = await res.text();
  show('multipart', [maskBoundary(res.headers.get('content-type')), maskBoundary(text)]);
  const parsed = await new Response(text, { headers: { 'content-type': res.headers.get('content-type') } }).formData();
  for (const [k, v] of parsed) {
    show('parsed', [k, typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, await v.text()]]);
  }
  const urlencoded = await new Response('a=1&b=%20x&a=2+3', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
  show('urlencoded', [...urlencoded].map((e) => e.join('=')));
  try { await new Response('x', { headers: { 'content-type': 'text/plain' } }).formData(); } catch (e) { err('formData type', e); }
}

async function headers() {
  const h = new Headers({ B: '1', a: '2' });
  h.append('b', '3');
  h.append('Set-Cookie', 'x=1');
  h.append('set-cookie', 'y=2');
  show('headers', [[...h], h.get('B'), h.has('c'), h.getSetCookie(), [...h.keys()], String(h), Object.prototype.toString.call(h.entries())]);
  h.delete('a');
  const seen = [];
  h.forEach((v, k) => seen.push(k + '=' + v));
  show('forEach', seen);
  try { new Headers({ 'bad name': 'x' }); } catch (e) { err('bad name', e); }
  try { new Headers([['a']]); } catch (e) { err('bad pair', e); }
  try { Response.error().headers.set('a', 'b'); } catch (e) { err('immutable', e); }
}

async function bodies() {
  const r = new Response('hello');
  show('response', [r.status, r.ok, r.statusText, r.type, r.url, r.redirected, r.headers.get('content-type'), r.bodyUsed]);
  const reader = r.body.getReader();
  show('locked not used', r.bodyUsed);
  const chunk = await reader.read();
  show('first chunk', [chunk.value.constructor.name, chunk.value.length, r.bodyUsed]);
  try { await r.text(); } catch (e) { err('read twice', e); }
  try { r.clone(); } catch (e) { err('clone used', e); }

  const streamed = new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('st')); c.enqueue(new Uint8Array([114])); c.close(); } }));
  const clone = streamed.clone();
  show('stream body and clone', [await streamed.text(), await clone.text()]);
  const bad = new Response(new ReadableStream({ start(c) { c.enqueue('not bytes'); c.close(); } }));
  try { await bad.text(); } catch (e) { err('non-bytes chunk', e); }

  show('null body', [new Response(null).body, await new Response(null).text(), new Response(null, { status: 204 }).body]);
  show('kinds', [
    await new Response(new Uint8Array([104, 105])).text(),
    (await new Response('abc').arrayBuffer()).byteLength,
    Array.from(await new Response('ab').bytes()),
    await new Response(new URLSearchParams('a=1&b=2')).text(),
    await new Response({ toString() { return 'obj'; } }).text(),
  ]);
  show('content types', [
    new Response('x').headers.get('content-type'),
    new Response(new URLSearchParams('a=1')).headers.get('content-type'),
    new Response(new Blob([], { type: 'z/z' })).headers.get('content-type'),
    new Response(new Blob([])).headers.get('content-type'),
    new Response('x', { headers: { 'content-type': 'mine/x' } }).headers.get('content-type'),
  ]);
  const blob = await new Response('abc', { headers: { 'content-type': 'X/Y' } }).blob();
  show('blob()', [blob.type, blob.size]);
  show('json', await new Response('{"a":[1]}').json());
  try { await new Response('{').json(); } catch (e) { console.log('json error', e.name); }

  const j = Response.json({ a: 1 }, { status: 201, headers: { x: 'y' } });
  show('Response.json', [j.status, [...j.headers], await j.text()]);
  show('Response.error', [Response.error().type, Response.error().status]);
  const red = Response.redirect('http://a/b', 301);
  show('Response.redirect', [red.status, red.headers.get('location'), Response.redirect('http://a/c').status]);
  for (const [name, fn] of Object.entries({
    status: () => new Response('x', { status: 100 }),
    nullBodyStatus: () => new Response('x', { status: 204 }),
    statusText: () => new Response('x', { statusText: 'a\nb' }),
    jsonUndefined: () => Response.json(undefined),
    redirectStatus: () => Response.redirect('http://a/', 200),
    redirectRelative: () => Response.redirect('/x'),
    lockedStream: () => { const s = new ReadableStream(); s.getReader(); return new Response(s); },
  })) {
    try { fn(); console.log(name, 'no error'); } catch (e) { err(name, e); }
  }
}

async function requests() {
  const rq = new Request('http://a/x?y#z', { method: 'post', headers: { 'Content-Type': 'x/y' }, body: 'q' });
  show('request', [rq.url, rq.method, rq.headers.get('content-type'), rq.redirect, rq.signal instanceof AbortSignal, rq.duplex,
    rq.cache, rq.credentials, rq.mode, rq.referrer, rq.keepalive, rq.integrity, rq.destination]);
  const clone = rq.clone();
  show('clone', [await clone.text(), await rq.text(), rq.bodyUsed]);
  try { rq.clone(); } catch (e) { err('clone used', e); }
  try { new Request(rq); } catch (e) { err('reuse used', e); }
  const first = new Request('http://a/', { method: 'PUT', body: 'moved' });
  const second = new Request(first);
  show('moved body', [first.bodyUsed, second.method, await second.text()]);
  const ac = new AbortController();
  const withSignal = new Request('http://a/', { signal: ac.signal });
  ac.abort('why');
  show('follows signal', [withSignal.signal !== ac.signal, withSignal.signal.aborted, withSignal.signal.reason]);
  const streaming = new Request('http://a/', { method: 'POST', body: new ReadableStream(), duplex: 'half' });
  show('stream body', [streaming.body instanceof ReadableStream, streaming.headers.get('content-type')]);
  show('GET body', [new Request('http://a/').body, new Request('http://a/', { method: 'POST', body: new Blob(['q'], { type: 'foo/bar' }) }).headers.get('content-type')]);
  for (const [name, fn] of Object.entries({
    getWithBody: () => new Request('http://a/', { body: 'x' }),
    noDuplex: () => new Request('http://a/', { method: 'POST', body: new ReadableStream() }),
    badDuplex: () => new Request('http://a/', { method: 'POST', body: 'x', duplex: 'full' }),
    connect: () => new Request('http://a/', { method: 'CONNECT' }),
    badMethod: () => new Request('http://a/', { method: 'bad method' }),
    credentials: () => new Request('http://u:p@a/'),
    redirect: () => new Request('http://a/', { redirect: 'x' }),
    signal: () => new Request('http://a/', { signal: 5 }),
    relative: () => new Request('/relative'),
  })) {
    try { fn(); console.log(name, 'no error'); } catch (e) { err(name, e); }
  }
}

async function codecs() {
  const enc = new TextEncoderStream();
  const w = enc.writable.getWriter();
  w.write('a\uD83D');
  w.write('\uDE00b');
  w.write('\uD83D');
  w.close();
  show('TextEncoderStream', [enc.encoding, (await chunksOf(enc.readable)).map((c) => [c.constructor.name, Array.from(c)])]);

  const dec = new TextDecoderStream('utf-8', { fatal: true });
  show('TextDecoderStream props', [dec.encoding, dec.fatal, dec.ignoreBOM]);
  const dw = dec.writable.getWriter();
  dw.write(new Uint8Array([0xEF, 0xBB, 0xBF, 0xE2, 0x82]));
  dw.write(new Uint8Array([0xAC, 0x41]));
  dw.close();
  show('decoded', await chunksOf(dec.readable));
  const bad = new TextDecoderStream('utf-8', { fatal: true });
  const bw = bad.writable.getWriter();
  bw.write(new Uint8Array([0xFF])).catch(() => {});
  try { await bad.readable.getReader().read(); } catch (e) { err('fatal stream', e); }
  try { new TextDecoderStream('foo'); } catch (e) { err('unknown encoding', e); }

  const d = new TextDecoder();
  show('stream decode', [d.decode(new Uint8Array([0xEF, 0xBB]), { stream: true }), d.decode(new Uint8Array([0xBF, 0x41, 0xF0, 0x9F]), { stream: true }), d.decode(new Uint8Array([0x98, 0x80])), d.decode(new Uint8Array([0xE2]))]);
  show('decoders', [new TextDecoder('latin1').encoding, new TextDecoder('latin1').decode(new Uint8Array([0x41, 0xe9])), new TextDecoder('utf-16le').decode(new Uint8Array([0x41, 0, 0x42])), new TextDecoder('UTF8').encoding]);

  const text = 'hello hello hello '.repeat(50);
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const compressed = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream(format))).arrayBuffer();
    const back = await new Response(new Blob([compressed]).stream().pipeThrough(new DecompressionStream(format))).text();
    show(format, [compressed.byteLength < text.length, back === text]);
  }
  const gz = new Uint8Array(await new Response(new Blob(['data']).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  show('gzip magic', [gz[0], gz[1]]);
  const inputs = {
    truncated: gz.subarray(0, gz.length - 4),
    notGzip: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  };
  for (const [name, bytes] of Object.entries(inputs)) {
    try {
      await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
      console.log(name, 'no error');
    } catch (e) {
      console.log(name, e.name, e.code, e.errno, e.message);
    }
  }
  try { new CompressionStream('br'); } catch (e) { err('unknown format', e); }
  const chunked = new DecompressionStream('deflate');
  const cw = chunked.writable.getWriter();
  const deflated = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
  for (let i = 0; i < deflated.length; i += 7) cw.write(deflated.subarray(i, i + 7));
  cw.close();
  show('chunked input', (await new Response(chunked.readable).text()) === text);
}

async function dataURLs() {
  for (const u of ['data:,Hello%2C%20World%21', 'data:text/plain;base64,SGVsbG8=', 'data:Text/HTML; charset=utf-8,%3Ch1%3E', 'data:;base64,AAE=', 'data:image/png;base64,!!', 'data:x']) {
    try {
      const r = await fetch(u);
      show('data URL', [r.status, r.statusText, r.type, r.url === u, [...r.headers], Array.from(new Uint8Array(await r.arrayBuffer()))]);
    } catch (e) {
      console.log('data URL', e.name, e.message, e.cause && e.cause.message);
    }
  }
  for (const u of ['ftp://x/', 'file:///etc/hostname', 'http://127.0.0.1:6000/']) {
    try { await fetch(u); } catch (e) { console.log('refused', u, e.name, e.message, e.cause && e.cause.message); }
  }
}

function inspection() {
  const fd = new FormData();
  fd.append('a', 'x');
  fd.append('a', 'y');
  fd.append('f', new File(['q'], 'n.txt', { lastModified: 7 }));
  console.log(fd);
  console.log(new Request('http://a/x', { method: 'POST', body: 'b', headers: { x: 'y' } }));
  console.log(new Response('x', { status: 201, headers: { 'x-a': 'b' } }));
  console.log(new ReadableStream().getReader());
  console.log(new ReadableStream({ type: 'bytes' }), new WritableStream());
  console.log(new TransformStream());
  console.log(new WritableStream().getWriter());
  console.log([new Blob(['ab'], { type: 'x/y' }), new File(['ab'], 'f.txt', { type: 'text/plain', lastModified: 5 })]);
  console.log(new Headers([['set-cookie', 'a'], ['set-cookie', 'b'], ['x', '1']]));
  console.log(new CompressionStream('gzip'), new TextEncoderStream(), new TextDecoderStream());
  console.log(new ByteLengthQueuingStrategy({ highWaterMark: 1 }), new CountQueuingStrategy({ highWaterMark: 2 }));
  console.log(AbortSignal.abort(), new AbortController().signal);
}

module.exports = async function main() {
  await blobs();
  await formData();
  await headers();
  await bodies();
  await requests();
  await codecs();
  await dataURLs();
  inspection();
};
