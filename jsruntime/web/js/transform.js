// TransformStream and TransformStreamDefaultController (Streams Standard section 6, with the
// transformer's cancel hook as Node 20 has it).
(function (W, native, global) {
'use strict';

const { kState, kInternal, is } = W;

class TransformStream {
	constructor(transformer = {}, writableStrategy = {}, readableStrategy = {}) {
		W.validateObject(transformer, 'transformer', true);
		W.validateObject(writableStrategy, 'writableStrategy', true);
		W.validateObject(readableStrategy, 'readableStrategy', true);
		const t = transformer == null ? {} : transformer;
		if (t.readableType !== undefined) throw W.argValue('transformer.readableType', t.readableType, 'RangeError');
		if (t.writableType !== undefined) throw W.argValue('transformer.writableType', t.writableType, 'RangeError');
		const ws = writableStrategy == null ? {} : writableStrategy;
		const rs = readableStrategy == null ? {} : readableStrategy;
		const readableHWM = W.extractHighWaterMark(rs.highWaterMark, 0);
		const readableSize = W.extractSizeAlgorithm(rs.size);
		const writableHWM = W.extractHighWaterMark(ws.highWaterMark, 1);
		const writableSize = W.extractSizeAlgorithm(ws.size);
		const startPromise = W.deferred();
		initializeTransformStream(this, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
		const c = setUpControllerFromTransformer(this, t);
		if (t.start !== undefined) {
			W.validateFunction(t.start, 'transformer.start');
			startPromise.resolve(t.start.call(t, c));
		} else {
			startPromise.resolve(undefined);
		}
	}
	get readable() {
		if (!is(this, 'TransformStream')) throw W.invalidThis('TransformStream');
		return this[kState].readable;
	}
	get writable() {
		if (!is(this, 'TransformStream')) throw W.invalidThis('TransformStream');
		return this[kState].writable;
	}
}
W.defineClass('TransformStream', TransformStream, ['readable', 'writable']);
W.inspectAs(TransformStream, 'TransformStream', (t) => ({
	readable: t[kState].readable,
	writable: t[kState].writable,
	backpressure: t[kState].backpressure,
}));

function initializeTransformStream(stream, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
	const s = stream[kState] = {
		kind: 'TransformStream',
		readable: undefined,
		writable: undefined,
		backpressure: undefined,
		backpressureChangePromise: undefined,
		controller: undefined,
	};
	const start = () => startPromise;
	s.writable = W.createWritableStream(start, (chunk) => sinkWrite(stream, chunk), () => sinkClose(stream),
		(reason) => sinkAbort(stream, reason), writableHWM, writableSize);
	s.readable = W.createReadableStream(start, () => sourcePull(stream), (reason) => sourceCancel(stream, reason),
		readableHWM, readableSize);
	setBackpressure(stream, true);
}

const readableController = (stream) => stream[kState].readable[kState].controller;

function transformStreamError(stream, e) {
	W.defaultControllerError(readableController(stream), e);
	errorWritableAndUnblockWrite(stream, e);
}

function errorWritableAndUnblockWrite(stream, e) {
	clearAlgorithms(stream[kState].controller);
	W.writableControllerErrorIfNeeded(stream[kState].writable[kState].controller, e);
	unblockWrite(stream);
}

function unblockWrite(stream) {
	if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
	const s = stream[kState];
	if (s.backpressureChangePromise !== undefined) s.backpressureChangePromise.resolve();
	s.backpressureChangePromise = W.deferred();
	s.backpressure = backpressure;
}

class TransformStreamDefaultController {
	constructor(key) {
		if (key !== kInternal) throw W.illegalConstructor();
	}
	get desiredSize() {
		if (!is(this, 'TransformStreamDefaultController')) throw W.invalidThis('TransformStreamDefaultController');
		return W.defaultControllerGetDesiredSize(readableController(this[kState].stream));
	}
	enqueue(chunk = undefined) {
		if (!is(this, 'TransformStreamDefaultController')) throw W.invalidThis('TransformStreamDefaultController');
		controllerEnqueue(this, chunk);
	}
	error(reason = undefined) {
		if (!is(this, 'TransformStreamDefaultController')) throw W.invalidThis('TransformStreamDefaultController');
		transformStreamError(this[kState].stream, reason);
	}
	terminate() {
		if (!is(this, 'TransformStreamDefaultController')) throw W.invalidThis('TransformStreamDefaultController');
		controllerTerminate(this);
	}
}
W.defineClass('TransformStreamDefaultController', TransformStreamDefaultController, ['desiredSize', 'enqueue', 'error', 'terminate']);

function setUpControllerFromTransformer(stream, transformer) {
	const c = new TransformStreamDefaultController(kInternal);
	const { transform, flush, cancel } = transformer;
	W.validateFunction(transform, 'transformer.transform');
	W.validateFunction(flush, 'transformer.flush');
	W.validateFunction(cancel, 'transformer.cancel');
	c[kState] = {
		kind: 'TransformStreamDefaultController',
		stream,
		transformAlgorithm: transform === undefined
			? (chunk) => {
				try {
					controllerEnqueue(c, chunk);
					return Promise.resolve();
				} catch (e) {
					return Promise.reject(e);
				}
			}
			: (chunk) => W.promiseCall(transform, transformer, chunk, c),
		flushAlgorithm: flush === undefined ? () => Promise.resolve() : () => W.promiseCall(flush, transformer, c),
		cancelAlgorithm: cancel === undefined ? () => Promise.resolve() : (reason) => W.promiseCall(cancel, transformer, reason),
		finishPromise: undefined,
	};
	stream[kState].controller = c;
	return c;
}

function clearAlgorithms(c) {
	const s = c[kState];
	s.transformAlgorithm = undefined;
	s.flushAlgorithm = undefined;
	s.cancelAlgorithm = undefined;
}

function controllerEnqueue(c, chunk) {
	const stream = c[kState].stream;
	const rc = readableController(stream);
	if (!W.defaultControllerCanCloseOrEnqueue(rc)) throw W.invalidState('Unable to enqueue');
	try {
		W.defaultControllerEnqueue(rc, chunk);
	} catch (e) {
		errorWritableAndUnblockWrite(stream, e);
		throw stream[kState].readable[kState].storedError;
	}
	const backpressure = W.defaultControllerHasBackpressure(rc);
	if (backpressure !== stream[kState].backpressure) setBackpressure(stream, true);
}

function controllerTerminate(c) {
	const stream = c[kState].stream;
	W.defaultControllerClose(readableController(stream));
	errorWritableAndUnblockWrite(stream, W.invalidState('TransformStream has been terminated'));
}

function performTransform(c, chunk) {
	return c[kState].transformAlgorithm(chunk).then(undefined, (r) => {
		transformStreamError(c[kState].stream, r);
		throw r;
	});
}

function sinkWrite(stream, chunk) {
	const s = stream[kState];
	const c = s.controller;
	if (s.backpressure) {
		return s.backpressureChangePromise.promise.then(() => {
			const writable = s.writable[kState];
			if (writable.state === 'erroring') throw writable.storedError;
			return performTransform(c, chunk);
		});
	}
	return performTransform(c, chunk);
}

function sinkAbort(stream, reason) {
	const s = stream[kState];
	const c = s.controller[kState];
	if (c.finishPromise !== undefined) return c.finishPromise.promise;
	const readable = s.readable;
	c.finishPromise = W.deferred();
	const cancelPromise = c.cancelAlgorithm(reason);
	clearAlgorithms(s.controller);
	cancelPromise.then(() => {
		if (readable[kState].state === 'errored') {
			c.finishPromise.reject(readable[kState].storedError);
		} else {
			W.defaultControllerError(readableController(stream), reason);
			c.finishPromise.resolve();
		}
	}, (r) => {
		W.defaultControllerError(readableController(stream), r);
		c.finishPromise.reject(r);
	});
	return c.finishPromise.promise;
}

function sinkClose(stream) {
	const s = stream[kState];
	const c = s.controller[kState];
	if (c.finishPromise !== undefined) return c.finishPromise.promise;
	const readable = s.readable;
	c.finishPromise = W.deferred();
	const flushPromise = c.flushAlgorithm();
	clearAlgorithms(s.controller);
	flushPromise.then(() => {
		if (readable[kState].state === 'errored') {
			c.finishPromise.reject(readable[kState].storedError);
		} else {
			W.defaultControllerClose(readableController(stream));
			c.finishPromise.resolve();
		}
	}, (r) => {
		W.defaultControllerError(readableController(stream), r);
		c.finishPromise.reject(r);
	});
	return c.finishPromise.promise;
}

function sourceCancel(stream, reason) {
	const s = stream[kState];
	const c = s.controller[kState];
	if (c.finishPromise !== undefined) return c.finishPromise.promise;
	const writable = s.writable;
	c.finishPromise = W.deferred();
	const cancelPromise = c.cancelAlgorithm(reason);
	clearAlgorithms(s.controller);
	cancelPromise.then(() => {
		if (writable[kState].state === 'errored') {
			c.finishPromise.reject(writable[kState].storedError);
		} else {
			W.writableControllerErrorIfNeeded(writable[kState].controller, reason);
			unblockWrite(stream);
			c.finishPromise.resolve();
		}
	}, (r) => {
		W.writableControllerErrorIfNeeded(writable[kState].controller, r);
		unblockWrite(stream);
		c.finishPromise.reject(r);
	});
	return c.finishPromise.promise;
}

function sourcePull(stream) {
	setBackpressure(stream, false);
	return stream[kState].backpressureChangePromise.promise;
}
})
