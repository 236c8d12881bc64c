// A plugin carrying its own body-parser 2.x.
import bodyParser from 'body-parser-2';
import { register } from './routes.js';

export const info = { id: 'body-parser-2', name: 'Bundled body-parser 2.x', description: 'body-parser 2.x inlined in the bundle' };

export async function init(router) {
    register(router, bodyParser);
}
