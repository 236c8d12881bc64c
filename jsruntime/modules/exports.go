package modules

import (
	"path/filepath"
	"strings"
)

// resolveExports resolves subpath ("." or "./x") through pkg's "exports", as Node's
// PACKAGE_EXPORTS_RESOLVE does: exact keys first, then the "*" pattern with the longest prefix.
// The target must exist; there is no extension or index probing.
func (s *System) resolveExports(pkg *packageJSON, subpath string, conds conditions) (string, error) {
	exp := pkg.exports
	target, found, err := "", false, error(nil)
	if !hasSubpathKeys(exp) {
		// A string, array or conditions object is shorthand for the "." entry.
		if subpath == "." {
			target, found, err = exportTarget(pkg, exp, "", false, conds)
		}
	} else if i := keyIndex(exp, subpath); i >= 0 && !strings.Contains(subpath, "*") {
		target, found, err = exportTarget(pkg, exp.vals[i], "", false, conds)
	} else if i, match := bestPattern(exp, subpath); i >= 0 {
		target, found, err = exportTarget(pkg, exp.vals[i], match, true, conds)
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

// exportTarget resolves one "exports" value. found is false when nothing matched the conditions (the
// caller moves on); a null target is found but empty, excluding the subpath.
func exportTarget(pkg *packageJSON, t *jsonNode, match string, pattern bool, conds conditions) (target string, found bool, err error) {
	switch t.kind {
	case jsonNull:
		return "", true, nil
	case jsonString:
		rel := t.str
		if pattern {
			rel = strings.ReplaceAll(rel, "*", match)
		}
		if !strings.HasPrefix(t.str, "./") || escapesPackage(rel) {
			return "", false, invalidTargetError(t.str, pkg)
		}
		return filepath.Join(pkg.dir, filepath.FromSlash(rel)), true, nil
	case jsonArray:
		// Fallbacks: the first valid entry wins; invalid ones are skipped, as in Node.
		for _, alt := range t.arr {
			target, found, err = exportTarget(pkg, alt, match, pattern, conds)
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
			target, found, err = exportTarget(pkg, t.vals[i], match, pattern, conds)
			if err != nil || found {
				return target, found, err
			}
		}
		return "", false, nil
	default:
		return "", false, invalidTargetError("", pkg)
	}
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
