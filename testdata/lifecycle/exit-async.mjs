export const info = { id: 'exit-async', name: 'x', description: 'x' };
export async function init(router) { router.get('/x', (req, res) => res.json({ ok: true })); }
export async function exit() {
    await new Promise((resolve) => setTimeout(resolve, 1));
    console.log('exit-async exit finished');
}
