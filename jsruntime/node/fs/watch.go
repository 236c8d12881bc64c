package fs

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/fsnotify/fsnotify"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// watchHub is a runtime's fs.watch machinery. Like libuv, which shares one inotify instance per
// loop, it shares two fsnotify watchers among all the runtime's FSWatchers: one for directories and
// one for files, so that an event on a file is not mistaken for one on its directory (fsnotify does
// not say which watch an event came from). Each is created on first use and closed when nothing is
// watched any more, so a plugin that stops watching holds no inotify instance.
type watchHub struct {
	rt          *jsruntime.Runtime
	mu          sync.Mutex
	dirs, files notifier
	subs        map[*watchSub]struct{}
	closed      bool
}

// notifier is one fsnotify watcher and how many subscriptions hold each of its paths.
type notifier struct {
	w    *fsnotify.Watcher
	refs map[string]int
	// last and expectDup drop the second copy of an event inotify reports twice, once for the path's
	// own watch and once for its parent directory's, when both are watched.
	last      fsnotify.Event
	expectDup bool
}

// watchSub is one FSWatcher's subscription.
type watchSub struct {
	n         *notifier
	root      string // absolute
	recursive bool
	paths     map[string]bool // the paths this subscription holds in n (root and, recursively, its directories)
	emit      func(eventType, filename string)
	closed    bool // loop-only
}

// delivery is one 'change' event for one subscription.
type delivery struct {
	sub             *watchSub
	eventType, name string
}

func (h *watchHub) notifier(isDir bool) *notifier {
	if isDir {
		return &h.dirs
	}
	return &h.files
}

// watch subscribes emit to changes of path (its entries, for a directory; everything below it when
// recursive). It fails like Node's fs.watch when path does not exist. Called on the loop, as Node's
// fs.watch sets its watches up before returning.
func (h *watchHub) watch(path string, recursive bool, emit func(eventType, filename string)) (*watchSub, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, wrap(err, "watch", path, "")
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, wrap(err, "watch", path, "")
	}
	paths := []string{abs}
	recursive = recursive && info.IsDir()
	if recursive {
		paths = append(paths, subdirs(abs)...)
	}
	sub := &watchSub{root: abs, recursive: recursive, paths: map[string]bool{}, emit: emit}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, wrap(fs.ErrClosed, "watch", path, "")
	}
	sub.n = h.notifier(info.IsDir())
	if err := h.start(sub.n); err != nil {
		return nil, wrap(err, "watch", path, "")
	}
	for i, p := range paths {
		if err := h.hold(sub, p); err != nil && i == 0 {
			h.release(sub)
			return nil, wrap(err, "watch", path, "")
		}
	}
	h.subs[sub] = struct{}{}
	return sub, nil
}

// start creates n's fsnotify watcher and its reader when n has none. Called with h.mu held.
func (h *watchHub) start(n *notifier) error {
	if n.w != nil {
		return nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	n.w, n.refs = w, map[string]int{}
	if h.subs == nil {
		h.subs = map[*watchSub]struct{}{}
	}
	go h.read(n, w)
	return nil
}

// hold adds p to sub's paths. Add is repeated for a path already held: a watch on a path that was
// deleted and created again has to be renewed. Called with h.mu held.
func (h *watchHub) hold(sub *watchSub, p string) error {
	if err := sub.n.w.Add(p); err != nil {
		return err
	}
	if !sub.paths[p] {
		sub.paths[p] = true
		sub.n.refs[p]++
	}
	return nil
}

// release drops sub's paths, closing the watcher once it watches nothing. Called with h.mu held.
func (h *watchHub) release(sub *watchSub) {
	n := sub.n
	for p := range sub.paths {
		if n.refs[p]--; n.refs[p] <= 0 {
			delete(n.refs, p)
			// The watch may be gone already (the path was deleted).
			_ = n.w.Remove(p)
		}
	}
	sub.paths = nil
	delete(h.subs, sub)
	if len(n.refs) == 0 && n.w != nil {
		_ = n.w.Close()
		n.w, n.refs = nil, nil
	}
}

// unwatch ends sub. Called on the loop.
func (h *watchHub) unwatch(sub *watchSub) {
	sub.closed = true
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[sub]; ok {
		h.release(sub)
	}
}

// closeAll stops every watch; the runtime calls it when it closes.
func (h *watchHub) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for _, n := range []*notifier{&h.dirs, &h.files} {
		if n.w != nil {
			_ = n.w.Close()
			n.w, n.refs = nil, nil
		}
	}
	h.subs = nil
}

// read forwards w's events until w is closed.
func (h *watchHub) read(n *notifier, w *fsnotify.Watcher) {
	for {
		select {
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			h.dispatch(n, w, ev)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			h.rt.Logger().Warn("fs.watch: lost events", "error", err)
		}
	}
}

// dispatch hands ev to the subscriptions it concerns, on the loop. A directory created inside a
// recursive watch is watched too, and what it already holds is reported as created, since it may
// have been filled before its watch existed.
func (h *watchHub) dispatch(n *notifier, w *fsnotify.Watcher, ev fsnotify.Event) {
	eventType := "change"
	switch {
	case ev.Has(fsnotify.Create) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		eventType = "rename"
	case !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Chmod):
		return
	case n == &h.dirs && isDir(ev.Name):
		// libuv reports every event about a directory as a rename (inotify's IN_ISDIR bit).
		eventType = "rename"
	}
	var out []delivery
	var grow []*watchSub
	h.mu.Lock()
	if n.w != w || n.isDup(ev) {
		h.mu.Unlock()
		return
	}
	for sub := range h.subs {
		if sub.n != n {
			continue
		}
		if name, ok := sub.match(ev.Name); ok {
			out = append(out, delivery{sub, eventType, name})
			if sub.recursive && ev.Has(fsnotify.Create) && ev.Name != sub.root {
				grow = append(grow, sub)
			}
		}
	}
	h.mu.Unlock()
	if len(grow) > 0 {
		out = append(out, h.grow(grow, ev.Name)...)
	}
	if len(out) == 0 {
		return
	}
	h.rt.RunOnLoop(func(*goja.Runtime) {
		for _, d := range out {
			if !d.sub.closed {
				d.sub.emit(d.eventType, d.name)
			}
		}
	})
}

// grow extends recursive subscriptions over a directory created inside them.
func (h *watchHub) grow(subs []*watchSub, dir string) []delivery {
	if !isDir(dir) {
		return nil
	}
	dirs := append([]string{dir}, subdirs(dir)...)
	var found []string
	_ = filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err == nil && p != dir {
			found = append(found, p)
		}
		return nil
	})
	var out []delivery
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, sub := range subs {
		if _, live := h.subs[sub]; !live {
			continue
		}
		for _, d := range dirs {
			_ = h.hold(sub, d)
		}
		for _, p := range found {
			if name, ok := sub.match(p); ok {
				out = append(out, delivery{sub, "rename", name})
			}
		}
	}
	return out
}

// isDup reports whether ev is the second copy of the event just seen. Called with the hub's lock.
func (n *notifier) isDup(ev fsnotify.Event) bool {
	if n.expectDup && ev == n.last {
		n.expectDup = false
		return true
	}
	n.last = ev
	n.expectDup = n.refs[ev.Name] > 0 && n.refs[filepath.Dir(ev.Name)] > 0
	return false
}

// match is the filename an event on path is reported with to sub, as Node reports it: the entry's
// name for a watched directory, its path below the root for a recursive watch, the file's own name
// for a watched file or an event on the watched directory itself.
func (sub *watchSub) match(path string) (string, bool) {
	switch {
	case path == sub.root:
		return filepath.Base(path), true
	case sub.recursive && strings.HasPrefix(path, sub.root+string(filepath.Separator)):
		return path[len(sub.root)+1:], true
	case filepath.Dir(path) == sub.root:
		return filepath.Base(path), true
	}
	return "", false
}

func isDir(p string) bool {
	info, err := os.Lstat(p)
	return err == nil && info.IsDir()
}

// subdirs lists the directories below root.
func subdirs(root string) []string {
	var out []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root {
			out = append(out, p)
		}
		return nil
	})
	return out
}
