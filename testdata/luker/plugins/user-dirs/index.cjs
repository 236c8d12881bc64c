// Keeps per-user data in req.user.directories, as the plugins that store chats, characters or files
// for the logged-in user do.
const fs = require('node:fs');
const path = require('node:path');

module.exports = {
    info: { id: 'user-dirs', name: 'User directories', description: 'writes into req.user.directories' },
    async init(router) {
        router.get('/whoami', (req, res) => {
            const { profile, directories } = req.user;
            res.json({
                profile: { ...profile, created: typeof profile.created },
                profileKeys: Object.keys(profile),
                directoryKeys: Object.keys(directories),
                relative: Object.fromEntries(Object.entries(directories).map(([k, v]) => [k, path.relative(globalThis.DATA_ROOT, v)])),
                absolute: Object.values(directories).every((dir) => path.isAbsolute(dir)),
                allExist: Object.values(directories).every((dir) => fs.statSync(dir).isDirectory()),
            });
        });
        router.post('/chats/:name', (req, res) => {
            const file = path.join(req.user.directories.chats, `${req.params.name}.jsonl`);
            fs.appendFileSync(file, JSON.stringify(req.body) + '\n');
            res.json({ saved: path.relative(req.user.directories.root, file) });
        });
        router.get('/chats/:name', (req, res) => {
            const file = path.join(req.user.directories.chats, `${req.params.name}.jsonl`);
            if (!fs.existsSync(file)) return res.status(404).json({ error: 'no such chat' });
            res.json(fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line)));
        });
    },
};
