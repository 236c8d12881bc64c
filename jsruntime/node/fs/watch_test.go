package fs_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
)

// watching starts src (which sets up watchers recording into the global log) with dir set.
func watching(t *testing.T, rt *jsruntime.Runtime, dir, src string) {
	t.Helper()
	jstest.Eval(t, rt, `globalThis.dir = `+jsString(dir)+`; globalThis.log = [];`+src)
}

func jsString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `\'`) + `'` }

func TestWatchDirectory(t *testing.T) {
	dir := t.TempDir()
	rt := newRuntime(t)
	watching(t, rt, dir, `
		globalThis.w = fs.watch(dir, (type, name) => log.push(type + ' ' + name));
		w.on('close', () => log.push('closed'));
		log.push(w.constructor.name + ' ' + (w.ref() === w) + ' ' + (w.unref() === w));
	`)
	if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('rename new.txt')`)
	if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('change new.txt')`)
	if got := jstest.Eval(t, rt, `log[0]`); got != "FSWatcher true true" {
		t.Errorf("watcher: %s", got)
	}
	if w, p := fs.Notifiers(rt); w != 1 || p != 1 {
		t.Errorf("while watching: %d watchers on %d paths, want 1 on 1", w, p)
	}
	jstest.Eval(t, rt, `w.close(); w.close(); log.length = 0`)
	waitFor(t, rt, `log.join() === 'closed'`)
	if w, p := fs.Notifiers(rt); w != 0 || p != 0 {
		t.Errorf("after close: %d watchers on %d paths, want none", w, p)
	}
	if err := os.WriteFile(filepath.Join(dir, "after.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// A watch of a file next to the closed one shows the events that would have reached it.
	watching(t, rt, dir, `fs.watch(dir + '/after.txt', (type, name) => log.push('file ' + type + ' ' + name))`)
	if err := os.WriteFile(filepath.Join(dir, "after.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('file change after.txt')`)
	if got := jstest.Eval(t, rt, `log.filter((l) => !l.startsWith('file ')).join()`); got != "" {
		t.Errorf("a closed watcher still reported: %s", got)
	}
}

func TestWatchRecursive(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t)
	watching(t, rt, dir, `globalThis.w = fs.watch(dir, { recursive: true, encoding: 'buffer' }, (type, name) => log.push(type + ' ' + Buffer.isBuffer(name) + ' ' + name))`)
	if err := os.WriteFile(filepath.Join(dir, "a", "b", "deep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('rename true a/b/deep.txt')`)
	// A directory created (and filled) after the watch started is watched too.
	if err := os.MkdirAll(filepath.Join(dir, "new", "inner"), 0o755); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('rename true new/inner')`)
	if err := os.WriteFile(filepath.Join(dir, "new", "inner", "f"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('rename true new/inner/f')`)
	jstest.Eval(t, rt, `w.close()`)
	if w, p := fs.Notifiers(rt); w != 0 || p != 0 {
		t.Errorf("after close: %d watchers on %d paths, want none", w, p)
	}
}

func TestWatchErrorsAndOptions(t *testing.T) {
	dir := t.TempDir()
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `
		const dir = `+jsString(dir)+`;
		const shape = (f) => { try { f(); return 'ok'; } catch (e) { return [e.name, e.code, e.errno, e.syscall, e.path === undefined ? '' : e.path.split(dir).join('$DIR'), e.filename === undefined ? '' : e.filename.split(dir).join('$DIR'), e.message.split(dir).join('$DIR')].join('|'); } };
		[
			shape(() => fs.watch(dir + '/nope')),
			shape(() => fs.watch(dir, { recursive: 1 })),
			shape(() => fs.watch(dir, { encoding: 'bogus' })),
			shape(() => fs.watch(dir, 5)),
			shape(() => fs.watch({})),
		].join('\n')`)
	want := strings.Join([]string{
		"Error|ENOENT|-2|watch|$DIR/nope|$DIR/nope|ENOENT: no such file or directory, watch '$DIR/nope'",
		"TypeError|ERR_INVALID_ARG_TYPE|||||The \"options.recursive\" property must be of type boolean. Received type number (1)",
		"TypeError|ERR_INVALID_ARG_VALUE|||||The argument 'encoding' is invalid encoding. Received 'bogus'",
		"TypeError|ERR_INVALID_ARG_TYPE|||||The \"options\" argument must be one of type string or object. Received type number (5)",
		"TypeError|ERR_INVALID_ARG_TYPE|||||The \"path\" argument must be of type string or an instance of Buffer or URL. Received an instance of Object",
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// An aborted signal closes the watcher.
	watching(t, rt, dir, `
		const c = new AbortController();
		const w = fs.watch(dir, { signal: c.signal });
		w.on('close', () => log.push('closed'));
		c.abort();
		fs.watch(dir, { signal: AbortSignal.abort() }).on('close', () => log.push('closed at once'));
	`)
	waitFor(t, rt, `log.length === 2`)
	if w, _ := fs.Notifiers(rt); w != 0 {
		t.Errorf("%d watchers left after the signals aborted", w)
	}
}

func TestPromisesWatch(t *testing.T) {
	dir := t.TempDir()
	rt := newRuntime(t)
	watching(t, rt, dir, `
		const c = new AbortController();
		globalThis.c = c;
		const it = fs.promises.watch(dir, { signal: c.signal });
		log.push(Object.prototype.toString.call(it));
		(async () => {
			for (let r = await it.next(); !r.done; r = await it.next()) {
				log.push(r.value.eventType + ' ' + r.value.filename);
			}
		})().catch((e) => log.push([e.name, e.code].join('|')));
		fs.promises.watch(dir + '/nope').next().catch((e) => log.push('missing ' + e.code));
	`)
	waitFor(t, rt, `log.includes('missing ENOENT')`)
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('rename a.txt')`)
	jstest.Eval(t, rt, `c.abort()`)
	waitFor(t, rt, `log.includes('AbortError|ABORT_ERR')`)
	if w, _ := fs.Notifiers(rt); w != 0 {
		t.Errorf("%d watchers left after abort", w)
	}
	if got := jstest.Eval(t, rt, `log[0]`); got != "[object AsyncGenerator]" {
		t.Errorf("iterator: %s", got)
	}
}

func TestWatchersStopWithRuntime(t *testing.T) {
	dir := t.TempDir()
	clock := clocktest.New()
	rt := newRuntimeWith(t, jsruntime.Options{Clock: clock})
	watching(t, rt, dir, `
		fs.watch(dir, () => {});
		fs.watch(dir, { recursive: true }, () => {});
		fs.promises.watch(dir).next();
		fs.watchFile(dir + '/f', { interval: 10 }, () => {});
	`)
	if w, _ := fs.Notifiers(rt); w != 1 {
		t.Fatalf("%d watchers, want 1", w)
	}
	if n := clock.Pending(); n != 1 {
		t.Fatalf("%d polls armed, want 1", n)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rt.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if w, p := fs.Notifiers(rt); w != 0 || p != 0 {
		t.Errorf("after Close: %d watchers on %d paths", w, p)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("after Close: %d polls still armed", n)
	}
}

// The expected log is what Node 20 reports for the same file history.
func TestWatchFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "w.txt")
	clock := clocktest.New()
	rt := newRuntimeWith(t, jsruntime.Options{Clock: clock})
	poll := func() {
		clock.Advance(50 * time.Millisecond)
		jstest.Eval(t, rt, `0`)
	}
	watching(t, rt, dir, `
		const s = (x) => [x.size, x.mtimeMs > 0, x.ino > 0, x.nlink, x.constructor.name].join('/');
		globalThis.f = dir + '/w.txt';
		globalThis.listener = (curr, prev) => log.push(s(curr) + ' ' + s(prev));
		globalThis.sw = fs.watchFile(f, { interval: 50 }, listener);
		sw.on('stop', () => log.push('stop'));
		log.push([sw.constructor.name, sw === fs.watchFile(f, () => {}), sw.ref() === sw, typeof sw.on].join(' '));
	`)
	clock.Advance(0) // the first poll: the file is missing, reported once with zeroed stats
	jstest.Eval(t, rt, `0`)
	poll()
	if err := os.WriteFile(file, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	poll()
	poll() // no change, nothing reported
	if err := os.WriteFile(file, []byte("abcdef"), 0o644); err != nil {
		t.Fatal(err)
	}
	poll()
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	poll()
	poll()
	jstest.Eval(t, rt, `fs.unwatchFile(f, listener); log.push('listeners ' + sw.listenerCount('change'))`)
	jstest.Eval(t, rt, `fs.unwatchFile(f)`)
	waitFor(t, rt, `log.includes('stop')`)
	want := "StatWatcher true true function," +
		"0/false/false/0/Stats 0/false/false/0/Stats," +
		"3/true/true/1/Stats 0/false/false/0/Stats," +
		"6/true/true/1/Stats 3/true/true/1/Stats," +
		"0/false/false/0/Stats 6/true/true/1/Stats," +
		"listeners 1,stop"
	if got := jstest.Eval(t, rt, `log.join()`); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("%d polls still armed after unwatchFile", n)
	}
	got := jstest.Eval(t, rt, `[() => fs.watchFile(f), () => fs.watchFile(dir + '/x', { interval: 'x' }, () => {}), () => fs.watchFile(dir + '/x', { interval: -1 }, () => {})]
		.map((fn) => { try { fn(); return 'ok'; } catch (e) { return e.code + ' ' + e.message; } }).join('\n')`)
	want = "ERR_INVALID_ARG_TYPE The \"listener\" argument must be of type function. Received undefined\n" +
		"ERR_INVALID_ARG_TYPE The \"interval\" argument must be of type number. Received type string ('x')\n" +
		"ERR_OUT_OF_RANGE The value of \"interval\" is out of range. It must be >= 0 && <= 4294967295. Received -1"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestWatchDirectoryAndSubdirectory watches a directory and a directory inside it: inotify reports a
// change of the inner one to both watches, and each watcher must see it once, as in Node, which
// reports any event about a directory as a rename.
func TestWatchDirectoryAndSubdirectory(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "s")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t)
	watching(t, rt, dir, `
		fs.watch(dir, (type, name) => log.push('outer ' + type + ' ' + name));
		fs.watch(dir + '/s', (type, name) => log.push('inner ' + type + ' ' + name));
	`)
	if err := os.Chmod(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	// Events arrive in order: once the marker is reported, the chmod's have all been.
	if err := os.WriteFile(filepath.Join(dir, "marker"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, rt, `log.includes('outer rename marker')`)
	if got := jstest.Eval(t, rt, `log.filter((l) => !l.includes('marker')).sort().join()`); got != "inner rename s,outer rename s" {
		t.Errorf("got %s, want each watcher told once", got)
	}
}
