export const info = { id: 'late-routes', name: 'Late', description: 'routes added after init settled' };
export async function init(router) {
    // Registered from a timer, after init's promise settled: the router was empty then, so it is
    // never mounted (Luker checks router.stack.length once, when init settles).
    setTimeout(() => router.get('/late', (req, res) => res.json({ late: true })), 0);
}
