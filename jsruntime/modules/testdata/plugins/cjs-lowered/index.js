async function* gen() { yield 1; yield 2; }
async function collect() {
  const out = [];
  for await (const x of gen()) out.push(x);
  return out.join(',');
}
module.exports = { collect, dyn: () => import('./dep.js').then((m) => m.default + '/' + typeof m) };
