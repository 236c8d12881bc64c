// The v flag (set notation): goja throws a SyntaxError when the expression is created, here at load.
export const info = { id: 'set-notation', name: 'Set notation', description: 'uses the v flag' };

const consonant = /[\p{L}--[aeiou]]/v;

export function init(router) {
    router.get('/c', (req, res) => res.json({ c: consonant.test('b') }));
}
