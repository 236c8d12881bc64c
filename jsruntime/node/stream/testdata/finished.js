'use strict';
// finished and stream/promises finished: normal ends, errors, premature close, cleanup.
const { finished, Readable, Writable, Duplex, PassThrough } = require('stream');
const promises = require('stream/promises');
const { run, settle, logEvents } = require('./harness');

function res(err) {
  return err === undefined ? 'undefined' : err === null ? 'null' : (err.code || 'no code') + ' ' + err.message;
}

module.exports = run([
  async function readableEnds() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['end', 'close']);
    finished(r, (err) => console.log('finished', res(err)));
    r.push('x');
    r.push(null);
    r.resume();
  },

  async function writableFinishes() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    logEvents('w', w, ['finish', 'close']);
    finished(w, (err) => console.log('finished', res(err)));
    w.end('x');
  },

  async function prematureClose() {
    const r = new Readable({ read() {} });
    finished(r, (err) => console.log('finished', res(err)));
    r.destroy();
  },

  async function errored() {
    const w = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
    w.on('error', () => console.log('w error'));
    finished(w, (err) => console.log('finished', res(err)));
    w.write('x');
  },

  async function alreadyFinished() {
    const r = new Readable({ read() {} });
    r.push(null);
    r.resume();
    await settle();
    console.log('closed', r.closed, 'ended', r.readableEnded);
    finished(r, (err) => console.log('finished late', res(err)));
  },

  async function readableOnlyOption() {
    const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
    finished(d, { writable: false }, (err) => console.log('readable side finished', res(err)));
    d.push(null);
    d.resume();
    await settle();
    console.log('writable still', d.writable);
    d.end();
  },

  async function cleanupStopsCallback() {
    const r = new Readable({ read() {} });
    const cleanup = finished(r, () => console.log('should not run'));
    cleanup();
    r.push(null);
    r.resume();
    console.log('listeners left', r.listenerCount('end'), r.listenerCount('close'));
  },

  async function promiseResolves() {
    const p = new PassThrough();
    const done = promises.finished(p);
    p.end('x');
    p.resume();
    await done;
    console.log('resolved');
  },

  async function promiseRejects() {
    const r = new Readable({ read() {} });
    const done = promises.finished(r);
    r.destroy(new Error('gone'));
    r.on('error', () => {});
    try {
      await done;
    } catch (err) {
      console.log('rejected', err.message);
    }
  },

  async function errorOptionFalse() {
    const r = new Readable({ read() {} });
    r.on('error', (err) => console.log('error event', err.message));
    finished(r, { error: false }, (err) => console.log('finished', res(err)));
    r.destroy(new Error('boom'));
  },

  async function legacyEmitter() {
    const EventEmitter = require('events');
    const legacy = new EventEmitter();
    legacy.write = () => true;
    legacy.writable = true;
    finished(legacy, (err) => console.log('legacy finished', res(err)));
    legacy.writable = false;
    legacy.emit('close');
  },

  async function notAStream() {
    try {
      finished({}, () => {});
    } catch (err) {
      console.log('threw', err.code);
    }
  },
]);
