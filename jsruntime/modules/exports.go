package modules

import (
	"path/filepath"
	"strings"
)

// subpathMap is a package.json "exports" or "imports" field being resolved: the two share Node's
// PACKAGE_IMPORTS_EXPORTS_RESOLVE and PACKAGE_TARGET_RESOLVE, and differ in what a target may be and
// in their error messages.
type subpathMap struct {
	pkg     *packageJSON
	imports bool   // "imports": targets may also name another package
	request string // the "#name" being resolved (imports only, for messages)
	from    string // the requiring file (imports only, for messages)
}

// resolveExports resolves subpath ("." or "./x") through pkg's "exports", as Node's
// PACKAGE_EXPORTS_RESOLVE does. The target must exist; there is no extension or index probing.
func (s *System) resolveExports(pkg *packageJSON, subpath string, conds conditions) (string, error) {
	exp := pkg.exports
	sm := subpathMap{pkg: pkg}
	target, found, err := "", false, error(nil)
	if !hasSubpathKeys(exp) {
		// A string, array or conditions object is shorthand for the "." entry.
		if subpath == "." {
			target, found, err = sm.target(exp, "", false, conds)
		}
	} else {
		target, found, err = sm.match(exp, subpath, conds)
	}
	if err != nil {
		return "", err
	}
	if !found || target == "" {
		return "", notExportedError(subpath, pkg)
	}
	if !isFile(target) {
		return "", notFound(target)
	}
	return target, nil
}

// resolveImports resolves a "#name" request from a file in dir through the "imports" field of the
// package that file belongs to (PACKAGE_IMPORTS_RESOLVE). handled is false when that package has no
// "imports" object: Node then looks the request up like any other name.
func (s *System) resolveImports(request, dir string, conds conditions, from *module) (filename string, handled bool, err error) {
	pkg, err := s.scope(dir)
	if err != nil || pkg == nil || pkg.imports == nil {
		return "", false, err
	}
	fromFile := dir
	if from != nil {
		fromFile = from.filename
	}
	if request == "#" || strings.HasPrefix(request, "#/") {
		return "", true, invalidImportSpecifierError(request, fromFile)
	}
	sm := subpathMap{pkg: pkg, imports: true, request: request, from: fromFile}
	target, found, err := sm.match(pkg.imports, request, conds)
	if err != nil {
		return "", true, err
	}
	if !found || target == "" {
		return "", true, importNotDefinedError(request, pkg, fromFile)
	}
	if !filepath.IsAbs(target) {
		f, err := s.findPackage(target, pkg.dir, conds, true)
		return f, true, err
	}
	if !isFile(target) {
		return "", true, notFound(target)
	}
	return target, true, nil
}

// match resolves key through the subpath map m: an exact key first, then the "*" pattern with the
// longest prefix.
func (sm subpathMap) match(m *jsonNode, key string, conds conditions) (target string, found bool, err error) {
	if i := keyIndex(m, key); i >= 0 && !strings.Contains(key, "*") {
		return sm.target(m.vals[i], "", false, conds)
	}
	if i, match := bestPattern(m, key); i >= 0 {
		return sm.target(m.vals[i], match, true, conds)
	}
	return "", false, nil
}

func hasSubpathKeys(n *jsonNode) bool {
	return n.kind == jsonObject && len(n.keys) > 0 && strings.HasPrefix(n.keys[0], ".")
}

func keyIndex(n *jsonNode, key string) int {
	for i, k := range n.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// bestPattern finds the "*" key matching subpath with the longest prefix before the "*" (then the
// longest key), and the text the "*" stands for.
func bestPattern(n *jsonNode, subpath string) (best int, match string) {
	best = -1
	for i, key := range n.keys {
		star := strings.IndexByte(key, '*')
		if star < 0 || strings.IndexByte(key[star+1:], '*') >= 0 {
			continue
		}
		base, trailer := key[:star], key[star+1:]
		if !strings.HasPrefix(subpath, base) || subpath == base {
			continue
		}
		if trailer != "" && (!strings.HasSuffix(subpath, trailer) || len(subpath) < len(key)) {
			continue
		}
		if best >= 0 {
			bestKey := n.keys[best]
			bestBase := bestKey[:strings.IndexByte(bestKey, '*')]
			if len(base) < len(bestBase) || (len(base) == len(bestBase) && len(key) <= len(bestKey)) {
				continue
			}
		}
		best, match = i, subpath[len(base):len(subpath)-len(trailer)]
	}
	return best, match
}

// target resolves one value of the map to an absolute path. found is false when nothing matched the
// conditions (the caller moves on); a null target is found but empty, excluding the key. An "imports"
// target naming another package ("#dep": "dep") comes back as that name, not absolute.
func (sm subpathMap) target(t *jsonNode, match string, pattern bool, conds conditions) (target string, found bool, err error) {
	switch t.kind {
	case jsonNull:
		return "", true, nil
	case jsonString:
		rel := t.str
		if pattern {
			rel = strings.ReplaceAll(rel, "*", match)
		}
		if sm.imports && isPackageTarget(t.str) {
			return rel, true, nil
		}
		if !strings.HasPrefix(t.str, "./") || escapesPackage(rel) {
			return "", false, sm.invalidTarget(t.str)
		}
		return filepath.Join(sm.pkg.dir, filepath.FromSlash(rel)), true, nil
	case jsonArray:
		// Fallbacks: the first valid entry wins; invalid ones are skipped, as in Node.
		for _, alt := range t.arr {
			target, found, err = sm.target(alt, match, pattern, conds)
			if err == nil && found {
				return target, found, nil
			}
		}
		return "", false, err
	case jsonObject:
		for i, cond := range t.keys {
			if !conds.match(cond) {
				continue
			}
			target, found, err = sm.target(t.vals[i], match, pattern, conds)
			if err != nil || found {
				return target, found, err
			}
		}
		return "", false, nil
	default:
		return "", false, sm.invalidTarget("")
	}
}

func (sm subpathMap) invalidTarget(target string) *Error {
	if sm.imports {
		return invalidImportTargetError(target, sm.request, sm.pkg, sm.from)
	}
	return invalidTargetError(target, sm.pkg)
}

// isPackageTarget reports an "imports" target that names a package rather than a path or a URL.
func isPackageTarget(target string) bool {
	return !strings.HasPrefix(target, "./") && !strings.HasPrefix(target, "../") &&
		!strings.HasPrefix(target, "/") && !strings.Contains(target, ":")
}

// escapesPackage reports a target leaving the package or reaching into node_modules, which Node rejects.
func escapesPackage(rel string) bool {
	for _, seg := range strings.Split(rel, "/")[1:] {
		if seg == ".." || seg == "node_modules" {
			return true
		}
	}
	return false
}
