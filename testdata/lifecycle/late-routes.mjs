export const info = { id: 'late-routes', name: 'Late', description: 'routes after await' };
export async function init(router) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    router.get('/late', (req, res) => res.json({ late: true }));
}
