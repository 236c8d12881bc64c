export const info = { id: 'late-extra', name: 'Late extra', description: 'one route before await, one after' };
export async function init(router) {
    router.get('/early', (req, res) => res.json({ early: true }));
    await new Promise((resolve) => setTimeout(resolve, 1));
    // Still before init settles, so Luker mounts it too.
    router.get('/after', (req, res) => res.json({ after: true }));
}
