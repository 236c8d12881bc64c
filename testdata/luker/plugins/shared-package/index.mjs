// Uses packages it does not install: Luker's root node_modules has them (write-file-atomic, and chalk,
// which is ESM only).
import path from 'node:path';

import { Chalk } from 'chalk';
import writeFileAtomic from 'write-file-atomic';

export const info = { id: 'shared-package', name: 'Shared packages', description: 'imports packages from the host node_modules' };

export async function init(router) {
    router.post('/note', async (req, res) => {
        const file = path.join(req.user.directories.files, 'note.txt');
        await writeFileAtomic(file, req.body.text);
        writeFileAtomic.sync(file + '.bak', req.body.text.toUpperCase());
        res.json({ saved: path.relative(globalThis.DATA_ROOT, file) });
    });
    router.get('/color', (req, res) => res.json({ red: new Chalk({ level: 1 }).red('x') }));
}
