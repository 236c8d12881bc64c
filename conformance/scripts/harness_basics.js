// Checks the runner itself: sync output, awaited async output and a reported rejection.
console.log('sync', 1, { a: [1, 'two'] });
module.exports = async function main() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('after timer', typeof process.env.SCRIPT_TMPDIR);
  await Promise.reject(Object.assign(new Error('boom'), { code: 'E_TEST' }));
};
