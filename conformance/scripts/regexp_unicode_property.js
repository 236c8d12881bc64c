// Unicode property escapes (\p{…}, \P{…}) in regexp literals and new RegExp, which pluginhost
// translates into character classes (jsruntime/polyfill): properties against code points assigned
// before Unicode 15.1 (Go's tables are Unicode 15.0, Node 20's later), class negation, case folding,
// astral code points, lone surrogates, both of goja's engines (a lookahead sends a pattern to
// regexp2), the string methods, source and toString, the constructor's forms and V8's SyntaxErrors.
'use strict';
const t = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.name + ': ' + e.message);
  }
};

// One code point per line of the table below, chosen so that none changed properties after Unicode
// 15.0.
const points = [
  0x41, 0x61, 0x30, 0x5f, 0x24, 0x20, 0x09, 0xa0, 0x2d, 0x21, 0x28, 0x2b, 0x5e, 0x60, 0xa9, 0xab, 0xb5,
  0xb7, 0xbd, 0xc9, 0x1c5, 0x2b0, 0x300, 0x37a, 0x391, 0x3b1, 0x416, 0x5d0, 0x627, 0x660, 0x903, 0x915,
  0xe01, 0x1369, 0x200b, 0x2019, 0x20ac, 0x20dd, 0x2028, 0x2029, 0x2118, 0x212e, 0x2160, 0x2215, 0x2e80,
  0x2ff0, 0x3042, 0x309b, 0x30a2, 0x4e00, 0xac00, 0xad, 0xd800, 0xdc00, 0xe000, 0xfe0f, 0xfeff, 0xff9e,
  0xfffe, 0x378, 0x10400, 0x10428, 0x1d400, 0x1f1e6, 0x1f3fb, 0x1f600, 0x20000, 0xe0001, 0x10fffd, 0x10ffff,
];
const chars = points.map((p) => String.fromCodePoint(p));

const properties = [
  'L', 'Letter', 'LC', 'Cased_Letter', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mark', 'Combining_Mark', 'Mn', 'Mc',
  'Me', 'N', 'Nd', 'digit', 'Nl', 'No', 'P', 'punct', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'S', 'Sm',
  'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'cntrl', 'Cf', 'Cs', 'Co', 'Cn', 'Unassigned',
  'gc=Lu', 'General_Category=Decimal_Number', 'gc=Other_Letter',
  'ASCII', 'ASCII_Hex_Digit', 'AHex', 'Alphabetic', 'Alpha', 'Any', 'Assigned', 'Bidi_Control', 'Cased',
  'Dash', 'Default_Ignorable_Code_Point', 'DI', 'Deprecated', 'Extender', 'Grapheme_Base',
  'Grapheme_Extend', 'Hex_Digit', 'IDS_Binary_Operator', 'IDS_Trinary_Operator', 'ID_Continue', 'IDC',
  'ID_Start', 'IDS', 'Ideographic', 'Join_Control', 'Logical_Order_Exception', 'Lowercase', 'Lower', 'Math',
  'Noncharacter_Code_Point', 'Pattern_Syntax', 'Pattern_White_Space', 'Quotation_Mark', 'Radical',
  'Regional_Indicator', 'Sentence_Terminal', 'Soft_Dotted', 'Terminal_Punctuation', 'Unified_Ideograph',
  'Uppercase', 'Upper', 'Variation_Selector', 'White_Space', 'space', 'XID_Continue', 'XIDC', 'XID_Start',
  'XIDS',
  'Script=Latin', 'sc=Latn', 'sc=Greek', 'sc=Cyrillic', 'sc=Hebrew', 'sc=Arabic', 'sc=Devanagari',
  'sc=Thai', 'sc=Ethiopic', 'sc=Han', 'sc=Hani', 'sc=Hiragana', 'sc=Katakana', 'sc=Hangul', 'sc=Deseret',
  'sc=Common', 'sc=Zyyy', 'sc=Inherited', 'sc=Zinh', 'sc=Unknown', 'sc=Zzzz',
];
// Script_Extensions is Script in pluginhost: only code points that belong to one script.
const single = [0x41, 0x61, 0x30, 0x391, 0x3b1, 0x416, 0x4e00, 0x20000, 0x3042, 0x30a2, 0x378];
const scx = ['scx=Latin', 'Script_Extensions=Latn', 'scx=Greek', 'scx=Cyrl', 'scx=Han', 'scx=Hira',
  'scx=Common', 'scx=Zzzz'];

const row = (re, list) => list.map((c) => (re.test(c) ? 1 : 0)).join('');
for (const p of properties) {
  t('\\p{' + p + '}', () => row(new RegExp('^\\p{' + p + '}$', 'u'), chars) + ' ' +
    row(new RegExp('^[\\P{' + p + '}]$', 'u'), chars));
}
for (const p of scx) {
  t('\\p{' + p + '}', () => row(new RegExp('^\\p{' + p + '}$', 'u'), single.map((p) => String.fromCodePoint(p))));
}

// Literals, in and out of classes, negated in both ways; a lookahead makes goja use regexp2.
const samples = ['a', 'Z', '5', '_', ' ', '-', 'é', 'Ж', '一', '𝐀', '𠀀', '😀', '\u0300', '\uD800', 'p', '{'];
const literals = {
  'p{L}': /^\p{L}$/u,
  'P{L}': /^\P{L}$/u,
  '[p{L}]': /^[\p{L}]$/u,
  '[^p{L}]': /^[^\p{L}]$/u,
  '[P{L}]': /^[\P{L}]$/u,
  '[^P{L}]': /^[^\P{L}]$/u,
  '[p{L}p{N}_]': /^[\p{L}\p{N}_]$/u,
  '[^p{L}p{N}_]': /^[^\p{L}\p{N}_]$/u,
  '[a-cp{Nd}]': /^[a-c\p{Nd}]$/u,
  '[p{L}-]': /^[\p{L}-]$/u,
  '[-P{L}]': /^[-\P{L}]$/u,
  '[a-b-p{N}]': /^[a-b-\p{N}]$/u,
  'p{So}|p{Mn}': /^(?:\p{So}|\p{Mn})$/u,
  'p{Cs}': /^\p{Cs}$/u,
  'P{Any}': /^\P{Any}$/u,
  '[P{Any}]': /^[\P{Any}]$/u,
  '[^P{Any}]': /^[^\P{Any}]$/u,
  '[$_p{ID_Start}]': /^[$_\p{ID_Start}]$/u,
  'regexp2 p{L}': /^\p{L}(?=$)/u,
  'regexp2 [^p{L}]': /^[^\p{L}](?=$)/u,
  'regexp2 [P{L}]': /^[\P{L}](?=$)/u,
  'regexp2 p{So}': /^\p{So}(?=$)/u,
  'no u': /^\p{L}$/,
};
for (const [name, re] of Object.entries(literals)) t(name, () => row(re, samples));

// Case-insensitive: V8 folds the property's set (\p{Lu}/iu matches 'a') and negates after folding.
const folds = ['a', 'A', 'k', 'K', '\u212a', 's', '\u017f', '1', 'ß', 'ẞ', 'ǅ', 'σ', 'ς', 'Σ'];
for (const src of ['\\p{Lu}', '\\p{Ll}', '\\P{Lu}', '\\P{Ll}', '[^\\p{Lu}]', '[^\\P{Lu}]', '\\p{Lt}', '\\p{sc=Greek}',
  '[\\p{Lu}\\d]', '\\p{Lu}(?=$)', '[^\\p{Lu}](?=$)', '\\P{Lu}(?=$)']) {
  t('/' + src + '/iu', () => row(new RegExp('^' + src + '$', 'iu'), folds));
}

// Astral code points, quantifiers, the string methods.
t('astral +', () => /^\p{L}+$/u.test('𠀀𠀁𝐀a'));
t('astral {2}', () => /^\p{So}{2}$/u.test('😀😃'));
t('astral class', () => 'x😀y😃z'.replace(/[\p{So}\p{Sk}]/gu, '_'));
t('match g', () => JSON.stringify('héllo wörld 42, Ελλάδα 𠀀!'.match(/\p{L}+/gu)));
// (goja loses the group names of a u-mode match on a non-ASCII string, property escapes or not.)
t('match groups', () => JSON.stringify('id: omega7'.match(/(?<word>\p{L}+)(?<num>\p{Nd})/u).groups));
t('matchAll', () => [...'a1β2𠀀3'.matchAll(/(\p{L})(\p{N})/gu)].map((m) => m[1] + m.index).join());
t('split', () => JSON.stringify('one, two;three  four'.split(/[\p{P}\p{Z}]+/u)));
t('split limit', () => JSON.stringify('a1b2c3'.split(/\p{N}/u, 2)));
t('replace fn', () => 'Hello Wörld'.replace(/\p{Lu}/gu, (c) => c.toLowerCase() + '!'));
t('replaceAll', () => 'a-b_c'.replaceAll(/[\p{Pd}\p{Pc}]/gu, ' '));
t('search', () => '123 abc'.search(/\p{L}/u));
t('sticky', () => {
  const re = /\p{L}/uy;
  re.lastIndex = 1;
  return [re.test('1a'), re.lastIndex, re.test('1a1'), re.lastIndex].join();
});
t('global lastIndex', () => {
  const re = /\p{N}/gu;
  return [re.exec('a1b2').index, re.lastIndex, re.exec('a1b2').index, re.exec('a1b2')].join();
});
t('lookbehind', () => 'a1 !2 b3'.replace(/(?<=\p{L})\p{N}/gu, '#'));
t('backreference', () => /^(\p{L})\1$/u.test('ωω') + ' ' + /^(\p{L})\1$/u.test('ωa'));
t('in a loop', () => {
  const out = [];
  for (const s of ['a', '1', 'ж']) out.push(/^\p{L}$/u.test(s));
  return out.join();
});
t('dotAll', () => JSON.stringify('a\nb c\nd'.match(/\p{L}.\p{L}/gsu)));
t('multiline', () => JSON.stringify('a\nb\n1'.match(/^\p{L}$/gmu)));

// source, flags, toString and inspection show the pattern as written.
t('source', () => /\p{L}\/x[/]/u.source);
t('toString', () => String(/[\p{L}/]+/gu));
t('flags', () => /\p{L}/gimsuy.flags);
t('source newline', () => new RegExp('\\p{L}\n\u2028', 'u').source);
t('toString.call', () => RegExp.prototype.toString.call(new RegExp('\\P{Script=Greek}', 'u')));
t('template', () => `${/\p{N}/u}`);
t('inspect', () => require('util').inspect({ re: /\p{L}+/gu }));
console.log(/[\p{Lu}]/u);
t('plain source', () => [/a\/b/.source, /(?:)/.source, String(/x/g), new RegExp('x', 'g').source].join(' '));

// The constructor.
t('new', () => new RegExp('\\p{Lu}', 'u').test('É'));
t('call', () => RegExp('\\p{Lu}', 'u').test('É'));
t('flags object', () => new RegExp('\\p{N}', { toString: () => 'u' }).test('٣'));
t('from regexp', () => {
  const re = /\p{L}/gu;
  const copy = new RegExp(re);
  return [copy !== re, copy.source, copy.flags, copy.test('ж')].join();
});
t('from regexp, other flags', () => {
  const re = new RegExp(/\p{L}/u, 'iu');
  return [re.source, re.flags, re.test('ж')].join();
});
t('from regexp, no u', () => {
  const re = new RegExp(/\p{L}/u, 'g');
  return [re.source, re.flags, re.test('ж'), re.test('p{L}')].join();
});
t('RegExp(re)', () => {
  const re = /\p{L}/u;
  return [RegExp(re) === re, RegExp(re, 'u') === re, new RegExp(re) === re].join();
});
t('instanceof', () => [/\p{L}/u instanceof RegExp, /x/ instanceof RegExp, /\p{L}/u.constructor === RegExp,
  Object.getPrototypeOf(/\p{L}/u) === RegExp.prototype, /x/.constructor === RegExp].join());
t('toStringTag', () => Object.prototype.toString.call(/\p{L}/u));
t('statics', () => [RegExp.name, RegExp.length, typeof RegExp.prototype.exec, RegExp.prototype.constructor === RegExp,
  Object.keys(RegExp).length, Object.getOwnPropertyNames(RegExp.prototype).includes('source')].join());
t('descriptors', () => ['source', 'toString', 'compile'].map((k) => {
  const d = Object.getOwnPropertyDescriptor(RegExp.prototype, k);
  return [k, d.enumerable, d.configurable, typeof (d.get || d.value), (d.get || d.value).name, (d.get || d.value).length].join(':');
}).join(' '));
t('global descriptor', () => JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'RegExp'), (k, v) => (typeof v === 'function' ? v.name : v)));
t('subclass', () => {
  class Words extends RegExp {
    count(s) { return (s.match(this) || []).length; }
  }
  const w = new Words('\\p{L}+', 'gu');
  return [w instanceof Words, w instanceof RegExp, w.count('ab cd ef'), w.source, String(w),
    'x y'.split(w).length, Words[Symbol.species] === Words].join();
});
t('species subclass split', () => {
  class R extends RegExp {}
  return JSON.stringify('a1b2'.split(new R('\\p{N}', 'u')));
});
t('compile', () => {
  const re = /a/g;
  re.compile('\\p{N}+', 'u');
  const r1 = [re.test('٣'), re.source, re.flags];
  re.compile('b');
  return r1.concat([re.source, re.test('b')]).join();
});

// V8's SyntaxErrors.
for (const [src, flags] of [['\\p{Foo}', 'u'], ['[\\p{Foo}]', 'u'], ['\\p{L', 'u'], ['\\p{}', 'gu'], ['\\p{lu}', 'u'],
  ['\\p{ L}', 'u'], ['\\p{Script}', 'u'], ['\\p{Latin}', 'u'], ['\\p{gc=Foo}', 'u'], ['\\p{sc=Hrkt}', 'u'],
  ['[a-\\p{L}]', 'u'], ['[\\p{L}-z]', 'u'], ['[\\p{L}-\\p{N}]', 'ug'], ['[\\d-\\p{L}]', 'u'],
  ['\\p{L}', 'x'], ['\\P{any}', 'iu']]) {
  t('new RegExp(' + JSON.stringify(src) + ', ' + flags + ')', () => new RegExp(src, flags).test('a'));
}
