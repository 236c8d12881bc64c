export const info = { id: 'esm-dual', name: 'Dual', description: 'exports both ways' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'esm', moduleType: typeof module }));
}
if (typeof module !== 'undefined') {
    module.exports = { info: { id: 'esm-dual-cjs', name: 'Dual CJS', description: 'x' }, init };
}
