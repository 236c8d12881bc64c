// Echoes the request's markers through a child process and fs.watch; /linger leaves resources running
// for the host's Close to stop.
const { execFile, spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');

module.exports = {
  info: { id: 'resources', name: 'Resources', description: 'child processes and watchers' },
  init(router) {
    router.post('/exec', (req, res) => {
      execFile('printf', ['%s %s %s', req.query.m, req.get('x-marker'), req.body.m], (err, stdout) => {
        if (err) return res.status(500).json({ error: String(err) });
        const [query, header, body] = stdout.split(' ');
        res.json({ query, header, body });
      });
    });
    // Watches the scratch directory until a file named after the marker appears in it. The file is
    // written under another name and renamed, so that it is complete when its name appears.
    router.post('/watch', (req, res) => {
      const name = `${req.body.m}.txt`;
      const watcher = fs.watch(process.env.SCRATCH, (event, filename) => {
        if (filename !== name) return;
        watcher.close();
        fs.readFile(path.join(process.env.SCRATCH, name), 'utf8', (err, text) => {
          if (err) return res.status(500).json({ error: String(err) });
          fs.unlink(path.join(process.env.SCRATCH, name), () => res.json(JSON.parse(text)));
        });
      });
      const text = JSON.stringify({ query: req.query.m, header: req.get('x-marker'), body: req.body.m });
      const partial = path.join(process.env.SCRATCH, `${req.body.m}.partial`);
      fs.promises.writeFile(partial, text).then(() => fs.promises.rename(partial, path.join(process.env.SCRATCH, name)));
    });
    // Starts what a careless plugin leaves behind: an interval, a long timer, a watcher, a file
    // poller, long child processes (one with its stdin open and its output piped), a half-written gzip
    // stream, requests the upstream never answers (fetch, http.get) and a fetch whose streamed body
    // never ends. It answers with the children's pids.
    router.get('/linger', (req, res) => {
      setInterval(() => {}, 5);
      setTimeout(() => {}, 3600e3);
      fs.watch(process.env.SCRATCH, () => {});
      fs.watchFile(path.join(process.env.SCRATCH, 'polled'), { interval: 10 }, () => {});
      const sleeper = spawn('sleep', ['3600']);
      const cat = spawn('cat');
      cat.stdout.on('data', () => {});
      cat.stdin.write('kept open');
      const gzip = zlib.createGzip();
      gzip.on('data', () => {});
      gzip.write('never ended');
      fetch(`${process.env.UPSTREAM}/hang`).catch(() => {});
      http.get(`${process.env.UPSTREAM}/hang`).on('error', () => {});
      const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"m":')); } });
      fetch(`${process.env.UPSTREAM}/echo`, { method: 'POST', body, duplex: 'half' }).catch(() => {});
      res.json({ pids: [sleeper.pid, cat.pid] });
    });
  },
};
