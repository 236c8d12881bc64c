// Named info and init are read before the default export's (plugin.info || plugin.default?.info).
export const info = { id: 'esm-named', name: 'ESM named', description: 'named exports win' };
export async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'named' }));
}
export default {
    info: { id: 'esm-default', name: 'ESM default', description: 'never read' },
    async init(router) {
        router.get('/which', (req, res) => res.json({ which: 'default' }));
    },
};
