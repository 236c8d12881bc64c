export const info = { id: 'type-module', name: 'type-module plugin', description: 'test plugin' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'esm by type' }));
}
