// Unicode property escapes, which pluginhost's RegExp translates: /letters answers as in Node,
// {"letters":true,"words":["a1","b2"]}. Go's Unicode tables lack \p{Emoji}: a warning names its line
// at load, and /emoji fails with a SyntaxError where Node answers. The comment /\p{Emoji}/u and the
// string below must not be reported.
const note = 'a string that mentions /\\p{Emoji}/u';
const LETTERS = /^\p{L}+$/u;
const WORD = /[\p{L}\p{N}_]+/gu;

module.exports = {
    info: { id: 'property-escapes', name: 'Property escapes', description: 'uses \\p{L}' },
    init(router) {
        router.get('/letters', (req, res) => res.json({ letters: LETTERS.test('héllo'), words: 'a1 b2'.match(WORD) }));
        router.get('/emoji', (req, res) => res.json({ emoji: /^\p{Emoji}$/u.test('😀') }));
    },
};
