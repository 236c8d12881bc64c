// A plugin carrying its own body-parser 1.x, as the SillyTavern webpack template bundles it.
import bodyParser from 'body-parser';
import { register } from './routes.js';

export const info = { id: 'body-parser-1', name: 'Bundled body-parser 1.x', description: 'body-parser 1.x inlined in the bundle' };

export async function init(router) {
    register(router, bodyParser);
}
