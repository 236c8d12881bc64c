export const info = { id: 'init-throws-falls-through', name: 'init-throws-falls-through plugin', description: 'test plugin' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.mjs' }));
}
