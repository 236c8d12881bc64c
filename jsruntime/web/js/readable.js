// ReadableStream, its default reader and default controller: the WHATWG Streams Standard's algorithms
// (section 4), with Node 20's error codes and messages. Byte streams are in bytes.js, tee/from/async
// iteration in readable_extra.js, pipeTo in pipe.js.
(function (W, native, global) {
'use strict';

const { kState } = W;

const is = (value, kind) => value !== null && typeof value === 'object' && value[kState] !== undefined && value[kState].kind === kind;
W.is = is;
W.isReadableStream = (v) => is(v, 'ReadableStream');
W.isDefaultReader = (v) => is(v, 'ReadableStreamDefaultReader');
W.isBYOBReader = (v) => is(v, 'ReadableStreamBYOBReader');
W.isDefaultController = (v) => is(v, 'ReadableStreamDefaultController');
W.isByteController = (v) => is(v, 'ReadableByteStreamController');

// kInternal lets the module construct classes whose constructors are illegal for plugins.
const kInternal = Symbol('kInternal');
W.kInternal = kInternal;

class ReadableStream {
	constructor(source = {}, strategy = {}) {
		W.validateObject(source, 'source');
		W.validateObject(strategy, 'strategy', true);
		initializeReadableStream(this);
		const size = strategy == null ? undefined : strategy.size;
		const highWaterMark = strategy == null ? undefined : strategy.highWaterMark;
		const type = source.type;
		if (`${type}` === 'bytes') {
			if (size !== undefined) throw W.argValue('strategy.size', size, 'RangeError');
			W.setUpByteControllerFromSource(this, source, W.extractHighWaterMark(highWaterMark, 0));
		} else {
			if (type !== undefined) throw W.argValue('source.type', type);
			setUpDefaultControllerFromSource(this, source, W.extractHighWaterMark(highWaterMark, 1), W.extractSizeAlgorithm(size));
		}
	}
	get locked() {
		if (!is(this, 'ReadableStream')) throw W.invalidThis('ReadableStream');
		return isLocked(this);
	}
	cancel(reason = undefined) {
		if (!is(this, 'ReadableStream')) return Promise.reject(W.invalidThis('ReadableStream'));
		if (isLocked(this)) return Promise.reject(W.invalidState('ReadableStream is locked'));
		return readableStreamCancel(this, reason);
	}
	getReader(options = {}) {
		if (!is(this, 'ReadableStream')) throw W.invalidThis('ReadableStream');
		W.validateObject(options, 'options', true);
		const mode = options == null ? undefined : options.mode;
		if (mode === undefined) return new ReadableStreamDefaultReader(this);
		if (`${mode}` !== 'byob') throw W.argValue('options.mode', mode);
		return new W.ReadableStreamBYOBReader(this);
	}
	pipeThrough(transform, options = {}) {
		if (!is(this, 'ReadableStream')) throw W.invalidThis('ReadableStream');
		const readable = transform == null ? undefined : transform.readable;
		if (!is(readable, 'ReadableStream')) throw W.argType('transform.readable', 'an instance of ReadableStream', readable);
		const writable = transform.writable;
		if (!is(writable, 'WritableStream')) throw W.argType('transform.writable', 'an instance of WritableStream', writable);
		const opts = pipeOptions(options);
		if (isLocked(this)) throw W.invalidState('The ReadableStream is locked');
		if (W.isWritableLocked(writable)) throw W.invalidState('The WritableStream is locked');
		W.markHandled(W.pipeTo(this, writable, opts));
		return readable;
	}
	pipeTo(destination, options = {}) {
		try {
			if (!is(this, 'ReadableStream')) throw W.invalidThis('ReadableStream');
			if (!is(destination, 'WritableStream')) throw W.argType('transform.writable', 'an instance of WritableStream', destination);
			const opts = pipeOptions(options);
			if (isLocked(this)) throw W.invalidState('The ReadableStream is locked');
			if (W.isWritableLocked(destination)) throw W.invalidState('The WritableStream is locked');
			return W.pipeTo(this, destination, opts);
		} catch (err) {
			return Promise.reject(err);
		}
	}
	tee() {
		if (!is(this, 'ReadableStream')) throw W.invalidThis('ReadableStream');
		return W.tee(this);
	}
	values(options = {}) {
		if (!is(this, 'ReadableStream')) throw W.invalidThis('ReadableStream');
		W.validateObject(options, 'options', true);
		return W.asyncIterator(this, !!(options != null && options.preventCancel));
	}
	static from(iterable) { return W.fromIterable(iterable); }
}
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
	value: ReadableStream.prototype.values, writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(ReadableStream, 'from', { enumerable: true });
W.defineClass('ReadableStream', ReadableStream, ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);
W.inspectAs(ReadableStream, 'ReadableStream', (rs) => ({
	locked: isLocked(rs),
	state: rs[kState].state,
	supportsBYOB: is(rs[kState].controller, 'ReadableByteStreamController'),
}));

function pipeOptions(options) {
	W.validateObject(options, 'options', true);
	const o = options == null ? {} : options;
	const preventAbort = !!o.preventAbort;
	const preventCancel = !!o.preventCancel;
	const preventClose = !!o.preventClose;
	const signal = o.signal;
	if (signal !== undefined && !(signal instanceof global.AbortSignal)) {
		throw W.argType('options.signal', 'an instance of AbortSignal', signal);
	}
	return { preventAbort, preventCancel, preventClose, signal };
}

function initializeReadableStream(stream) {
	stream[kState] = {
		kind: 'ReadableStream',
		state: 'readable',
		reader: undefined,
		storedError: undefined,
		disturbed: false,
		controller: undefined,
	};
}

// createReadableStream builds a stream with a default controller from algorithms (spec
// CreateReadableStream), for tee, from and the module's own sources.
function createReadableStream(start, pull, cancel, highWaterMark = 1, size = () => 1) {
	const stream = Object.create(ReadableStream.prototype);
	initializeReadableStream(stream);
	setUpDefaultController(stream, newDefaultController(), start, pull, cancel, highWaterMark, size);
	return stream;
}
W.createReadableStream = createReadableStream;
W.newReadableStreamObject = () => {
	const stream = Object.create(ReadableStream.prototype);
	initializeReadableStream(stream);
	return stream;
};

const isLocked = (stream) => stream[kState].reader !== undefined;
W.isLocked = isLocked;

function readableStreamCancel(stream, reason) {
	const s = stream[kState];
	s.disturbed = true;
	if (s.state === 'closed') return Promise.resolve();
	if (s.state === 'errored') return Promise.reject(s.storedError);
	readableStreamClose(stream);
	const reader = s.reader;
	if (reader !== undefined && is(reader, 'ReadableStreamBYOBReader')) {
		const requests = reader[kState].readIntoRequests;
		reader[kState].readIntoRequests = [];
		for (const request of requests) request.close(undefined);
	}
	return controllerCancel(s.controller, reason).then(W.noop);
}
W.readableStreamCancel = readableStreamCancel;

function readableStreamClose(stream) {
	const s = stream[kState];
	s.state = 'closed';
	const reader = s.reader;
	if (reader === undefined) return;
	reader[kState].closed.resolve();
	if (is(reader, 'ReadableStreamDefaultReader')) {
		const requests = reader[kState].readRequests;
		reader[kState].readRequests = [];
		for (const request of requests) request.close();
	}
}
W.readableStreamClose = readableStreamClose;

function readableStreamError(stream, e) {
	const s = stream[kState];
	s.state = 'errored';
	s.storedError = e;
	const reader = s.reader;
	if (reader === undefined) return;
	const r = reader[kState];
	r.closed.reject(e);
	W.markHandled(r.closed.promise);
	if (is(reader, 'ReadableStreamDefaultReader')) errorReadRequests(reader, e);
	else W.errorReadIntoRequests(reader, e);
}
W.readableStreamError = readableStreamError;

W.addReadRequest = (stream, request) => { stream[kState].reader[kState].readRequests.push(request); };
W.fulfillReadRequest = (stream, chunk, done) => {
	const request = stream[kState].reader[kState].readRequests.shift();
	if (done) request.close();
	else request.chunk(chunk);
};
W.numReadRequests = (stream) => stream[kState].reader[kState].readRequests.length;
W.hasDefaultReader = (stream) => is(stream[kState].reader, 'ReadableStreamDefaultReader');

// The controllers' internal methods, dispatched on their kind.
function controllerCancel(c, reason) {
	return is(c, 'ReadableByteStreamController') ? W.byteControllerCancelSteps(c, reason) : defaultControllerCancelSteps(c, reason);
}
function controllerPull(c, request) {
	if (is(c, 'ReadableByteStreamController')) W.byteControllerPullSteps(c, request);
	else defaultControllerPullSteps(c, request);
}
function controllerRelease(c) {
	if (is(c, 'ReadableByteStreamController')) W.byteControllerReleaseSteps(c);
}

// What the default and byte controllers share: the algorithms taken from an underlying source, the
// start step and the pull loop. shouldCallPull and error are the controller kind's own steps.

// sourceAlgorithms validates an underlying source's start, pull and cancel and binds them to the source,
// with the spec's defaults for those it lacks.
function sourceAlgorithms(source, c) {
	const { start, pull, cancel } = source;
	W.validateFunction(start, 'source.start');
	W.validateFunction(pull, 'source.pull');
	W.validateFunction(cancel, 'source.cancel');
	return {
		start: start === undefined ? W.noop : () => start.call(source, c),
		pull: pull === undefined ? () => Promise.resolve() : () => W.promiseCall(pull, source, c),
		cancel: cancel === undefined ? () => Promise.resolve() : (reason) => W.promiseCall(cancel, source, reason),
	};
}
W.sourceAlgorithms = sourceAlgorithms;

// controllerStart runs the start algorithm; the controller pulls once it has settled, or errors with
// its rejection.
function controllerStart(c, start, shouldCallPull, error) {
	const s = c[kState];
	Promise.resolve(start()).then(() => {
		s.started = true;
		controllerCallPullIfNeeded(c, shouldCallPull, error);
	}, (r) => error(c, r));
}
W.controllerStart = controllerStart;

// controllerCallPullIfNeeded keeps at most one pull running: a pull wanted meanwhile is made when the
// running one settles, and a rejected pull errors the controller.
function controllerCallPullIfNeeded(c, shouldCallPull, error) {
	if (!shouldCallPull(c)) return;
	const s = c[kState];
	if (s.pulling) {
		s.pullAgain = true;
		return;
	}
	s.pulling = true;
	s.pullAlgorithm().then(() => {
		s.pulling = false;
		if (s.pullAgain) {
			s.pullAgain = false;
			controllerCallPullIfNeeded(c, shouldCallPull, error);
		}
	}, (e) => error(c, e));
}
W.controllerCallPullIfNeeded = controllerCallPullIfNeeded;

// Readers.
function readerGenericInitialize(reader, stream) {
	const r = reader[kState];
	r.stream = stream;
	stream[kState].reader = reader;
	r.closed = W.deferred();
	switch (stream[kState].state) {
	case 'readable':
		break;
	case 'closed':
		r.closed.resolve();
		break;
	default:
		r.closed.reject(stream[kState].storedError);
		W.markHandled(r.closed.promise);
	}
}
W.readerGenericInitialize = readerGenericInitialize;

function readerGenericRelease(reader) {
	const r = reader[kState];
	const stream = r.stream;
	const released = W.invalidState('Reader released');
	if (stream[kState].state === 'readable') {
		r.closed.reject(released);
	} else {
		r.closed = W.deferred();
		r.closed.reject(released);
	}
	W.markHandled(r.closed.promise);
	controllerRelease(stream[kState].controller);
	stream[kState].reader = undefined;
	r.stream = undefined;
}
W.readerGenericRelease = readerGenericRelease;

function errorReadRequests(reader, e) {
	const requests = reader[kState].readRequests;
	reader[kState].readRequests = [];
	for (const request of requests) request.error(e);
}

function defaultReaderRelease(reader) {
	readerGenericRelease(reader);
	errorReadRequests(reader, W.invalidState('Releasing reader'));
}
W.defaultReaderRelease = defaultReaderRelease;

function defaultReaderRead(reader, request) {
	const stream = reader[kState].stream;
	const s = stream[kState];
	s.disturbed = true;
	if (s.state === 'closed') request.close();
	else if (s.state === 'errored') request.error(s.storedError);
	else controllerPull(s.controller, request);
}
W.defaultReaderRead = defaultReaderRead;

// ReadRequest turns a deferred into the chunk/close/error steps of a read() call.
class ReadRequest {
	constructor(d) { this.d = d; }
	chunk(value) { this.d.resolve({ value, done: false }); }
	close(value) { this.d.resolve({ value, done: true }); }
	error(e) { this.d.reject(e); }
}
W.readRequest = (d) => new ReadRequest(d);

class ReadableStreamDefaultReader {
	constructor(stream) {
		if (!is(stream, 'ReadableStream')) throw W.argType('stream', 'an instance of ReadableStream', stream);
		if (isLocked(stream)) throw W.invalidState('ReadableStream is locked');
		this[kState] = { kind: 'ReadableStreamDefaultReader', stream: undefined, readRequests: [], closed: undefined };
		readerGenericInitialize(this, stream);
	}
	read() {
		if (!is(this, 'ReadableStreamDefaultReader')) return Promise.reject(W.invalidThis('ReadableStreamDefaultReader'));
		const stream = this[kState].stream;
		if (stream === undefined) return Promise.reject(W.invalidState('The reader is not attached to a stream'));
		// A chunk already queued is answered without a read request, as Node does.
		const ss = stream[kState];
		const c = ss.controller;
		if (ss.state === 'readable' && c[kState].kind === 'ReadableStreamDefaultController' && c[kState].queue.length > 0) {
			ss.disturbed = true;
			const chunk = W.dequeueValue(c[kState]);
			if (c[kState].closeRequested && c[kState].queue.length === 0) {
				defaultControllerClearAlgorithms(c);
				readableStreamClose(stream);
			} else {
				defaultControllerCallPullIfNeeded(c);
			}
			return Promise.resolve({ value: chunk, done: false });
		}
		const d = W.deferred();
		defaultReaderRead(this, new ReadRequest(d));
		return d.promise;
	}
	releaseLock() {
		if (!is(this, 'ReadableStreamDefaultReader')) throw W.invalidThis('ReadableStreamDefaultReader');
		if (this[kState].stream === undefined) return;
		defaultReaderRelease(this);
	}
	get closed() {
		if (!is(this, 'ReadableStreamDefaultReader')) return Promise.reject(W.invalidThis('ReadableStreamDefaultReader'));
		return this[kState].closed.promise;
	}
	cancel(reason = undefined) {
		if (!is(this, 'ReadableStreamDefaultReader')) return Promise.reject(W.invalidThis('ReadableStreamDefaultReader'));
		if (this[kState].stream === undefined) return Promise.reject(W.invalidState('The reader is not attached to a stream'));
		return readableStreamCancel(this[kState].stream, reason);
	}
}
W.defineClass('ReadableStreamDefaultReader', ReadableStreamDefaultReader, ['read', 'releaseLock', 'closed', 'cancel']);
W.inspectAs(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader', (r) => ({
	stream: r[kState].stream,
	readRequests: r[kState].readRequests.length,
	close: r[kState].closed.promise,
}));

// The default controller.
class ReadableStreamDefaultController {
	constructor(key) {
		if (key !== kInternal) throw W.illegalConstructor();
	}
	get desiredSize() {
		if (!is(this, 'ReadableStreamDefaultController')) throw W.invalidThis('ReadableStreamDefaultController');
		return defaultControllerGetDesiredSize(this);
	}
	close() {
		if (!is(this, 'ReadableStreamDefaultController')) throw W.invalidThis('ReadableStreamDefaultController');
		if (!defaultControllerCanCloseOrEnqueue(this)) throw W.invalidState('Controller is already closed');
		defaultControllerClose(this);
	}
	enqueue(chunk = undefined) {
		if (!is(this, 'ReadableStreamDefaultController')) throw W.invalidThis('ReadableStreamDefaultController');
		if (!defaultControllerCanCloseOrEnqueue(this)) throw W.invalidState('Controller is already closed');
		defaultControllerEnqueue(this, chunk);
	}
	error(e = undefined) {
		if (!is(this, 'ReadableStreamDefaultController')) throw W.invalidThis('ReadableStreamDefaultController');
		defaultControllerError(this, e);
	}
}
W.defineClass('ReadableStreamDefaultController', ReadableStreamDefaultController, ['desiredSize', 'close', 'enqueue', 'error']);

function newDefaultController() {
	const c = new ReadableStreamDefaultController(kInternal);
	c[kState] = { kind: 'ReadableStreamDefaultController' };
	return c;
}

function defaultControllerCancelSteps(c, reason) {
	const s = c[kState];
	W.resetQueue(s);
	const result = s.cancelAlgorithm(reason);
	defaultControllerClearAlgorithms(c);
	return result;
}

function defaultControllerPullSteps(c, request) {
	const s = c[kState];
	const stream = s.stream;
	if (s.queue.length > 0) {
		const chunk = W.dequeueValue(s);
		if (s.closeRequested && s.queue.length === 0) {
			defaultControllerClearAlgorithms(c);
			readableStreamClose(stream);
		} else {
			defaultControllerCallPullIfNeeded(c);
		}
		request.chunk(chunk);
	} else {
		W.addReadRequest(stream, request);
		defaultControllerCallPullIfNeeded(c);
	}
}

function defaultControllerCallPullIfNeeded(c) {
	controllerCallPullIfNeeded(c, defaultControllerShouldCallPull, defaultControllerError);
}

function defaultControllerShouldCallPull(c) {
	const s = c[kState];
	const stream = s.stream;
	if (!defaultControllerCanCloseOrEnqueue(c) || !s.started) return false;
	if (isLocked(stream) && W.numReadRequests(stream) > 0) return true;
	return defaultControllerGetDesiredSize(c) > 0;
}

function defaultControllerClearAlgorithms(c) {
	const s = c[kState];
	s.pullAlgorithm = undefined;
	s.cancelAlgorithm = undefined;
	s.strategySizeAlgorithm = undefined;
}

function defaultControllerClose(c) {
	const s = c[kState];
	if (!defaultControllerCanCloseOrEnqueue(c)) return;
	s.closeRequested = true;
	if (s.queue.length === 0) {
		defaultControllerClearAlgorithms(c);
		readableStreamClose(s.stream);
	}
}
W.defaultControllerClose = defaultControllerClose;

function defaultControllerEnqueue(c, chunk) {
	const s = c[kState];
	if (!defaultControllerCanCloseOrEnqueue(c)) return;
	const stream = s.stream;
	if (isLocked(stream) && W.numReadRequests(stream) > 0) {
		W.fulfillReadRequest(stream, chunk, false);
	} else {
		let size;
		try {
			size = s.strategySizeAlgorithm(chunk);
		} catch (e) {
			defaultControllerError(c, e);
			throw e;
		}
		try {
			W.enqueueValueWithSize(s, chunk, size);
		} catch (e) {
			defaultControllerError(c, e);
			throw e;
		}
	}
	defaultControllerCallPullIfNeeded(c);
}
W.defaultControllerEnqueue = defaultControllerEnqueue;

function defaultControllerError(c, e) {
	const s = c[kState];
	if (s.stream[kState].state !== 'readable') return;
	W.resetQueue(s);
	defaultControllerClearAlgorithms(c);
	readableStreamError(s.stream, e);
}
W.defaultControllerError = defaultControllerError;

function defaultControllerGetDesiredSize(c) {
	const s = c[kState];
	const state = s.stream[kState].state;
	if (state === 'errored') return null;
	if (state === 'closed') return 0;
	return s.strategyHWM - s.queueTotalSize;
}
W.defaultControllerGetDesiredSize = defaultControllerGetDesiredSize;
W.defaultControllerHasBackpressure = (c) => !defaultControllerShouldCallPull(c);

function defaultControllerCanCloseOrEnqueue(c) {
	const s = c[kState];
	return !s.closeRequested && s.stream[kState].state === 'readable';
}
W.defaultControllerCanCloseOrEnqueue = defaultControllerCanCloseOrEnqueue;

function setUpDefaultController(stream, c, start, pull, cancel, highWaterMark, size) {
	const s = c[kState];
	s.stream = stream;
	W.resetQueue(s);
	s.started = false;
	s.closeRequested = false;
	s.pullAgain = false;
	s.pulling = false;
	s.strategySizeAlgorithm = size;
	s.strategyHWM = highWaterMark;
	s.pullAlgorithm = pull;
	s.cancelAlgorithm = cancel;
	stream[kState].controller = c;
	controllerStart(c, start, defaultControllerShouldCallPull, defaultControllerError);
}

function setUpDefaultControllerFromSource(stream, source, highWaterMark, size) {
	const c = newDefaultController();
	const { start, pull, cancel } = sourceAlgorithms(source, c);
	setUpDefaultController(stream, c, start, pull, cancel, highWaterMark, size);
}
})
