// ReadableStreamPipeTo (Streams Standard 4.9.8): pipeTo and pipeThrough move chunks from a readable
// to a writable, honouring the writer's backpressure and propagating errors, closing and aborts both
// ways unless prevented.
(function (W, native, global) {
'use strict';

const { kState } = W;

W.pipeTo = (source, dest, { preventClose, preventAbort, preventCancel, signal }) => {
	const reader = new W.ReadableStreamDefaultReader(source);
	const writer = new W.WritableStreamDefaultWriter(dest);
	source[kState].disturbed = true;
	let shuttingDown = false;
	let currentWrite = Promise.resolve();
	const result = W.deferred();
	const src = source[kState];
	const dst = dest[kState];

	const destIsOpen = () => dst.state === 'writable' && !W.writableCloseQueuedOrInFlight(dest);
	const waitForWritesToFinish = () => {
		const old = currentWrite;
		return old.then(() => (old !== currentWrite ? waitForWritesToFinish() : undefined));
	};
	const finalize = (isError, error) => {
		W.writerRelease(writer);
		W.defaultReaderRelease(reader);
		if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
		if (isError) result.reject(error);
		else result.resolve(undefined);
	};
	const shutdownWithAction = (action, originalIsError, originalError) => {
		if (shuttingDown) return;
		shuttingDown = true;
		const doTheRest = () => {
			let p;
			try {
				p = Promise.resolve(action());
			} catch (e) {
				p = Promise.reject(e);
			}
			p.then(() => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
		};
		if (destIsOpen()) waitForWritesToFinish().then(doTheRest);
		else doTheRest();
	};
	const shutdown = (isError, error) => {
		if (shuttingDown) return;
		shuttingDown = true;
		if (destIsOpen()) waitForWritesToFinish().then(() => finalize(isError, error));
		else finalize(isError, error);
	};

	function abortAlgorithm() {
		const error = signal.reason;
		const actions = [];
		if (!preventAbort) actions.push(() => (dst.state === 'writable' ? W.writableStreamAbort(dest, error) : Promise.resolve()));
		if (!preventCancel) actions.push(() => (src.state === 'readable' ? W.readableStreamCancel(source, error) : Promise.resolve()));
		shutdownWithAction(() => Promise.all(actions.map((action) => action())), true, error);
	}
	if (signal !== undefined) {
		if (signal.aborted) {
			abortAlgorithm();
			return result.promise;
		}
		signal.addEventListener('abort', abortAlgorithm);
	}

	// step reads one chunk once the destination has room and starts writing it; it answers whether
	// the pipe is done.
	const step = () => {
		if (shuttingDown) return Promise.resolve(true);
		return writer[kState].ready.promise.then(() => new Promise((resolve, reject) => {
			W.defaultReaderRead(reader, {
				chunk: (chunk) => {
					currentWrite = W.writerWrite(writer, chunk).then(undefined, W.noop);
					resolve(false);
				},
				close: () => resolve(true),
				error: reject,
			});
		}));
	};
	const loop = () => step().then((done) => (done ? undefined : loop()));

	// Errors must be propagated forward.
	const onSourceError = (storedError) => {
		if (!preventAbort) shutdownWithAction(() => W.writableStreamAbort(dest, storedError), true, storedError);
		else shutdown(true, storedError);
	};
	if (src.state === 'errored') onSourceError(src.storedError);
	else reader[kState].closed.promise.then(undefined, onSourceError);

	// Errors must be propagated backward.
	const onDestError = (storedError) => {
		if (!preventCancel) shutdownWithAction(() => W.readableStreamCancel(source, storedError), true, storedError);
		else shutdown(true, storedError);
	};
	if (dst.state === 'errored') onDestError(dst.storedError);
	else writer[kState].closed.promise.then(undefined, onDestError);

	// Closing must be propagated forward.
	const onSourceClosed = () => {
		if (!preventClose) shutdownWithAction(() => W.writerCloseWithErrorPropagation(writer));
		else shutdown();
	};
	if (src.state === 'closed') onSourceClosed();
	else reader[kState].closed.promise.then(onSourceClosed, W.noop);

	// Closing must be propagated backward.
	if (W.writableCloseQueuedOrInFlight(dest) || dst.state === 'closed') {
		const destClosed = W.invalidState('Cannot pipe to a closed or closing stream');
		if (!preventCancel) shutdownWithAction(() => W.readableStreamCancel(source, destClosed), true, destClosed);
		else shutdown(true, destClosed);
	}

	W.markHandled(loop());
	return result.promise;
};
})
