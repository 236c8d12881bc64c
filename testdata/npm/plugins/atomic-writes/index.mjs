// ES module plugin writing files atomically (temp file, fsync, rename) with write-file-atomic.
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export const info = { id: 'atomic-writes', name: 'Atomic writes', description: 'write-file-atomic' };

export async function init(router) {
    // The test names a fresh temporary directory in ?dir=.
    router.get('/write', async (req, res) => {
        const dir = String(req.query.dir);
        const asyncFile = path.join(dir, 'settings.json');
        await writeFileAtomic(asyncFile, JSON.stringify({ saved: 'async' }), { mode: 0o600 });
        await writeFileAtomic(asyncFile, JSON.stringify({ saved: 'async, replaced' }));
        const syncFile = path.join(dir, 'notes.txt');
        writeFileAtomic.sync(syncFile, 'Grüße\n', { encoding: 'utf8' });
        let missingDir;
        try {
            await writeFileAtomic(path.join(dir, 'missing', 'x.txt'), 'x');
        } catch (e) {
            missingDir = e.code;
        }
        res.json({
            files: fs.readdirSync(dir).sort(),
            async: JSON.parse(fs.readFileSync(asyncFile, 'utf8')),
            sync: fs.readFileSync(syncFile, 'utf8'),
            mode: (fs.statSync(asyncFile).mode & 0o777).toString(8),
            missingDir,
        });
    });
}
