// Readable byte streams: ReadableByteStreamController, ReadableStreamBYOBRequest and
// ReadableStreamBYOBReader (Streams Standard 4.4-4.7 and 4.10). Buffers handed to the stream are
// transferred (the caller's ArrayBuffer is detached), as in Node.
(function (W, native, global) {
'use strict';

const { kState, kInternal, is } = W;

const typedArrayCtors = {};
for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
	'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
	if (typeof global[name] === 'function') typedArrayCtors[name] = global[name];
}
// viewKind gives the element size and constructor of a view: a Buffer reads back as a Uint8Array.
function viewKind(view) {
	if (view instanceof DataView) return { elementSize: 1, ctor: DataView };
	const ctor = typedArrayCtors[Object.prototype.toString.call(view).slice(8, -1)] || Uint8Array;
	return { elementSize: ctor.BYTES_PER_ELEMENT, ctor };
}

function validateView(view, name) {
	if (!ArrayBuffer.isView(view)) throw W.argType(name, 'an instance of Buffer, TypedArray, or DataView', view);
}

class ReadableStreamBYOBRequest {
	constructor(key) {
		if (key !== kInternal) throw W.illegalConstructor();
	}
	get view() {
		if (!is(this, 'ReadableStreamBYOBRequest')) throw W.invalidThis('ReadableStreamBYOBRequest');
		return this[kState].view;
	}
	respond(bytesWritten) {
		if (!is(this, 'ReadableStreamBYOBRequest')) throw W.invalidThis('ReadableStreamBYOBRequest');
		const { view, controller } = this[kState];
		if (controller === undefined) throw W.invalidState('This BYOB request has been invalidated');
		if (W.isDetached(view.buffer)) throw W.invalidState('Viewed ArrayBuffer is detached');
		byteControllerRespond(controller, bytesWritten);
	}
	respondWithNewView(view) {
		if (!is(this, 'ReadableStreamBYOBRequest')) throw W.invalidThis('ReadableStreamBYOBRequest');
		const { controller } = this[kState];
		if (controller === undefined) throw W.invalidState('This BYOB request has been invalidated');
		validateView(view, 'view');
		if (W.isDetached(view.buffer)) throw W.invalidState('Viewed ArrayBuffer is detached');
		byteControllerRespondWithNewView(controller, view);
	}
}
W.defineClass('ReadableStreamBYOBRequest', ReadableStreamBYOBRequest, ['view', 'respond', 'respondWithNewView']);

class ReadableByteStreamController {
	constructor(key) {
		if (key !== kInternal) throw W.illegalConstructor();
	}
	get byobRequest() {
		if (!is(this, 'ReadableByteStreamController')) throw W.invalidThis('ReadableByteStreamController');
		return byteControllerGetBYOBRequest(this);
	}
	get desiredSize() {
		if (!is(this, 'ReadableByteStreamController')) throw W.invalidThis('ReadableByteStreamController');
		return byteControllerGetDesiredSize(this);
	}
	close() {
		if (!is(this, 'ReadableByteStreamController')) throw W.invalidThis('ReadableByteStreamController');
		const s = this[kState];
		if (s.closeRequested) throw W.invalidState('Controller is already closed');
		if (s.stream[kState].state !== 'readable') throw W.invalidState('ReadableStream is already closed');
		byteControllerClose(this);
	}
	enqueue(chunk) {
		if (!is(this, 'ReadableByteStreamController')) throw W.invalidThis('ReadableByteStreamController');
		validateView(chunk, 'buffer');
		const s = this[kState];
		if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0) {
			throw W.invalidState('chunk ArrayBuffer is zero-length or detached');
		}
		if (s.closeRequested) throw W.invalidState('Controller is already closed');
		if (s.stream[kState].state !== 'readable') throw W.invalidState('ReadableStream is already closed');
		byteControllerEnqueue(this, chunk);
	}
	error(e = undefined) {
		if (!is(this, 'ReadableByteStreamController')) throw W.invalidThis('ReadableByteStreamController');
		byteControllerError(this, e);
	}
}
W.defineClass('ReadableByteStreamController', ReadableByteStreamController, ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);

W.byteControllerCancelSteps = (c, reason) => {
	const s = c[kState];
	clearPendingPullIntos(c);
	W.resetQueue(s);
	const result = s.cancelAlgorithm(reason);
	clearAlgorithms(c);
	return result;
};

W.byteControllerPullSteps = (c, request) => {
	const s = c[kState];
	const stream = s.stream;
	if (s.queueTotalSize > 0) {
		fillReadRequestFromQueue(c, request);
		return;
	}
	const size = s.autoAllocateChunkSize;
	if (size !== undefined) {
		let buffer;
		try {
			buffer = new ArrayBuffer(size);
		} catch (e) {
			request.error(e);
			return;
		}
		s.pendingPullIntos.push({
			buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
			minimumFill: 1, elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
		});
	}
	W.addReadRequest(stream, request);
	callPullIfNeeded(c);
};

W.byteControllerReleaseSteps = (c) => {
	const s = c[kState];
	if (s.pendingPullIntos.length > 0) {
		const first = s.pendingPullIntos[0];
		first.readerType = 'none';
		s.pendingPullIntos = [first];
	}
};

function callPullIfNeeded(c) {
	W.controllerCallPullIfNeeded(c, shouldCallPull, byteControllerError);
}

function shouldCallPull(c) {
	const s = c[kState];
	const stream = s.stream;
	if (stream[kState].state !== 'readable' || s.closeRequested || !s.started) return false;
	if (W.hasDefaultReader(stream) && W.numReadRequests(stream) > 0) return true;
	if (hasBYOBReader(stream) && numReadIntoRequests(stream) > 0) return true;
	return byteControllerGetDesiredSize(c) > 0;
}

function clearAlgorithms(c) {
	c[kState].pullAlgorithm = undefined;
	c[kState].cancelAlgorithm = undefined;
}

function clearPendingPullIntos(c) {
	invalidateBYOBRequest(c);
	c[kState].pendingPullIntos = [];
}

function byteControllerClose(c) {
	const s = c[kState];
	const stream = s.stream;
	if (s.closeRequested || stream[kState].state !== 'readable') return;
	if (s.queueTotalSize > 0) {
		s.closeRequested = true;
		return;
	}
	if (s.pendingPullIntos.length > 0) {
		const first = s.pendingPullIntos[0];
		if (first.bytesFilled % first.elementSize !== 0) {
			const e = W.invalidState('Partial read');
			byteControllerError(c, e);
			throw e;
		}
	}
	clearAlgorithms(c);
	W.readableStreamClose(stream);
}
W.byteControllerClose = byteControllerClose;

function commitPullIntoDescriptor(stream, pd) {
	let done = false;
	if (stream[kState].state === 'closed') done = true;
	const filledView = convertPullIntoDescriptor(pd);
	if (pd.readerType === 'default') W.fulfillReadRequest(stream, filledView, done);
	else fulfillReadIntoRequest(stream, filledView, done);
}

function convertPullIntoDescriptor(pd) {
	const buffer = W.transferBuffer(pd.buffer);
	return new pd.viewConstructor(buffer, pd.byteOffset, pd.bytesFilled / pd.elementSize);
}

function enqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
	const s = c[kState];
	s.queue.push({ buffer, byteOffset, byteLength });
	s.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
	let clone;
	try {
		clone = buffer.slice(byteOffset, byteOffset + byteLength);
	} catch (e) {
		byteControllerError(c, e);
		throw e;
	}
	enqueueChunkToQueue(c, clone, 0, byteLength);
}

function enqueueDetachedPullIntoToQueue(c, pd) {
	if (pd.bytesFilled > 0) enqueueClonedChunkToQueue(c, pd.buffer, pd.byteOffset, pd.bytesFilled);
	shiftPendingPullInto(c);
}

function byteControllerEnqueue(c, chunk) {
	const s = c[kState];
	const stream = s.stream;
	if (s.closeRequested || stream[kState].state !== 'readable') return;
	const { buffer, byteOffset, byteLength } = chunk;
	if (W.isDetached(buffer)) throw W.invalidState('chunk ArrayBuffer is zero-length or detached');
	const transferred = W.transferBuffer(buffer);
	if (s.pendingPullIntos.length > 0) {
		const first = s.pendingPullIntos[0];
		if (W.isDetached(first.buffer)) throw W.invalidState('Viewed ArrayBuffer is detached');
		invalidateBYOBRequest(c);
		first.buffer = W.transferBuffer(first.buffer);
		if (first.readerType === 'none') enqueueDetachedPullIntoToQueue(c, first);
	}
	if (W.hasDefaultReader(stream)) {
		processReadRequestsUsingQueue(c);
		if (W.numReadRequests(stream) === 0) {
			enqueueChunkToQueue(c, transferred, byteOffset, byteLength);
		} else {
			if (s.pendingPullIntos.length > 0) shiftPendingPullInto(c);
			W.fulfillReadRequest(stream, new Uint8Array(transferred, byteOffset, byteLength), false);
		}
	} else if (hasBYOBReader(stream)) {
		enqueueChunkToQueue(c, transferred, byteOffset, byteLength);
		for (const pd of processPullIntoDescriptorsUsingQueue(c)) commitPullIntoDescriptor(stream, pd);
	} else {
		enqueueChunkToQueue(c, transferred, byteOffset, byteLength);
	}
	callPullIfNeeded(c);
}
W.byteControllerEnqueue = byteControllerEnqueue;

function byteControllerError(c, e) {
	const s = c[kState];
	if (s.stream[kState].state !== 'readable') return;
	clearPendingPullIntos(c);
	W.resetQueue(s);
	clearAlgorithms(c);
	W.readableStreamError(s.stream, e);
}
W.byteControllerError = byteControllerError;

function fillHeadPullIntoDescriptor(c, size, pd) {
	pd.bytesFilled += size;
}

function fillPullIntoDescriptorFromQueue(c, pd) {
	const s = c[kState];
	const maxBytesToCopy = Math.min(s.queueTotalSize, pd.byteLength - pd.bytesFilled);
	const maxBytesFilled = pd.bytesFilled + maxBytesToCopy;
	let totalBytesToCopyRemaining = maxBytesToCopy;
	let ready = false;
	const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % pd.elementSize);
	if (maxAlignedBytes >= pd.minimumFill) {
		totalBytesToCopyRemaining = maxAlignedBytes - pd.bytesFilled;
		ready = true;
	}
	while (totalBytesToCopyRemaining > 0) {
		const head = s.queue.peek();
		const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
		const destStart = pd.byteOffset + pd.bytesFilled;
		new Uint8Array(pd.buffer, destStart, bytesToCopy).set(new Uint8Array(head.buffer, head.byteOffset, bytesToCopy));
		if (head.byteLength === bytesToCopy) {
			s.queue.shift();
		} else {
			head.byteOffset += bytesToCopy;
			head.byteLength -= bytesToCopy;
		}
		s.queueTotalSize -= bytesToCopy;
		fillHeadPullIntoDescriptor(c, bytesToCopy, pd);
		totalBytesToCopyRemaining -= bytesToCopy;
	}
	return ready;
}

function fillReadRequestFromQueue(c, request) {
	const s = c[kState];
	const entry = s.queue.shift();
	s.queueTotalSize -= entry.byteLength;
	handleQueueDrain(c);
	request.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function byteControllerGetBYOBRequest(c) {
	const s = c[kState];
	if (s.byobRequest === null && s.pendingPullIntos.length > 0) {
		const first = s.pendingPullIntos[0];
		const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
		const request = new ReadableStreamBYOBRequest(kInternal);
		request[kState] = { kind: 'ReadableStreamBYOBRequest', controller: c, view };
		s.byobRequest = request;
	}
	return s.byobRequest;
}
W.byteControllerGetBYOBRequest = byteControllerGetBYOBRequest;

function byteControllerGetDesiredSize(c) {
	const s = c[kState];
	const state = s.stream[kState].state;
	if (state === 'errored') return null;
	if (state === 'closed') return 0;
	return s.strategyHWM - s.queueTotalSize;
}

function handleQueueDrain(c) {
	const s = c[kState];
	if (s.queueTotalSize === 0 && s.closeRequested) {
		clearAlgorithms(c);
		W.readableStreamClose(s.stream);
	} else {
		callPullIfNeeded(c);
	}
}

function invalidateBYOBRequest(c) {
	const s = c[kState];
	if (s.byobRequest === null) return;
	s.byobRequest[kState].controller = undefined;
	s.byobRequest[kState].view = null;
	s.byobRequest = null;
}

function processPullIntoDescriptorsUsingQueue(c) {
	const s = c[kState];
	const filled = [];
	while (s.pendingPullIntos.length > 0) {
		if (s.queueTotalSize === 0) break;
		const pd = s.pendingPullIntos[0];
		if (fillPullIntoDescriptorFromQueue(c, pd)) {
			shiftPendingPullInto(c);
			filled.push(pd);
		} else {
			break;
		}
	}
	return filled;
}

function processReadRequestsUsingQueue(c) {
	const s = c[kState];
	const reader = s.stream[kState].reader;
	while (reader[kState].readRequests.length > 0) {
		if (s.queueTotalSize === 0) return;
		fillReadRequestFromQueue(c, reader[kState].readRequests.shift());
	}
}

function byteControllerPullInto(c, view, min, request) {
	const s = c[kState];
	const stream = s.stream;
	const { elementSize, ctor } = viewKind(view);
	const minimumFill = min * elementSize;
	const byteOffset = view.byteOffset;
	const byteLength = view.byteLength;
	let buffer;
	try {
		buffer = W.transferBuffer(view.buffer);
	} catch (e) {
		request.error(e);
		return;
	}
	const pd = {
		buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0,
		minimumFill, elementSize, viewConstructor: ctor, readerType: 'byob',
	};
	if (s.pendingPullIntos.length > 0) {
		s.pendingPullIntos.push(pd);
		addReadIntoRequest(stream, request);
		return;
	}
	if (stream[kState].state === 'closed') {
		request.close(new ctor(pd.buffer, pd.byteOffset, 0));
		return;
	}
	if (s.queueTotalSize > 0) {
		if (fillPullIntoDescriptorFromQueue(c, pd)) {
			const filledView = convertPullIntoDescriptor(pd);
			handleQueueDrain(c);
			request.chunk(filledView);
			return;
		}
		if (s.closeRequested) {
			const e = W.invalidState('Partial read');
			byteControllerError(c, e);
			request.error(e);
			return;
		}
	}
	s.pendingPullIntos.push(pd);
	addReadIntoRequest(stream, request);
	callPullIfNeeded(c);
}

function byteControllerRespond(c, bytesWritten) {
	const s = c[kState];
	const first = s.pendingPullIntos[0];
	const state = s.stream[kState].state;
	bytesWritten = +bytesWritten;
	if (state === 'closed') {
		if (bytesWritten !== 0) throw W.invalidState('Controller is closed');
	} else {
		if (bytesWritten === 0) throw W.invalidState('bytesWritten is zero');
		if (first.bytesFilled + bytesWritten > first.byteLength) {
			throw W.nodeError('RangeError', 'ERR_INVALID_ARG_VALUE', `The argument 'bytesWritten' is invalid. Received ${bytesWritten}`);
		}
	}
	first.buffer = W.transferBuffer(first.buffer);
	respondInternal(c, bytesWritten);
}
W.byteControllerRespond = byteControllerRespond;

function respondInClosedState(c, first) {
	if (first.readerType === 'none') shiftPendingPullInto(c);
	const stream = c[kState].stream;
	if (hasBYOBReader(stream)) {
		const filled = [];
		while (filled.length < numReadIntoRequests(stream)) filled.push(shiftPendingPullInto(c));
		for (const pd of filled) commitPullIntoDescriptor(stream, pd);
	}
}

function respondInReadableState(c, bytesWritten, pd) {
	const stream = c[kState].stream;
	fillHeadPullIntoDescriptor(c, bytesWritten, pd);
	if (pd.readerType === 'none') {
		enqueueDetachedPullIntoToQueue(c, pd);
		for (const filled of processPullIntoDescriptorsUsingQueue(c)) commitPullIntoDescriptor(stream, filled);
		return;
	}
	if (pd.bytesFilled < pd.minimumFill) return;
	shiftPendingPullInto(c);
	const remainderSize = pd.bytesFilled % pd.elementSize;
	if (remainderSize > 0) {
		const end = pd.byteOffset + pd.bytesFilled;
		enqueueClonedChunkToQueue(c, pd.buffer, end - remainderSize, remainderSize);
	}
	pd.bytesFilled -= remainderSize;
	const filledPullIntos = processPullIntoDescriptorsUsingQueue(c);
	commitPullIntoDescriptor(stream, pd);
	for (const filled of filledPullIntos) commitPullIntoDescriptor(stream, filled);
}

function respondInternal(c, bytesWritten) {
	const s = c[kState];
	const first = s.pendingPullIntos[0];
	invalidateBYOBRequest(c);
	if (s.stream[kState].state === 'closed') respondInClosedState(c, first);
	else respondInReadableState(c, bytesWritten, first);
	callPullIfNeeded(c);
}

function byteControllerRespondWithNewView(c, view) {
	const s = c[kState];
	const first = s.pendingPullIntos[0];
	const state = s.stream[kState].state;
	if (state === 'closed') {
		if (view.byteLength !== 0) throw W.invalidState('View is not zero-length');
	} else if (view.byteLength === 0) {
		throw W.invalidState('View is zero-length');
	}
	if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
		throw W.nodeError('RangeError', 'ERR_INVALID_ARG_VALUE', 'The argument \'view\' is invalid. Received a view with an invalid byteOffset');
	}
	if (first.bufferByteLength !== view.buffer.byteLength) {
		throw W.nodeError('RangeError', 'ERR_INVALID_ARG_VALUE', 'The argument \'view\' is invalid. Received a view with an invalid buffer length');
	}
	if (first.bytesFilled + view.byteLength > first.byteLength) {
		throw W.nodeError('RangeError', 'ERR_INVALID_ARG_VALUE', 'The argument \'view\' is invalid. Received a view with an invalid byteLength');
	}
	const viewByteLength = view.byteLength;
	first.buffer = W.transferBuffer(view.buffer);
	respondInternal(c, viewByteLength);
}
W.byteControllerRespondWithNewView = byteControllerRespondWithNewView;

function shiftPendingPullInto(c) {
	return c[kState].pendingPullIntos.shift();
}

W.pendingPullIntosCount = (c) => c[kState].pendingPullIntos.length;

function setUpByteController(stream, c, start, pull, cancel, highWaterMark, autoAllocateChunkSize) {
	const s = c[kState];
	s.stream = stream;
	s.pullAgain = false;
	s.pulling = false;
	s.byobRequest = null;
	W.resetQueue(s);
	s.closeRequested = false;
	s.started = false;
	s.strategyHWM = highWaterMark;
	s.pullAlgorithm = pull;
	s.cancelAlgorithm = cancel;
	s.autoAllocateChunkSize = autoAllocateChunkSize;
	s.pendingPullIntos = [];
	stream[kState].controller = c;
	W.controllerStart(c, start, shouldCallPull, byteControllerError);
}

function newByteController() {
	const c = new ReadableByteStreamController(kInternal);
	c[kState] = { kind: 'ReadableByteStreamController' };
	return c;
}

W.setUpByteControllerFromSource = (stream, source, highWaterMark) => {
	const c = newByteController();
	const { start, pull, cancel } = W.sourceAlgorithms(source, c);
	let autoAllocateChunkSize = source.autoAllocateChunkSize;
	if (autoAllocateChunkSize !== undefined) {
		autoAllocateChunkSize = +autoAllocateChunkSize;
		if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
			throw W.nodeError('RangeError', 'ERR_INVALID_ARG_VALUE',
				`The property 'source.autoAllocateChunkSize' is invalid. Received ${source.autoAllocateChunkSize}`);
		}
	}
	setUpByteController(stream, c, start, pull, cancel, highWaterMark, autoAllocateChunkSize);
};

// createReadableByteStream builds a byte stream from algorithms (spec CreateReadableByteStream).
W.createReadableByteStream = (start, pull, cancel) => {
	const stream = W.newReadableStreamObject();
	setUpByteController(stream, newByteController(), start, pull, cancel, 0, undefined);
	return stream;
};

// The BYOB reader.
function hasBYOBReader(stream) { return is(stream[kState].reader, 'ReadableStreamBYOBReader'); }
function numReadIntoRequests(stream) { return stream[kState].reader[kState].readIntoRequests.length; }
function addReadIntoRequest(stream, request) { stream[kState].reader[kState].readIntoRequests.push(request); }
function fulfillReadIntoRequest(stream, chunk, done) {
	const request = stream[kState].reader[kState].readIntoRequests.shift();
	if (done) request.close(chunk);
	else request.chunk(chunk);
}

W.errorReadIntoRequests = (reader, e) => {
	const requests = reader[kState].readIntoRequests;
	reader[kState].readIntoRequests = [];
	for (const request of requests) request.error(e);
};

function byobReaderRelease(reader) {
	W.readerGenericRelease(reader);
	W.errorReadIntoRequests(reader, W.invalidState('Releasing reader'));
}
W.byobReaderRelease = byobReaderRelease;

function byobReaderRead(reader, view, min, request) {
	const stream = reader[kState].stream;
	stream[kState].disturbed = true;
	if (stream[kState].state === 'errored') request.error(stream[kState].storedError);
	else byteControllerPullInto(stream[kState].controller, view, min, request);
}
W.byobReaderRead = byobReaderRead;

class ReadableStreamBYOBReader {
	constructor(stream) {
		if (!is(stream, 'ReadableStream')) throw W.argType('stream', 'an instance of ReadableStream', stream);
		if (W.isLocked(stream)) throw W.invalidState('ReadableStream is locked');
		if (!is(stream[kState].controller, 'ReadableByteStreamController')) {
			throw W.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
				"The argument 'stream' must be a byte stream. Received ReadableStream { locked: false, state: '" +
				stream[kState].state + "', supportsBYOB: false }");
		}
		this[kState] = { kind: 'ReadableStreamBYOBReader', stream: undefined, readIntoRequests: [], closed: undefined };
		W.readerGenericInitialize(this, stream);
	}
	read(view, options = {}) {
		try {
			if (!is(this, 'ReadableStreamBYOBReader')) throw W.invalidThis('ReadableStreamBYOBReader');
			validateView(view, 'view');
			W.validateObject(options, 'options', true);
			if (view.byteLength === 0 || view.buffer.byteLength === 0) {
				throw W.invalidState('View or Viewed ArrayBuffer is zero-length or detached');
			}
			const min = options == null || options.min == null ? 1 : options.min;
			if (typeof min !== 'number') throw W.argType('options.min', 'of type number', min);
			if (!Number.isInteger(min)) throw W.argValue('options.min', min);
			if (min <= 0) throw W.argValue('options.min', min);
			const limit = view instanceof DataView ? view.byteLength : view.length;
			if (min > limit) {
				const bound = view instanceof DataView ? '<= view.byteLength' : '<= view.length';
				throw W.nodeError('RangeError', 'ERR_OUT_OF_RANGE', `The value of "options.min" is out of range. It must be ${bound}. Received ${min}`);
			}
			if (this[kState].stream === undefined) throw W.invalidState('The reader is not attached to a stream');
			const d = W.deferred();
			byobReaderRead(this, view, min, W.readRequest(d));
			return d.promise;
		} catch (err) {
			return Promise.reject(err);
		}
	}
	releaseLock() {
		if (!is(this, 'ReadableStreamBYOBReader')) throw W.invalidThis('ReadableStreamBYOBReader');
		if (this[kState].stream === undefined) return;
		byobReaderRelease(this);
	}
	get closed() {
		if (!is(this, 'ReadableStreamBYOBReader')) return Promise.reject(W.invalidThis('ReadableStreamBYOBReader'));
		return this[kState].closed.promise;
	}
	cancel(reason = undefined) {
		if (!is(this, 'ReadableStreamBYOBReader')) return Promise.reject(W.invalidThis('ReadableStreamBYOBReader'));
		if (this[kState].stream === undefined) return Promise.reject(W.invalidState('The reader is not attached to a stream'));
		return W.readableStreamCancel(this[kState].stream, reason);
	}
}
W.defineClass('ReadableStreamBYOBReader', ReadableStreamBYOBReader, ['read', 'releaseLock', 'closed', 'cancel']);
})
