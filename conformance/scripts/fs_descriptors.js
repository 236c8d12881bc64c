// fs descriptors and FileHandle through require('fs') and require('fs/promises'): open flags, read
// and write in their argument forms, EBADF after close, FileHandle methods and errors.
'use strict';
const fs = require('fs');
const fsp = require('node:fs/promises');
const path = require('path');

const tmp = process.env.SCRIPT_TMPDIR;
const rel = (s) => String(s).split(tmp).join('$TMP');
const shape = (e) => rel([e.name, e.code, e.errno, e.syscall, e.path, e.message].join('|'));
const log = (...args) => console.log(...args.map(rel));
function attempt(label, fn) {
  try {
    log(label, 'ok', JSON.stringify(fn()));
  } catch (e) {
    log(label, 'throws', shape(e));
  }
}
async function settle(label, fn) {
  try {
    log(label, 'ok', JSON.stringify(await fn()));
  } catch (e) {
    log(label, 'rejects', shape(e));
  }
}

module.exports = async function main() {
  console.log('same promises', fsp === fs.promises);
  const f = path.join(tmp, 'data.txt');
  fs.writeFileSync(f, 'The quick brown fox');
  const fd = fs.openSync(f, 'r+');
  const buf = Buffer.alloc(5);
  attempt('readSync', () => [fs.readSync(fd, buf, 0, 5, 4), buf.toString()]);
  attempt('readSync options', () => [fs.readSync(fd, buf, { position: 10, length: 3 }), buf.toString()]);
  attempt('readSync bad length', () => fs.readSync(fd, buf, 2, 4, 0));
  attempt('writeSync', () => fs.writeSync(fd, 'QUICK', 4));
  attempt('writeSync buffer', () => fs.writeSync(fd, Buffer.from('..FOX..'), 2, 3, 16));
  attempt('writevSync', () => fs.writevSync(fd, [Buffer.from('t'), Buffer.from('he')], 0));
  attempt('content', () => fs.readFileSync(f, 'utf8'));
  attempt('fstatSync', () => fs.fstatSync(fd).size);
  attempt('ftruncateSync', () => { fs.ftruncateSync(fd, 9); return fs.readFileSync(f, 'utf8'); });
  attempt('closeSync', () => fs.closeSync(fd));
  attempt('readSync closed', () => fs.readSync(fd, buf));
  attempt('openSync missing', () => fs.openSync(path.join(tmp, 'missing'), 'r'));
  attempt('openSync wx existing', () => fs.openSync(f, 'wx'));
  attempt('openSync bad flag', () => fs.openSync(f, 'rw'));

  await new Promise((resolve) => {
    fs.open(f, 'a', (err, afd) => {
      log('open callback', err, typeof afd);
      fs.write(afd, ' jumps', (err, written, str) => {
        log('write callback', err, written, str);
        fs.close(afd, (err) => {
          log('close callback', err, fs.readFileSync(f, 'utf8'));
          resolve();
        });
      });
    });
  });

  const fh = await fsp.open(f, 'r+');
  await settle('fh.read', async () => { const r = await fh.read({ buffer: Buffer.alloc(4), position: 4 }); return [r.bytesRead, r.buffer.toString()]; });
  await settle('fh.write', async () => { const r = await fh.write('THE', 0); return [r.bytesWritten, r.buffer]; });
  await settle('fh.readFile', () => fh.readFile('utf8'));
  await settle('fh.stat', async () => (await fh.stat()).size);
  await settle('fh.truncate', async () => { await fh.truncate(3); return fs.readFileSync(f, 'utf8'); });
  await settle('fh.close', () => fh.close());
  await settle('fh.fd', () => fh.fd);
  await settle('fh.read closed', () => fh.read());
  await settle('fsp.open missing', () => fsp.open(path.join(tmp, 'missing')));
  await settle('fsp.readFile handle', async () => {
    const h = await fsp.open(f);
    try {
      return await fsp.readFile(h, 'utf8');
    } finally {
      await h.close();
    }
  });
};
