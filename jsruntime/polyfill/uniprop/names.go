package uniprop

import "unicode"

// Property names and aliases as ECMA-262 lists them (tables of binary properties, of
// General_Category values and of Script values), matched exactly: no loose matching, as in V8.

// categories lists each General_Category value: its short name, long name and other aliases.
var categories = [][]string{
	{"C", "Other"}, {"Cc", "Control", "cntrl"}, {"Cf", "Format"}, {"Cn", "Unassigned"}, {"Co", "Private_Use"}, {"Cs", "Surrogate"},
	{"L", "Letter"}, {"LC", "Cased_Letter"}, {"Ll", "Lowercase_Letter"}, {"Lm", "Modifier_Letter"}, {"Lo", "Other_Letter"},
	{"Lt", "Titlecase_Letter"}, {"Lu", "Uppercase_Letter"},
	{"M", "Mark", "Combining_Mark"}, {"Mc", "Spacing_Mark"}, {"Me", "Enclosing_Mark"}, {"Mn", "Nonspacing_Mark"},
	{"N", "Number"}, {"Nd", "Decimal_Number", "digit"}, {"Nl", "Letter_Number"}, {"No", "Other_Number"},
	{"P", "Punctuation", "punct"}, {"Pc", "Connector_Punctuation"}, {"Pd", "Dash_Punctuation"}, {"Pe", "Close_Punctuation"},
	{"Pf", "Final_Punctuation"}, {"Pi", "Initial_Punctuation"}, {"Po", "Other_Punctuation"}, {"Ps", "Open_Punctuation"},
	{"S", "Symbol"}, {"Sc", "Currency_Symbol"}, {"Sk", "Modifier_Symbol"}, {"Sm", "Math_Symbol"}, {"So", "Other_Symbol"},
	{"Z", "Separator"}, {"Zl", "Line_Separator"}, {"Zp", "Paragraph_Separator"}, {"Zs", "Space_Separator"},
}

// binaries lists the binary properties pluginhost has: long name and aliases, and how the set is
// made from Go's unicode tables. Those Go lacks are derived as DerivedCoreProperties.txt defines
// them (UAX #44, UAX #31 for the identifier properties).
var binaries = []struct {
	names []string
	build func() set
}{
	{[]string{"ASCII"}, func() set { return set{{0, 0x7f}} }},
	{[]string{"ASCII_Hex_Digit", "AHex"}, tables(unicode.ASCII_Hex_Digit)},
	{[]string{"Alphabetic", "Alpha"}, func() set {
		return fromTables(unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl, unicode.Other_Alphabetic)
	}},
	{[]string{"Any"}, func() set { return set{{0, unicode.MaxRune}} }},
	{[]string{"Assigned"}, func() set { return get("Cn").complement() }},
	{[]string{"Bidi_Control", "Bidi_C"}, tables(unicode.Bidi_Control)},
	{[]string{"Cased"}, func() set { return union(get("Lowercase"), get("Uppercase"), fromTables(unicode.Lt)) }},
	{[]string{"Dash"}, tables(unicode.Dash)},
	{[]string{"Default_Ignorable_Code_Point", "DI"}, func() set {
		return fromTables(unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector).minus(
			fromTables(unicode.White_Space, unicode.Prepended_Concatenation_Mark),
			set{{0xfff9, 0xfffb}, {0x13430, 0x1343f}}) // interlinear annotation and Egyptian hieroglyph format controls
	}},
	{[]string{"Deprecated", "Dep"}, tables(unicode.Deprecated)},
	{[]string{"Diacritic", "Dia"}, tables(unicode.Diacritic)},
	{[]string{"Extender", "Ext"}, tables(unicode.Extender)},
	{[]string{"Grapheme_Base", "Gr_Base"}, func() set {
		return set{{0, unicode.MaxRune}}.minus(get("Cc"), get("Cf"), get("Cs"), get("Co"), get("Cn"), get("Zl"), get("Zp"), get("Grapheme_Extend"))
	}},
	{[]string{"Grapheme_Extend", "Gr_Ext"}, tables(unicode.Me, unicode.Mn, unicode.Other_Grapheme_Extend)},
	{[]string{"Hex_Digit", "Hex"}, tables(unicode.Hex_Digit)},
	{[]string{"IDS_Binary_Operator", "IDSB"}, tables(unicode.IDS_Binary_Operator)},
	{[]string{"IDS_Trinary_Operator", "IDST"}, tables(unicode.IDS_Trinary_Operator)},
	{[]string{"ID_Continue", "IDC"}, func() set {
		return union(get("ID_Start"), fromTables(unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue),
			otherIDContinue15_1).minus(patternChars())
	}},
	{[]string{"ID_Start", "IDS"}, func() set {
		return fromTables(unicode.L, unicode.Nl, unicode.Other_ID_Start).minus(patternChars())
	}},
	{[]string{"Ideographic", "Ideo"}, tables(unicode.Ideographic)},
	{[]string{"Join_Control", "Join_C"}, tables(unicode.Join_Control)},
	{[]string{"Logical_Order_Exception", "LOE"}, tables(unicode.Logical_Order_Exception)},
	{[]string{"Lowercase", "Lower"}, tables(unicode.Ll, unicode.Other_Lowercase)},
	{[]string{"Math"}, tables(unicode.Sm, unicode.Other_Math)},
	{[]string{"Noncharacter_Code_Point", "NChar"}, tables(unicode.Noncharacter_Code_Point)},
	{[]string{"Pattern_Syntax", "Pat_Syn"}, tables(unicode.Pattern_Syntax)},
	{[]string{"Pattern_White_Space", "Pat_WS"}, tables(unicode.Pattern_White_Space)},
	{[]string{"Quotation_Mark", "QMark"}, tables(unicode.Quotation_Mark)},
	{[]string{"Radical"}, tables(unicode.Radical)},
	{[]string{"Regional_Indicator", "RI"}, tables(unicode.Regional_Indicator)},
	{[]string{"Sentence_Terminal", "STerm"}, tables(unicode.Sentence_Terminal)},
	{[]string{"Soft_Dotted", "SD"}, tables(unicode.Soft_Dotted)},
	{[]string{"Terminal_Punctuation", "Term"}, tables(unicode.Terminal_Punctuation)},
	{[]string{"Unified_Ideograph", "UIdeo"}, tables(unicode.Unified_Ideograph)},
	{[]string{"Uppercase", "Upper"}, tables(unicode.Lu, unicode.Other_Uppercase)},
	{[]string{"Variation_Selector", "VS"}, tables(unicode.Variation_Selector)},
	{[]string{"White_Space", "space"}, tables(unicode.White_Space)},
	// XID_* are ID_* closed under NFKC: the characters whose compatibility decompositions are not
	// identifiers (UAX #31, 5.1.3) leave them.
	{[]string{"XID_Continue", "XIDC"}, func() set { return get("ID_Continue").minus(notXIDContinue) }},
	{[]string{"XID_Start", "XIDS"}, func() set {
		return get("ID_Start").minus(notXIDContinue, set{{0x0e33, 0x0e33}, {0x0eb3, 0x0eb3}, {0xff9e, 0xff9f}})
	}},
}

// otherIDContinue15_1 are the characters Unicode 15.1 added to Other_ID_Continue, which Go's Unicode
// 15.0 lacks: ZWNJ and ZWJ (always part of ECMAScript identifiers) and two katakana middle dots.
var otherIDContinue15_1 = set{{0x200c, 0x200d}, {0x30fb, 0x30fb}, {0xff65, 0xff65}}

var notXIDContinue = set{{0x037a, 0x037a}, {0x309b, 0x309c}, {0xfc5e, 0xfc63}, {0xfdfa, 0xfdfb},
	{0xfe70, 0xfe70}, {0xfe72, 0xfe72}, {0xfe74, 0xfe74}, {0xfe76, 0xfe76}, {0xfe78, 0xfe78}, {0xfe7a, 0xfe7a},
	{0xfe7c, 0xfe7c}, {0xfe7e, 0xfe7e}}

// patternChars are the characters UAX #31 keeps out of identifiers.
func patternChars() set { return fromTables(unicode.Pattern_Syntax, unicode.Pattern_White_Space) }

func tables(ts ...*unicode.RangeTable) func() set {
	return func() set { return fromTables(ts...) }
}

// lackingBinaries are the binary properties of ECMA-262 that Go's unicode package has no data for
// (bidi mirroring, case mapping closures, emoji data), long names and aliases.
var lackingBinaries = []string{
	"Bidi_Mirrored", "Bidi_M", "Case_Ignorable", "CI",
	"Changes_When_Casefolded", "CWCF", "Changes_When_Casemapped", "CWCM", "Changes_When_Lowercased", "CWL",
	"Changes_When_NFKC_Casefolded", "CWKCF", "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU",
	"Emoji", "Emoji_Component", "EComp", "Emoji_Modifier", "EMod", "Emoji_Modifier_Base", "EBase",
	"Emoji_Presentation", "EPres", "Extended_Pictographic", "ExtPict",
}

// scriptCodes maps each ISO 15924 code V8 accepts for a Script value to the long name Go's
// unicode.Scripts uses. Unknown (Zzzz), the code points of no script, is not one of Go's tables.
var scriptCodes = map[string]string{
	"Zyyy": "Common", "Zinh": "Inherited", "Qaai": "Inherited", "Qaac": "Coptic", "Plrd": "Miao", "Zzzz": "Unknown",
	"Adlm": "Adlam", "Aghb": "Caucasian_Albanian", "Ahom": "Ahom", "Arab": "Arabic", "Armi": "Imperial_Aramaic", "Armn": "Armenian",
	"Avst": "Avestan", "Bali": "Balinese", "Bamu": "Bamum", "Bass": "Bassa_Vah", "Batk": "Batak", "Beng": "Bengali",
	"Bhks": "Bhaiksuki", "Bopo": "Bopomofo", "Brah": "Brahmi", "Brai": "Braille", "Bugi": "Buginese", "Buhd": "Buhid",
	"Cakm": "Chakma", "Cans": "Canadian_Aboriginal", "Cari": "Carian", "Cham": "Cham", "Cher": "Cherokee", "Chrs": "Chorasmian",
	"Copt": "Coptic", "Cpmn": "Cypro_Minoan", "Cprt": "Cypriot", "Cyrl": "Cyrillic", "Deva": "Devanagari", "Diak": "Dives_Akuru",
	"Dogr": "Dogra", "Dsrt": "Deseret", "Dupl": "Duployan", "Egyp": "Egyptian_Hieroglyphs", "Elba": "Elbasan", "Elym": "Elymaic",
	"Ethi": "Ethiopic", "Geor": "Georgian", "Glag": "Glagolitic", "Gong": "Gunjala_Gondi", "Gonm": "Masaram_Gondi", "Goth": "Gothic",
	"Gran": "Grantha", "Grek": "Greek", "Gujr": "Gujarati", "Guru": "Gurmukhi", "Hang": "Hangul", "Hani": "Han",
	"Hano": "Hanunoo", "Hatr": "Hatran", "Hebr": "Hebrew", "Hira": "Hiragana", "Hluw": "Anatolian_Hieroglyphs", "Hmng": "Pahawh_Hmong",
	"Hmnp": "Nyiakeng_Puachue_Hmong", "Hung": "Old_Hungarian", "Ital": "Old_Italic", "Java": "Javanese", "Kali": "Kayah_Li", "Kana": "Katakana",
	"Kawi": "Kawi", "Khar": "Kharoshthi", "Khmr": "Khmer", "Khoj": "Khojki", "Kits": "Khitan_Small_Script", "Knda": "Kannada",
	"Kthi": "Kaithi", "Lana": "Tai_Tham", "Laoo": "Lao", "Latn": "Latin", "Lepc": "Lepcha", "Limb": "Limbu",
	"Lina": "Linear_A", "Linb": "Linear_B", "Lisu": "Lisu", "Lyci": "Lycian", "Lydi": "Lydian", "Mahj": "Mahajani",
	"Maka": "Makasar", "Mand": "Mandaic", "Mani": "Manichaean", "Marc": "Marchen", "Medf": "Medefaidrin", "Mend": "Mende_Kikakui",
	"Merc": "Meroitic_Cursive", "Mero": "Meroitic_Hieroglyphs", "Miao": "Miao", "Mlym": "Malayalam", "Modi": "Modi", "Mong": "Mongolian",
	"Mroo": "Mro", "Mtei": "Meetei_Mayek", "Mult": "Multani", "Mymr": "Myanmar", "Nagm": "Nag_Mundari", "Nand": "Nandinagari",
	"Narb": "Old_North_Arabian", "Nbat": "Nabataean", "Newa": "Newa", "Nkoo": "Nko", "Nshu": "Nushu", "Ogam": "Ogham",
	"Olck": "Ol_Chiki", "Orkh": "Old_Turkic", "Orya": "Oriya", "Osge": "Osage", "Osma": "Osmanya", "Ougr": "Old_Uyghur",
	"Palm": "Palmyrene", "Pauc": "Pau_Cin_Hau", "Perm": "Old_Permic", "Phag": "Phags_Pa", "Phli": "Inscriptional_Pahlavi", "Phlp": "Psalter_Pahlavi",
	"Phnx": "Phoenician", "Prti": "Inscriptional_Parthian", "Rjng": "Rejang", "Rohg": "Hanifi_Rohingya", "Runr": "Runic", "Samr": "Samaritan",
	"Sarb": "Old_South_Arabian", "Saur": "Saurashtra", "Sgnw": "SignWriting", "Shaw": "Shavian", "Shrd": "Sharada", "Sidd": "Siddham",
	"Sind": "Khudawadi", "Sinh": "Sinhala", "Sogd": "Sogdian", "Sogo": "Old_Sogdian", "Sora": "Sora_Sompeng", "Soyo": "Soyombo",
	"Sund": "Sundanese", "Sylo": "Syloti_Nagri", "Syrc": "Syriac", "Tagb": "Tagbanwa", "Takr": "Takri", "Tale": "Tai_Le",
	"Talu": "New_Tai_Lue", "Taml": "Tamil", "Tang": "Tangut", "Tavt": "Tai_Viet", "Telu": "Telugu", "Tfng": "Tifinagh",
	"Tglg": "Tagalog", "Thaa": "Thaana", "Thai": "Thai", "Tibt": "Tibetan", "Tirh": "Tirhuta", "Tnsa": "Tangsa",
	"Toto": "Toto", "Ugar": "Ugaritic", "Vaii": "Vai", "Vith": "Vithkuqi", "Wara": "Warang_Citi", "Wcho": "Wancho",
	"Xpeo": "Old_Persian", "Xsux": "Cuneiform", "Yezi": "Yezidi", "Yiii": "Yi", "Zanb": "Zanabazar_Square",
}

// lackingScripts are the scripts of Unicode 16 and 17, which V8 knows and Go's Unicode 15 tables do
// not: codes and long names.
var lackingScripts = []string{
	"Berf", "Beria_Erfe", "Gara", "Garay", "Gukh", "Gurung_Khema", "Krai", "Kirat_Rai", "Onao", "Ol_Onal",
	"Sidt", "Sidetic", "Sunu", "Sunuwar", "Tayo", "Tai_Yo", "Todr", "Todhri", "Tols", "Tolong_Siki",
	"Tutg", "Tulu_Tigalari",
}
