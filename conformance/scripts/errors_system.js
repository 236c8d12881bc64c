// System errors (nodeerr.SystemError) as each module reports them: message, own keys and values for
// file system calls, a refused connection (http and fetch; fetch refuses port 1 itself) and a failed
// name lookup.
const fs = require('fs');
const http = require('http');
const dns = require('dns');
const path = require('path');

// show prints an error's name, message, own keys and their values, with the temporary directory cut out.
const show = (label, e) => {
  const line = [e.name, e.message, Object.keys(e).join(','), Object.values(e).join(',')].join('|');
  console.log(label, line.split(process.env.SCRIPT_TMPDIR + path.sep).join(''));
};

module.exports = async function main() {
  const dir = process.env.SCRIPT_TMPDIR;
  const missing = path.join(dir, 'missing');
  try { fs.openSync(missing); } catch (e) { show('open', e); }
  try { fs.renameSync(missing, path.join(dir, 'other')); } catch (e) { show('rename', e); }
  try { fs.readSync(987654, Buffer.alloc(1)); } catch (e) { show('read fd', e); }
  fs.mkdirSync(path.join(dir, 'd'));
  try { fs.readFileSync(path.join(dir, 'd')); } catch (e) { show('read dir', e); }
  await fs.promises.readFile(missing).catch((e) => show('promise', e));
  await new Promise((resolve) => fs.stat(missing, (e) => { show('callback', e); resolve(); }));

  await new Promise((resolve) => {
    http.get('http://127.0.0.1:1/').on('error', (e) => { show('http', e); resolve(); });
  });
  await fetch('http://127.0.0.1:2/').catch((e) => show('fetch cause', e.cause));

  await new Promise((resolve) => dns.lookup('nothing.invalid', (e) => { show('lookup', e); resolve(); }));
  await dns.promises.lookup('nothing.invalid', { family: 4 }).catch((e) => show('lookup promise', e));
};
