// Late-routes fixture: routes added after init has settled do not count, so the router is never
// mounted even though it has a route by the time requests arrive.
export const info = { id: 'late', name: 'Late fixture', description: 'Adds its route from a timer' };

export async function init(router) {
    setTimeout(() => router.get('/hello', (req, res) => res.send('too late')), 0);
}
