// WritableStream, WritableStreamDefaultWriter and WritableStreamDefaultController (Streams Standard
// section 5), with Node 20's errors.
(function (W, native, global) {
'use strict';

const { kState, kInternal, is } = W;
const closeSentinel = Symbol('close');

W.isWritableStream = (v) => is(v, 'WritableStream');
W.isWritableLocked = (stream) => stream[kState].writer !== undefined;

class WritableStream {
	constructor(sink = {}, strategy = {}) {
		W.validateObject(sink, 'sink');
		W.validateObject(strategy, 'strategy', true);
		const size = strategy == null ? undefined : strategy.size;
		const highWaterMark = strategy == null ? undefined : strategy.highWaterMark;
		const type = sink.type;
		if (type !== undefined) throw W.argValue('type', type, 'RangeError');
		initializeWritableStream(this);
		setUpControllerFromSink(this, sink, W.extractHighWaterMark(highWaterMark, 1), W.extractSizeAlgorithm(size));
	}
	get locked() {
		if (!is(this, 'WritableStream')) throw W.invalidThis('WritableStream');
		return this[kState].writer !== undefined;
	}
	abort(reason = undefined) {
		if (!is(this, 'WritableStream')) return Promise.reject(W.invalidThis('WritableStream'));
		if (this[kState].writer !== undefined) return Promise.reject(W.invalidState('WritableStream is locked'));
		return writableStreamAbort(this, reason);
	}
	close() {
		if (!is(this, 'WritableStream')) return Promise.reject(W.invalidThis('WritableStream'));
		if (this[kState].writer !== undefined) return Promise.reject(W.invalidState('WritableStream is locked'));
		if (closeQueuedOrInFlight(this)) return Promise.reject(W.invalidState('Failure closing WritableStream'));
		return writableStreamClose(this);
	}
	getWriter() {
		if (!is(this, 'WritableStream')) throw W.invalidThis('WritableStream');
		return new WritableStreamDefaultWriter(this);
	}
}
W.defineClass('WritableStream', WritableStream, ['locked', 'abort', 'close', 'getWriter']);
W.inspectAs(WritableStream, 'WritableStream', (ws) => ({ locked: ws[kState].writer !== undefined, state: ws[kState].state }));

function initializeWritableStream(stream) {
	stream[kState] = {
		kind: 'WritableStream',
		state: 'writable',
		storedError: undefined,
		writer: undefined,
		controller: undefined,
		inFlightWriteRequest: undefined,
		closeRequest: undefined,
		inFlightCloseRequest: undefined,
		pendingAbortRequest: undefined,
		writeRequests: [],
		backpressure: false,
	};
}

// createWritableStream builds a stream from algorithms (spec CreateWritableStream).
W.createWritableStream = (start, write, close, abort, highWaterMark = 1, size = () => 1) => {
	const stream = Object.create(WritableStream.prototype);
	initializeWritableStream(stream);
	setUpController(stream, newController(), start, write, close, abort, highWaterMark, size);
	return stream;
};

function writableStreamAbort(stream, reason) {
	const s = stream[kState];
	if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
	s.controller[kState].abortController.abort(reason);
	const state = s.state;
	if (state === 'closed' || state === 'errored') return Promise.resolve();
	if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise;
	let wasAlreadyErroring = false;
	if (state === 'erroring') {
		wasAlreadyErroring = true;
		reason = undefined;
	}
	const d = W.deferred();
	s.pendingAbortRequest = { promise: d.promise, resolve: d.resolve, reject: d.reject, reason, wasAlreadyErroring };
	if (!wasAlreadyErroring) startErroring(stream, reason);
	return d.promise;
}
W.writableStreamAbort = writableStreamAbort;

function writableStreamClose(stream) {
	const s = stream[kState];
	if (s.state === 'closed' || s.state === 'errored') return Promise.reject(W.invalidState('WritableStream is closed'));
	const d = W.deferred();
	s.closeRequest = d;
	const writer = s.writer;
	if (writer !== undefined && s.backpressure && s.state === 'writable') writer[kState].ready.resolve();
	controllerClose(s.controller);
	return d.promise;
}

function closeQueuedOrInFlight(stream) {
	const s = stream[kState];
	return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}
W.writableCloseQueuedOrInFlight = closeQueuedOrInFlight;

function dealWithRejection(stream, error) {
	if (stream[kState].state === 'writable') {
		startErroring(stream, error);
		return;
	}
	finishErroring(stream);
}

function finishErroring(stream) {
	const s = stream[kState];
	s.state = 'errored';
	W.resetQueue(s.controller[kState]);
	const storedError = s.storedError;
	for (const request of s.writeRequests) request.reject(storedError);
	s.writeRequests = [];
	if (s.pendingAbortRequest === undefined) {
		rejectCloseAndClosedPromiseIfNeeded(stream);
		return;
	}
	const abortRequest = s.pendingAbortRequest;
	s.pendingAbortRequest = undefined;
	if (abortRequest.wasAlreadyErroring) {
		abortRequest.reject(storedError);
		rejectCloseAndClosedPromiseIfNeeded(stream);
		return;
	}
	const c = s.controller[kState];
	const promise = c.abortAlgorithm(abortRequest.reason);
	clearAlgorithms(s.controller);
	promise.then(() => {
		abortRequest.resolve();
		rejectCloseAndClosedPromiseIfNeeded(stream);
	}, (reason) => {
		abortRequest.reject(reason);
		rejectCloseAndClosedPromiseIfNeeded(stream);
	});
}

function finishInFlightClose(stream) {
	const s = stream[kState];
	s.inFlightCloseRequest.resolve();
	s.inFlightCloseRequest = undefined;
	if (s.state === 'erroring') {
		s.storedError = undefined;
		if (s.pendingAbortRequest !== undefined) {
			s.pendingAbortRequest.resolve();
			s.pendingAbortRequest = undefined;
		}
	}
	s.state = 'closed';
	if (s.writer !== undefined) s.writer[kState].closed.resolve();
}

function finishInFlightCloseWithError(stream, error) {
	const s = stream[kState];
	s.inFlightCloseRequest.reject(error);
	s.inFlightCloseRequest = undefined;
	if (s.pendingAbortRequest !== undefined) {
		s.pendingAbortRequest.reject(error);
		s.pendingAbortRequest = undefined;
	}
	dealWithRejection(stream, error);
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
	const s = stream[kState];
	if (s.closeRequest !== undefined) {
		s.closeRequest.reject(s.storedError);
		s.closeRequest = undefined;
	}
	if (s.writer !== undefined) {
		const closed = s.writer[kState].closed;
		closed.reject(s.storedError);
		W.markHandled(closed.promise);
	}
}

function startErroring(stream, reason) {
	const s = stream[kState];
	s.state = 'erroring';
	s.storedError = reason;
	if (s.writer !== undefined) ensureReadyPromiseRejected(s.writer, reason);
	if (s.inFlightWriteRequest === undefined && s.inFlightCloseRequest === undefined && s.controller[kState].started) {
		finishErroring(stream);
	}
}

function updateBackpressure(stream, backpressure) {
	const s = stream[kState];
	if (s.writer !== undefined && backpressure !== s.backpressure) {
		if (backpressure) s.writer[kState].ready = W.trackedDeferred();
		else s.writer[kState].ready.resolve();
	}
	s.backpressure = backpressure;
}

// The writer.
class WritableStreamDefaultWriter {
	constructor(stream) {
		if (!is(stream, 'WritableStream')) throw W.argType('stream', 'an instance of WritableStream', stream);
		if (stream[kState].writer !== undefined) throw W.invalidState('WritableStream is locked');
		this[kState] = { kind: 'WritableStreamDefaultWriter', stream, ready: W.trackedDeferred(), closed: W.trackedDeferred() };
		const s = stream[kState];
		s.writer = this;
		const w = this[kState];
		switch (s.state) {
		case 'writable':
			if (closeQueuedOrInFlight(stream) || !s.backpressure) w.ready.resolve();
			break;
		case 'erroring':
			w.ready.reject(s.storedError);
			W.markHandled(w.ready.promise);
			break;
		case 'closed':
			w.ready.resolve();
			w.closed.resolve();
			break;
		default:
			w.ready.reject(s.storedError);
			W.markHandled(w.ready.promise);
			w.closed.reject(s.storedError);
			W.markHandled(w.closed.promise);
		}
	}
	get closed() {
		if (!is(this, 'WritableStreamDefaultWriter')) return Promise.reject(W.invalidThis('WritableStreamDefaultWriter'));
		return this[kState].closed.promise;
	}
	get desiredSize() {
		if (!is(this, 'WritableStreamDefaultWriter')) throw W.invalidThis('WritableStreamDefaultWriter');
		if (this[kState].stream === undefined) throw W.invalidState('Writer is not bound to a WritableStream');
		return writerGetDesiredSize(this);
	}
	get ready() {
		if (!is(this, 'WritableStreamDefaultWriter')) return Promise.reject(W.invalidThis('WritableStreamDefaultWriter'));
		return this[kState].ready.promise;
	}
	abort(reason = undefined) {
		if (!is(this, 'WritableStreamDefaultWriter')) return Promise.reject(W.invalidThis('WritableStreamDefaultWriter'));
		if (this[kState].stream === undefined) return Promise.reject(W.invalidState('Writer is not bound to a WritableStream'));
		return writableStreamAbort(this[kState].stream, reason);
	}
	close() {
		if (!is(this, 'WritableStreamDefaultWriter')) return Promise.reject(W.invalidThis('WritableStreamDefaultWriter'));
		const stream = this[kState].stream;
		if (stream === undefined) return Promise.reject(W.invalidState('Writer is not bound to a WritableStream'));
		if (closeQueuedOrInFlight(stream)) return Promise.reject(W.invalidState('Failure to close WritableStream'));
		return writableStreamClose(stream);
	}
	releaseLock() {
		if (!is(this, 'WritableStreamDefaultWriter')) throw W.invalidThis('WritableStreamDefaultWriter');
		if (this[kState].stream === undefined) return;
		writerRelease(this);
	}
	write(chunk = undefined) {
		if (!is(this, 'WritableStreamDefaultWriter')) return Promise.reject(W.invalidThis('WritableStreamDefaultWriter'));
		if (this[kState].stream === undefined) return Promise.reject(W.invalidState('Writer is not bound to a WritableStream'));
		return writerWrite(this, chunk);
	}
}
W.defineClass('WritableStreamDefaultWriter', WritableStreamDefaultWriter, ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']);
W.inspectAs(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter', (w) => ({
	stream: w[kState].stream,
	close: w[kState].closed.promise,
	ready: w[kState].ready.promise,
	desiredSize: w[kState].stream === undefined ? undefined : writerGetDesiredSize(w),
}));

function ensurePromiseRejected(w, key, error) {
	if (w[key].settled) w[key] = W.trackedDeferred();
	w[key].reject(error);
	W.markHandled(w[key].promise);
}
function ensureReadyPromiseRejected(writer, error) { ensurePromiseRejected(writer[kState], 'ready', error); }
function ensureClosedPromiseRejected(writer, error) { ensurePromiseRejected(writer[kState], 'closed', error); }

function writerGetDesiredSize(writer) {
	const stream = writer[kState].stream;
	const state = stream[kState].state;
	if (state === 'errored' || state === 'erroring') return null;
	if (state === 'closed') return 0;
	return controllerGetDesiredSize(stream[kState].controller);
}

function writerRelease(writer) {
	const stream = writer[kState].stream;
	const released = W.invalidState('Writer has been released');
	ensureReadyPromiseRejected(writer, released);
	ensureClosedPromiseRejected(writer, released);
	stream[kState].writer = undefined;
	writer[kState].stream = undefined;
}
W.writerRelease = writerRelease;

function writerWrite(writer, chunk) {
	const stream = writer[kState].stream;
	const s = stream[kState];
	const controller = s.controller;
	const chunkSize = controllerGetChunkSize(controller, chunk);
	if (stream !== writer[kState].stream) return Promise.reject(W.invalidState('Writer is not bound to a WritableStream'));
	const state = s.state;
	if (state === 'errored') return Promise.reject(s.storedError);
	if (closeQueuedOrInFlight(stream) || state === 'closed') return Promise.reject(W.invalidState('WritableStream is closed'));
	if (state === 'erroring') return Promise.reject(s.storedError);
	const d = W.deferred();
	s.writeRequests.push(d);
	controllerWrite(controller, chunk, chunkSize);
	return d.promise;
}
W.writerWrite = writerWrite;

// writerCloseWithErrorPropagation closes the destination of a pipe, resolving at once when it is
// already closing.
W.writerCloseWithErrorPropagation = (writer) => {
	const stream = writer[kState].stream;
	const s = stream[kState];
	if (closeQueuedOrInFlight(stream) || s.state === 'closed') return Promise.resolve();
	if (s.state === 'errored') return Promise.reject(s.storedError);
	return writableStreamClose(stream);
};

// The controller.
class WritableStreamDefaultController {
	constructor(key) {
		if (key !== kInternal) throw W.illegalConstructor();
	}
	get signal() {
		if (!is(this, 'WritableStreamDefaultController')) throw W.invalidThis('WritableStreamDefaultController');
		return this[kState].abortController.signal;
	}
	error(e = undefined) {
		if (!is(this, 'WritableStreamDefaultController')) throw W.invalidThis('WritableStreamDefaultController');
		if (this[kState].stream[kState].state !== 'writable') return;
		controllerError(this, e);
	}
}
W.defineClass('WritableStreamDefaultController', WritableStreamDefaultController, ['signal', 'error']);

function newController() {
	const c = new WritableStreamDefaultController(kInternal);
	c[kState] = { kind: 'WritableStreamDefaultController' };
	return c;
}

function setUpController(stream, c, start, write, close, abort, highWaterMark, size) {
	const s = c[kState];
	s.stream = stream;
	stream[kState].controller = c;
	W.resetQueue(s);
	s.abortController = new global.AbortController();
	s.started = false;
	s.strategySizeAlgorithm = size;
	s.strategyHWM = highWaterMark;
	s.writeAlgorithm = write;
	s.closeAlgorithm = close;
	s.abortAlgorithm = abort;
	updateBackpressure(stream, controllerGetBackpressure(c));
	Promise.resolve(start()).then(() => {
		s.started = true;
		advanceQueueIfNeeded(c);
	}, (r) => {
		s.started = true;
		dealWithRejection(stream, r);
	});
}

function setUpControllerFromSink(stream, sink, highWaterMark, size) {
	const c = newController();
	const { start, write, close, abort } = sink;
	W.validateFunction(start, 'sink.start');
	W.validateFunction(write, 'sink.write');
	W.validateFunction(close, 'sink.close');
	W.validateFunction(abort, 'sink.abort');
	setUpController(stream, c,
		start === undefined ? W.noop : () => start.call(sink, c),
		write === undefined ? () => Promise.resolve() : (chunk) => W.promiseCall(write, sink, chunk, c),
		close === undefined ? () => Promise.resolve() : () => W.promiseCall(close, sink),
		abort === undefined ? () => Promise.resolve() : (reason) => W.promiseCall(abort, sink, reason),
		highWaterMark, size);
}

function clearAlgorithms(c) {
	const s = c[kState];
	s.writeAlgorithm = undefined;
	s.closeAlgorithm = undefined;
	s.abortAlgorithm = undefined;
	s.strategySizeAlgorithm = undefined;
}

function controllerClose(c) {
	W.enqueueValueWithSize(c[kState], closeSentinel, 0);
	advanceQueueIfNeeded(c);
}

function controllerGetChunkSize(c, chunk) {
	const s = c[kState];
	if (s.strategySizeAlgorithm === undefined) return 1;
	try {
		return s.strategySizeAlgorithm(chunk);
	} catch (e) {
		controllerErrorIfNeeded(c, e);
		return 1;
	}
}

function controllerGetDesiredSize(c) { return c[kState].strategyHWM - c[kState].queueTotalSize; }

function controllerWrite(c, chunk, chunkSize) {
	const s = c[kState];
	try {
		W.enqueueValueWithSize(s, chunk, chunkSize);
	} catch (e) {
		controllerErrorIfNeeded(c, e);
		return;
	}
	const stream = s.stream;
	if (!closeQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
		updateBackpressure(stream, controllerGetBackpressure(c));
	}
	advanceQueueIfNeeded(c);
}

function advanceQueueIfNeeded(c) {
	const s = c[kState];
	const stream = s.stream;
	if (!s.started || stream[kState].inFlightWriteRequest !== undefined) return;
	if (stream[kState].state === 'erroring') {
		finishErroring(stream);
		return;
	}
	if (s.queue.length === 0) return;
	const value = W.peekQueueValue(s);
	if (value === closeSentinel) processClose(c);
	else processWrite(c, value);
}

function controllerErrorIfNeeded(c, error) {
	if (c[kState].stream[kState].state === 'writable') controllerError(c, error);
}
W.writableControllerErrorIfNeeded = controllerErrorIfNeeded;

function processClose(c) {
	const s = c[kState];
	const stream = s.stream;
	const ss = stream[kState];
	ss.inFlightCloseRequest = ss.closeRequest;
	ss.closeRequest = undefined;
	W.dequeueValue(s);
	const sinkClosePromise = s.closeAlgorithm();
	clearAlgorithms(c);
	sinkClosePromise.then(() => finishInFlightClose(stream), (reason) => finishInFlightCloseWithError(stream, reason));
}

function processWrite(c, chunk) {
	const s = c[kState];
	const stream = s.stream;
	const ss = stream[kState];
	ss.inFlightWriteRequest = ss.writeRequests.shift();
	s.writeAlgorithm(chunk).then(() => {
		ss.inFlightWriteRequest.resolve();
		ss.inFlightWriteRequest = undefined;
		const state = ss.state;
		W.dequeueValue(s);
		if (!closeQueuedOrInFlight(stream) && state === 'writable') updateBackpressure(stream, controllerGetBackpressure(c));
		advanceQueueIfNeeded(c);
	}, (reason) => {
		if (ss.state === 'writable') clearAlgorithms(c);
		ss.inFlightWriteRequest.reject(reason);
		ss.inFlightWriteRequest = undefined;
		dealWithRejection(stream, reason);
	});
}

function controllerGetBackpressure(c) { return controllerGetDesiredSize(c) <= 0; }

function controllerError(c, error) {
	const stream = c[kState].stream;
	clearAlgorithms(c);
	startErroring(stream, error);
}
})
