'use strict';
// Subclassing: ES classes, constructor functions with Object.setPrototypeOf and
// Readable.call(this, opts) (what util.inherits does), calls without new, instanceof.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough } = stream;
const { run, settle, show } = require('./harness');

class Counter extends Readable {
  constructor(max, opts) {
    super(opts);
    this.n = 0;
    this.max = max;
  }

  _read() {
    this.n++;
    this.push(this.n > this.max ? null : String(this.n));
  }
}

class Collector extends Writable {
  constructor() {
    super({ decodeStrings: false });
    this.parts = [];
  }

  _write(chunk, enc, cb) {
    this.parts.push(String(chunk));
    cb();
  }

  _final(cb) {
    console.log('Collector final', this.parts.join('|'));
    cb();
  }
}

class Doubler extends Transform {
  _transform(chunk, enc, cb) {
    cb(null, String(chunk) + String(chunk));
  }

  _flush(cb) {
    this.push('.');
    cb();
  }
}

class Echo extends Duplex {
  constructor() {
    super({ allowHalfOpen: false });
  }

  _read() {}

  _write(chunk, enc, cb) {
    this.push(chunk);
    cb();
  }

  _final(cb) {
    this.push(null);
    cb();
  }
}

function OldReadable(opts) {
  if (!(this instanceof OldReadable)) return new OldReadable(opts);
  Readable.call(this, opts);
  this.sent = false;
}
Object.setPrototypeOf(OldReadable.prototype, Readable.prototype);
Object.setPrototypeOf(OldReadable, Readable);
OldReadable.prototype._read = function () {
  this.push(this.sent ? null : 'old style');
  this.sent = true;
};

function OldTransform(opts) {
  Transform.call(this, opts);
}
Object.setPrototypeOf(OldTransform.prototype, Transform.prototype);
Object.setPrototypeOf(OldTransform, Transform);
OldTransform.prototype._transform = function (chunk, enc, cb) {
  cb(null, '<' + chunk + '>');
};

function OldWritable() {
  Writable.call(this, { objectMode: true });
}
Object.setPrototypeOf(OldWritable.prototype, Writable.prototype);
OldWritable.prototype._write = function (obj, enc, cb) {
  console.log('OldWritable got', show(obj));
  cb();
};

module.exports = run([
  async function classPipe() {
    const c = new Counter(3);
    const col = new Collector();
    col.on('finish', () => console.log('finish', col.parts.join(',')));
    c.pipe(new Doubler()).pipe(col);
    await new Promise((resolve) => col.on('close', resolve));
  },

  async function classDuplexAllowHalfOpenFalse() {
    const e = new Echo();
    e.on('data', (d) => console.log('echo', show(d)));
    e.on('end', () => console.log('end, writable', e.writable));
    e.on('finish', () => console.log('finish'));
    e.on('close', () => console.log('close'));
    e.write('ping');
    e.end();
  },

  async function inheritsStyle() {
    const r = new OldReadable();
    const r2 = OldReadable();
    console.log('instanceof', r instanceof Readable, r2 instanceof OldReadable, r instanceof stream.Stream);
    r.on('data', (d) => console.log('data', show(d)));
    r.on('end', () => console.log('end'));
    r2.resume();
    const t = new OldTransform();
    t.on('data', (d) => console.log('t data', show(d)));
    t.end('x');
    const w = new OldWritable();
    w.write({ ok: true });
    w.end();
  },

  async function callWithoutNew() {
    const r = Readable({ read() {} });
    const w = Writable({ write(c, e, cb) { cb(); } });
    const d = Duplex();
    const t = Transform();
    const p = PassThrough();
    console.log(r instanceof Readable, w instanceof Writable, d instanceof Duplex, t instanceof Transform, p instanceof PassThrough);
  },

  async function instanceChecks() {
    const d = new Duplex();
    const t = new Transform();
    const w = new Writable();
    console.log('duplex is Writable', d instanceof Writable, 'is Readable', d instanceof Readable);
    console.log('transform is Writable', t instanceof Writable, 'is Duplex', t instanceof Duplex);
    console.log('writable is Readable', w instanceof Readable, 'is Stream', w instanceof stream);
    console.log('class Counter is Duplex-writable', new Counter(1) instanceof Writable);
    class MyWritable extends Writable {}
    console.log('subclass check', d instanceof MyWritable, new MyWritable() instanceof Writable);
  },

  async function methodsOverriddenPerInstance() {
    const r = new Readable();
    r._read = function () {
      this.push('patched');
      this.push(null);
    };
    r.on('data', (d) => console.log('data', show(d)));
  },

  async function moduleShape() {
    console.log(typeof stream, stream === stream.Stream, typeof stream.promises.pipeline, typeof stream.promises.finished);
    console.log(['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline', 'finished', 'addAbortSignal',
      'getDefaultHighWaterMark', 'setDefaultHighWaterMark', 'destroy', 'isReadable', 'isErrored', 'isDisturbed']
      .map((k) => k + ':' + typeof stream[k]).join(' '));
    console.log(typeof Readable.from, typeof Readable.ReadableState, typeof Writable.WritableState);
    console.log('hwm', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
    console.log(require('stream/promises').pipeline === stream.promises.pipeline);
  },
]);
