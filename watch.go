package pluginhost

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchDebounce is how long the watcher waits after the last change to a plugin before reloading it,
// so that an editor's save or a git checkout (several writes and renames) reloads it once.
const watchDebounce = 300 * time.Millisecond

// sourceExts are the files whose change reloads a plugin. Other files (data a plugin writes into its
// own folder, such as a config.json it saves) do not: the plugin would be reloaded by its own writes.
var sourceExts = map[string]bool{
	".js": true, ".cjs": true, ".mjs": true, ".jsx": true,
	".ts": true, ".cts": true, ".mts": true, ".tsx": true,
}

// watcher reloads plugins whose files change (Options.Watch). fsnotify is not recursive, so every
// folder of every plugin is watched on its own, except .git, node_modules and hidden folders.
type watcher struct {
	h    *Host
	fsw  *fsnotify.Watcher
	dir  string // the plugins directory as configured
	done chan struct{}
	wg   sync.WaitGroup

	mu     sync.Mutex
	links  map[string]string      // real target of a linked plugin folder → entry name
	timers map[string]*time.Timer // pending reloads, by entry name
	paused map[string]int         // entries a management call is changing: their events are dropped
}

// startWatcher watches the plugins directory and every plugin's tree. It fails when the directory
// cannot be watched; folders inside that cannot be are logged and skipped.
func (h *Host) startWatcher() error {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	w := &watcher{
		h: h, fsw: fsw, dir: h.opts.PluginsDir, done: make(chan struct{}),
		links: map[string]string{}, timers: map[string]*time.Timer{}, paused: map[string]int{},
	}
	if err := fsw.Add(w.dir); err != nil {
		_ = fsw.Close()
		return err
	}
	des, err := os.ReadDir(w.dir)
	if err != nil {
		_ = fsw.Close()
		return err
	}
	for _, de := range des {
		w.addEntry(de.Name())
	}
	h.watcher = w
	w.wg.Add(1)
	go w.run()
	h.log.Info("[Plugin Loader] Watching the plugins directory for changes", "dir", w.dir)
	return nil
}

// stop ends the watch and cancels pending reloads; reloads already running are Close's to wait for.
func (w *watcher) stop() {
	close(w.done)
	_ = w.fsw.Close()
	w.wg.Wait()
	w.mu.Lock()
	for name, t := range w.timers {
		t.Stop()
		delete(w.timers, name)
	}
	w.mu.Unlock()
}

func (w *watcher) run() {
	defer w.wg.Done()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.h.log.Warn("[Plugin Loader] Watching plugins", "err", err)
		}
	}
}

// handle schedules a reload of the plugin a change belongs to, when it is one that matters: any change
// to a plugins-directory entry itself, a source file or package.json inside a plugin, or a folder
// created or removed there. New folders are watched too.
func (w *watcher) handle(ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	name, rel, ok := w.locate(ev.Name)
	if !ok || ignoredName(name) || (rel != "" && ignoredPath(rel)) {
		return
	}
	if rel == "" {
		if ev.Has(fsnotify.Create) {
			w.addEntry(name)
		}
		w.schedule(name)
		return
	}
	matters := sourceExts[filepath.Ext(rel)] || filepath.Base(rel) == "package.json"
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			matters = w.addTree(ev.Name) || matters
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A folder leaving takes its sources with it; its name has no extension.
		matters = matters || filepath.Ext(rel) == ""
	}
	if matters {
		w.schedule(name)
	}
}

// locate maps a changed path to its plugins-directory entry and the path inside it ("" for the entry
// itself).
func (w *watcher) locate(path string) (name, rel string, ok bool) {
	if r, err := filepath.Rel(w.dir, path); err == nil && r != "." && !strings.HasPrefix(r, "..") {
		name, rel, _ = strings.Cut(r, string(filepath.Separator))
		return name, rel, true
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for target, name := range w.links {
		if r, err := filepath.Rel(target, path); err == nil && !strings.HasPrefix(r, "..") {
			if r == "." {
				r = ""
			}
			return name, r, true
		}
	}
	return "", "", false
}

// addEntry watches the tree of the plugins-directory entry name when it is a folder (a linked folder
// through its target).
func (w *watcher) addEntry(name string) {
	if ignoredName(name) {
		return
	}
	path := filepath.Join(w.dir, name)
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return
	}
	if lfi, err := os.Lstat(path); err == nil && lfi.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return
		}
		w.mu.Lock()
		w.links[target] = name
		w.mu.Unlock()
		path = target
	}
	w.addTree(path)
}

// addTree watches root and the folders below it, skipping those no reload depends on. It reports
// whether the tree holds a file whose change would reload the plugin.
func (w *watcher) addTree(root string) (hasSources bool) {
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if path != root && ignoredName(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			hasSources = hasSources || sourceExts[filepath.Ext(path)] || d.Name() == "package.json"
			return nil
		}
		if err := w.fsw.Add(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			w.h.log.Warn("[Plugin Loader] Cannot watch a plugin folder; its changes will not reload the plugin", "path", path, "err", err)
		}
		return nil
	})
	return hasSources
}

// schedule reloads entry name once no change to it has come for watchDebounce.
func (w *watcher) schedule(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.paused[name] > 0 {
		return
	}
	if t := w.timers[name]; t != nil {
		t.Reset(watchDebounce)
		return
	}
	w.timers[name] = time.AfterFunc(watchDebounce, func() {
		w.mu.Lock()
		delete(w.timers, name)
		w.mu.Unlock()
		select {
		case <-w.done:
			return
		default:
		}
		w.h.log.Info("[Plugin Loader] Plugin files changed; reloading", "entry", name)
		err := w.h.refresh(context.Background(), name)
		if err != nil && !errors.Is(err, ErrClosed) && !errors.Is(err, ErrUnknownPlugin) {
			w.h.log.Debug("[Plugin Loader] Reload after a change failed", "entry", name, "err", err)
		}
	})
}

// pause drops the watcher's events for entry name until the returned function is called: a
// management call that changes the entry reloads it itself.
func (w *watcher) pause(name string) (resume func()) {
	w.mu.Lock()
	w.paused[name]++
	if t := w.timers[name]; t != nil {
		t.Stop()
		delete(w.timers, name)
	}
	w.mu.Unlock()
	return func() {
		w.mu.Lock()
		w.paused[name]--
		if w.paused[name] == 0 {
			delete(w.paused, name)
		}
		w.mu.Unlock()
	}
}

// ignoredName reports the names the watcher never follows: hidden files and folders, .git,
// node_modules, and editors' swap and backup files.
func ignoredName(name string) bool {
	switch {
	case name == "", strings.HasPrefix(name, "."), name == "node_modules", name == "4913",
		strings.HasSuffix(name, "~"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"):
		return true
	}
	return false
}

// ignoredPath reports whether any component of rel (a path inside a plugin) is ignored.
func ignoredPath(rel string) bool {
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if ignoredName(part) {
			return true
		}
	}
	return false
}
