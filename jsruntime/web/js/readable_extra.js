// ReadableStream's tee (default and byte streams), ReadableStream.from and async iteration (values()).
// goja has no async generators, so the iterators are written out by hand.
(function (W, native, global) {
'use strict';

const { kState, is } = W;
const queueMicrotask = global.queueMicrotask;

W.tee = (stream) => (is(stream[kState].controller, 'ReadableByteStreamController') ? byteTee(stream) : defaultTee(stream));

// teeCancel gives the cancel algorithms of the two branches both tees share: the source is cancelled with both reasons once both
// branches are.
function teeCancel(stream, t) {
	const cancel = (first) => (reason) => {
		if (first) { t.canceled1 = true; t.reason1 = reason; } else { t.canceled2 = true; t.reason2 = reason; }
		if (t.canceled1 && t.canceled2) t.cancelPromise.resolve(W.readableStreamCancel(stream, [t.reason1, t.reason2]));
		return t.cancelPromise.promise;
	};
	return [cancel(true), cancel(false)];
}

function defaultTee(stream) {
	const reader = new W.ReadableStreamDefaultReader(stream);
	const t = { canceled1: false, canceled2: false, reason1: undefined, reason2: undefined, cancelPromise: W.deferred() };
	let reading = false;
	let readAgain = false;
	let branch1, branch2;
	const pull = () => {
		if (reading) {
			readAgain = true;
			return Promise.resolve();
		}
		reading = true;
		W.defaultReaderRead(reader, {
			chunk: (chunk) => queueMicrotask(() => {
				readAgain = false;
				if (!t.canceled1) W.defaultControllerEnqueue(branch1[kState].controller, chunk);
				if (!t.canceled2) W.defaultControllerEnqueue(branch2[kState].controller, chunk);
				reading = false;
				if (readAgain) pull();
			}),
			close: () => {
				reading = false;
				if (!t.canceled1) W.defaultControllerClose(branch1[kState].controller);
				if (!t.canceled2) W.defaultControllerClose(branch2[kState].controller);
				if (!t.canceled1 || !t.canceled2) t.cancelPromise.resolve(undefined);
			},
			error: () => { reading = false; },
		});
		return Promise.resolve();
	};
	const [cancel1, cancel2] = teeCancel(stream, t);
	branch1 = W.createReadableStream(W.noop, pull, cancel1);
	branch2 = W.createReadableStream(W.noop, pull, cancel2);
	reader[kState].closed.promise.then(undefined, (r) => {
		W.defaultControllerError(branch1[kState].controller, r);
		W.defaultControllerError(branch2[kState].controller, r);
		if (!t.canceled1 || !t.canceled2) t.cancelPromise.resolve(undefined);
	});
	return [branch1, branch2];
}

const cloneAsUint8Array = (view) => new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));

function byteTee(stream) {
	let reader = new W.ReadableStreamDefaultReader(stream);
	const t = { canceled1: false, canceled2: false, reason1: undefined, reason2: undefined, cancelPromise: W.deferred() };
	let reading = false;
	let readAgainForBranch1 = false;
	let readAgainForBranch2 = false;
	let branch1, branch2;
	const ctrl = (branch) => branch[kState].controller;

	const forwardReaderError = (thisReader) => {
		thisReader[kState].closed.promise.then(undefined, (r) => {
			if (thisReader !== reader) return;
			W.byteControllerError(ctrl(branch1), r);
			W.byteControllerError(ctrl(branch2), r);
			if (!t.canceled1 || !t.canceled2) t.cancelPromise.resolve(undefined);
		});
	};
	const pullAgain = () => {
		if (readAgainForBranch1) pull1();
		else if (readAgainForBranch2) pull2();
	};
	const failBoth = (e) => {
		W.byteControllerError(ctrl(branch1), e);
		W.byteControllerError(ctrl(branch2), e);
		t.cancelPromise.resolve(W.readableStreamCancel(stream, e));
	};

	const pullWithDefaultReader = () => {
		if (is(reader, 'ReadableStreamBYOBReader')) {
			W.byobReaderRelease(reader);
			reader = new W.ReadableStreamDefaultReader(stream);
			forwardReaderError(reader);
		}
		W.defaultReaderRead(reader, {
			chunk: (chunk) => queueMicrotask(() => {
				readAgainForBranch1 = false;
				readAgainForBranch2 = false;
				let chunk2 = chunk;
				if (!t.canceled1 && !t.canceled2) {
					try {
						chunk2 = cloneAsUint8Array(chunk);
					} catch (e) {
						failBoth(e);
						return;
					}
				}
				if (!t.canceled1) W.byteControllerEnqueue(ctrl(branch1), chunk);
				if (!t.canceled2) W.byteControllerEnqueue(ctrl(branch2), chunk2);
				reading = false;
				pullAgain();
			}),
			close: () => {
				reading = false;
				if (!t.canceled1) W.byteControllerClose(ctrl(branch1));
				if (!t.canceled2) W.byteControllerClose(ctrl(branch2));
				if (W.pendingPullIntosCount(ctrl(branch1)) > 0) W.byteControllerRespond(ctrl(branch1), 0);
				if (W.pendingPullIntosCount(ctrl(branch2)) > 0) W.byteControllerRespond(ctrl(branch2), 0);
				if (!t.canceled1 || !t.canceled2) t.cancelPromise.resolve(undefined);
			},
			error: () => { reading = false; },
		});
	};

	const pullWithBYOBReader = (view, forBranch2) => {
		if (is(reader, 'ReadableStreamDefaultReader')) {
			W.defaultReaderRelease(reader);
			reader = new W.ReadableStreamBYOBReader(stream);
			forwardReaderError(reader);
		}
		const byobBranch = forBranch2 ? branch2 : branch1;
		const otherBranch = forBranch2 ? branch1 : branch2;
		W.byobReaderRead(reader, view, 1, {
			chunk: (chunk) => queueMicrotask(() => {
				readAgainForBranch1 = false;
				readAgainForBranch2 = false;
				const byobCanceled = forBranch2 ? t.canceled2 : t.canceled1;
				const otherCanceled = forBranch2 ? t.canceled1 : t.canceled2;
				if (!otherCanceled) {
					let cloned;
					try {
						cloned = cloneAsUint8Array(chunk);
					} catch (e) {
						failBoth(e);
						return;
					}
					if (!byobCanceled) W.byteControllerRespondWithNewView(ctrl(byobBranch), chunk);
					W.byteControllerEnqueue(ctrl(otherBranch), cloned);
				} else if (!byobCanceled) {
					W.byteControllerRespondWithNewView(ctrl(byobBranch), chunk);
				}
				reading = false;
				pullAgain();
			}),
			close: (chunk) => {
				reading = false;
				const byobCanceled = forBranch2 ? t.canceled2 : t.canceled1;
				const otherCanceled = forBranch2 ? t.canceled1 : t.canceled2;
				if (!byobCanceled) W.byteControllerClose(ctrl(byobBranch));
				if (!otherCanceled) W.byteControllerClose(ctrl(otherBranch));
				if (chunk !== undefined) {
					if (!byobCanceled) W.byteControllerRespondWithNewView(ctrl(byobBranch), chunk);
					if (!otherCanceled && W.pendingPullIntosCount(ctrl(otherBranch)) > 0) W.byteControllerRespond(ctrl(otherBranch), 0);
				}
				if (!byobCanceled || !otherCanceled) t.cancelPromise.resolve(undefined);
			},
			error: () => { reading = false; },
		});
	};

	const pullBranch = (forBranch2) => () => {
		if (reading) {
			if (forBranch2) readAgainForBranch2 = true; else readAgainForBranch1 = true;
			return Promise.resolve();
		}
		reading = true;
		const request = W.byteControllerGetBYOBRequest(ctrl(forBranch2 ? branch2 : branch1));
		if (request === null) pullWithDefaultReader();
		else pullWithBYOBReader(request[kState].view, forBranch2);
		return Promise.resolve();
	};
	const pull1 = pullBranch(false);
	const pull2 = pullBranch(true);
	const [cancel1, cancel2] = teeCancel(stream, t);
	branch1 = W.createReadableByteStream(W.noop, pull1, cancel1);
	branch2 = W.createReadableByteStream(W.noop, pull2, cancel2);
	forwardReaderError(reader);
	return [branch1, branch2];
}

// getAsyncIterator is GetIterator(obj, async): a sync iterable is adapted
// (CreateAsyncFromSyncIterator), each value awaited.
function getAsyncIterator(obj) {
	const method = obj == null ? undefined : obj[Symbol.asyncIterator];
	if (method != null) {
		const it = method.call(obj);
		if (it === null || typeof it !== 'object') throw new TypeError('Result of the Symbol.asyncIterator method is not an object');
		return it;
	}
	const syncMethod = obj == null ? undefined : obj[Symbol.iterator];
	if (syncMethod == null) {
		throw W.nodeError('TypeError', 'ERR_ARG_NOT_ITERABLE', `${typeof obj === 'string' ? obj : String(obj)} must be iterable`);
	}
	const syncIt = syncMethod.call(obj);
	const wrap = (result) => Promise.resolve(result.value).then((value) => ({ value, done: !!result.done }));
	return {
		next(v) {
			try { return wrap(syncIt.next(v)); } catch (e) { return Promise.reject(e); }
		},
		return(v) {
			const ret = syncIt.return;
			if (ret == null) return Promise.resolve({ value: v, done: true });
			try { return wrap(ret.call(syncIt, v)); } catch (e) { return Promise.reject(e); }
		},
	};
}
W.getAsyncIterator = getAsyncIterator;

W.fromIterable = (iterable) => {
	const it = getAsyncIterator(iterable);
	let stream;
	const pull = () => {
		let next;
		try {
			next = Promise.resolve(it.next());
		} catch (e) {
			return Promise.reject(e);
		}
		return next.then((result) => {
			if (result === null || typeof result !== 'object') throw new TypeError('The promise returned by the iterator.next() method must fulfill with an object');
			if (result.done) W.defaultControllerClose(stream[kState].controller);
			else W.defaultControllerEnqueue(stream[kState].controller, result.value);
		});
	};
	const cancel = (reason) => {
		let ret;
		try {
			const method = it.return;
			if (method == null) return Promise.resolve();
			ret = Promise.resolve(method.call(it, reason));
		} catch (e) {
			return Promise.reject(e);
		}
		return ret.then((result) => {
			if (result === null || typeof result !== 'object') throw new TypeError('The promise returned by the iterator.return() method must fulfill with an object');
		});
	};
	stream = W.createReadableStream(W.noop, pull, cancel, 0);
	return stream;
};

// asyncIterator is values(): one read at a time, in order; the first next() waits one microtask as
// Node's does, and leaving early cancels the stream unless preventCancel.
W.asyncIterator = (stream, preventCancel) => {
	const reader = new W.ReadableStreamDefaultReader(stream);
	const state = { done: false, current: undefined };
	let started = false;
	const nextSteps = () => {
		if (state.done) return Promise.resolve({ done: true, value: undefined });
		if (reader[kState].stream === undefined) return Promise.reject(W.invalidState('The reader is not bound to a ReadableStream'));
		const d = W.deferred();
		W.defaultReaderRead(reader, {
			chunk: (value) => { state.current = undefined; d.resolve({ value, done: false }); },
			close: () => {
				state.current = undefined;
				state.done = true;
				W.readerGenericRelease(reader);
				d.resolve({ done: true, value: undefined });
			},
			error: (e) => {
				state.current = undefined;
				state.done = true;
				W.readerGenericRelease(reader);
				d.reject(e);
			},
		});
		return d.promise;
	};
	const returnSteps = (value) => {
		if (state.done) return Promise.resolve({ done: true, value });
		state.done = true;
		if (reader[kState].stream === undefined) return Promise.reject(W.invalidState('The reader is not bound to a ReadableStream'));
		if (!preventCancel) {
			const result = W.readableStreamCancel(reader[kState].stream, value);
			W.readerGenericRelease(reader);
			return result.then(() => ({ done: true, value }));
		}
		W.readerGenericRelease(reader);
		return Promise.resolve({ done: true, value });
	};
	const iterator = {
		next() {
			if (!started) {
				state.current = Promise.resolve();
				started = true;
			}
			state.current = state.current !== undefined ? state.current.then(nextSteps, nextSteps) : nextSteps();
			return state.current;
		},
		return(value) {
			started = true;
			state.current = state.current !== undefined
				? state.current.then(() => returnSteps(value), () => returnSteps(value))
				: returnSteps(value);
			return state.current;
		},
		[Symbol.asyncIterator]() { return this; },
	};
	return iterator;
};
})
