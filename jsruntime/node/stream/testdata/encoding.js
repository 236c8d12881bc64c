'use strict';
// setEncoding across split multi-byte characters, encoding options, decodeStrings, defaultEncoding.
const { Readable, Writable, PassThrough } = require('stream');
const { run, settle, show } = require('./harness');

function bytes(hex) {
  return Buffer.from(hex, 'hex');
}

async function readAll(r) {
  const out = [];
  r.on('data', (d) => out.push(show(d)));
  await new Promise((resolve) => r.on('end', resolve));
  return out.join(' ');
}

module.exports = run([
  async function splitUtf8() {
    // "€" is e2 82 ac, "😀" is f0 9f 98 80.
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    console.log('encoding', r.readableEncoding);
    r.push(bytes('41e2'));
    r.push(bytes('82'));
    r.push(bytes('ac42f09f'));
    r.push(bytes('9880'));
    r.push(null);
    console.log(await readAll(r));
  },

  async function truncatedUtf8AtEnd() {
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    r.push(bytes('41e282'));
    r.push(null);
    console.log(await readAll(r));
  },

  async function setEncodingOnBuffered() {
    const r = new Readable({ read() {} });
    r.push(bytes('68c3'));
    r.push(bytes('a96c6c6f'));
    r.setEncoding('utf8');
    console.log('length', r.readableLength);
    r.push(null);
    console.log(await readAll(r));
  },

  async function encodingOption() {
    const r = new Readable({ encoding: 'hex', read() {} });
    console.log('encoding', r.readableEncoding);
    r.push(bytes('cafe'));
    r.push(null);
    console.log(await readAll(r));
  },

  async function base64Groups() {
    const r = new Readable({ read() {} });
    r.setEncoding('base64');
    r.push(bytes('01020304'));
    r.push(bytes('05'));
    r.push(bytes('0607'));
    r.push(null);
    console.log(await readAll(r));
  },

  async function utf16Surrogates() {
    const r = new Readable({ read() {} });
    r.setEncoding('utf16le');
    const all = Buffer.from('a\ud83d\ude00b', 'utf16le');
    // Split inside a code unit and between the halves of a surrogate pair.
    r.push(all.subarray(0, 1));
    r.push(all.subarray(1, 4));
    r.push(all.subarray(4, 6));
    r.push(all.subarray(6));
    r.push(null);
    console.log(await readAll(r));
  },

  async function pushStringWithEncoding() {
    const r = new Readable({ read() {} });
    r.push('68656c6c6f', 'hex');
    r.push('world');
    r.push(null);
    console.log(await readAll(r));
  },

  async function pushStringMatchingEncoding() {
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    r.push('as is');
    r.push(null);
    console.log(await readAll(r));
  },

  async function readNCharacters() {
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    r.push(Buffer.from('h\u00e9llo w\u00f6rld'));
    r.push(null);
    await settle();
    console.log(show(r.read(3)), show(r.read(100)));
  },

  async function decodeStringsFalse() {
    const w = new Writable({
      decodeStrings: false,
      write(chunk, enc, cb) {
        console.log('_write', typeof chunk, show(chunk), enc);
        cb();
      },
    });
    w.write('text');
    w.write('74657874', 'hex');
    w.write(Buffer.from('buf'));
    w.end();
  },

  async function defaultEncoding() {
    const w = new Writable({
      defaultEncoding: 'base64',
      write(chunk, enc, cb) {
        console.log('_write', show(chunk), enc);
        cb();
      },
    });
    w.write('aGk=');
    w.setDefaultEncoding('HEX');
    w.write('6869');
    try {
      w.setDefaultEncoding('nope');
    } catch (err) {
      console.log('threw', err.code, err.message);
    }
    try {
      w.write('x', 'nope');
    } catch (err) {
      console.log('threw', err.code);
    }
    w.end();
  },

  async function unknownEncoding() {
    const r = new Readable({ read() {} });
    try {
      r.setEncoding('klingon');
    } catch (err) {
      console.log('threw', err.code, err.message);
    }
  },

  async function passThroughEncoding() {
    const p = new PassThrough({ encoding: 'utf8' });
    p.write(bytes('c3'));
    p.end(bytes('a9'));
    console.log(await readAll(p));
  },
]);
