package pluginhost

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
)

// FuzzPluginID drives Luker's export checks with arbitrary ids. An id is accepted exactly when it is
// a non-empty run of [a-z0-9_-], and an accepted id is a URL path segment that routes back to itself.
func FuzzPluginID(f *testing.F) {
	for _, id := range []string{"my-plugin", "llm_proxy", "0", "a", "", "MyPlugin", "my.plugin", "my plugin",
		"é", "a/b", "..", "a\nb", "a\x00", "%2e", "a-", "_", "ſ", "K"} {
		f.Add(id, byte(0))
	}
	f.Add("x", byte(1)) // id is a number
	f.Add("x", byte(2)) // info under default
	f.Add("x", byte(3)) // no init
	var (
		once sync.Once
		vm   *goja.Runtime
	)
	f.Fuzz(func(t *testing.T, id string, shape byte) {
		once.Do(func() { vm = goja.New() })
		info := vm.NewObject()
		var idVal goja.Value = vm.ToValue(id)
		if shape%4 == 1 {
			idVal = vm.ToValue(len(id))
		}
		_ = info.Set("id", idVal)
		_ = info.Set("name", "n")
		_ = info.Set("description", "d")
		init, err := vm.RunString("(function init() {})")
		if err != nil {
			t.Fatal(err)
		}
		exports := vm.NewObject()
		holder := exports
		if shape%4 == 2 {
			holder = vm.NewObject()
			_ = exports.Set("default", holder)
			_ = exports.Set("__esModule", true) // an ES module's exports, as the module loader gives them
		}
		_ = holder.Set("info", info)
		if shape%4 != 3 {
			_ = holder.Set("init", init)
		}

		got, err := validateExports(exports)
		want := shape%4 == 0 || shape%4 == 2
		want = want && id != "" && strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789_-") == ""
		if (err == nil) != want {
			t.Fatalf("validateExports(id %q, shape %d): err %v, want accepted=%v", id, shape%4, err, want)
		}
		if err != nil {
			if shape%4 != 1 && shape%4 != 3 && !strings.Contains(err.Error(), "invalid plugin ID '"+id+"'") {
				t.Fatalf("refusal of %q does not name the id: %v", id, err)
			}
			return
		}
		if got.info.ID != id || got.init == nil {
			t.Fatalf("accepted %q as %+v", id, got.info)
		}
		if url.PathEscape(id) != id {
			t.Fatalf("accepted id %q needs escaping in a URL path", id)
		}
		for _, p := range []string{MountPrefix + id, MountPrefix + id + "/x", strings.ToUpper(MountPrefix) + id + "/"} {
			if back := pluginIDFromPath(p); back != id {
				t.Fatalf("pluginIDFromPath(%q) = %q, want %q", p, back, id)
			}
		}
	})
}

// FuzzEntryResolution builds a plugins directory from a small script and checks entry resolution:
// nothing panics, and every entry file accepted for a plugin lies, symlinks resolved, inside that
// plugin (inside the plugins directory for a single file; inside the folder, or the folder a
// top-level link points to, for a directory plugin).
//
// The script has one operation per line, paths relative to a temporary root holding plugins/ (the
// directory scanned) and outside/:
//
//	d <path>            a directory (and its parents)
//	f <path>            a file (and its parents)
//	m <dir> <main>      <dir>/package.json with main set to the string <main>
//	j <dir> <json>      <dir>/package.json with the raw text <json>
//	l <path> <target>   a symlink; an absolute target is taken from the root
//
// Operations that would create something outside the root are skipped, and an input whose links
// resolve outside the root is skipped, so only the root is ever read.
func FuzzEntryResolution(f *testing.F) {
	seeds := []string{
		"f plugins/single.js\nf plugins/notes.txt\nd plugins/dir\nf plugins/dir/index.js",
		"m plugins/p lib\nf plugins/p/lib/index.js\nf plugins/p/index.cjs",
		"m plugins/p main.js\nf plugins/p/main.js",
		"m plugins/p ../../outside/evil.js\nf outside/evil.js",
		"m plugins/p ../q/index.js\nf plugins/q/index.js",
		"m plugins/p /etc/passwd",
		"m plugins/p lib\nl plugins/p/lib ../../outside\nf outside/index.js",
		"d plugins/p\nl plugins/p/index.js ../../outside/evil.js\nf outside/evil.js",
		"d plugins/p\nl plugins/p/index.js /outside/evil.js\nf outside/evil.js",
		"l plugins/linked ../outside/plug\nf outside/plug/index.js\nm outside/plug ../evil.js\nf outside/evil.js",
		"l plugins/file.js ../outside/evil.js\nf outside/evil.js",
		"l plugins/file.js dir/index.js\nf plugins/dir/index.js",
		"d plugins/p\nl plugins/p/index.js .\nf plugins/p/index.cjs",
		"d plugins/p\nl plugins/p/index.js index.js",
		"d plugins/p\nl plugins/p/a b\nl plugins/p/b a\nm plugins/p a",
		"j plugins/p {\"main\": 5}\nf plugins/p/index.js",
		"j plugins/p {\"main\": \"\"}\nf plugins/p/index.mjs",
		"j plugins/p {not json\nf plugins/p/index.js",
		"m plugins/p .\nf plugins/p/index.js",
		"m plugins/p ./x/../../p2/index.js\nd plugins/p/x\nf plugins/p2/index.js",
		"d plugins/p\nl plugins/p/package.json ../../outside/pkg.json\nj outside {\"main\":\"../outside/evil.js\"}",
		"l plugins/up ..\nf index.js",
		"l plugins/self .",
		"d plugins/p/index.js\nf plugins/p/index.cjs",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, script string) {
		if len(script) > 2000 {
			return
		}
		root, err := filepath.EvalSymlinks(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		plugins := filepath.Join(root, "plugins")
		for _, d := range []string{plugins, filepath.Join(root, "outside")} {
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		var links []string
		for _, line := range strings.Split(script, "\n") {
			if link := applyOp(root, line); link != "" {
				links = append(links, link)
			}
		}
		for _, l := range links {
			if real, err := filepath.EvalSymlinks(l); err == nil && !within(root, real) {
				return
			}
		}

		entries, _ := scan(plugins)
		for _, e := range entries {
			checkEntry(t, root, plugins, e)
		}
	})
}

// checkEntry checks one scanned entry and its candidates against the containment rules.
func checkEntry(t *testing.T, root, plugins string, e entry) {
	t.Helper()
	if filepath.Dir(e.path) != plugins || e.name != filepath.Base(e.path) {
		t.Fatalf("entry %+v is not a child of %s", e, plugins)
	}
	pluginRoot := plugins
	if e.dir {
		pluginRoot = e.path
		if e.linkTarget != "" {
			pluginRoot = e.linkTarget
		}
	}
	realRoot, err := filepath.EvalSymlinks(pluginRoot)
	if err != nil {
		t.Fatalf("entry %+v: its root does not resolve: %v", e, err)
	}
	if e.root != realRoot {
		t.Fatalf("entry %+v: root %q, want the real path %q", e, e.root, realRoot)
	}
	if e.linkTarget == "" && !within(plugins, e.root) {
		t.Fatalf("entry %+v: an unlinked entry's root is outside the plugins directory", e)
	}
	for _, c := range candidates(e) {
		if c.err != nil {
			if c.file != "" {
				t.Fatalf("entry %s: refused candidate %+v carries a file", e.name, c)
			}
			continue
		}
		if !filepath.IsAbs(c.file) {
			t.Fatalf("entry %s: candidate %+v is not absolute", e.name, c)
		}
		real, err := filepath.EvalSymlinks(c.file)
		if err != nil {
			t.Fatalf("entry %s: candidate %+v does not resolve: %v", e.name, c, err)
		}
		if real != c.file {
			t.Fatalf("entry %s: candidate %+v is not its real path %q", e.name, c, real)
		}
		if !within(realRoot, real) {
			t.Fatalf("entry %s: candidate %+v escapes the plugin root %q", e.name, c, realRoot)
		}
		if !within(root, real) {
			t.Fatalf("entry %s: candidate %+v is outside the test root", e.name, c)
		}
	}
}

// within reports whether p is dir or lies under it (both clean, absolute).
func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// applyOp performs one script line under root and returns the path of a link it created ("" for
// anything else). Paths that would leave root, directly or through a link already made, are skipped.
func applyOp(root, line string) string {
	op, rest, _ := strings.Cut(line, " ")
	rel, arg, _ := strings.Cut(rest, " ")
	if rel == "" || strings.ContainsRune(rel, 0) || strings.ContainsRune(arg, 0) || filepath.IsAbs(rel) {
		return ""
	}
	p := filepath.Join(root, rel)
	if p == root || !within(root, p) || !realParent(root, p) {
		return ""
	}
	switch op {
	case "d":
		_ = os.MkdirAll(p, 0o755)
	case "f":
		if os.MkdirAll(filepath.Dir(p), 0o755) == nil && realParent(root, p) {
			writeNew(p, "module.exports = {};\n")
		}
	case "m", "j":
		text := arg
		if op == "m" {
			b, _ := json.Marshal(map[string]string{"main": arg})
			text = string(b)
		}
		pkg := filepath.Join(p, "package.json")
		if os.MkdirAll(p, 0o755) == nil && realParent(root, pkg) {
			writeNew(pkg, text)
		}
	case "l":
		target := arg
		if filepath.IsAbs(target) {
			target = filepath.Join(root, target)
		}
		if os.MkdirAll(filepath.Dir(p), 0o755) == nil && realParent(root, p) && os.Symlink(target, p) == nil {
			return p
		}
	}
	return ""
}

// realParent reports whether p's parent directory is reached from root without following a link, so
// that creating p cannot write outside root.
func realParent(root, p string) bool {
	for dir := filepath.Dir(p); dir != root; dir = filepath.Dir(dir) {
		if !within(root, dir) {
			return false
		}
		if fi, err := os.Lstat(dir); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return false
		}
	}
	return true
}

// writeNew creates the file p, never following a link that is already there.
func writeNew(p, text string) {
	file, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return
	}
	_, _ = file.WriteString(text)
	_ = file.Close()
}
