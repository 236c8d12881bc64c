// The transform streams over encoders: TextEncoderStream, TextDecoderStream, and CompressionStream and
// DecompressionStream, whose (de)compression runs in Go off the loop (native.codec).
(function (W, native, global) {
'use strict';

const { kState, is } = W;
const TextEncoder = global.TextEncoder;
const TextDecoder = global.TextDecoder;

// pairGetters gives a class readable and writable getters over the TransformStream in its state.
function pairGetters(cls, kind) {
	Object.defineProperties(cls.prototype, {
		readable: {
			get() {
				if (!is(this, kind)) throw W.invalidThis(kind);
				return this[kState].transform.readable;
			},
			enumerable: true, configurable: true,
		},
		writable: {
			get() {
				if (!is(this, kind)) throw W.invalidThis(kind);
				return this[kState].transform.writable;
			},
			enumerable: true, configurable: true,
		},
	});
}

class TextEncoderStream {
	constructor() {
		const encoder = new TextEncoder();
		let pendingHighSurrogate = null;
		this[kState] = {
			kind: 'TextEncoderStream',
			transform: new W.TransformStream({
				transform(chunk, c) {
					let s = String(chunk);
					if (pendingHighSurrogate !== null) {
						s = pendingHighSurrogate + s;
						pendingHighSurrogate = null;
					}
					const last = s.charCodeAt(s.length - 1);
					if (last >= 0xD800 && last <= 0xDBFF) {
						pendingHighSurrogate = s[s.length - 1];
						s = s.slice(0, -1);
					}
					if (s.length > 0) c.enqueue(encoder.encode(s));
				},
				flush(c) {
					if (pendingHighSurrogate !== null) c.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
				},
			}),
		};
	}
	get encoding() {
		if (!is(this, 'TextEncoderStream')) throw W.invalidThis('TextEncoderStream');
		return 'utf-8';
	}
}
pairGetters(TextEncoderStream, 'TextEncoderStream');
W.defineClass('TextEncoderStream', TextEncoderStream, ['encoding']);
W.inspectAs(TextEncoderStream, 'TextEncoderStream', (t) => ({ encoding: 'utf-8', readable: t.readable, writable: t.writable }));

class TextDecoderStream {
	constructor(encoding = 'utf-8', options = {}) {
		const decoder = new TextDecoder(encoding, options);
		this[kState] = {
			kind: 'TextDecoderStream',
			decoder,
			transform: new W.TransformStream({
				transform(chunk, c) {
					const s = decoder.decode(chunk, { stream: true });
					if (s) c.enqueue(s);
				},
				flush(c) {
					const s = decoder.decode();
					if (s) c.enqueue(s);
				},
			}),
		};
	}
	get encoding() {
		if (!is(this, 'TextDecoderStream')) throw W.invalidThis('TextDecoderStream');
		return this[kState].decoder.encoding;
	}
	get fatal() {
		if (!is(this, 'TextDecoderStream')) throw W.invalidThis('TextDecoderStream');
		return this[kState].decoder.fatal;
	}
	get ignoreBOM() {
		if (!is(this, 'TextDecoderStream')) throw W.invalidThis('TextDecoderStream');
		return this[kState].decoder.ignoreBOM;
	}
}
pairGetters(TextDecoderStream, 'TextDecoderStream');
W.defineClass('TextDecoderStream', TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM']);
W.inspectAs(TextDecoderStream, 'TextDecoderStream', (t) => ({
	encoding: t.encoding, fatal: t.fatal, ignoreBOM: t.ignoreBOM, readable: t.readable, writable: t.writable,
}));

const formats = ['deflate', 'deflate-raw', 'gzip'];

// codecTransform runs chunks through a Go (de)compressor: each write answers with the output it
// produced, in order, and cancelling or aborting the stream releases the Go side.
function codecTransform(format, decompress) {
	if (!formats.includes(format)) throw W.argValue('format', format);
	const codec = native.codec(format, decompress);
	const emit = (c) => (chunks) => { for (const chunk of chunks) c.enqueue(chunk); };
	const fail = (e) => { codec.close(); throw e; };
	return new W.TransformStream({
		transform(chunk, c) {
			const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
			if (!ArrayBuffer.isView(bytes) && !(bytes instanceof ArrayBuffer)) {
				return Promise.reject(W.argType('chunk', 'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', chunk));
			}
			return codec.write(bytes).then(emit(c), fail);
		},
		flush(c) { return codec.end().then(emit(c), fail); },
		cancel() { codec.close(); },
	});
}

class CompressionStream {
	constructor(format) {
		this[kState] = { kind: 'CompressionStream', transform: codecTransform(format, false) };
	}
}
pairGetters(CompressionStream, 'CompressionStream');
W.defineClass('CompressionStream', CompressionStream, []);
W.inspectAs(CompressionStream, 'CompressionStream', (t) => ({ readable: t.readable, writable: t.writable }));

class DecompressionStream {
	constructor(format) {
		this[kState] = { kind: 'DecompressionStream', transform: codecTransform(format, true) };
	}
}
pairGetters(DecompressionStream, 'DecompressionStream');
W.defineClass('DecompressionStream', DecompressionStream, []);
W.inspectAs(DecompressionStream, 'DecompressionStream', (t) => ({ readable: t.readable, writable: t.writable }));
})
