// The WHATWG classes Node 20 has as globals, written once here and bound to Go natives (timers, HTTP,
// encodings) by web.Install. Private fields keep internals out of plugin reach, as in Node.
(function (native, global) {
'use strict';

const define = (name, value) => Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });

function argTypeError(message) {
	const e = new TypeError(message);
	e.code = 'ERR_INVALID_ARG_TYPE';
	return e;
}

// DOMException, with the legacy numeric codes of the names that have one.
const legacyCodes = {
	IndexSizeError: 1, DOMStringSizeError: 2, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
	NoDataAllowedError: 6, NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
	InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
	ValidationError: 16, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
	QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
class DOMException extends Error {
	#name;
	constructor(message = '', options = 'Error') {
		super(String(message));
		if (options !== null && typeof options === 'object') {
			this.#name = 'name' in options ? String(options.name) : 'Error';
			if ('cause' in options) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
		} else {
			this.#name = String(options);
		}
	}
	get name() { return this.#name; }
	get code() { return legacyCodes[this.#name] || 0; }
}
define('DOMException', DOMException);

// Event and EventTarget: enough of the DOM model for AbortSignal and plugins that use them directly.
class Event {
	#type; #cancelable; #defaultPrevented = false; #timeStamp = native.now();
	target = null;
	currentTarget = null;
	constructor(type, options = {}) {
		if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
		this.#type = String(type);
		this.#cancelable = !!(options && options.cancelable);
		this.bubbles = !!(options && options.bubbles);
	}
	get type() { return this.#type; }
	get cancelable() { return this.#cancelable; }
	get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
	get timeStamp() { return this.#timeStamp; }
	preventDefault() { this.#defaultPrevented = true; }
	stopPropagation() {}
	stopImmediatePropagation() { this._stopped = true; }
}
define('Event', Event);

class EventTarget {
	#listeners = new Map();
	addEventListener(type, listener, options) {
		if (listener == null) return;
		const once = !!(options && typeof options === 'object' && options.once);
		let list = this.#listeners.get(type);
		if (!list) this.#listeners.set(type, list = []);
		if (list.some((l) => l.listener === listener)) return;
		const entry = { listener, once };
		list.push(entry);
		const signal = options && typeof options === 'object' ? options.signal : undefined;
		if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true });
	}
	removeEventListener(type, listener) {
		const list = this.#listeners.get(type);
		if (!list) return;
		const i = list.findIndex((l) => l.listener === listener);
		if (i >= 0) list.splice(i, 1);
	}
	dispatchEvent(event) {
		if (!(event instanceof Event)) throw argTypeError('The "event" argument must be an instance of Event.');
		event.target = event.currentTarget = this;
		const list = (this.#listeners.get(event.type) || []).slice();
		const call = (fn) => {
			try {
				if (typeof fn === 'function') fn.call(this, event);
				else if (fn && typeof fn.handleEvent === 'function') fn.handleEvent(event);
			} catch (err) {
				native.reportError(err);
			}
		};
		for (const entry of list) {
			if (event._stopped) break;
			if (entry.once) this.removeEventListener(event.type, entry.listener);
			call(entry.listener);
		}
		event.currentTarget = null;
		return !event.defaultPrevented;
	}
}
define('EventTarget', EventTarget);

// AbortSignal and AbortController.
const signalKey = Symbol('AbortSignal');
class AbortSignal extends EventTarget {
	#aborted = false; #reason = undefined;
	onabort = null;
	constructor(key) {
		if (key !== signalKey) throw new TypeError('Illegal constructor');
		super();
	}
	get aborted() { return this.#aborted; }
	get reason() { return this.#reason; }
	throwIfAborted() { if (this.#aborted) throw this.#reason; }
	static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
		const s = new AbortSignal(signalKey);
		s.#aborted = true;
		s.#reason = reason;
		return s;
	}
	static timeout(ms) {
		if (typeof ms !== 'number') throw argTypeError(`The "delay" argument must be of type number.`);
		const s = new AbortSignal(signalKey);
		const t = native.setTimeout(() => {
			s._abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
		}, ms);
		t.unref();
		return s;
	}
	static any(signals) {
		const s = new AbortSignal(signalKey);
		for (const other of signals) {
			if (!(other instanceof AbortSignal)) throw argTypeError('The "signals" argument must be an array of AbortSignal.');
			if (other.aborted) {
				s.#aborted = true;
				s.#reason = other.reason;
				return s;
			}
		}
		for (const other of signals) other.addEventListener('abort', () => s._abort(other.reason), { once: true });
		return s;
	}
	// _abort is how AbortController and the static helpers abort; plugins go through a controller.
	_abort(reason) {
		if (this.#aborted) return;
		this.#aborted = true;
		this.#reason = reason;
		const event = new Event('abort');
		if (typeof this.onabort === 'function') {
			try { this.onabort.call(this, event); } catch (err) { native.reportError(err); }
		}
		this.dispatchEvent(event);
	}
}
Object.defineProperty(AbortSignal.prototype, '_abort', { enumerable: false });
define('AbortSignal', AbortSignal);

class AbortController {
	#signal = new AbortSignal(signalKey);
	get signal() { return this.#signal; }
	abort(reason = new DOMException('This operation was aborted', 'AbortError')) { this.#signal._abort(reason); }
}
define('AbortController', AbortController);

define('queueMicrotask', function queueMicrotask(callback) {
	if (typeof callback !== 'function') throw argTypeError('The "callback" argument must be of type function.');
	Promise.resolve().then(() => {
		try { callback(); } catch (err) { native.reportError(err); }
	});
});

// Text encoding (UTF-8 only, as Node's default build without full ICU would not matter here).
class TextEncoder {
	get encoding() { return 'utf-8'; }
	encode(input = '') { return native.utf8Encode(String(input)); }
	encodeInto(src, dest) { return native.utf8EncodeInto(String(src), dest); }
}
define('TextEncoder', TextEncoder);

class TextDecoder {
	#fatal; #ignoreBOM;
	constructor(label = 'utf-8', options = {}) {
		const l = String(label).trim().toLowerCase();
		if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
			const e = new RangeError(`The "${label}" encoding is not supported`);
			e.code = 'ERR_ENCODING_NOT_SUPPORTED';
			throw e;
		}
		this.#fatal = !!(options && options.fatal);
		this.#ignoreBOM = !!(options && options.ignoreBOM);
	}
	get encoding() { return 'utf-8'; }
	get fatal() { return this.#fatal; }
	get ignoreBOM() { return this.#ignoreBOM; }
	decode(input, options) {
		if (input === undefined) return '';
		const s = native.utf8Decode(input, this.#fatal, this.#ignoreBOM);
		if (s === null) {
			const e = new TypeError('The encoded data was not valid for encoding utf-8');
			e.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
			throw e;
		}
		return s;
	}
}
define('TextDecoder', TextDecoder);

define('atob', function atob(data) {
	if (arguments.length === 0) throw argTypeError('The "data" argument must be specified');
	const s = native.atob(String(data));
	if (s === null) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
	return s;
});
define('btoa', function btoa(data) {
	if (arguments.length === 0) throw argTypeError('The "data" argument must be specified');
	const s = native.btoa(String(data));
	if (s === null) throw new DOMException('Invalid character', 'InvalidCharacterError');
	return s;
});

// structuredClone for the data plugins pass around: primitives, plain objects, arrays, Date, RegExp,
// Map, Set, Error, ArrayBuffer and typed arrays, with shared and circular references preserved.
define('structuredClone', function structuredClone(value, options) {
	if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
	const seen = new Map();
	const clone = (v) => {
		if (typeof v === 'function' || typeof v === 'symbol') {
			throw new DOMException(`${typeof v === 'function' ? v.toString().slice(0, 40) : String(v)} could not be cloned.`, 'DataCloneError');
		}
		if (v === null || typeof v !== 'object') return v;
		if (seen.has(v)) return seen.get(v);
		let out;
		if (Array.isArray(v)) {
			out = new Array(v.length);
			seen.set(v, out);
			for (const k of Object.keys(v)) out[k] = clone(v[k]);
			return out;
		}
		if (v instanceof Date) out = new Date(v.getTime());
		else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
		else if (v instanceof Map) {
			out = new Map();
			seen.set(v, out);
			for (const [k, val] of v) out.set(clone(k), clone(val));
			return out;
		} else if (v instanceof Set) {
			out = new Set();
			seen.set(v, out);
			for (const val of v) out.add(clone(val));
			return out;
		} else if (v instanceof ArrayBuffer) out = v.slice(0);
		else if (ArrayBuffer.isView(v)) {
			const Ctor = v instanceof DataView ? DataView : Object.getPrototypeOf(Object.getPrototypeOf(v)).constructor === Uint8Array ? Uint8Array : v.constructor;
			const buf = v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
			out = Ctor === DataView ? new DataView(buf) : new Ctor(buf);
		} else if (v instanceof Error) {
			const Ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
			out = new Ctor(v.message);
			seen.set(v, out);
			Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
			if ('cause' in v) out.cause = clone(v.cause);
			return out;
		} else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
			throw new DOMException(`${Object.prototype.toString.call(v)} could not be cloned.`, 'DataCloneError');
		} else {
			out = {};
			seen.set(v, out);
			for (const k of Object.keys(v)) out[k] = clone(v[k]);
			return out;
		}
		seen.set(v, out);
		return out;
	};
	return clone(value);
});

// Headers: names are case-insensitive and iterate sorted; values of a repeated name join with ', ',
// except set-cookie which getSetCookie() keeps apart.
const validName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function normalizeValue(v) { return String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }
class Headers {
	#map = new Map(); // lowercase name -> [values]
	constructor(init) {
		if (init == null) return;
		if (init instanceof Headers) {
			for (const [k, vs] of init.#map) this.#map.set(k, vs.slice());
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
	static #check(name) {
		name = String(name);
		if (!validName.test(name)) throw new TypeError(`Headers.append: "${name}" is an invalid header name.`);
		return name.toLowerCase();
	}
	append(name, value) {
		const k = Headers.#check(name);
		const list = this.#map.get(k);
		if (list) list.push(normalizeValue(value)); else this.#map.set(k, [normalizeValue(value)]);
	}
	set(name, value) { this.#map.set(Headers.#check(name), [normalizeValue(value)]); }
	delete(name) { this.#map.delete(Headers.#check(name)); }
	has(name) { return this.#map.has(Headers.#check(name)); }
	get(name) {
		const list = this.#map.get(Headers.#check(name));
		return list ? list.join(', ') : null;
	}
	getSetCookie() { return (this.#map.get('set-cookie') || []).slice(); }
	*entries() {
		for (const k of [...this.#map.keys()].sort()) {
			if (k === 'set-cookie') for (const v of this.#map.get(k)) yield [k, v];
			else yield [k, this.#map.get(k).join(', ')];
		}
	}
	*keys() { for (const [k] of this.entries()) yield k; }
	*values() { for (const [, v] of this.entries()) yield v; }
	forEach(fn, thisArg) { for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this); }
	[Symbol.iterator]() { return this.entries(); }
	get [Symbol.toStringTag]() { return 'Headers'; }
	// _pairs lists every value separately, for the Go side of fetch.
	_pairs() {
		const out = [];
		for (const [k, vs] of this.#map) for (const v of vs) out.push([k, v]);
		return out;
	}
}
Object.defineProperty(Headers.prototype, '_pairs', { enumerable: false });
define('Headers', Headers);

// Bodies: a Body holds its bytes once read (fetch reads the whole response in Go). Reading twice fails
// as in Node.
function bodyBytes(body, headers) {
	if (body == null) return null;
	if (typeof body === 'string') {
		if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
		return native.utf8Encode(body);
	}
	const bytes = native.bytes(body);
	if (bytes !== null) return bytes;
	if (typeof URLSearchParams === 'function' && body instanceof URLSearchParams) {
		if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
		return native.utf8Encode(body.toString());
	}
	return bodyBytes(String(body), headers);
}

class Body {
	#bytes; #used = false;
	constructor(bytes) { this.#bytes = bytes; }
	get bodyUsed() { return this.#used; }
	#consume() {
		if (this.#used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
		this.#used = true;
		return Promise.resolve(this.#bytes);
	}
	_bytes() { return this.#bytes; }
	text() { return this.#consume().then((b) => (b === null ? '' : native.utf8Decode(b, false, false))); }
	json() { return this.text().then((t) => JSON.parse(t)); }
	arrayBuffer() { return this.#consume().then((b) => (b === null ? new ArrayBuffer(0) : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))); }
	bytes() { return this.#consume().then((b) => (b === null ? new Uint8Array(0) : new Uint8Array(b))); }
}
Object.defineProperty(Body.prototype, '_bytes', { enumerable: false });

// parseURL gives the absolute URL's href, through the URL class when the host defines one.
function parseURL(s) {
	if (typeof URL === 'function') {
		try { return new URL(s).href; } catch { return null; }
	}
	return native.parseURL(s);
}

const methods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
class Request extends Body {
	#url; #method; #headers; #signal; #redirect;
	constructor(input, init = {}) {
		const from = input instanceof Request ? input : null;
		const url = from ? from.url : parseURL(String(input));
		if (url === null) throw new TypeError('Failed to parse URL from ' + String(input));
		init = init || {};
		let method = init.method !== undefined ? String(init.method) : from ? from.method : 'GET';
		if (methods.includes(method.toUpperCase())) method = method.toUpperCase();
		const headers = new Headers(init.headers !== undefined ? init.headers : from ? from.headers : undefined);
		let bytes = init.body !== undefined ? bodyBytes(init.body, headers) : from ? from._bytes() : null;
		if (bytes !== null && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
		super(bytes);
		this.#url = url;
		this.#method = method;
		this.#headers = headers;
		this.#signal = init.signal !== undefined ? init.signal : from ? from.signal : null;
		this.#redirect = init.redirect !== undefined ? String(init.redirect) : from ? from.redirect : 'follow';
		if (!['follow', 'manual', 'error'].includes(this.#redirect)) throw new TypeError(`Request constructor: ${this.#redirect} is not an accepted type. Expected one of follow, manual, error.`);
	}
	get url() { return this.#url; }
	get method() { return this.#method; }
	get headers() { return this.#headers; }
	get signal() { return this.#signal; }
	get redirect() { return this.#redirect; }
	get [Symbol.toStringTag]() { return 'Request'; }
}
define('Request', Request);

const fromFetch = Symbol('fromFetch');
class Response extends Body {
	#status; #statusText; #headers; #url; #redirected; #type;
	constructor(body = null, init = {}, raw) {
		const headers = new Headers(raw === fromFetch ? init.headers : init && init.headers);
		super(raw === fromFetch ? init.body : bodyBytes(body, headers));
		init = init || {};
		const status = init.status !== undefined ? Number(init.status) : 200;
		if (raw !== fromFetch && (status < 200 || status > 599 || !Number.isInteger(status))) {
			throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
		}
		this.#status = status;
		this.#statusText = init.statusText !== undefined ? String(init.statusText) : '';
		this.#headers = headers;
		this.#url = raw === fromFetch ? init.url : '';
		this.#redirected = raw === fromFetch ? init.redirected : false;
		this.#type = raw === fromFetch ? 'basic' : 'default';
	}
	get status() { return this.#status; }
	get statusText() { return this.#statusText; }
	get ok() { return this.#status >= 200 && this.#status <= 299; }
	get headers() { return this.#headers; }
	get url() { return this.#url; }
	get redirected() { return this.#redirected; }
	get type() { return this.#type; }
	get [Symbol.toStringTag]() { return 'Response'; }
	clone() {
		if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
		return new Response(null, { status: this.#status, statusText: this.#statusText, headers: this.#headers, url: this.#url, redirected: this.#redirected, body: this._bytes() }, fromFetch);
	}
	static json(data, init = {}) {
		const headers = new Headers(init && init.headers);
		if (!headers.has('content-type')) headers.set('content-type', 'application/json');
		return new Response(JSON.stringify(data), { ...init, headers });
	}
	static error() { return new Response(null, { status: 0, headers: [], url: '', redirected: false, body: null }, fromFetch); }
	static redirect(url, status = 302) {
		return new Response(null, { status, headers: [['location', String(url)]], url: '', redirected: false, body: null }, fromFetch);
	}
}
define('Response', Response);

// fetch: the request runs in Go; an abort cancels it and rejects with the signal's reason at once.
define('fetch', function fetch(input, init) {
	return new Promise((resolve, reject) => {
		const req = new Request(input, init);
		const signal = req.signal;
		if (signal && signal.aborted) {
			reject(signal.reason);
			return;
		}
		const [pending, cancel] = native.fetch(req.url, req.method, req.headers._pairs(), req._bytes(), req.redirect);
		let onAbort;
		if (signal) {
			onAbort = () => { cancel(); reject(signal.reason); };
			signal.addEventListener('abort', onAbort, { once: true });
		}
		pending.then((raw) => {
			if (signal) signal.removeEventListener('abort', onAbort);
			resolve(new Response(null, raw, fromFetch));
		}, (err) => {
			if (signal) signal.removeEventListener('abort', onAbort);
			if (signal && signal.aborted) { reject(signal.reason); return; }
			reject(err);
		});
	});
});
})
