package uniprop

import (
	"slices"
	"testing"
	"unicode"
)

func TestLookup(t *testing.T) {
	for status, exprs := range map[Status][]string{
		Supported: {"L", "Letter", "LC", "Cased_Letter", "digit", "punct", "cntrl", "Combining_Mark", "Cn", "Unassigned",
			"gc=Lu", "General_Category=Decimal_Number", "ID_Start", "IDS", "XIDC", "Any", "ASCII", "Assigned", "space",
			"sc=Greek", "Script=Grek", "scx=Latn", "Script_Extensions=Han", "sc=Zyyy", "sc=Qaai", "sc=Unknown", "scx=Zzzz"},
		Lacking: {"Emoji", "ExtPict", "Extended_Pictographic", "Bidi_M", "CWL", "sc=Garay", "scx=Gara", "Script=Tulu_Tigalari"},
		Invalid: {"", "Foo", "lu", "letter", " L", "L ", "any", "Latin", "Script", "gc", "gc=", "gc=Foo", "gc=ID_Start",
			"sc=L", "sc=Hrkt", "Script=latin", "General_Category=Greek", "ID_Start=Yes", "Emoji=Yes", "Block=Basic_Latin", "IsGreek"},
	} {
		for _, expr := range exprs {
			if got := Lookup(expr); got != status {
				t.Errorf("Lookup(%q) = %v, want %v", expr, got, status)
			}
		}
	}
}

func TestClass(t *testing.T) {
	for _, c := range []struct {
		expr    string
		negated bool
		want    string
	}{
		{"ASCII", false, `\u{0}-\u{7f}`},
		{"ASCII", true, `\u{80}-\u{10ffff}`},
		{"Any", false, `\u{0}-\u{10ffff}`},
		{"Any", true, ``},
		{"Zl", false, `\u{2028}`},
		{"gc=Zp", true, `\u{0}-\u{2028}\u{202a}-\u{10ffff}`},
		{"Join_Control", false, `\u{200c}\u{200d}`},
		{"Cs", false, `\u{d800}-\u{dfff}`},
		{"Regional_Indicator", false, `\u{1f1e6}-\u{1f1ff}`},
	} {
		if got, ok := Class(c.expr, c.negated); !ok || got != c.want {
			t.Errorf("Class(%q, %v) = %q, %v; want %q", c.expr, c.negated, got, ok, c.want)
		}
	}
	if got, ok := Class("Foo", false); ok || got != "" {
		t.Errorf("Class(Foo) = %q, %v", got, ok)
	}
	if got, ok := Class("Emoji", true); ok || got != "" {
		t.Errorf("Class(Emoji) = %q, %v", got, ok)
	}
}

// TestProperties checks every property against what it is made of: each name and alias reaches the
// same set, sets and their complements partition the code points, and the derived properties hold the
// characters that define them and none they exclude.
func TestProperties(t *testing.T) {
	all := set{{0, unicode.MaxRune}}
	check := func(names []string) {
		key, _ := resolve(names[0])
		s := get(key)
		if len(s) == 0 {
			t.Errorf("%s is empty", names[0])
		}
		if got := union(s, s.complement()); len(got) != 1 || got[0] != all[0] || len(intersect(s, s.complement())) != 0 {
			t.Errorf("%s and its complement do not partition the code points", names[0])
		}
		body, _ := Class(names[0], false)
		for _, alias := range names[1:] {
			if b, ok := Class(alias, false); !ok || b != body {
				t.Errorf("%s is not %s", alias, names[0])
			}
		}
	}
	for _, names := range categories {
		check(append(slices.Clone(names), "gc="+names[0], "General_Category="+names[len(names)-1]))
	}
	for _, b := range binaries {
		check(b.names)
	}
	for code, name := range scriptCodes {
		check([]string{"sc=" + name, "Script=" + code, "scx=" + code, "Script_Extensions=" + name})
	}

	for _, c := range []struct {
		expr string
		r    rune
		want bool
	}{
		{"ID_Start", 'a', true}, {"ID_Start", '1', false}, {"ID_Start", '$', false}, {"ID_Start", '\u2118', true}, // Other_ID_Start
		{"ID_Start", '\u2e2f', false}, // Lm but Pattern_Syntax
		{"ID_Continue", '1', true}, {"ID_Continue", '_', true}, {"ID_Continue", '\u00b7', true}, {"ID_Continue", '\u200d', true},
		{"ID_Continue", '-', false}, {"ID_Continue", ' ', false},
		{"XID_Start", '\u037a', false}, {"ID_Start", '\u037a', true}, {"XID_Start", '\u0e33', false}, {"XID_Continue", '\u0e33', true},
		{"Alphabetic", '\u0345', true}, {"Alphabetic", '1', false}, {"Lowercase", '\u00aa', true}, {"Uppercase", '\u2160', true},
		{"Math", '+', true}, {"Math", '^', true}, {"Cased", '\u01c5', true},
		{"Default_Ignorable_Code_Point", '\u00ad', true}, {"Default_Ignorable_Code_Point", '\ufff9', false},
		{"Grapheme_Extend", '\u0300', true}, {"Grapheme_Base", '\u0300', false}, {"Grapheme_Base", 'a', true},
		{"Assigned", '\u0378', false}, {"Cn", '\u0378', true}, {"C", '\u0378', true}, {"LC", 'a', true}, {"LC", '\u02b0', false},
		{"sc=Unknown", '\u0378', true}, {"sc=Unknown", 'a', false}, {"sc=Common", '1', true}, {"sc=Inherited", '\u0300', true},
	} {
		if got := inSet(c.expr, c.r); got != c.want {
			t.Errorf("%U in %s: %v, want %v", c.r, c.expr, got, c.want)
		}
	}
}

func inSet(expr string, r rune) bool {
	key, _ := resolve(expr)
	return len(intersect(get(key), set{{r, r}})) == 1
}

func TestSetOperations(t *testing.T) {
	s := normalize(set{{10, 12}, {0, 2}, {3, 4}, {11, 20}, {30, 30}})
	if want := (set{{0, 4}, {10, 20}, {30, 30}}); !slices.Equal(s, want) {
		t.Errorf("normalize: %v, want %v", s, want)
	}
	if got, want := s.complement(), (set{{5, 9}, {21, 29}, {31, unicode.MaxRune}}); !slices.Equal(got, want) {
		t.Errorf("complement: %v, want %v", got, want)
	}
	if got := (set{{0, unicode.MaxRune}}).complement(); len(got) != 0 {
		t.Errorf("complement of everything: %v", got)
	}
	if got, want := s.minus(set{{2, 11}}, set{{30, 40}}), (set{{0, 1}, {12, 20}}); !slices.Equal(got, want) {
		t.Errorf("minus: %v, want %v", got, want)
	}
	if got, want := fromTables(&unicode.RangeTable{R16: []unicode.Range16{{Lo: 0x41, Hi: 0x45, Stride: 2}}}), (set{{0x41, 0x41}, {0x43, 0x43}, {0x45, 0x45}}); !slices.Equal(got, want) {
		t.Errorf("strided table: %v, want %v", got, want)
	}
	if got, want := (set{{0x41, 0x41}, {0x61, 0x62}, {0x1f600, 0x1f64f}}).classBody(), `\u{41}\u{61}\u{62}\u{1f600}-\u{1f64f}`; got != want {
		t.Errorf("classBody: %s, want %s", got, want)
	}
}
