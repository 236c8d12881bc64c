// plugins/hello-world/index.mjs
export const info = {
    id: 'hello-world',
    name: 'Hello World',
    description: 'A minimal server plugin example',
};

export async function init(router) {
    router.get('/hello', (req, res) => {
        res.json({ message: 'Hello from server plugin!', time: new Date().toISOString() });
    });

    console.log(`[${info.id}] Plugin loaded.`);
}
