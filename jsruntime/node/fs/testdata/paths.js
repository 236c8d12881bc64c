// Path calls beyond scenario.js, with paths relative to dir (the working directory of the run): cp,
// link, utimes, chown, opendir and Dir, realpath and
// realpath.native, bigint Stats, statfs, constants and the module's shape; run by Node 20 to produce
// paths.golden and by the Go test with the same globals (fs, dir).
(async () => {
	const out = [];
	const rel = (s) => String(s).split(dir).join('$DIR');
	const shape = (e) => rel([e.name, e.code, e.errno, e.syscall, e.path, e.dest, e.message, e.info ? JSON.stringify(e.info) : ''].join('|'));
	const show = (v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
	const tryIt = (label, fn) => { try { out.push(label + ' ok ' + rel(show(fn()))); } catch (e) { out.push(label + ' throws ' + shape(e)); } };
	const tryAsync = async (label, fn) => { try { out.push(label + ' ok ' + rel(show(await fn()))); } catch (e) { out.push(label + ' rejects ' + shape(e)); } };
	const tree = (p) => fs.readdirSync(p, { recursive: true }).sort().join(',');

	fs.writeFileSync('a', 'a');
	tryIt('linkSync', () => fs.linkSync('a', 'b'));
	tryIt('linkSync exists', () => fs.linkSync('a', 'b'));
	tryIt('linkSync missing', () => fs.linkSync('nope', 'c'));
	tryIt('nlink', () => fs.statSync('a').nlink);
	tryIt('utimesSync numbers', () => { fs.utimesSync('a', 1000, 2000.5); const s = fs.statSync('a'); return [s.atimeMs, s.mtimeMs, s.mtime.toISOString()]; });
	tryIt('utimesSync dates', () => { fs.utimesSync('a', new Date(3000), new Date(4000)); const s = fs.statSync('a'); return [s.atimeMs, s.mtimeMs]; });
	tryIt('utimesSync strings', () => { fs.utimesSync('a', '1500', '2500'); const s = fs.statSync('a'); return [s.atimeMs, s.mtimeMs]; });
	tryIt('utimesSync missing', () => fs.utimesSync('nope', 1, 1));
	tryIt('utimesSync bad time', () => fs.utimesSync('a', {}, 1));
	tryIt('lutimesSync', () => { fs.symlinkSync('a', 'ln'); fs.lutimesSync('ln', 7, 8); return [fs.lstatSync('ln').mtimeMs, fs.statSync('a').mtimeMs]; });
	tryIt('lutimesSync missing', () => fs.lutimesSync('nope', 1, 1));
	tryIt('chownSync same owner', () => { const s = fs.statSync('a'); fs.chownSync('a', s.uid, s.gid); return 'same'; });
	tryIt('chownSync missing', () => fs.chownSync('nope', 0, 0));
	tryIt('chownSync bad uid', () => fs.chownSync('a', 'x', 0));
	tryIt('chownSync uid out of range', () => fs.chownSync('a', -2, 0));
	tryIt('lchownSync missing', () => fs.lchownSync('nope', 0, 0));
	tryIt('chmodSync', () => { fs.chmodSync('a', 0o604); return (fs.statSync('a').mode & 0o7777).toString(8); });
	tryIt('chmodSync string', () => { fs.chmodSync('a', '644'); return (fs.statSync('a').mode & 0o7777).toString(8); });

	tryIt('statSync bigint', () => { const s = fs.statSync('a', { bigint: true }); return [typeof s.size, String(s.size), typeof s.mtimeNs, String(s.mtimeMs), s.constructor.name, s.isFile(), s.isDirectory(), Object.keys(s).join()]; });
	tryIt('lstatSync bigint', () => fs.lstatSync('ln', { bigint: true }).isSymbolicLink());
	tryIt('stat keys', () => Object.keys(fs.statSync('a')).join());
	tryIt('stat dates', () => { const s = fs.statSync('a'); return [s.atime.getTime() === Math.round(s.atimeMs), s.mtime instanceof Date]; });
	tryIt('statfsSync', () => { const s = fs.statfsSync('.'); return [s.constructor.name, Object.keys(s).join(), typeof s.bsize, s.blocks > 0]; });
	tryIt('statfsSync bigint', () => typeof fs.statfsSync('.', { bigint: true }).bsize);
	tryIt('statfsSync missing', () => fs.statfsSync('nope'));

	tryIt('realpathSync missing', () => fs.realpathSync('nope/x'));
	tryIt('realpathSync link', () => fs.realpathSync('ln'));
	tryIt('realpathSync.native', () => fs.realpathSync.native('ln'));
	tryIt('realpathSync.native missing', () => fs.realpathSync.native('nope/x'));
	await tryAsync('realpath.native', () => new Promise((resolve, reject) => fs.realpath.native('.', (err, p) => (err ? reject(err) : resolve(p)))));
	await tryAsync('promises.realpath missing', () => fs.promises.realpath('nope'));

	fs.mkdirSync('d/sub', { recursive: true });
	fs.writeFileSync('d/x', 'x');
	fs.writeFileSync('d/sub/y', 'y');
	tryIt('opendirSync', () => { const d = fs.opendirSync('d'); const names = []; let e; while ((e = d.readSync()) !== null) names.push(e.name + ':' + e.isDirectory() + ':' + e.constructor.name + ':' + e.path); d.closeSync(); return [d.path, d.constructor.name, names.sort().join()]; });
	tryIt('opendirSync missing', () => fs.opendirSync('nope'));
	tryIt('Dir closeSync twice', () => { const d = fs.opendirSync('d'); d.closeSync(); d.closeSync(); });
	tryIt('Dir readSync closed', () => { const d = fs.opendirSync('d'); d.closeSync(); d.readSync(); });
	tryIt('opendirSync bufferSize', () => fs.opendirSync('d', { bufferSize: 0 }));
	await tryAsync('promises.opendir', async () => { const d = await fs.promises.opendir('d'); const e = await d.read(); await d.close(); return [typeof e.name, Object.keys(d).length]; });
	await tryAsync('promises.opendir iterate', async () => { const d = await fs.promises.opendir('d', { recursive: true }); const it = d[Symbol.asyncIterator](); const names = []; for (let r = await it.next(); !r.done; r = await it.next()) names.push(r.value.name); return names.sort().join(); });
	await tryAsync('promises.opendir missing', () => fs.promises.opendir('nope'));
	await tryAsync('Dir close twice', async () => { const d = await fs.promises.opendir('d'); await d.close(); await d.close(); });
	await tryAsync('opendir callback', () => new Promise((resolve, reject) => fs.opendir('d', (err, d) => (err ? reject(err) : d.read((err, e) => d.close(() => resolve(typeof e.name)))))));

	tryIt('cpSync file', () => { fs.cpSync('a', 'cpa'); return fs.readFileSync('cpa', 'utf8'); });
	tryIt('cpSync directory without recursive', () => fs.cpSync('d', 'd2'));
	tryIt('cpSync directory', () => { fs.cpSync('d', 'd2', { recursive: true }); return tree('d2'); });
	tryIt('cpSync into new parents', () => { fs.cpSync('d', 'deep/er/d', { recursive: true }); return tree('deep'); });
	tryIt('cpSync same', () => fs.cpSync('a', 'a'));
	tryIt('cpSync into itself', () => fs.cpSync('d', 'd/sub/inner', { recursive: true }));
	tryIt('cpSync missing', () => fs.cpSync('nope', 'x'));
	tryIt('cpSync errorOnExist', () => fs.cpSync('a', 'cpa', { force: false, errorOnExist: true }));
	tryIt('cpSync no force', () => { fs.writeFileSync('cpb', 'old'); fs.cpSync('a', 'cpb', { force: false }); return fs.readFileSync('cpb', 'utf8'); });
	tryIt('cpSync force', () => { fs.cpSync('a', 'cpb'); return fs.readFileSync('cpb', 'utf8'); });
	tryIt('cpSync directory onto file', () => fs.cpSync('d', 'a', { recursive: true }));
	tryIt('cpSync file onto directory', () => fs.cpSync('a', 'd'));
	tryIt('cpSync filter', () => { const seen = []; fs.cpSync('d', 'd3', { recursive: true, filter: (s, t) => { seen.push(s + '>' + t); return !s.endsWith('x'); } }); return [seen.sort().join(' '), tree('d3')]; });
	tryIt('cpSync filter promise', () => fs.cpSync('d', 'd4', { recursive: true, filter: () => Promise.resolve(true) }));
	tryIt('cpSync filter throws', () => fs.cpSync('d', 'd4', { recursive: true, filter: () => { throw new Error('no'); } }));
	tryIt('cpSync symlink', () => { fs.cpSync('ln', 'ln2'); return fs.readlinkSync('ln2'); });
	tryIt('cpSync verbatimSymlinks', () => { fs.cpSync('ln', 'ln3', { verbatimSymlinks: true }); return fs.readlinkSync('ln3'); });
	tryIt('cpSync dereference', () => { fs.cpSync('ln', 'ln4', { dereference: true }); return fs.lstatSync('ln4').isFile(); });
	tryIt('cpSync both', () => fs.cpSync('ln', 'ln5', { dereference: true, verbatimSymlinks: true }));
	tryIt('cpSync bad option', () => fs.cpSync('a', 'x', { recursive: 1 }));
	tryIt('cpSync bad filter', () => fs.cpSync('a', 'x', { filter: 1 }));
	tryIt('cpSync bad options', () => fs.cpSync('a', 'x', 'y'));
	tryIt('cpSync bad src', () => fs.cpSync(1, 'x'));
	tryIt('cpSync preserveTimestamps', () => { fs.utimesSync('a', 10, 20); fs.cpSync('a', 'cpt', { preserveTimestamps: true }); return fs.statSync('cpt').mtimeMs; });
	tryIt('cpSync mode', () => fs.cpSync('a', 'cpa', { mode: fs.constants.COPYFILE_EXCL }));
	await tryAsync('promises.cp async filter', async () => { await fs.promises.cp('d', 'd5', { recursive: true, filter: async (s) => !s.endsWith('sub') }); return tree('d5'); });
	await tryAsync('promises.cp filter rejects', () => fs.promises.cp('d', 'd6', { recursive: true, filter: async () => { throw new Error('refused'); } }));
	await tryAsync('promises.cp same', () => fs.promises.cp('a', 'a'));
	await tryAsync('promises.cp bad options', () => fs.promises.cp('a', 'x', { force: 'yes' }));
	await tryAsync('cp callback', () => new Promise((resolve, reject) => fs.cp('d', 'd7', { recursive: true }, (err) => (err ? reject(err) : resolve(tree('d7'))))));

	await tryAsync('promises.link', () => fs.promises.link('a', 'pl'));
	await tryAsync('promises.utimes', async () => { await fs.promises.utimes('a', 30, 40); return fs.statSync('a').mtimeMs; });
	await tryAsync('promises.chown missing', () => fs.promises.chown('nope', 0, 0));
	await tryAsync('promises.stat bigint', async () => typeof (await fs.promises.stat('a', { bigint: true })).ino);

	out.push('constants ' + JSON.stringify(fs.constants));
	out.push('same constants ' + (fs.promises.constants === fs.constants));
	const absent = ['lchmod', 'lchmodSync'].map((n) => n + ':' + (n in fs) + ':' + typeof fs[n]).join(' ');
	out.push('absent ' + absent + ' promises.lchmod:' + ('lchmod' in fs.promises) + ':' + typeof fs.promises.lchmod);
	const missing = ['access', 'accessSync', 'appendFile', 'chmod', 'chown', 'close', 'copyFile', 'cp', 'cpSync', 'createReadStream', 'createWriteStream', 'exists', 'existsSync', 'fchmod', 'fchown', 'fdatasync', 'fstat', 'fsync', 'ftruncate', 'futimes', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open', 'opendir', 'read', 'readFile', 'readdir', 'readlink', 'readv', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'unwatchFile', 'utimes', 'watch', 'watchFile', 'write', 'writeFile', 'writev', 'Dir', 'Dirent', 'Stats', 'ReadStream', 'WriteStream']
		.filter((n) => typeof fs[n] !== 'function');
	out.push('missing functions ' + missing.join());
	const promiseNames = ['access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open', 'opendir', 'readFile', 'readdir', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'watch', 'writeFile'];
	out.push('missing promises ' + promiseNames.filter((n) => typeof fs.promises[n] !== 'function').join());
	out.push('promises without fd calls ' + ['close', 'fstat', 'read', 'write', 'fsync'].filter((n) => n in fs.promises).join());
	return out.join('\n');
})()
