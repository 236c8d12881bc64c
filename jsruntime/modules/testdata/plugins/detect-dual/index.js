export const info = { id: 'dual' };
export function init() {}
const plugin = { info, init, marker: 'cjs-path' };
if (typeof module !== 'undefined') module.exports = plugin;
