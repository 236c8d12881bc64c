// Blob and File. A blob is a list of immutable byte parts (strings encoded as UTF-8, buffers copied,
// blobs shared), so slicing and concatenating never copy more than needed; stream() yields the parts.
(function (W, native, global) {
'use strict';

const { kState, is } = W;
const TextEncoder = global.TextEncoder;
const TextDecoder = global.TextDecoder;
const encoder = new TextEncoder();

// normalizeType is the spec's type rule: lower-cased, or empty when it has characters outside
// U+0020..U+007E.
function normalizeType(type) {
	const t = String(type);
	return /^[\x20-\x7E]*$/.test(t) ? t.toLowerCase() : '';
}

function toPart(source, endings) {
	if (source instanceof ArrayBuffer) return new Uint8Array(source.slice(0));
	if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
	if (is(source, 'Blob')) return source[kState].parts;
	let s = String(source);
	if (endings === 'native') s = s.replace(/\r?\n/g, '\n');
	return encoder.encode(s);
}

// newBlob makes a Blob over parts without copying them.
function newBlob(parts, type) {
	const blob = Object.create(Blob.prototype);
	initBlob(blob, parts, type);
	return blob;
}
W.newBlob = newBlob;

function initBlob(blob, parts, type) {
	let size = 0;
	const kept = [];
	for (const p of parts) {
		if (p.byteLength > 0) {
			kept.push(p);
			size += p.byteLength;
		}
	}
	blob[kState] = { kind: 'Blob', parts: kept, size, type };
}

// blobBytes joins a blob's parts into one Uint8Array (the only part itself when there is one).
function blobBytes(blob) {
	const { parts, size } = blob[kState];
	if (parts.length === 1) return parts[0];
	const out = new Uint8Array(size);
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.byteLength;
	}
	return out;
}
W.blobBytes = blobBytes;
W.blobParts = (blob) => blob[kState].parts;

class Blob {
	constructor(sources = [], options = {}) {
		if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
			throw W.argType('sources', 'a sequence', sources);
		}
		W.validateObject(options, 'options', true);
		const o = options == null ? {} : options;
		const endings = o.endings === undefined ? 'transparent' : `${o.endings}`;
		if (endings !== 'transparent' && endings !== 'native') throw W.argValue('options.endings', endings);
		const parts = [];
		for (const source of sources) {
			const part = toPart(source, endings);
			if (Array.isArray(part)) parts.push(...part);
			else parts.push(part);
		}
		initBlob(this, parts, o.type === undefined ? '' : normalizeType(o.type));
	}
	get type() {
		if (!is(this, 'Blob')) throw W.invalidThis('Blob');
		return this[kState].type;
	}
	get size() {
		if (!is(this, 'Blob')) throw W.invalidThis('Blob');
		return this[kState].size;
	}
	slice(start = 0, end = this.size, contentType = '') {
		if (!is(this, 'Blob')) throw W.invalidThis('Blob');
		const size = this[kState].size;
		const clamp = (v) => {
			v = Math.trunc(+v) || 0;
			return v < 0 ? Math.max(size + v, 0) : Math.min(v, size);
		};
		const from = clamp(start);
		const to = clamp(end);
		const parts = [];
		let offset = 0;
		for (const p of this[kState].parts) {
			const pEnd = offset + p.byteLength;
			if (pEnd > from && offset < to) {
				parts.push(p.subarray(Math.max(from - offset, 0), Math.min(to, pEnd) - offset));
			}
			offset = pEnd;
		}
		return newBlob(parts, normalizeType(contentType));
	}
	arrayBuffer() {
		if (!is(this, 'Blob')) return Promise.reject(W.invalidThis('Blob'));
		const b = blobBytes(this);
		return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
	}
	text() {
		if (!is(this, 'Blob')) return Promise.reject(W.invalidThis('Blob'));
		return Promise.resolve(new TextDecoder().decode(blobBytes(this)));
	}
	bytes() {
		if (!is(this, 'Blob')) return Promise.reject(W.invalidThis('Blob'));
		return Promise.resolve(new Uint8Array(blobBytes(this)));
	}
	stream() {
		if (!is(this, 'Blob')) throw W.invalidThis('Blob');
		const parts = this[kState].parts.slice();
		return new W.ReadableStream({
			type: 'bytes',
			pull(c) {
				if (parts.length === 0) {
					c.close();
					const request = c.byobRequest;
					if (request) request.respond(0);
					return;
				}
				c.enqueue(new Uint8Array(parts.shift()));
			},
		});
	}
}
W.defineClass('Blob', Blob, ['type', 'size', 'slice', 'arrayBuffer', 'text', 'stream']);
W.inspectAs(Blob, 'Blob', (b) => ({ size: b[kState].size, type: b[kState].type }));

class File extends Blob {
	constructor(fileBits, fileName, options = {}) {
		if (arguments.length < 2) {
			throw W.nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
		}
		super(fileBits, options);
		const o = options == null ? {} : options;
		let lastModified = o.lastModified === undefined ? Date.now() : +o.lastModified;
		if (Number.isNaN(lastModified)) lastModified = 0;
		this[kState].name = `${fileName}`;
		this[kState].lastModified = Math.trunc(lastModified);
		this[kState].isFile = true;
	}
	get name() {
		if (!is(this, 'Blob') || !this[kState].isFile) throw W.invalidThis('File');
		return this[kState].name;
	}
	get lastModified() {
		if (!is(this, 'Blob') || !this[kState].isFile) throw W.invalidThis('File');
		return this[kState].lastModified;
	}
}
W.defineClass('File', File, ['name', 'lastModified']);
W.inspectAs(File, 'File', (f) => ({ size: f[kState].size, type: f[kState].type, name: f[kState].name, lastModified: f[kState].lastModified }));

// Object URLs: URL.createObjectURL names a blob "blob:nodedata:<uuid>" until revokeObjectURL, and
// require('buffer').resolveObjectURL gives a new Blob over the same bytes, as Node's do. Like Node's,
// the lookup reads only the URL's path.
const objectURLs = new Map();
function objectURLId(url) {
	let parsed;
	try {
		parsed = new global.URL(url);
	} catch {
		return undefined;
	}
	const split = parsed.pathname.split(':');
	return split.length === 2 && split[0] === 'nodedata' ? split[1] : undefined;
}
W.createObjectURL = function createObjectURL(obj) {
	if (!is(obj, 'Blob')) throw W.argType('obj', 'an instance of Blob', obj);
	const id = native.randomUUID();
	objectURLs.set(id, { parts: obj[kState].parts, type: obj[kState].type });
	return `blob:nodedata:${id}`;
};
W.revokeObjectURL = function revokeObjectURL(url) {
	if (arguments.length === 0) throw W.nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
	const id = objectURLId(`${url}`);
	if (id !== undefined) objectURLs.delete(id);
};
W.resolveObjectURL = function resolveObjectURL(url) {
	const id = objectURLId(`${url}`);
	const entry = id === undefined ? undefined : objectURLs.get(id);
	return entry === undefined ? undefined : newBlob(entry.parts, entry.type);
};
})
