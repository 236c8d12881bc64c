// fs.createReadStream and createWriteStream with ranges and pipes, stream/promises pipeline over
// them, and a first fs.watch event.
'use strict';
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream/promises');
const { Transform } = require('stream');

const tmp = process.env.SCRIPT_TMPDIR;
const rel = (s) => String(s).split(tmp).join('$TMP');

function collect(stream) {
  return new Promise((resolve) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(String(c)));
    stream.on('error', (e) => chunks.push('error ' + e.code));
    stream.on('close', () => resolve(chunks));
  });
}

module.exports = async function main() {
  const src = path.join(tmp, 'alphabet.txt');
  fs.writeFileSync(src, 'abcdefghijklmnopqrstuvwxyz');
  console.log('range', JSON.stringify(await collect(fs.createReadStream(src, { start: 3, end: 12, highWaterMark: 4 }))));
  console.log('encoding', JSON.stringify(await collect(fs.createReadStream(src, { encoding: 'hex', end: 2 }))));
  console.log('missing', JSON.stringify(await collect(fs.createReadStream(path.join(tmp, 'none')))));

  const order = [];
  const rs = fs.createReadStream(src, { end: 1 });
  for (const name of ['open', 'ready', 'data', 'end', 'close']) rs.on(name, () => order.push(name));
  await new Promise((resolve) => rs.on('close', resolve));
  console.log('events', order.join(' '), rs.bytesRead, rel(rs.path));

  const upper = new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
  const dest = path.join(tmp, 'upper.txt');
  const ws = fs.createWriteStream(dest);
  await pipeline(fs.createReadStream(src, { highWaterMark: 5 }), upper, ws);
  console.log('pipeline', fs.readFileSync(dest, 'utf8'), ws.bytesWritten);

  const partial = fs.createWriteStream(dest, { flags: 'r+', start: 2 });
  partial.end('--');
  await new Promise((resolve) => partial.on('close', resolve));
  console.log('start', fs.readFileSync(dest, 'utf8'));

  const failing = fs.createWriteStream(path.join(tmp, 'no', 'dir.txt'));
  await new Promise((resolve) => failing.on('error', (e) => { console.log('write error', rel(e.message)); resolve(); }));

  const watched = path.join(tmp, 'watched');
  fs.mkdirSync(watched);
  const first = await new Promise((resolve) => {
    const w = fs.watch(watched, (type, name) => {
      w.close();
      resolve(type + ' ' + name);
    });
    fs.writeFileSync(path.join(watched, 'created.txt'), 'x');
  });
  console.log('watch', first);
};
