package modules

import (
	"os"
	"path/filepath"
	"strings"

	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// extensions are tried, in order, after a path as written, as Node does for .js/.json/.node; .cjs and
// .mjs let plugins omit them too, and TypeScript comes last so a compiled .js beside it wins.
var extensions = []string{".js", ".cjs", ".mjs", ".json", ".node", ".ts"}

// conditions are the "exports" conditions an importer matches besides "default".
type conditions struct{ esm bool }

func (c conditions) match(name string) bool {
	switch name {
	case "default", "node":
		return true
	case "import":
		return c.esm
	case "require":
		return !c.esm
	}
	return false
}

// resolveKey identifies a resolution: the same request from the same directory always finds the same
// file while the System lives.
type resolveKey struct {
	dir, request string
	conds        conditions
}

// resolve finds the file request names, relative to from, following Node's algorithm. A miss is a
// MODULE_NOT_FOUND Error carrying from's require stack. Successes are memoised.
func (s *System) resolve(request string, from *module) (string, error) {
	return s.resolveIn(request, from.dir, from.conditions(), from)
}

func (s *System) resolveIn(request, dir string, conds conditions, from *module) (string, error) {
	key := resolveKey{dir, request, conds}
	if filename, ok := s.resolved[key]; ok {
		return filename, nil
	}
	var filename string
	var handled bool
	var err error
	if strings.HasPrefix(request, "#") {
		filename, handled, err = s.resolveImports(request, dir, conds, from)
	}
	if !handled && err == nil {
		filename, err = s.find(request, dir, conds)
	}
	if err != nil {
		if nf, ok := err.(notFound); ok {
			return "", notFoundError(string(nf), from)
		}
		return "", err
	}
	// Node identifies modules by real path, so a package reached through a symlink loads once.
	if real, err := filepath.EvalSymlinks(filename); err == nil {
		filename = real
	}
	s.resolved[key] = filename
	return filename, nil
}

// notFound is find's miss; it carries the request (or the missing "exports" target) for the message.
type notFound string

func (e notFound) Error() string { return "Cannot find module '" + string(e) + "'" }

// find applies LOAD_AS_FILE, LOAD_AS_DIRECTORY and LOAD_NODE_MODULES.
func (s *System) find(request, dir string, conds conditions) (string, error) {
	path := request
	switch {
	case strings.HasPrefix(request, "file:"):
		p, err := nodeurl.FilePath(request)
		if err != nil {
			return "", notFound(request)
		}
		path = p
	case filepath.IsAbs(request):
	case isRelative(request):
		path = filepath.Join(dir, request)
	default:
		return s.findPackage(request, dir, conds, false)
	}
	if !strings.HasSuffix(request, "/") {
		if f := s.loadAsFile(path); f != "" {
			return f, nil
		}
	}
	f, err := s.loadAsDirectory(path)
	if err == nil && f == "" {
		err = notFound(request)
	}
	return f, err
}

func isRelative(request string) bool {
	return request == "." || request == ".." || strings.HasPrefix(request, "./") || strings.HasPrefix(request, "../") ||
		(filepath.Separator == '\\' && (strings.HasPrefix(request, `.\`) || strings.HasPrefix(request, `..\`)))
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// loadAsFile tries path as written, then with each extension: pluginhost's, then those a plugin
// registered in require.extensions.
func (s *System) loadAsFile(path string) string {
	if isFile(path) {
		return path
	}
	for _, exts := range [][]string{extensions, s.customExtensions()} {
		for _, ext := range exts {
			if isFile(path + ext) {
				return path + ext
			}
		}
	}
	return ""
}

// loadIndex tries dir/index with each extension, as loadAsFile.
func (s *System) loadIndex(dir string) string {
	return s.loadAsFile(filepath.Join(dir, "index"))
}

// loadAsDirectory follows package.json "main" (a file, with or without extension, or a folder), then
// falls back to index.*, as Node does.
func (s *System) loadAsDirectory(dir string) (string, error) {
	pkg, err := s.packageAt(dir)
	if err != nil {
		return "", err
	}
	if pkg != nil && pkg.Main != "" {
		main := filepath.Join(dir, string(pkg.Main))
		if f := s.loadAsFile(main); f != "" {
			return f, nil
		}
		if f := s.loadIndex(main); f != "" {
			return f, nil
		}
	}
	return s.loadIndex(dir), nil
}

// findPackage looks a bare request up in node_modules folders from dir upwards. A package whose
// package.json has "exports" is resolved only through it. exact is the ESM resolver's rule (for an
// "imports" target naming a package): a path inside a package must name its file exactly, with no
// extensions or index files tried.
func (s *System) findPackage(request, dir string, conds conditions, exact bool) (string, error) {
	name, subpath, ok := splitPackage(request)
	if !ok {
		return "", notFound(request)
	}
	for _, nm := range s.lookupPaths(dir) {
		pkgDir := filepath.Join(nm, filepath.FromSlash(name))
		pkg, err := s.packageAt(pkgDir)
		if err != nil {
			return "", err
		}
		if pkg != nil && pkg.exports != nil {
			return s.resolveExports(pkg, subpath, conds)
		}
		path := filepath.Join(nm, filepath.FromSlash(request))
		if exact && subpath != "." {
			if isFile(path) {
				return path, nil
			}
			if pkg != nil || isDir(pkgDir) {
				return "", notFound(path)
			}
			continue
		}
		if !exact {
			if f := s.loadAsFile(path); f != "" {
				return f, nil
			}
		}
		f, err := s.loadAsDirectory(path)
		if err != nil || f != "" {
			return f, err
		}
	}
	return "", notFound(request)
}

// splitPackage splits "name/sub/path" or "@scope/name/sub" into the package name and "./sub/path"
// (or "." for the package itself).
func splitPackage(request string) (name, subpath string, ok bool) {
	parts := strings.SplitN(request, "/", 3)
	n := 1
	if strings.HasPrefix(request, "@") {
		if len(parts) < 2 || parts[1] == "" {
			return "", "", false
		}
		n = 2
	}
	name = strings.Join(parts[:min(n, len(parts))], "/")
	rest := strings.TrimPrefix(request[len(name):], "/")
	if rest == "" {
		return name, ".", true
	}
	return name, "./" + rest, true
}

// lookupPaths lists the folders a bare request from dir is looked up in: the node_modules chain, then
// the shared folders.
func (s *System) lookupPaths(dir string) []string {
	paths := s.nodeModulesPaths(dir)
	if len(s.shared) == 0 {
		return paths
	}
	return append(paths, s.shared...)
}

// nodeModulesPaths lists dir/node_modules and those of its ancestors, up to the System's root
// (inclusive) or the filesystem root, nearest first; module.paths shows the same list.
func (s *System) nodeModulesPaths(dir string) []string {
	var paths []string
	for {
		if filepath.Base(dir) != "node_modules" {
			paths = append(paths, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if dir == s.root || parent == dir {
			return paths
		}
		dir = parent
	}
}
