import fs from 'node:fs';
import path from 'path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const __filename = fileURLToPath(import.meta.url);
const __dirname = path.dirname(__filename);
const module = { name: 'not the CommonJS module' };
const helper = require('./lib/helper.cjs');

export const info = { id: 'esm-meta', name: 'Meta', description: 'import.meta and shadowed names' };
export async function init(router) {
    router.get('/meta', (req, res) => res.json({
        url: import.meta.url,
        dirname: import.meta.dirname,
        filename: import.meta.filename,
        myDirname: __dirname,
        myFilename: __filename,
        moduleName: module.name,
        answer: helper.answer,
        selfExists: fs.existsSync(__filename),
    }));
}
