// Awaited-routes fixture: routes registered after an await inside init still count, because the
// loader checks router.stack once init's promise has settled.
export const info = { id: 'awaited', name: 'Awaited fixture', description: 'Adds its route after an await' };

export async function init(router) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    router.get('/hello', (req, res) => res.send('registered after await'));
}
