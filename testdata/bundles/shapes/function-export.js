// module.exports is a function that carries info and init.
function plugin() {}
plugin.info = { id: 'function-export', name: 'Function export', description: 'module.exports is a function' };
plugin.init = function (router) {
    router.get('/which', (req, res) => res.json({ which: 'function-export' }));
};
module.exports = plugin;
