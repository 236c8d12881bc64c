// Runs a scenario's cases one after another; every case gets a timer turn afterwards, so all the
// events it caused have fired before the next case starts.
'use strict';

function settle() {
  return new Promise((resolve) => setTimeout(resolve, 2));
}

async function run(cases) {
  for (const c of cases) {
    console.log('## ' + c.name);
    try {
      await c();
    } catch (err) {
      console.log('case threw', err && err.code, err && err.message);
    }
    await settle();
  }
}

// logEvents logs the named events of a stream, prefixed with its label.
function logEvents(label, stream, names) {
  for (const name of names) {
    stream.on(name, (arg) => {
      let shown = '';
      if (arg instanceof Error) shown = ' ' + (arg.code || arg.name) + ' ' + arg.message;
      else if (name === 'data') shown = ' ' + show(arg);
      console.log(label, name + shown);
    });
  }
}

// show renders a chunk the same way in both runtimes.
function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Buffer.isBuffer(v)) return '<Buffer ' + v.toString('hex') + '>';
  return JSON.stringify(v);
}

module.exports = { run, settle, logEvents, show };
