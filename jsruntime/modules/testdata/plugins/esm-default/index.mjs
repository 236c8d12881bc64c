const info = { id: 'esm-default' };
async function init(router) {}
async function exit() {}
export default { info, init, exit };
