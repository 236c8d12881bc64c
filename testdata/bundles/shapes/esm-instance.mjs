// An ES module whose default export is a class instance.
class Plugin {
    info = { id: 'esm-instance', name: 'ESM instance', description: 'export default new Plugin()' };
    init = async (router) => {
        router.get('/which', (req, res) => res.json({ which: 'esm-instance' }));
    };
}
export default new Plugin();
