// Records qs-node.golden: for each query of qs-queries.jsonl (one JSON string a line), what qs 6.14.2
// (Luker's lock, installed in conformance/host) parses with Express's options and with small limits.
const path = require('path');
const fs = require('fs');
const qs = require(path.join(__dirname, '../../../../conformance/host/node_modules/qs'));
const small = {depth: 2, parameterLimit: 5, arrayLimit: 3};
for (const line of fs.readFileSync(path.join(__dirname, 'qs-queries.jsonl'), 'utf8').split('\n')) {
  if (!line) continue;
  const q = JSON.parse(line);
  console.log(JSON.stringify(qs.parse(q, {allowPrototypes: true})));
  console.log(JSON.stringify(qs.parse(q, {allowPrototypes: true, ...small})));
}
