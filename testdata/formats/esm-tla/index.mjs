export const info = { id: 'esm-tla', name: 'TLA', description: 'top-level await' };
const value = await Promise.resolve(1);
export async function init(router) { router.get('/v', (req, res) => res.json({ value })); }
