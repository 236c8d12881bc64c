// A plugin without a policy: unrestricted, as in Luker, once its id is known.
const fs = require('fs');
const path = require('path');
const cp = require('child_process');

module.exports = {
  info: { id: 'free', name: 'Free', description: 'runs without a policy' },
  init(router) {
    router.get('/try', async (req, res) => {
      const secret = fs.readFileSync(path.join(__dirname, '..', 'outside', 'secret.txt'), 'utf8').trim();
      const ran = String(cp.execSync('echo ran')).trim();
      const fetched = await fetch(req.query.url).then((r) => r.text());
      res.json({ secret, ran, fetched });
    });
  },
};
