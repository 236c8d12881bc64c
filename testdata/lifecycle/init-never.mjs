export const info = { id: 'init-never', name: 'x', description: 'x' };
export function init(router) {
    router.get('/x', (req, res) => res.end());
    return new Promise(() => {});
}
