async function* numbers() { yield 1; yield 2; yield 3; }
export const info = { id: 'esm-lowered', name: 'Lowered', description: 'syntax goja lacks' };
export async function init(router) {
    router.get('/lowered', async (req, res) => {
        let sum = 0;
        for await (const n of numbers()) sum += n;
        const { dyn } = await import('./lib/dyn.mjs');
        res.json({ sum, dyn });
    });
}
