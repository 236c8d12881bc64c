'use strict';
// Flowing and paused modes: 'data' versus 'readable'/read(n), pause/resume, unshift.
const { Readable } = require('stream');
const { run, settle, logEvents, show } = require('./harness');

module.exports = run([
  async function flowingData() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['data', 'end', 'close', 'pause', 'resume']);
    console.log('push a', r.push('a'));
    r.push('b');
    r.push(null);
    console.log('flowing', r.readableFlowing, 'length', r.readableLength, 'paused', r.isPaused());
  },

  async function readOnDemand() {
    let n = 0;
    const r = new Readable({
      highWaterMark: 4,
      read(size) {
        n++;
        console.log('_read', size, n);
        if (n <= 3) this.push('chunk' + n);
        else this.push(null);
      },
    });
    logEvents('r', r, ['end', 'close']);
    r.on('data', (d) => console.log('data', show(d), 'len', r.readableLength));
  },

  async function pausedReadable() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['end', 'close']);
    r.on('readable', () => {
      console.log('readable len', r.readableLength, 'flowing', r.readableFlowing);
      let chunk;
      while ((chunk = r.read()) !== null) console.log('read', show(chunk));
    });
    r.push('ab');
    r.push('cd');
    await settle();
    r.push('ef');
    r.push(null);
  },

  async function readSizes() {
    const r = new Readable({ read() {} });
    r.push('hello');
    r.push('world');
    r.push(null);
    await settle();
    console.log('read(3)', show(r.read(3)));
    console.log('read(4)', show(r.read(4)));
    console.log('read(10) when 3 left', show(r.read(10)));
    console.log('read() at end', show(r.read()));
    console.log('ended', r.readableEnded);
    await settle();
    console.log('ended later', r.readableEnded);
  },

  async function pauseResume() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['data', 'pause', 'resume', 'end']);
    r.pause();
    console.log('isPaused', r.isPaused(), r.readableFlowing);
    r.push('x');
    await settle();
    console.log('still paused, length', r.readableLength);
    r.resume();
    console.log('after resume', r.isPaused(), r.readableFlowing);
    await settle();
    r.push('y');
    r.push(null);
  },

  async function unshiftChunk() {
    const r = new Readable({ read() {} });
    r.push('world');
    await settle();
    r.unshift('hello ');
    console.log('len', r.readableLength);
    r.push(null);
    r.on('data', (d) => console.log('data', show(d)));
    r.on('end', () => console.log('end'));
  },

  async function readableThenData() {
    const r = new Readable({ read() {} });
    r.on('readable', () => console.log('readable', r.readableLength));
    r.on('data', (d) => console.log('data', show(d)));
    console.log('flowing', r.readableFlowing);
    r.push('a');
    await settle();
    console.log('read', show(r.read()));
    r.push(null);
    await settle();
  },

  async function endWithoutConsumer() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['end', 'close']);
    r.push(null);
    await settle();
    console.log('no end yet', r.readableEnded);
    r.resume();
  },

  async function noReadImplemented() {
    const r = new Readable();
    logEvents('r', r, ['error', 'close']);
    r.resume();
  },

  async function pushAfterEOF() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['error', 'close', 'end']);
    r.push(null);
    r.push('late');
    console.log('destroyed', r.destroyed);
  },

  async function highWaterMarkZero() {
    let n = 0;
    const r = new Readable({
      highWaterMark: 0,
      read() {
        n++;
        console.log('_read', n);
        this.push(n < 3 ? 'c' + n : null);
      },
    });
    r.on('data', (d) => console.log('data', show(d)));
    r.on('end', () => console.log('end'));
  },
]);
