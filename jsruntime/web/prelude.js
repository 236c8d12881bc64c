// The WHATWG classes Node 20 has as globals, written once here and bound to Go natives (timers, HTTP,
// encodings) by web.Install. Private fields keep internals out of plugin reach, as in Node.
(function (native, global) {
'use strict';

// installed keeps what the prelude defines, in front of the global object: the classes evaluated later
// (web.Install's scripts) see these originals even if a plugin has replaced the globals by then.
const installed = Object.create(global);
const define = (name, value) => {
	installed[name] = value;
	Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
};

// Node's errors, with its codes and wording (nodeerr's natives).
const missingArg = (name) => native.error('TypeError', 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);

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
		if (arguments.length === 0) throw missingArg('type');
		if (options != null && (typeof options !== 'object' || Array.isArray(options))) throw native.argType('options', 'of type object', options);
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

class CustomEvent extends Event {
	#detail;
	constructor(type, options = {}) {
		if (arguments.length === 0) throw missingArg('type');
		super(type, options);
		this.#detail = options?.detail ?? null;
	}
	get detail() { return this.#detail; }
}
define('CustomEvent', CustomEvent);

class EventTarget {
	#listeners = new Map();
	addEventListener(type, listener, options) {
		if (listener == null) return;
		if (typeof listener !== 'function' && typeof listener !== 'object') throw native.argType('listener', 'an instance of EventListener', listener);
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
		if (!(event instanceof Event)) throw native.argType('event', 'an instance of Event', event);
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
		if (key !== signalKey) throw native.error('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
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
		if (typeof ms !== 'number') throw native.argType('delay', 'of type number', ms);
		if (!Number.isInteger(ms)) throw native.outOfRange('delay', 'an integer', ms);
		if (ms < 0 || ms > 4294967295) throw native.outOfRange('delay', '>= 0 && <= 4294967295', ms);
		const s = new AbortSignal(signalKey);
		const t = native.setTimeout(() => {
			s._abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
		}, ms);
		t.unref();
		return s;
	}
	static any(signals) {
		if (!Array.isArray(signals)) throw native.argType('signals', 'an instance of Array', signals);
		signals.forEach((other, i) => {
			if (!(other instanceof AbortSignal)) throw native.argType(`signals[${i}]`, 'an instance of AbortSignal', other);
		});
		const s = new AbortSignal(signalKey);
		for (const other of signals) {
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
Object.defineProperty(AbortSignal.prototype, Symbol.for('nodejs.util.inspect.custom'), {
	value: function (depth, options, inspect) {
		if (depth < 0 || typeof inspect !== 'function') return this;
		return `AbortSignal ${inspect({ aborted: this.aborted }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
	},
	writable: true, configurable: true,
});
define('AbortSignal', AbortSignal);

class AbortController {
	#signal = new AbortSignal(signalKey);
	get signal() { return this.#signal; }
	abort(reason = new DOMException('This operation was aborted', 'AbortError')) { this.#signal._abort(reason); }
}
define('AbortController', AbortController);

define('queueMicrotask', function queueMicrotask(callback) {
	if (typeof callback !== 'function') throw native.argType('callback', 'of type function', callback);
	Promise.resolve().then(() => {
		try { callback(); } catch (err) { native.reportError(err); }
	});
});

// Text encoding. TextDecoder decodes UTF-8, UTF-16LE and the labels of windows-1252 (as Latin-1, like
// Node 20), with streaming ({stream: true}) through a Go decoder that holds a cut character.
class TextEncoder {
	get encoding() { return 'utf-8'; }
	encode(input = '') { return native.utf8Encode(String(input)); }
	encodeInto(src, dest) { return native.utf8EncodeInto(String(src), dest); }
}
define('TextEncoder', TextEncoder);

class TextDecoder {
	#decoder; #fatal; #ignoreBOM;
	constructor(label = 'utf-8', options = {}) {
		this.#fatal = !!(options && options.fatal);
		this.#ignoreBOM = !!(options && options.ignoreBOM);
		this.#decoder = native.textDecoder(String(label), this.#fatal, this.#ignoreBOM);
		if (this.#decoder === null) throw native.error('RangeError', 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
	}
	get encoding() { return this.#decoder.encoding; }
	get fatal() { return this.#fatal; }
	get ignoreBOM() { return this.#ignoreBOM; }
	decode(input = undefined, options = undefined) {
		const s = this.#decoder.decode(input, !!(options && options.stream));
		if (s === null) {
			throw native.error('TypeError', 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${this.#decoder.encoding}`);
		}
		return s;
	}
}
define('TextDecoder', TextDecoder);

define('atob', function atob(data) {
	if (arguments.length === 0) throw missingArg('input');
	const s = native.atob(String(data));
	if (s === null) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
	return s;
});
define('btoa', function btoa(data) {
	if (arguments.length === 0) throw missingArg('input');
	const s = native.btoa(String(data));
	if (s === null) throw new DOMException('Invalid character', 'InvalidCharacterError');
	return s;
});

// structuredClone for the data plugins pass around: primitives, plain objects, arrays, Date, RegExp,
// Map, Set, Error, ArrayBuffer and typed arrays, with shared and circular references preserved.
define('structuredClone', function structuredClone(value, options) {
	if (arguments.length === 0) throw native.error('TypeError', 'ERR_MISSING_ARGS', 'The value argument must be specified');
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

return installed;
})
