// MessageChannel, MessagePort, MessageEvent and BroadcastChannel within one runtime: a message is a
// structuredClone of the value, delivered as a macrotask (a loop job of its own, after the current
// job's microtasks), as between Node's ports on one thread. A port queues what it receives until it is
// started: by start(), by setting onmessage, or by adding a 'message' listener (addEventListener or
// Node's on/once). Ports named in the transfer list arrive in event.ports; nothing is detached.
(function (W, native, global) {
'use strict';

const { Event, EventTarget, DOMException } = global;
const structuredClone = global.structuredClone;
const portKey = Symbol('MessagePort');

class MessageEvent extends Event {
	#data; #origin; #lastEventId; #source; #ports;
	// Node's MessageEvent asks for no argument and ignores options that are not an object.
	constructor(type = undefined, options = {}) {
		const o = options !== null && typeof options === 'object' ? options : {};
		super(type, o);
		this.#data = o.data === undefined ? null : o.data;
		this.#origin = o.origin === undefined ? '' : `${o.origin}`;
		this.#lastEventId = o.lastEventId === undefined ? '' : `${o.lastEventId}`;
		this.#source = o.source === undefined ? null : o.source;
		this.#ports = o.ports === undefined ? [] : [...o.ports];
	}
	get data() { return this.#data; }
	get origin() { return this.#origin; }
	get lastEventId() { return this.#lastEventId; }
	get source() { return this.#source; }
	get ports() { return this.#ports; }
}
W.defineClass('MessageEvent', MessageEvent, ['data', 'origin', 'lastEventId', 'source', 'ports']);

// transferOf reads postMessage's second argument: a transfer list or { transfer }.
function transferOf(options) {
	if (options == null) return [];
	const list = Array.isArray(options) ? options : options.transfer;
	return list == null ? [] : [...list];
}

// Listener plumbing shared by ports and broadcast channels: the on<event> handler attributes and
// Node's EventEmitter-style methods, whose 'message' listeners receive the data rather than the event.
const nodeListeners = new WeakMap();
function nodeWrapper(target, type, fn, once) {
	let byType = nodeListeners.get(target);
	if (!byType) nodeListeners.set(target, byType = new Map());
	let wrappers = byType.get(type);
	if (!wrappers) byType.set(type, wrappers = new Map());
	let wrapper = wrappers.get(fn);
	if (!wrapper) {
		wrapper = function (event) {
			if (once) target.off(type, fn);
			return fn.call(target, event instanceof MessageEvent ? event.data : event);
		};
		wrappers.set(fn, wrapper);
	}
	return wrapper;
}

function addNodeMethods(cls) {
	const p = cls.prototype;
	const methods = {
		on(type, fn) { this.addEventListener(type, nodeWrapper(this, type, fn, false)); return this; },
		once(type, fn) { this.addEventListener(type, nodeWrapper(this, type, fn, true)); return this; },
		off(type, fn) {
			const wrappers = nodeListeners.get(this)?.get(type);
			const wrapper = wrappers?.get(fn);
			if (wrapper) {
				wrappers.delete(fn);
				this.removeEventListener(type, wrapper);
			}
			return this;
		},
		emit(type, arg) { return this.dispatchEvent(type === 'message' ? new MessageEvent('message', { data: arg }) : new Event(type)); },
	};
	for (const [name, fn] of Object.entries(methods)) {
		Object.defineProperty(p, name, { value: fn, writable: true, configurable: true });
	}
	Object.defineProperty(p, 'addListener', { value: p.on, writable: true, configurable: true });
	Object.defineProperty(p, 'removeListener', { value: p.off, writable: true, configurable: true });
}

function handlerAttributes(cls, names, onSet) {
	for (const name of names) {
		const key = Symbol(name);
		Object.defineProperty(cls.prototype, 'on' + name, {
			get() { return this[key] === undefined ? null : this[key]; },
			set(fn) {
				this[key] = typeof fn === 'function' ? fn : null;
				if (onSet && this[key]) onSet(this, name);
			},
			enumerable: true, configurable: true,
		});
	}
}

// dispatch hands an event to a target's on<type> handler, then to its listeners; what they throw is
// reported as uncaught.
function dispatch(target, event) {
	event.target = event.currentTarget = target;
	const handler = target['on' + event.type];
	if (typeof handler === 'function') {
		try { handler.call(target, event); } catch (err) { native.reportError(err); }
	}
	target.dispatchEvent(event);
}

class MessagePort extends EventTarget {
	constructor(key) {
		if (key !== portKey) throw native.error('TypeError', 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
		super();
		this[W.kState] = { other: null, started: false, closed: false, queue: [], ref: true };
	}
	postMessage(message, transfer) {
		if (arguments.length === 0) throw native.error('TypeError', 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
		const ports = transferOf(transfer).filter((t) => t instanceof MessagePort);
		if (ports.some((p) => p[W.kState].closed)) throw new DOMException('MessagePort in transfer list is already detached', 'DataCloneError');
		const data = structuredClone(message);
		const state = this[W.kState];
		if (state.closed || !state.other) return;
		const other = state.other;
		native.enqueue(() => receive(other, data, ports));
	}
	start() {
		const state = this[W.kState];
		if (state.started || state.closed) return;
		state.started = true;
		if (state.queue.length > 0) native.enqueue(() => flush(this));
	}
	close() {
		const state = this[W.kState];
		if (state.closed) return;
		const other = state.other;
		for (const port of other ? [this, other] : [this]) {
			port[W.kState].closed = true;
			port[W.kState].other = null;
			port[W.kState].queue = [];
			native.enqueue(() => dispatch(port, new Event('close')));
		}
	}
	addEventListener(type, listener, options) {
		super.addEventListener(type, listener, options);
		if (type === 'message') this.start();
	}
	ref() { this[W.kState].ref = true; return this; }
	unref() { this[W.kState].ref = false; return this; }
	hasRef() { return this[W.kState].started && this[W.kState].ref && !this[W.kState].closed; }
}
W.defineClass('MessagePort', MessagePort);
handlerAttributes(MessagePort, ['message', 'messageerror'], (port, name) => { if (name === 'message') port.start(); });
addNodeMethods(MessagePort);

function receive(port, data, ports) {
	const state = port[W.kState];
	if (state.closed) return;
	if (!state.started || state.queue.length > 0) {
		state.queue.push({ data, ports });
		return;
	}
	dispatch(port, new MessageEvent('message', { data, ports }));
}

function flush(port) {
	const state = port[W.kState];
	while (state.queue.length > 0 && !state.closed) {
		const { data, ports } = state.queue.shift();
		dispatch(port, new MessageEvent('message', { data, ports }));
	}
}

// receiveMessageOnPort is worker_threads': the next queued message, taken synchronously, as
// { message }, or undefined.
W.receiveMessageOnPort = function receiveMessageOnPort(port) {
	if (!(port instanceof MessagePort)) throw native.argType('port', 'an instance of MessagePort', port);
	const next = port[W.kState].queue.shift();
	return next === undefined ? undefined : { message: next.data };
};

class MessageChannel {
	constructor() {
		const port1 = new MessagePort(portKey);
		const port2 = new MessagePort(portKey);
		port1[W.kState].other = port2;
		port2[W.kState].other = port1;
		Object.defineProperty(this, 'port1', { value: port1, enumerable: true, configurable: true });
		Object.defineProperty(this, 'port2', { value: port2, enumerable: true, configurable: true });
	}
}
W.defineClass('MessageChannel', MessageChannel);

// BroadcastChannel delivers to the runtime's other open channels of the same name.
const channels = new Map();
class BroadcastChannel extends EventTarget {
	#name; #closed = false; #ref = true;
	constructor(name) {
		if (arguments.length === 0) throw native.error('TypeError', 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
		super();
		this.#name = `${name}`;
		let set = channels.get(this.#name);
		if (!set) channels.set(this.#name, set = new Set());
		set.add(this);
	}
	get name() { return this.#name; }
	close() {
		if (this.#closed) return;
		this.#closed = true;
		const set = channels.get(this.#name);
		set.delete(this);
		if (set.size === 0) channels.delete(this.#name);
	}
	postMessage(message) {
		if (arguments.length === 0) throw native.error('TypeError', 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
		if (this.#closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
		const data = structuredClone(message);
		for (const other of channels.get(this.#name)) {
			if (other === this) continue;
			native.enqueue(() => {
				if (!other.#closed) dispatch(other, new MessageEvent('message', { data }));
			});
		}
	}
	ref() { this.#ref = true; return this; }
	unref() { this.#ref = false; return this; }
}
W.defineClass('BroadcastChannel', BroadcastChannel, ['name']);
handlerAttributes(BroadcastChannel, ['message', 'messageerror']);
})
