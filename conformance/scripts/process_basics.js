// The process object's identity and the members bundles probe at load time.
console.log(Object.prototype.toString.call(process), String(process.title).length > 0);
console.log(typeof process.nextTick, typeof process.on, typeof process.emit, typeof process.hrtime.bigint);
console.log(process.platform === require('os').platform(), process.arch === require('os').arch());
console.log(process.version.startsWith('v20.'), process.versions.node.split('.')[0], typeof process.versions.v8);
console.log(typeof process.cwd(), typeof process.uptime(), typeof process.memoryUsage().heapUsed);
console.log(process.env.SCRIPT_TMPDIR !== undefined, 'HOME' in process.env === false || typeof process.env.HOME);
console.log(process.release.name, typeof process.exitCode, process.argv.length >= 1);
module.exports = async function main() {
  const order = [];
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('promise'));
  queueMicrotask(() => order.push('microtask'));
  await new Promise((r) => setTimeout(r, 1));
  console.log(order.join(','));
};
