// stream/consumers over Node streams, web streams and async iterables.
const { Readable } = require('stream');
const consumers = require('stream/consumers');

module.exports = async function main() {
  console.log('text', JSON.stringify(await consumers.text(Readable.from(['a', 'b', 'ç']))));
  console.log('text bytes', JSON.stringify(await consumers.text(Readable.from([Buffer.from([0xc3]), Buffer.from([0xa7, 0x21])]))));
  console.log('json', JSON.stringify(await consumers.json(Readable.from(['{"a":', '[1,2]}']))));
  const buf = await consumers.buffer(Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
  console.log('buffer', Buffer.isBuffer(buf), buf.toString('hex'));
  const ab = await consumers.arrayBuffer(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3])); c.close(); } }));
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const blob = await consumers.blob((async function* () { yield 'x'; yield new Uint8Array([0x79]); })());
  console.log('blob', blob instanceof Blob, blob.size, await blob.text());
  try { await consumers.json(Readable.from(['{bad'])); } catch (e) { console.log('json error', e.name); }
  console.log('keys', Object.keys(consumers).sort().join());
};
