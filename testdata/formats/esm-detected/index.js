export const info = { id: 'esm-detected', name: 'esm-detected plugin', description: 'test plugin' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'esm by syntax' }));
}
