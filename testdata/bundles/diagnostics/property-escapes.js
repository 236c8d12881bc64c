// Loads, but its property escapes never match in goja: /letters answers {"letters":false}, where
// Node answers true. The comment /\p{L}/u and the string below must not be reported.
const note = 'a string that mentions /\\p{L}/u';
const LETTERS = /^\p{L}+$/u;
const WORD = /[\p{L}\p{N}_]+/gu;

module.exports = {
    info: { id: 'property-escapes', name: 'Property escapes', description: 'uses \\p{L}' },
    init(router) {
        router.get('/letters', (req, res) => res.json({ letters: LETTERS.test('héllo'), words: 'a1 b2'.match(WORD) }));
    },
};
