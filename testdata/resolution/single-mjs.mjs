export const info = { id: 'single-mjs', name: 'single-mjs plugin', description: 'test plugin' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'single-mjs.mjs' }));
}
