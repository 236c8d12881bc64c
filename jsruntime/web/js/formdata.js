// FormData, and the multipart/form-data encoding fetch sends it as (undici's format).
(function (W, native, global) {
'use strict';

const { kState, is } = W;
const File = W.File;

// toUSVString replaces lone surrogates with U+FFFD, as WebIDL's USVString conversion does.
function toUSVString(v) {
	const s = `${v}`;
	let out = '';
	let last = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0xD800 || c > 0xDFFF) continue;
		if (c <= 0xDBFF && i + 1 < s.length) {
			const d = s.charCodeAt(i + 1);
			if (d >= 0xDC00 && d <= 0xDFFF) {
				i++;
				continue;
			}
		}
		out += s.slice(last, i) + '\uFFFD';
		last = i + 1;
	}
	return last === 0 ? s : out + s.slice(last);
}
W.toUSVString = toUSVString;

// entryValue turns a value into a FormData entry value: a string, or a File (a Blob becomes a File
// named "blob", or filename when given).
function entryValue(value, filename, hasFilename) {
	if (!is(value, 'Blob')) return toUSVString(value);
	const isFile = value[kState].isFile === true;
	if (isFile && !hasFilename) return value;
	const name = hasFilename ? toUSVString(filename) : 'blob';
	const options = { type: value.type };
	if (isFile) options.lastModified = value.lastModified;
	return new File([value], name, options);
}

function checkArgs(method, args, required) {
	if (args.length < required) {
		throw new TypeError(`FormData.${method}: ${required} arguments required, but only ${args.length} found.`);
	}
	if (args.length > 2 && !is(args[1], 'Blob')) {
		throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
	}
}

class FormData {
	constructor(form) {
		if (form !== undefined) throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
		this[kState] = { kind: 'FormData', entries: [] };
	}
	append(name, value, filename) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		checkArgs('append', arguments, 2);
		this[kState].entries.push([toUSVString(name), entryValue(value, filename, arguments.length > 2)]);
	}
	delete(name) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		if (arguments.length < 1) throw new TypeError('FormData.delete: 1 arguments required, but only 0 found.');
		const n = toUSVString(name);
		this[kState].entries = this[kState].entries.filter((e) => e[0] !== n);
	}
	get(name) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		if (arguments.length < 1) throw new TypeError('FormData.get: 1 arguments required, but only 0 found.');
		const n = toUSVString(name);
		const entry = this[kState].entries.find((e) => e[0] === n);
		return entry === undefined ? null : entry[1];
	}
	getAll(name) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		if (arguments.length < 1) throw new TypeError('FormData.getAll: 1 arguments required, but only 0 found.');
		const n = toUSVString(name);
		return this[kState].entries.filter((e) => e[0] === n).map((e) => e[1]);
	}
	has(name) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		if (arguments.length < 1) throw new TypeError('FormData.has: 1 arguments required, but only 0 found.');
		const n = toUSVString(name);
		return this[kState].entries.some((e) => e[0] === n);
	}
	set(name, value, filename) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		checkArgs('set', arguments, 2);
		const n = toUSVString(name);
		const entry = [n, entryValue(value, filename, arguments.length > 2)];
		const entries = this[kState].entries;
		const i = entries.findIndex((e) => e[0] === n);
		if (i < 0) {
			entries.push(entry);
			return;
		}
		entries[i] = entry;
		this[kState].entries = entries.filter((e, j) => j <= i || e[0] !== n);
	}
	keys() { return formDataIterator(this, 'key'); }
	values() { return formDataIterator(this, 'value'); }
	entries() { return formDataIterator(this, 'key+value'); }
	forEach(callback, thisArg = undefined) {
		if (!is(this, 'FormData')) throw W.invalidThis('FormData');
		if (typeof callback !== 'function') {
			throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
		}
		for (const [key, value] of this) callback.call(thisArg, value, key, this);
	}
}
Object.defineProperty(FormData.prototype, Symbol.iterator, {
	value: FormData.prototype.entries, writable: true, configurable: true, enumerable: false,
});
W.defineClass('FormData', FormData, ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values', 'entries', 'forEach']);
// Node shows each name once: its value, or the array of its values when repeated.
W.inspectAs(FormData, 'FormData', (fd) => {
	const out = {};
	for (const [name, value] of fd[kState].entries) {
		if (!Object.prototype.hasOwnProperty.call(out, name)) out[name] = value;
		else if (Array.isArray(out[name])) out[name].push(value);
		else out[name] = [out[name], value];
	}
	return out;
});

// The iterator walks the live entry list, as the spec's iterators do.
const formDataIteratorPrototype = {
	next() {
		const it = this[kState];
		const entries = it.form[kState].entries;
		if (it.index >= entries.length) return { value: undefined, done: true };
		const [key, value] = entries[it.index++];
		if (it.kind === 'key') return { value: key, done: false };
		if (it.kind === 'value') return { value, done: false };
		return { value: [key, value], done: false };
	},
	[Symbol.iterator]() { return this; },
};
W.hideState(formDataIteratorPrototype);
Object.defineProperty(formDataIteratorPrototype, Symbol.toStringTag, { value: 'FormData Iterator', configurable: true });
Object.defineProperty(formDataIteratorPrototype, 'next', { enumerable: true });

function formDataIterator(form, kind) {
	if (!is(form, 'FormData')) throw W.invalidThis('FormData');
	const it = Object.create(formDataIteratorPrototype);
	it[kState] = { form, kind, index: 0 };
	return it;
}

// newFormData builds a FormData from parsed [name, value] entries (Body.formData()).
W.newFormData = (entries) => {
	const fd = new FormData();
	fd[kState].entries = entries;
	return fd;
};

// encodeMultipart serialises a FormData as undici does: the body's parts (Uint8Arrays and Blobs) and
// its content type with a random boundary.
W.encodeMultipart = (form) => {
	const boundary = `----formdata-undici-0${`${Math.floor(Math.random() * 1e11)}`.padStart(11, '0')}`;
	const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
	const escape = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
	const normalizeLinefeeds = (s) => s.replace(/\r?\n|\r/g, '\r\n');
	const encoder = new global.TextEncoder();
	const parts = [];
	for (const [name, value] of form[kState].entries) {
		if (typeof value === 'string') {
			parts.push(encoder.encode(`${prefix}; name="${escape(normalizeLinefeeds(name))}"\r\n\r\n${normalizeLinefeeds(value)}\r\n`));
		} else {
			parts.push(encoder.encode(`${prefix}; name="${escape(normalizeLinefeeds(name))}"` +
				(value.name ? `; filename="${escape(value.name)}"` : '') + '\r\n' +
				`Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
			parts.push(...W.blobParts(value));
			parts.push(encoder.encode('\r\n'));
		}
	}
	parts.push(encoder.encode(`--${boundary}--\r\n`));
	return { parts, contentType: `multipart/form-data; boundary=${boundary}` };
};
})
