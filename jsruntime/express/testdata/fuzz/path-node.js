// Records path-node.golden: for each [path, requestPath, opts] of path-cases.jsonl, what
// path-to-regexp 0.1.13 (Luker's lock, installed in conformance/host) builds for the Express path
// with opts bit 1 sensitive, 2 strict, 4 not end: the source before new RegExp, flags, keys as
// [name, optional, offset], and the match on the request path; or the error new RegExp throws.
const path = require('path');
const fs = require('fs');
const Native = RegExp;
let raw;
function Capture(pattern, flags) {
  raw = pattern;
  return new Native(pattern, flags);
}
Capture.prototype = Native.prototype;
global.RegExp = Capture;
const pathToRegexp = require(path.join(__dirname, '../../../../conformance/host/node_modules/path-to-regexp'));
for (const line of fs.readFileSync(path.join(__dirname, 'path-cases.jsonl'), 'utf8').split('\n')) {
  if (!line) continue;
  const [pattern, requestPath, opts] = JSON.parse(line);
  let out;
  try {
    const keys = [];
    const re = pathToRegexp(pattern, keys, {sensitive: !!(opts & 1), strict: !!(opts & 2), end: !(opts & 4)});
    const m = re.exec(requestPath);
    out = {source: raw, flags: re.flags, keys: keys.map(k => [k.name, k.optional, k.offset]),
      match: m && Array.from(m, x => x === undefined ? null : x)};
  } catch (e) {
    out = {error: e.name};
  }
  console.log(JSON.stringify(out));
}
