globalThis.__count = (globalThis.__count || 0) + 1;
module.exports = globalThis.__count;
