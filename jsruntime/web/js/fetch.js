// fetch with Headers, Request and Response, as undici implements them in Node 20. Bodies follow the
// Fetch Standard: a body is a ReadableStream, made only when the body getter asks for it (a body known
// as bytes is otherwise read directly, and a fetched body in one Go read); reading or locking it makes
// it unusable. The network half is Go (native.fetch): the request runs on its own goroutine and the
// response body streams from Go as it arrives.
(function (W, native, global) {
'use strict';

const { kState, is } = W;
const { TextEncoder, TextDecoder, AbortController, AbortSignal } = global;
const encoder = new TextEncoder();
const utf8 = (bytes) => new TextDecoder().decode(bytes);

// Headers: names are case-insensitive and iterate sorted; values of a repeated name join with ', ',
// except set-cookie which getSetCookie() keeps apart. The headers of fetched responses, errors and
// redirects are immutable.
const validName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalizeValue = (v) => String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
function checkName(name, method) {
	name = String(name);
	if (!validName.test(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
	return name.toLowerCase();
}
function checkValue(value, method) {
	const v = normalizeValue(value);
	if (/[\0\r\n]/.test(v)) throw new TypeError(`Headers.${method}: "${v}" is an invalid header value.`);
	return v;
}
function checkMutable(headers) {
	if (headers[kState].guard === 'immutable') throw new TypeError('immutable');
}

class Headers {
	constructor(init = undefined) {
		this[kState] = { kind: 'Headers', map: new Map(), guard: 'none' };
		if (init == null) return;
		if (is(init, 'Headers')) {
			for (const [k, vs] of init[kState].map) this[kState].map.set(k, vs.slice());
		} else if (typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
			for (const pair of init) {
				const p = Array.from(pair);
				if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
				this.append(p[0], p[1]);
			}
		} else if (typeof init === 'object') {
			for (const k of Object.keys(init)) this.append(k, init[k]);
		} else {
			throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
		}
	}
	append(name, value) {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		const k = checkName(name, 'append');
		const v = checkValue(value, 'append');
		checkMutable(this);
		const list = this[kState].map.get(k);
		if (list) list.push(v); else this[kState].map.set(k, [v]);
	}
	delete(name) {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		const k = checkName(name, 'delete');
		checkMutable(this);
		this[kState].map.delete(k);
	}
	get(name) {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		const list = this[kState].map.get(checkName(name, 'get'));
		return list ? list.join(', ') : null;
	}
	has(name) {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		return this[kState].map.has(checkName(name, 'has'));
	}
	set(name, value) {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		const k = checkName(name, 'set');
		const v = checkValue(value, 'set');
		checkMutable(this);
		this[kState].map.set(k, [v]);
	}
	getSetCookie() {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		return (this[kState].map.get('set-cookie') || []).slice();
	}
	keys() { return headersIterator(this, 'key'); }
	values() { return headersIterator(this, 'value'); }
	entries() { return headersIterator(this, 'key+value'); }
	forEach(callback, thisArg = undefined) {
		if (!is(this, 'Headers')) throw W.invalidThis('Headers');
		if (typeof callback !== 'function') {
			throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
		}
		for (const [k, v] of sortedEntries(this)) callback.call(thisArg, v, k, this);
	}
}
Object.defineProperty(Headers.prototype, Symbol.iterator, {
	value: Headers.prototype.entries, writable: true, configurable: true, enumerable: false,
});
W.defineClass('Headers', Headers, ['append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'keys', 'values', 'entries', 'forEach']);
W.inspectAs(Headers, 'Headers', (h) => {
	const out = {};
	for (const [k, vs] of h[kState].map) out[k] = vs.join(', ');
	return out;
});

function sortedEntries(headers) {
	const map = headers[kState].map;
	const out = [];
	for (const k of [...map.keys()].sort()) {
		if (k === 'set-cookie') for (const v of map.get(k)) out.push([k, v]);
		else out.push([k, map.get(k).join(', ')]);
	}
	return out;
}

const headersIteratorPrototype = {
	next() {
		const it = this[kState];
		if (it.index >= it.entries.length) return { value: undefined, done: true };
		const [key, value] = it.entries[it.index++];
		if (it.kind === 'key') return { value: key, done: false };
		if (it.kind === 'value') return { value, done: false };
		return { value: [key, value], done: false };
	},
	[Symbol.iterator]() { return this; },
};
W.hideState(headersIteratorPrototype);
Object.defineProperty(headersIteratorPrototype, Symbol.toStringTag, { value: 'Headers Iterator', configurable: true });

function headersIterator(headers, kind) {
	if (!is(headers, 'Headers')) throw W.invalidThis('Headers');
	const it = Object.create(headersIteratorPrototype);
	it[kState] = { entries: sortedEntries(headers), kind, index: 0 };
	return it;
}

// headerPairs lists every value separately, for the Go side.
function headerPairs(headers) {
	const out = [];
	for (const [k, vs] of headers[kState].map) for (const v of vs) out.push([k, v]);
	return out;
}

function immutableHeaders(init) {
	const h = new Headers(init);
	h[kState].guard = 'immutable';
	return h;
}

// Bodies. A body record is { stream, source, handle, used, aborted }: stream is the ReadableStream once
// made; source the bytes of a body given as bytes; handle the Go reader of a fetched body.
const unusable = () => new TypeError('Body is unusable: Body has already been read');

function extractBody(object) {
	let source = null;
	let stream = null;
	let type = null;
	if (typeof object === 'string') {
		source = encoder.encode(object);
		type = 'text/plain;charset=UTF-8';
	} else if (typeof global.URLSearchParams === 'function' && object instanceof global.URLSearchParams) {
		source = encoder.encode(object.toString());
		type = 'application/x-www-form-urlencoded;charset=UTF-8';
	} else if (object instanceof ArrayBuffer) {
		source = new Uint8Array(object.slice(0));
	} else if (ArrayBuffer.isView(object)) {
		source = new Uint8Array(object.buffer.slice(object.byteOffset, object.byteOffset + object.byteLength));
	} else if (is(object, 'Blob')) {
		source = W.blobBytes(object);
		if (object.type !== '') type = object.type;
	} else if (is(object, 'FormData')) {
		const multipart = W.encodeMultipart(object);
		source = W.blobBytes(W.newBlob(multipart.parts, ''));
		type = multipart.contentType;
	} else if (is(object, 'ReadableStream')) {
		if (object[kState].disturbed || W.isLocked(object)) throw new TypeError('Response body object should not be disturbed or locked');
		stream = object;
	} else if (object !== null && typeof object === 'object' && typeof object[Symbol.asyncIterator] === 'function') {
		stream = iterableStream(object);
	} else {
		source = encoder.encode(String(object));
		type = 'text/plain;charset=UTF-8';
	}
	return { body: { stream, source, handle: null, used: false, aborted: undefined }, type };
}

// iterableStream reads an async iterable of strings and buffers as a byte stream, as undici does.
function iterableStream(iterable) {
	let it;
	return new W.ReadableStream({
		type: 'bytes',
		pull(c) {
			if (it === undefined) it = iterable[Symbol.asyncIterator]();
			return Promise.resolve(it.next()).then((r) => {
				if (r.done) {
					c.close();
					if (c.byobRequest) c.byobRequest.respond(0);
					return;
				}
				const v = r.value;
				const bytes = typeof v === 'string' ? encoder.encode(v)
					: ArrayBuffer.isView(v) ? new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength))
						: v instanceof ArrayBuffer ? new Uint8Array(v.slice(0)) : null;
				if (bytes === null) throw new TypeError('Received non-Uint8Array chunk');
				if (bytes.byteLength > 0) c.enqueue(bytes);
			});
		},
		cancel(reason) {
			if (it !== undefined && typeof it.return === 'function') return it.return(reason);
		},
	});
}

// bodyStream gives the body's ReadableStream, making it on first use.
function bodyStream(b) {
	if (b.stream !== null) return b.stream;
	if (b.handle !== null) {
		b.stream = handleStream(b);
	} else {
		const source = b.source;
		b.stream = new W.ReadableStream({
			type: 'bytes',
			start(c) {
				if (b.used) {
					c.error(unusable());
					return;
				}
				if (source.byteLength > 0) c.enqueue(new Uint8Array(source));
				c.close();
			},
		});
	}
	return b.stream;
}

// handleStream streams a fetched body from Go: each pull is one read of what has arrived.
function handleStream(b) {
	const handle = b.handle;
	return new W.ReadableStream({
		type: 'bytes',
		start(c) {
			b.controller = c;
			if (b.aborted !== undefined) c.error(b.aborted);
		},
		pull(c) {
			return handle.read().then((chunk) => {
				if (chunk === null) {
					c.close();
					if (c.byobRequest) c.byobRequest.respond(0);
				} else {
					c.enqueue(chunk);
				}
			}, (err) => {
				throw b.aborted !== undefined ? b.aborted : err;
			});
		},
		cancel() { handle.cancel(); },
	});
}

const bodyUsed = (b) => b !== null && (b.used || (b.stream !== null && b.stream[kState].disturbed));
const bodyUnusable = (b) => b !== null && (bodyUsed(b) || (b.stream !== null && W.isLocked(b.stream)));

// readAll reads a stream to its end into one Uint8Array.
function readAll(stream) {
	const reader = stream.getReader();
	const chunks = [];
	let size = 0;
	const step = () => reader.read().then(({ value, done }) => {
		if (done) {
			if (chunks.length === 1) return chunks[0];
			const out = new Uint8Array(size);
			let offset = 0;
			for (const c of chunks) {
				out.set(c, offset);
				offset += c.byteLength;
			}
			return out;
		}
		if (!(value instanceof Uint8Array)) {
			const err = new TypeError('Received non-Uint8Array chunk');
			reader.cancel(err);
			throw err;
		}
		chunks.push(value);
		size += value.byteLength;
		return step();
	});
	return step();
}

// consume reads the whole body as bytes ("fully read body").
function consume(obj) {
	const b = obj[kState].body;
	if (bodyUnusable(b)) return Promise.reject(unusable());
	if (b === null) return Promise.resolve(new Uint8Array(0));
	if (b.stream === null) {
		b.used = true;
		if (b.aborted !== undefined) return Promise.reject(b.aborted);
		if (b.handle !== null) {
			return b.handle.readAll().then(undefined, (err) => { throw b.aborted !== undefined ? b.aborted : err; });
		}
		return Promise.resolve(b.source);
	}
	return readAll(b.stream);
}

function mimeType(obj) {
	const ct = obj[kState].headers.get('content-type');
	return ct === null ? '' : ct;
}

// parseURLEncoded is the application/x-www-form-urlencoded parser: '+' is a space and percent-escapes
// are bytes of UTF-8.
function parseURLEncoded(input) {
	const decode = (s) => utf8(percentDecode(s.replace(/\+/g, ' ')));
	const entries = [];
	for (const part of input.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		entries.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
	}
	return entries;
}

function parseFormData(obj, bytes) {
	const ct = mimeType(obj);
	const essence = ct.split(';')[0].trim().toLowerCase();
	if (essence === 'multipart/form-data') {
		const entries = native.parseMultipart(bytes, ct);
		return W.newFormData(entries.map(([name, value]) => {
			if (typeof value === 'string') return [name, value];
			return [name, new W.File([value.bytes], value.filename, { type: value.type })];
		}));
	}
	if (essence === 'application/x-www-form-urlencoded') return W.newFormData(parseURLEncoded(utf8(bytes)));
	throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

// The body mixin's members, defined on Request.prototype and Response.prototype as in undici: the
// body getters, then the class's own tail members, then the reading methods.
const bodyGetters = {
	body(b) { return b === null ? null : bodyStream(b); },
	bodyUsed(b) { return bodyUsed(b); },
};
const bodyMethods = {
	blob() { return consume(this).then((b) => W.newBlob([new Uint8Array(b)], mimeType(this).toLowerCase())); },
	arrayBuffer() { return consume(this).then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); },
	text() { return consume(this).then(utf8); },
	json() { return consume(this).then((b) => JSON.parse(utf8(b))); },
	formData() { return consume(this).then((b) => parseFormData(this, b)); },
	bytes() { return consume(this).then((b) => new Uint8Array(b)); },
};
function mixBody(cls, kind, tail) {
	const proto = cls.prototype;
	for (const [name, get] of Object.entries(bodyGetters)) {
		Object.defineProperty(proto, name, {
			get() {
				if (!is(this, kind)) throw W.invalidThis(kind);
				return get(this[kState].body);
			},
			enumerable: true, configurable: true,
		});
	}
	for (const name of tail) {
		const d = Object.getOwnPropertyDescriptor(proto, name);
		delete proto[name];
		Object.defineProperty(proto, name, d);
	}
	for (const [name, fn] of Object.entries(bodyMethods)) {
		Object.defineProperty(proto, name, {
			value: { [name]() {
				if (!is(this, kind)) return Promise.reject(W.invalidThis(kind));
				return fn.call(this);
			} }[name],
			writable: true, enumerable: true, configurable: true,
		});
	}
}

// cloneBody tees a body: the original keeps one branch, the clone gets the other.
function cloneBody(b) {
	if (b === null) return null;
	if (b.stream === null && b.handle === null) return { stream: null, source: b.source, handle: null, used: false, aborted: undefined };
	const [one, two] = bodyStream(b).tee();
	b.stream = one;
	return { stream: two, source: null, handle: null, used: false, aborted: undefined };
}

function parseURL(input) {
	if (typeof global.URL === 'function') {
		try { return new global.URL(input).href; } catch { return null; }
	}
	return native.parseURL(input);
}

const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
const forbiddenMethods = ['CONNECT', 'TRACE', 'TRACK'];
const redirectModes = ['follow', 'manual', 'error'];

// followSignal gives a Request its own signal, which aborts when signal does, and unfollow, which
// detaches it (fetch does once done, so a long-lived signal does not collect listeners).
function followSignal(signal) {
	const ac = new AbortController();
	let unfollow = W.noop;
	if (signal != null) {
		if (signal.aborted) {
			ac.abort(signal.reason);
		} else {
			const onAbort = () => ac.abort(signal.reason);
			signal.addEventListener('abort', onAbort, { once: true });
			unfollow = () => signal.removeEventListener('abort', onAbort);
		}
	}
	return { signal: ac.signal, unfollow };
}

class Request {
	constructor(input, init = {}) {
		if (arguments.length < 1) throw new TypeError('Request constructor: 1 argument required, but only 0 present.');
		if (init !== undefined && init !== null && typeof init !== 'object') {
			throw new TypeError("Request constructor: Expected init (\"Argument 2\") to be an object.");
		}
		const o = init == null ? {} : init;
		const from = is(input, 'Request') ? input[kState] : null;
		let url;
		if (from) {
			url = from.url;
		} else {
			url = parseURL(String(input));
			if (url === null) throw new TypeError('Failed to parse URL from ' + String(input));
			if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url)) {
				throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' + String(input));
			}
		}
		let method = from ? from.method : 'GET';
		if (o.method !== undefined) {
			method = String(o.method);
			if (!validName.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
			const upper = method.toUpperCase();
			if (forbiddenMethods.includes(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
			if (normalizedMethods.includes(upper)) method = upper;
		}
		let redirect = from ? from.redirect : 'follow';
		if (o.redirect !== undefined) {
			redirect = String(o.redirect);
			if (!redirectModes.includes(redirect)) throw new TypeError(`Request constructor: ${redirect} is not an accepted type. Expected one of follow, manual, error.`);
		}
		if (o.duplex !== undefined && `${o.duplex}` !== 'half') {
			throw new TypeError(`Request constructor: ${o.duplex} is not an accepted type. Expected one of half.`);
		}
		let signal = from ? from.signal : null;
		if (o.signal !== undefined) {
			if (o.signal !== null && !(o.signal instanceof AbortSignal)) {
				throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
			}
			signal = o.signal;
		}
		const headers = new Headers(o.headers !== undefined ? o.headers : from ? from.headers : undefined);
		const hasInitBody = o.body != null;
		if ((hasInitBody || (from && from.body !== null)) && (method === 'GET' || method === 'HEAD')) {
			throw new TypeError('Request with GET/HEAD method cannot have body.');
		}
		let body = null;
		if (hasInitBody) {
			const extracted = extractBody(o.body);
			body = extracted.body;
			if (extracted.type !== null && !headers.has('content-type')) headers.append('content-type', extracted.type);
			if (body.stream !== null && o.duplex === undefined) throw new TypeError('RequestInit: duplex option is required when sending a body.');
		} else if (from && from.body !== null && o.body === undefined) {
			if (bodyUnusable(from.body)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
			body = moveBody(from.body);
		}
		const follow = followSignal(signal);
		this[kState] = { kind: 'Request', url, method, headers, body, redirect, signal: follow.signal, unfollow: follow.unfollow };
	}
	get method() { return requestState(this).method; }
	get url() { return requestState(this).url; }
	get headers() { return requestState(this).headers; }
	get destination() { requestState(this); return ''; }
	get referrer() { requestState(this); return 'about:client'; }
	get referrerPolicy() { requestState(this); return ''; }
	get mode() { requestState(this); return 'cors'; }
	get credentials() { requestState(this); return 'same-origin'; }
	get cache() { requestState(this); return 'default'; }
	get redirect() { return requestState(this).redirect; }
	get integrity() { requestState(this); return ''; }
	get keepalive() { requestState(this); return false; }
	get isReloadNavigation() { requestState(this); return false; }
	get isHistoryNavigation() { requestState(this); return false; }
	get signal() { return requestState(this).signal; }
	get duplex() { requestState(this); return 'half'; }
	clone() {
		const s = requestState(this);
		if (bodyUnusable(s.body)) throw new TypeError('unusable');
		const clone = Object.create(Request.prototype);
		const follow = followSignal(s.signal);
		clone[kState] = { ...s, headers: new Headers(s.headers), body: cloneBody(s.body), signal: follow.signal, unfollow: follow.unfollow };
		return clone;
	}
}
mixBody(Request, 'Request', ['duplex', 'clone']);
W.defineClass('Request', Request, ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode',
	'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation', 'signal',
	'duplex', 'clone']);

W.inspectAs(Request, 'Request', (r) => ({
	method: r.method, url: r.url, headers: r.headers, destination: '', referrer: 'about:client', referrerPolicy: '',
	mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: r.redirect, integrity: '', keepalive: false,
	isReloadNavigation: false, isHistoryNavigation: false, signal: r.signal,
}));

function requestState(r) {
	if (!is(r, 'Request')) throw W.invalidThis('Request');
	return r[kState];
}

// moveBody hands a Request's body to a new Request; the old one counts as used.
function moveBody(b) {
	if (b.stream === null && b.handle === null) {
		b.used = true;
		return { stream: null, source: b.source, handle: null, used: false, aborted: undefined };
	}
	const identity = new W.TransformStream();
	W.markHandled(bodyStream(b).pipeTo(identity.writable));
	return { stream: identity.readable, source: null, handle: null, used: false, aborted: undefined };
}

const nullBodyStatus = [101, 103, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];
const reasonPhrase = /^[\t\x20-\x7E\x80-\xFF]*$/;

class Response {
	constructor(body = null, init = {}) {
		if (init !== null && typeof init !== 'object') {
			throw new TypeError("Response constructor: Expected init (\"Argument 2\") to be an object.");
		}
		const o = init == null ? {} : init;
		const status = o.status !== undefined ? Number(o.status) : 200;
		if (!Number.isInteger(status) || status < 200 || status > 599) {
			throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
		}
		const statusText = o.statusText !== undefined ? String(o.statusText) : '';
		if (!reasonPhrase.test(statusText)) throw new TypeError('Invalid statusText');
		const headers = new Headers(o.headers);
		let b = null;
		if (body != null) {
			if (nullBodyStatus.includes(status)) throw new TypeError(`Response constructor: Invalid response status code ${status}`);
			const extracted = extractBody(body);
			b = extracted.body;
			if (extracted.type !== null && !headers.has('content-type')) headers.append('content-type', extracted.type);
		}
		this[kState] = { kind: 'Response', type: 'default', status, statusText, headers, url: '', redirected: false, body: b };
	}
	get type() { return responseState(this).type; }
	get url() { return responseState(this).url; }
	get redirected() { return responseState(this).redirected; }
	get status() { return responseState(this).status; }
	get ok() {
		const s = responseState(this);
		return s.status >= 200 && s.status <= 299;
	}
	get statusText() { return responseState(this).statusText; }
	get headers() { return responseState(this).headers; }
	clone() {
		const s = responseState(this);
		if (bodyUnusable(s.body)) throw new TypeError('Response.clone: Body has already been consumed.');
		const headers = new Headers(s.headers);
		headers[kState].guard = s.headers[kState].guard;
		return newResponse({ ...s, headers, body: cloneBody(s.body) });
	}
	static error() {
		return newResponse({ kind: 'Response', type: 'error', status: 0, statusText: '', headers: immutableHeaders(), url: '', redirected: false, body: null });
	}
	static json(data, init = {}) {
		const text = JSON.stringify(data);
		if (text === undefined) throw new TypeError('Value is not JSON serializable');
		const r = new Response(text, init);
		const headers = r[kState].headers;
		if (!(init && init.headers !== undefined && new Headers(init.headers).has('content-type'))) headers.set('content-type', 'application/json');
		return r;
	}
	static redirect(url, status = 302) {
		const href = parseURL(String(url));
		if (href === null) throw new TypeError('Failed to parse URL from ' + String(url));
		if (!redirectStatus.includes(status)) throw new RangeError(`Invalid status code ${status}`);
		return newResponse({ kind: 'Response', type: 'default', status, statusText: '', headers: immutableHeaders([['location', href]]), url: '', redirected: false, body: null });
	}
}
mixBody(Response, 'Response', ['clone']);
W.defineClass('Response', Response, ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers', 'clone']);

W.inspectAs(Response, 'Response', (r) => ({
	status: r.status, statusText: r.statusText, headers: r.headers, body: r.body, bodyUsed: r.bodyUsed, ok: r.ok,
	redirected: r.redirected, type: r.type, url: r.url,
}));

function responseState(r) {
	if (!is(r, 'Response')) throw W.invalidThis('Response');
	return r[kState];
}

function newResponse(state) {
	const r = Object.create(Response.prototype);
	r[kState] = state;
	return r;
}

// pumpRequestBody copies a request body stream into the Go request as its chunks come.
function pumpRequestBody(stream, writer) {
	const reader = stream.getReader();
	const step = () => reader.read().then(({ value, done }) => {
		if (done) {
			writer.close();
			return undefined;
		}
		if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
		return writer.write(value).then(step);
	});
	step().then(undefined, (err) => {
		writer.error(String(err && err.message));
		reader.cancel(err).then(undefined, W.noop);
	});
}

// fetchFailed is undici's TypeError('fetch failed') for a request refused before any network use.
function fetchFailed(cause) {
	const err = new TypeError('fetch failed');
	err.cause = new Error(cause);
	return err;
}

// dataURLResponse answers a data: URL (the Fetch Standard's data: URL processor), or null when the
// URL is malformed.
function dataURLResponse(href) {
	const rest = href.slice(href.indexOf(':') + 1);
	const comma = rest.indexOf(',');
	if (comma < 0) return null;
	let mime = rest.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
	let body = percentDecode(rest.slice(comma + 1));
	const base64 = /;[\t\n\f\r ]*base64$/i.exec(mime);
	if (base64 !== null) {
		mime = mime.slice(0, base64.index);
		let encoded = '';
		for (let i = 0; i < body.length; i += 8192) encoded += String.fromCharCode.apply(null, body.subarray(i, i + 8192));
		let binary;
		try {
			binary = global.atob(encoded);
		} catch {
			return null;
		}
		body = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) body[i] = binary.charCodeAt(i);
	}
	if (mime.startsWith(';')) mime = 'text/plain' + mime;
	const essence = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)(.*)$/.exec(mime);
	const type = essence === null ? 'text/plain;charset=US-ASCII' : `${essence[1]}/${essence[2]}`.toLowerCase() + essence[3].replace(/\s*;\s*/g, ';');
	return newResponse({
		kind: 'Response', type: 'basic', status: 200, statusText: 'OK', headers: immutableHeaders([['content-type', type]]),
		url: href, redirected: false, body: { stream: null, source: body, handle: null, used: false, aborted: undefined },
	});
}

// percentDecode turns a string's percent-escapes into bytes, the rest into its UTF-8 bytes.
function percentDecode(s) {
	const b = encoder.encode(s);
	const out = new Uint8Array(b.length);
	let n = 0;
	for (let i = 0; i < b.length; i++) {
		const hex = b[i] === 0x25 && i + 2 < b.length ? String.fromCharCode(b[i + 1], b[i + 2]) : '';
		if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
			out[n++] = parseInt(hex, 16);
			i += 2;
		} else {
			out[n++] = b[i];
		}
	}
	return out.subarray(0, n);
}

// The Fetch Standard's bad ports, which fetch refuses to connect to, as undici does.
const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
	103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526,
	530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 5060,
	5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080]);
function blockedPort(href) {
	const m = /^https?:\/\/(?:\[[^\]]*\]|[^/:?#]*):(\d+)/i.exec(href);
	return m !== null && badPorts.has(Number(m[1]));
}

// watchHandle wraps the Go reader of a response body so that done runs once the body has been read
// to its end, failed, or been cancelled.
function watchHandle(handle, done) {
	let finished = false;
	const finish = () => {
		if (finished) return;
		finished = true;
		done();
	};
	return {
		read: () => handle.read().then((chunk) => {
			if (chunk === null) finish();
			return chunk;
		}, (err) => {
			finish();
			throw err;
		}),
		readAll: () => handle.readAll().then((bytes) => {
			finish();
			return bytes;
		}, (err) => {
			finish();
			throw err;
		}),
		cancel: () => {
			finish();
			handle.cancel();
		},
	};
}

function fetch(input, init = undefined) {
	let request;
	try {
		request = new Request(input, init);
	} catch (err) {
		return Promise.reject(err);
	}
	const r = request[kState];
	const signal = r.signal;
	const b = r.body;
	if (signal.aborted) {
		r.unfollow();
		if (b !== null && b.stream !== null) W.markHandled(b.stream.cancel(signal.reason));
		return Promise.reject(signal.reason);
	}
	let bytes = null;
	let stream = null;
	if (b !== null) {
		if (b.stream === null && b.handle === null) {
			b.used = true;
			bytes = b.source;
		} else {
			stream = bodyStream(b);
		}
	}
	const scheme = r.url.slice(0, r.url.indexOf(':')).toLowerCase();
	if (scheme === 'data') {
		r.unfollow();
		if (b !== null) b.used = true;
		const response = dataURLResponse(r.url);
		return response === null ? Promise.reject(fetchFailed('failed to fetch the data URL')) : Promise.resolve(response);
	}
	const refusal = scheme === 'file' ? 'not implemented... yet...'
		: scheme === 'blob' ? 'invalid method'
			: scheme !== 'http' && scheme !== 'https' ? 'unknown scheme'
				: blockedPort(r.url) ? 'bad port' : null;
	if (refusal !== null) {
		r.unfollow();
		return Promise.reject(fetchFailed(refusal));
	}
	const headers = r.headers;
	const defaults = [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node']];
	const pairs = headerPairs(headers);
	for (const [k, v] of defaults) if (!headers.has(k)) pairs.push([k, v]);
	const call = native.fetch(r.url, r.method, pairs, bytes, r.redirect, stream !== null);
	if (stream !== null) pumpRequestBody(stream, call.writer);
	const d = W.deferred();
	let response = null;
	const onAbort = () => {
		call.cancel();
		const reason = signal.reason;
		if (response === null) {
			d.reject(reason);
			return;
		}
		const rb = response[kState].body;
		if (rb !== null && rb.aborted === undefined) {
			rb.aborted = reason;
			if (rb.controller !== undefined) {
				try { rb.controller.error(reason); } catch { /* the stream has already ended */ }
			}
		}
	};
	signal.addEventListener('abort', onAbort, { once: true });
	call.response.then((raw) => {
		if (signal.aborted) return;
		const done = () => {
			signal.removeEventListener('abort', onAbort);
			r.unfollow();
		};
		const body = raw.body === null ? null : { stream: null, source: null, handle: watchHandle(raw.body, done), used: false, aborted: undefined };
		if (body === null) done();
		response = newResponse({
			kind: 'Response', type: 'basic', status: raw.status, statusText: raw.statusText,
			headers: immutableHeaders(raw.headers), url: raw.url, redirected: raw.redirected, body,
		});
		d.resolve(response);
	}, (err) => {
		signal.removeEventListener('abort', onAbort);
		r.unfollow();
		if (signal.aborted) return;
		d.reject(err);
	});
	return d.promise;
}
Object.defineProperty(fetch, 'name', { value: 'fetch' });
W.fetch = fetch;
})
