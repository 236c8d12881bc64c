// Runs one scenario under Node: node run.js <scenario.js> <env JSON>. The Go test records Node's
// output as the scenario's golden file with -update.
const scenario = require(process.argv[2]);
const env = JSON.parse(process.argv[3]);
Promise.resolve(scenario(env, (...args) => console.log(...args))).then(
  () => setTimeout(() => process.exit(0), 50),
  (err) => { console.log('scenario failed:', err && err.stack); process.exit(1); });
