const info = { id: 'esm-default', name: 'Default', description: 'export default object' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'default export' }));
}
async function exit() {}
export default { info, init, exit };
