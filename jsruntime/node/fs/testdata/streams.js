// createReadStream and createWriteStream: ranges, encodings, high-water marks, descriptors and
// FileHandles, events in order, errors; run by Node 20 to produce streams.golden and by the Go test
// with the same globals (fs, dir).
(async () => {
	const out = [];
	const rel = (s) => String(s).split(dir).join('$DIR');
	const events = (s, label) => ['open', 'ready', 'end', 'finish', 'close', 'error'].forEach((name) => s.on(name, (a) => {
		out.push(label + ' ' + name + (name === 'error' ? ' ' + rel([a.code, a.message].join('|')) : name === 'open' ? ' ' + typeof a : '') + (name === 'close' ? ' fd=' + s.fd : ''));
	}));
	const done = (s) => new Promise((resolve) => s.on('close', resolve));
	const f = dir + '/f.txt';
	fs.writeFileSync(f, '0123456789abcdefghij');

	let s = fs.createReadStream(f, { start: 2, end: 11, highWaterMark: 4, encoding: 'utf8' });
	events(s, 'range');
	out.push(['before open', s.pending, rel(s.path), s.fd, s.bytesRead, s.constructor.name, s instanceof fs.ReadStream, s.start, s.end, s.flags, s.mode, s.autoClose, s.readableHighWaterMark].join(' '));
	s.on('data', (d) => out.push('range data ' + JSON.stringify(d) + ' ' + s.bytesRead));
	await done(s);

	s = fs.createReadStream(dir + '/nope');
	events(s, 'missing');
	await done(s);

	for (const [label, opts] of [['start only', { start: 15 }], ['end 0', { end: 0 }], ['start past end', { start: 100 }], ['empty', { start: 3, end: 2 }]]) {
		try {
			s = fs.createReadStream(f, opts);
			const chunks = [];
			s.on('data', (d) => chunks.push(d.toString()));
			await done(s);
			out.push(label + ' ' + JSON.stringify(chunks));
		} catch (e) {
			out.push(label + ' throws ' + [e.code, e.message].join('|'));
		}
	}
	for (const [label, fn] of [
		['negative start', () => fs.createReadStream(f, { start: -1 })],
		['string end', () => fs.createReadStream(f, { end: '5' })],
		['bad path', () => fs.createReadStream({})],
		['bad encoding', () => fs.createReadStream(f, 'bogus')],
		['bad options', () => fs.createReadStream(f, 5)],
		['bad fd', () => fs.createReadStream(null, { fd: 'x' })],
	]) {
		try {
			fn().destroy();
			out.push(label + ' ok');
		} catch (e) {
			out.push(label + ' throws ' + [e.name, e.code, e.message].join('|'));
		}
	}

	s = fs.createReadStream(dir);
	events(s, 'directory');
	s.resume();
	await done(s);

	const fd = fs.openSync(f, 'r');
	s = fs.createReadStream(null, { fd, start: 0, end: 3 });
	events(s, 'fd');
	out.push('fd pending ' + s.pending + ' ' + s.path);
	s.on('data', (d) => out.push('fd data ' + d));
	await done(s);
	try { fs.fstatSync(fd); out.push('fd still open'); } catch (e) { out.push('fd closed ' + e.code); }

	const fd2 = fs.openSync(f, 'r');
	s = fs.createReadStream(null, { fd: fd2, end: 3, autoClose: false });
	await new Promise((resolve) => { s.on('data', (d) => out.push('no autoClose data ' + d)); s.on('end', resolve); });
	out.push('no autoClose fd open ' + (fs.fstatSync(fd2).size > 0) + ' destroyed ' + s.destroyed);
	fs.closeSync(fd2);

	s = fs.createReadStream(f);
	await new Promise((resolve) => s.on('open', () => s.close((err) => { out.push('close callback ' + (err && err.code)); resolve(); })));

	s = fs.createReadStream(f, { emitClose: false });
	let closed = false;
	s.on('close', () => { closed = true; });
	await new Promise((resolve) => { s.on('end', resolve); s.resume(); });
	await new Promise((resolve) => setTimeout(resolve, 20));
	out.push('emitClose false closed ' + closed);

	const big = Buffer.alloc(200 * 1024, 'x');
	fs.writeFileSync(dir + '/big', big);
	s = fs.createReadStream(dir + '/big');
	const sizes = [];
	s.on('data', (d) => sizes.push(d.length));
	await done(s);
	out.push('big chunks ' + sizes.join(','));

	let text = '';
	// goja has no for await; this is what it lowers to.
	const it = fs.createReadStream(f, { encoding: 'latin1', highWaterMark: 7 })[Symbol.asyncIterator]();
	for (let r = await it.next(); !r.done; r = await it.next()) text += '[' + r.value + ']';
	out.push('for await ' + text);

	let w = fs.createWriteStream(dir + '/w.txt');
	events(w, 'write');
	out.push(['write before open', w.pending, rel(w.path), w.bytesWritten, w.constructor.name, w instanceof fs.WriteStream, w.flags, w.mode, w.autoClose].join(' '));
	w.write('abc');
	w.write(Buffer.from('def'));
	w.end('g', () => out.push('end callback ' + w.bytesWritten));
	await done(w);
	out.push('written ' + fs.readFileSync(dir + '/w.txt', 'utf8'));

	w = fs.createWriteStream(dir + '/w.txt', { flags: 'r+', start: 2 });
	w.end('XY');
	await done(w);
	out.push('start 2 ' + fs.readFileSync(dir + '/w.txt', 'utf8'));

	w = fs.createWriteStream(dir + '/w.txt', { flags: 'a' });
	w.write('Z');
	w.end(Buffer.from('!'));
	await done(w);
	out.push('append ' + fs.readFileSync(dir + '/w.txt', 'utf8'));

	w = fs.createWriteStream(dir + '/hex.txt', { encoding: 'hex' });
	w.end('414243');
	await done(w);
	out.push('hex ' + fs.readFileSync(dir + '/hex.txt', 'utf8'));

	w = fs.createWriteStream(dir + '/flushed.txt', { flush: true });
	w.end('synced');
	await done(w);
	out.push('flush ' + w.flush + ' ' + fs.readFileSync(dir + '/flushed.txt', 'utf8'));
	try { fs.createWriteStream(dir + '/x', { flush: 1 }); } catch (e) { out.push('bad flush ' + e.code + ' ' + e.message); }

	w = fs.createWriteStream(dir + '/nodir/w.txt');
	events(w, 'write missing');
	w.write('x', (err) => out.push('write callback ' + (err && err.code)));
	await done(w);

	w = fs.createWriteStream(dir + '/c.txt');
	await new Promise((resolve) => w.on('open', resolve));
	w.write('closing');
	await new Promise((resolve) => w.close(resolve));
	out.push('close ' + fs.readFileSync(dir + '/c.txt', 'utf8') + ' ' + w.closed);

	const r = fs.createReadStream(f, { end: 9 });
	w = fs.createWriteStream(dir + '/piped.txt');
	r.pipe(w);
	await done(w);
	out.push('piped ' + fs.readFileSync(dir + '/piped.txt', 'utf8'));

	const fh = await fs.promises.open(f);
	s = fh.createReadStream({ encoding: 'utf8', start: 10 });
	s.on('data', (d) => out.push('filehandle data ' + d));
	await done(s);
	out.push('filehandle after stream ' + fh.fd);

	const wh = await fs.promises.open(dir + '/fh.txt', 'w');
	w = wh.createWriteStream();
	w.end('through a FileHandle');
	await done(w);
	out.push('filehandle write ' + fs.readFileSync(dir + '/fh.txt', 'utf8') + ' ' + wh.fd);

	s = fs.ReadStream(f);
	out.push('aliases ' + (fs.FileReadStream === fs.ReadStream) + ' ' + (fs.FileWriteStream === fs.WriteStream) + ' ' + (s instanceof fs.ReadStream));
	s.destroy();
	await done(s);
	return out.join('\n');
})()
