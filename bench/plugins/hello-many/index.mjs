// Workload 7: the spec's hello-world plugin, with its id taken from its folder's name so that the
// benchmark can serve twenty copies of it side by side.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const info = {
    id: path.basename(path.dirname(fileURLToPath(import.meta.url))),
    name: 'Hello World',
    description: 'A minimal server plugin example',
};

export async function init(router) {
    router.get('/hello', (req, res) => {
        res.json({ message: 'Hello from server plugin!', time: new Date().toISOString() });
    });

    console.log(`[${info.id}] Plugin loaded.`);
}
