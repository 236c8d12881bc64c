// Package uniprop gives the code points of the Unicode properties a regular expression's \p{…} and
// \P{…} may name, as ECMA-262 defines them: General_Category values (Lu, Letter, gc=L,
// General_Category=Letter…), Script and Script_Extensions values (sc=Greek, scx=Grek…) and the
// binary properties Go's unicode package has data for, directly or derived (ID_Start, XID_Continue,
// Alphabetic, White_Space, Any, ASCII, Assigned…). goja parses \p{…} and never matches it; pluginhost's
// RegExp (jsruntime/polyfill) replaces each with the character class this package writes.
//
// The data is Go's: Unicode 15.0, where Node 20's V8 may have a later version, so characters added
// since are missing from every property but Unassigned (Cn), and the few older characters whose
// properties changed since keep their 15.0 ones (ID_Continue has Unicode 15.1's additions, which
// ECMAScript identifiers always had). Script_Extensions is Script: Go has no extension data, so a
// character used by several scripts matches only its own (U+0342 matches scx=Inherited, not
// scx=Greek as in V8). Properties V8 knows and Go has no data for (Emoji, Extended_Pictographic,
// Bidi_Mirrored, Case_Ignorable, the Changes_When_* properties, the scripts of Unicode 16 and
// later) are Lacking.
package uniprop

import (
	"strings"
	"sync"
	"unicode"
)

// Status says what pluginhost and V8 make of a property expression.
type Status int

const (
	// Invalid: V8 rejects the expression too (SyntaxError: Invalid property name).
	Invalid Status = iota
	// Lacking: V8 knows the property; Go's unicode package has no data for it.
	Lacking
	// Supported: Class has the property's code points.
	Supported
)

// Lookup says whether expr, the text between the braces of \p{…}, names a property.
func Lookup(expr string) Status {
	_, status := resolve(expr)
	return status
}

// Class returns the inside of a u-mode character class matching the code points of the property
// expr names (the text between the braces of \p{…}), or of its complement when negated (\P{…}); ok
// is false when Lookup(expr) is not Supported. The class is built once per property and process.
func Class(expr string, negated bool) (body string, ok bool) {
	key, status := resolve(expr)
	if status != Supported {
		return "", false
	}
	e := entryOf(key)
	e.classes.Do(func() {
		e.body = e.set().classBody()
		e.negatedBody = e.set().complement().classBody()
	})
	if negated {
		return e.negatedBody, true
	}
	return e.body, true
}

// entry is one property's code points and classes, each made once.
type entry struct {
	set               func() set
	classes           sync.Once
	body, negatedBody string
}

var entries sync.Map // canonical key → *entry

func entryOf(key string) *entry {
	if e, ok := entries.Load(key); ok {
		return e.(*entry)
	}
	e, _ := entries.LoadOrStore(key, &entry{set: sync.OnceValue(func() set { return build(key) })})
	return e.(*entry)
}

// get is the set of a canonical key, for properties defined from others.
func get(key string) set { return entryOf(key).set() }

// Canonical keys: a General_Category short name ("Lu"), a binary property's long name
// ("ID_Start"), or "sc=" and a Go script name ("sc=Greek", "sc=Unknown").
var (
	categoryKeys  = map[string]string{} // value name or alias → short name
	binaryKeys    = map[string]string{} // name or alias → long name
	binaryBuild   = map[string]func() set{}
	scriptKeys    = map[string]string{} // code or long name → Go name
	lackingBinary = map[string]bool{}
	lackingScript = map[string]bool{}
)

func init() {
	for _, names := range categories {
		for _, n := range names {
			categoryKeys[n] = names[0]
		}
	}
	for _, b := range binaries {
		for _, n := range b.names {
			binaryKeys[n] = b.names[0]
		}
		binaryBuild[b.names[0]] = b.build
	}
	for code, name := range scriptCodes {
		scriptKeys[code] = name
		scriptKeys[name] = name
	}
	for _, n := range lackingBinaries {
		lackingBinary[n] = true
	}
	for _, n := range lackingScripts {
		lackingScript[n] = true
	}
}

// resolve maps expr to its canonical key.
func resolve(expr string) (string, Status) {
	name, value, hasValue := strings.Cut(expr, "=")
	switch {
	case !hasValue:
		if k, ok := categoryKeys[name]; ok {
			return k, Supported
		}
		if k, ok := binaryKeys[name]; ok {
			return k, Supported
		}
		if lackingBinary[name] {
			return "", Lacking
		}
	case name == "General_Category" || name == "gc":
		if k, ok := categoryKeys[value]; ok {
			return k, Supported
		}
	case name == "Script" || name == "sc" || name == "Script_Extensions" || name == "scx":
		if k, ok := scriptKeys[value]; ok {
			return "sc=" + k, Supported
		}
		if lackingScript[value] {
			return "", Lacking
		}
	}
	return "", Invalid
}

// build makes the set of a canonical key.
func build(key string) set {
	if name, ok := strings.CutPrefix(key, "sc="); ok {
		if name == "Unknown" {
			all := make([]*unicode.RangeTable, 0, len(unicode.Scripts))
			for _, t := range unicode.Scripts {
				all = append(all, t)
			}
			return fromTables(all...).complement()
		}
		return fromTables(unicode.Scripts[name])
	}
	if b, ok := binaryBuild[key]; ok {
		return b()
	}
	switch {
	case key == "Cn":
		// Go's own Cn table is not used: unassigned is whatever no other category has.
		var assigned []*unicode.RangeTable
		for _, names := range categories {
			if k := names[0]; len(k) == 2 && k != "Cn" && k != "LC" {
				assigned = append(assigned, unicode.Categories[k])
			}
		}
		return fromTables(assigned...).complement()
	case key == "LC":
		return union(get("Lu"), get("Ll"), get("Lt"))
	case len(key) == 1:
		var parts []set
		for _, names := range categories {
			if k := names[0]; len(k) == 2 && k[0] == key[0] && k != "LC" {
				parts = append(parts, get(k))
			}
		}
		return union(parts...)
	}
	return fromTables(unicode.Categories[key])
}
