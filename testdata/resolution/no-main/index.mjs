export const info = { id: 'no-main', name: 'no-main plugin', description: 'test plugin' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.mjs' }));
}
