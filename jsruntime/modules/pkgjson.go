package modules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// packageJSON holds the package.json fields module loading reads.
type packageJSON struct {
	path    string // the package.json file
	dir     string
	Name    looseString     `json:"name"`
	Main    looseString     `json:"main"`
	Type    looseString     `json:"type"`
	Exports json.RawMessage `json:"exports"`
	Imports json.RawMessage `json:"imports"`

	exports *jsonNode // parsed Exports, keeping key order; nil when absent or null
	imports *jsonNode // parsed Imports when it is an object; nil otherwise
}

// looseString is a package.json field Node reads only when it is a string: any other JSON value
// ("main": false, as some packages publish) counts as absent rather than making the file unreadable.
type looseString string

func (l *looseString) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		*l = looseString(s)
	}
	return nil
}

// packageAt reads dir/package.json, caching the outcome per directory for the life of the System
// (a reload builds a new System, so edits are seen then). It returns nil when there is none.
func (s *System) packageAt(dir string) (*packageJSON, error) {
	if pkg, ok := s.pkgs[dir]; ok {
		return pkg, nil
	}
	pkg, err := readPackageJSON(dir)
	if err != nil {
		return nil, err
	}
	s.pkgs[dir] = pkg
	return pkg, nil
}

func readPackageJSON(dir string) (*packageJSON, error) {
	path := filepath.Join(dir, "package.json")
	data, err := os.ReadFile(path)
	if err != nil {
		// ENOTDIR: a path component is a file, so there is no package.json below it.
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil, nil
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	pkg := &packageJSON{path: path, dir: dir}
	if err := json.Unmarshal(data, pkg); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if len(pkg.Exports) > 0 && !bytes.Equal(bytes.TrimSpace(pkg.Exports), []byte("null")) {
		node, err := parseJSONNode(json.NewDecoder(bytes.NewReader(pkg.Exports)))
		if err != nil {
			return nil, fmt.Errorf("parse %s: exports: %w", path, err)
		}
		pkg.exports = node
	}
	if bytes.HasPrefix(bytes.TrimSpace(pkg.Imports), []byte("{")) {
		node, err := parseJSONNode(json.NewDecoder(bytes.NewReader(pkg.Imports)))
		if err != nil {
			return nil, fmt.Errorf("parse %s: imports: %w", path, err)
		}
		pkg.imports = node
	}
	return pkg, nil
}

// scope returns the nearest package.json at or above dir, stopping at the System's root (inclusive)
// or the filesystem root; nil when there is none.
func (s *System) scope(dir string) (*packageJSON, error) {
	for {
		pkg, err := s.packageAt(dir)
		if err != nil || pkg != nil {
			return pkg, err
		}
		parent := filepath.Dir(dir)
		if dir == s.root || parent == dir {
			return nil, nil
		}
		dir = parent
	}
}

// jsonNode is a JSON value that keeps object key order, which "exports" condition matching depends on
// (the first matching condition wins) and encoding/json maps lose.
type jsonNode struct {
	kind jsonKind
	str  string
	arr  []*jsonNode
	keys []string
	vals []*jsonNode
}

type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonString
	jsonArray
	jsonObject
	jsonOther // numbers and booleans: invalid as export targets
)

func parseJSONNode(dec *json.Decoder) (*jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case nil:
		return &jsonNode{kind: jsonNull}, nil
	case string:
		return &jsonNode{kind: jsonString, str: t}, nil
	case json.Delim:
		if t == '[' {
			n := &jsonNode{kind: jsonArray}
			for dec.More() {
				v, err := parseJSONNode(dec)
				if err != nil {
					return nil, err
				}
				n.arr = append(n.arr, v)
			}
			_, err := dec.Token()
			return n, err
		}
		n := &jsonNode{kind: jsonObject}
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := parseJSONNode(dec)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key.(string))
			n.vals = append(n.vals, v)
		}
		_, err := dec.Token()
		return n, err
	default:
		return &jsonNode{kind: jsonOther}, nil
	}
}
