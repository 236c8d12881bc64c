package pluginhost

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// entry is one plugin found in the plugins directory.
type entry struct {
	name string // the directory entry's name
	path string // the entry's path inside the plugins directory
	dir  bool   // a directory plugin (else a single file)
	// root is the real path everything of this plugin must stay inside: the plugin's folder (the link
	// target for a linked folder), or for a single file the plugins directory itself.
	root string
	// linkTarget is where a top-level symlink points, for the log.
	linkTarget string
}

// singleFileExts are the extensions of single-file plugins.
var singleFileExts = []string{".js", ".cjs", ".mjs"}

// directoryEntryFiles are tried, in order, after package.json main.
var directoryEntryFiles = []string{"index.js", "index.cjs", "index.mjs"}

// scan lists the plugins in dir in a stable (sorted) order. Entries that are neither directories nor
// .js/.cjs/.mjs files are skipped. A top-level symlink to a folder elsewhere is a linked plugin whose
// root is the link target: the operator chose to link it.
func scan(dir string) ([]entry, []error) {
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, []error{fmt.Errorf("resolve plugins directory: %w", err)}
	}
	des, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, []error{fmt.Errorf("read plugins directory: %w", err)}
	}
	var out []entry
	var problems []error
	for _, de := range des {
		e, ok, err := entryOf(dir, realDir, de.Name(), de.Type())
		if err != nil {
			problems = append(problems, err)
		}
		if ok {
			out = append(out, e)
		}
	}
	return out, problems
}

// scanEntry finds the plugin named name in dir, as scan would. ok is false when there is no such
// entry, or it is not a plugin (neither a folder nor a .js/.cjs/.mjs file).
func scanEntry(dir, name string) (e entry, ok bool, err error) {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return entry{}, false, fmt.Errorf("%q is not an entry name", name)
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return entry{}, false, fmt.Errorf("resolve plugins directory: %w", err)
	}
	fi, err := os.Lstat(filepath.Join(dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return entry{}, false, nil
	}
	if err != nil {
		return entry{}, false, err
	}
	return entryOf(dir, realDir, name, fi.Mode().Type())
}

// entryOf describes the directory entry name of mode in dir (real path realDir) as a plugin. ok is
// false when it is not one; err says why a would-be plugin cannot be used.
func entryOf(dir, realDir, name string, mode fs.FileMode) (entry, bool, error) {
	p := filepath.Join(dir, name)
	e := entry{name: name, path: p}
	if mode&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return entry{}, false, fmt.Errorf("%s: broken symlink: %w", p, err)
		}
		fi, err := os.Stat(target)
		if err != nil {
			return entry{}, false, fmt.Errorf("%s: %w", p, err)
		}
		if fi.IsDir() {
			e.dir, e.root, e.linkTarget = true, target, target
			return e, true, nil
		}
		mode = fi.Mode().Type()
	}
	switch {
	case mode.IsDir():
		e.dir, e.root = true, filepath.Join(realDir, name)
	case mode.IsRegular():
		if !hasExt(name, singleFileExts) {
			return entry{}, false, nil
		}
		e.root = realDir
	default:
		return entry{}, false, nil
	}
	return e, true, nil
}

func hasExt(name string, exts []string) bool {
	ext := filepath.Ext(name)
	for _, x := range exts {
		if ext == x {
			return true
		}
	}
	return false
}

// candidate is one possible entry file of a plugin, in priority order.
type candidate struct {
	file string // real path of the entry file, inside the plugin's root
	via  string // how it was found: "package.json main", "index.js", …
	err  error  // why it cannot be used (not found, escapes the plugin, …); file may be empty
}

// candidates returns a plugin's entry files in the documented priority: package.json main, then
// index.js, index.cjs, index.mjs; for a single-file plugin, the file. Candidates that do not exist are
// left out; candidates that exist but may not be used carry err.
func candidates(e entry) []candidate {
	if !e.dir {
		file, err := contained(e.root, e.path)
		return []candidate{{file: file, via: "file", err: err}}
	}
	var out []candidate
	if c, ok := mainCandidate(e); ok {
		out = append(out, c)
	}
	for _, name := range directoryEntryFiles {
		p := filepath.Join(e.root, name)
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		file, err := contained(e.root, p)
		out = append(out, candidate{file: file, via: name, err: err})
	}
	return out
}

// mainCandidate resolves package.json's main by Node's rules (the extension may be omitted, or main
// may name a folder). ok is false when there is no package.json or it has no main.
func mainCandidate(e entry) (candidate, bool) {
	pkgPath := filepath.Join(e.root, "package.json")
	data, err := os.ReadFile(pkgPath)
	if errors.Is(err, os.ErrNotExist) {
		return candidate{}, false
	}
	c := candidate{via: "package.json main"}
	if err != nil {
		c.err = fmt.Errorf("read %s: %w", pkgPath, err)
		return c, true
	}
	var pkg struct {
		Main any `json:"main"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		c.err = fmt.Errorf("malformed %s: %w", pkgPath, err)
		return c, true
	}
	main, isString := pkg.Main.(string)
	if pkg.Main == nil || (isString && main == "") {
		return candidate{}, false
	}
	if !isString {
		c.err = fmt.Errorf("%s: main is not a string", pkgPath)
		return c, true
	}
	if filepath.IsAbs(main) || strings.HasPrefix(main, "/") {
		c.err = fmt.Errorf("%s: main %q is an absolute path; it must name a file inside the plugin", pkgPath, main)
		return c, true
	}
	p, err := modules.ResolvePath(filepath.Join(e.root, filepath.FromSlash(main)))
	if err != nil {
		c.err = fmt.Errorf("%s: main %q: %w", pkgPath, main, err)
		return c, true
	}
	c.file, c.err = contained(e.root, p)
	if c.err != nil {
		c.err = fmt.Errorf("%s: main %q: %w", pkgPath, main, c.err)
	}
	return c, true
}

// contained resolves p's symlinks and checks that the result lies inside root (already real). This
// is the path-traversal protection: a plugin's entry never leaves the plugin.
func contained(root, p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", p, err)
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%s resolves to %s, outside the plugin's root %s: refused", p, real, root)
	}
	return real, nil
}
