// Shared internals of the WHATWG streams: Node's errors, promise helpers, the queue-with-sizes and the
// queuing strategies. Every file of the streams is a function of the same namespace W (plus the Go
// natives and the global object) and adds its part to it; web.Install evaluates them in order.
(function (W, native, global) {
'use strict';

// kState holds each stream object's internal slots, as Node keeps them under a symbol.
const kState = Symbol('kState');
W.kState = kState;
W.noop = () => {};

W.nodeError = (ctor, code, message) => native.error(ctor, code, message);
W.invalidState = (message) => native.error('TypeError', 'ERR_INVALID_STATE', 'Invalid state: ' + message);
W.invalidThis = (type) => native.error('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
W.illegalConstructor = () => native.error('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
// argType(name, expected, value): expected is the phrase after "must be", e.g. 'of type function'.
W.argType = (name, expected, value) => native.argType(name, expected, value);
// argValue(name, value, ctor): Node's ERR_INVALID_ARG_VALUE, a TypeError unless ctor says RangeError.
W.argValue = (name, value, ctor) => {
	const e = native.argValue(name, value);
	return ctor === 'RangeError' ? native.error(ctor, e.code, e.message) : e;
};

// validateObject accepts any object or function (Node's kValidateObjectAllowObjects), and null when
// nullable.
W.validateObject = (value, name, nullable) => {
	if (value === null && nullable) return;
	if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
		throw W.argType(name, 'of type object', value);
	}
};
W.validateFunction = (value, name) => {
	if (value !== undefined && typeof value !== 'function') throw W.argType(name, 'of type function', value);
};

// deferred is a promise with its resolving functions.
W.deferred = () => {
	const d = {};
	d.promise = new Promise((resolve, reject) => {
		d.resolve = resolve;
		d.reject = reject;
	});
	return d;
};
// trackedDeferred is a deferred that also records, in settled, whether it has been resolved or
// rejected (the writer's ready and closed promises are replaced only once settled).
W.trackedDeferred = () => {
	const d = { settled: false };
	d.promise = new Promise((resolve, reject) => {
		d.resolve = (value) => { d.settled = true; resolve(value); };
		d.reject = (reason) => { d.settled = true; reject(reason); };
	});
	return d;
};
W.markHandled = (promise) => { promise.then(undefined, W.noop); return promise; };
W.rejected = (reason) => W.markHandled(Promise.reject(reason));
// promiseCall invokes a user callback and always answers with a promise, as the spec's "invoke a
// callback function" with a promise return type does: a synchronous throw becomes a rejection.
W.promiseCall = (fn, thisArg, ...args) => {
	if (fn === undefined) return Promise.resolve();
	try {
		return Promise.resolve(fn.apply(thisArg, args));
	} catch (err) {
		return Promise.reject(err);
	}
};

// Queue is a FIFO with amortised O(1) shift (Array#shift is linear in goja).
class Queue {
	constructor() { this.items = []; this.head = 0; }
	get length() { return this.items.length - this.head; }
	push(item) { this.items.push(item); }
	peek() { return this.items[this.head]; }
	last() { return this.items[this.items.length - 1]; }
	shift() {
		const item = this.items[this.head];
		this.items[this.head++] = undefined;
		if (this.head === this.items.length) {
			this.items = [];
			this.head = 0;
		} else if (this.head > 1024 && this.head * 2 > this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
		return item;
	}
	clear() { this.items = []; this.head = 0; }
	drain() {
		const items = this.items.slice(this.head);
		this.clear();
		return items;
	}
}
W.Queue = Queue;

// The queue-with-sizes of default controllers: container[kState] has queue and queueTotalSize.
W.resetQueue = (s) => { s.queue = new Queue(); s.queueTotalSize = 0; };
W.enqueueValueWithSize = (s, value, size) => {
	size = +size;
	if (typeof size !== 'number' || size < 0 || Number.isNaN(size) || size === Infinity) {
		throw W.argValue('size', size, 'RangeError');
	}
	s.queue.push({ value, size });
	s.queueTotalSize += size;
};
W.dequeueValue = (s) => {
	const { value, size } = s.queue.shift();
	s.queueTotalSize = Math.max(0, s.queueTotalSize - size);
	return value;
};
W.peekQueueValue = (s) => s.queue.peek().value;

W.extractHighWaterMark = (value, defaultHWM) => {
	if (value === undefined) return defaultHWM;
	value = +value;
	if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
		throw W.argValue('strategy.highWaterMark', value, 'RangeError');
	}
	return value;
};
W.extractSizeAlgorithm = (size) => {
	if (size === undefined) return () => 1;
	W.validateFunction(size, 'strategy.size');
	return (chunk) => size(chunk);
};

W.isArrayBufferView = (v) => ArrayBuffer.isView(v);
// viewBytes is a Uint8Array over exactly the bytes of a view.
W.viewBytes = (view) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
// transferBuffer detaches buffer and returns a new ArrayBuffer over the same memory, as the spec's
// TransferArrayBuffer does.
W.transferBuffer = (buffer) => native.transfer(buffer);
W.isDetached = (buffer) => native.detached(buffer);

// hideState makes kState, once assigned on an instance of proto, a non-enumerable own property, so
// that util.inspect and Object.assign do not show or copy the internals.
function hideState(proto) {
	Object.defineProperty(proto, kState, {
		set(value) { Object.defineProperty(this, kState, { value, writable: true, configurable: true }); },
		configurable: true,
	});
}
W.hideState = hideState;

function defineClass(name, cls, accessors) {
	hideState(cls.prototype);
	Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
	for (const key of accessors || []) {
		const d = Object.getOwnPropertyDescriptor(cls.prototype, key);
		if (d) Object.defineProperty(cls.prototype, key, { enumerable: true });
	}
	W[name] = cls;
	return cls;
}
// W.defineClass gives a class its toStringTag and makes the listed members enumerable, as WebIDL
// classes have them, and hides its instances' state.
W.defineClass = defineClass;

// inspectAs gives cls Node's [util.inspect.custom] rendering of web classes: the name and an object of
// the fields data(instance) picks, one level shallower.
const customInspect = Symbol.for('nodejs.util.inspect.custom');
W.inspectAs = (cls, name, data) => {
	Object.defineProperty(cls.prototype, customInspect, {
		value: function (depth, options, inspect) {
			if (depth < 0 || typeof inspect !== 'function') return this;
			return `${name} ${inspect(data(this), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
		},
		writable: true, configurable: true,
	});
};

// The queuing strategies. size is a getter returning one shared function, as in Node.
const byteLengthSize = function size(chunk) { return chunk.byteLength; };
const countSize = function size() { return 1; };
function strategyHWM(init) {
	W.validateObject(init, 'init');
	if (init.highWaterMark === undefined) {
		throw native.error('TypeError', 'ERR_MISSING_OPTION', 'init.highWaterMark is required');
	}
	return +init.highWaterMark;
}
class ByteLengthQueuingStrategy {
	constructor(init) { this[kState] = { kind: 'ByteLengthQueuingStrategy', highWaterMark: strategyHWM(init) }; }
	get highWaterMark() {
		if (!this || !this[kState] || this[kState].kind !== 'ByteLengthQueuingStrategy') throw W.invalidThis('ByteLengthQueuingStrategy');
		return this[kState].highWaterMark;
	}
	get size() {
		if (!this || !this[kState] || this[kState].kind !== 'ByteLengthQueuingStrategy') throw W.invalidThis('ByteLengthQueuingStrategy');
		return byteLengthSize;
	}
}
class CountQueuingStrategy {
	constructor(init) { this[kState] = { kind: 'CountQueuingStrategy', highWaterMark: strategyHWM(init) }; }
	get highWaterMark() {
		if (!this || !this[kState] || this[kState].kind !== 'CountQueuingStrategy') throw W.invalidThis('CountQueuingStrategy');
		return this[kState].highWaterMark;
	}
	get size() {
		if (!this || !this[kState] || this[kState].kind !== 'CountQueuingStrategy') throw W.invalidThis('CountQueuingStrategy');
		return countSize;
	}
}
defineClass('ByteLengthQueuingStrategy', ByteLengthQueuingStrategy, ['highWaterMark', 'size']);
defineClass('CountQueuingStrategy', CountQueuingStrategy, ['highWaterMark', 'size']);
W.inspectAs(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy', (s) => ({ highWaterMark: s[kState].highWaterMark }));
W.inspectAs(CountQueuingStrategy, 'CountQueuingStrategy', (s) => ({ highWaterMark: s[kState].highWaterMark }));
})
