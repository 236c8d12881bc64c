// Empty-router fixture: init registers nothing, so the router is never mounted (Luker's
// router.stack.length check) and every request under its prefix gets the host's 404.
module.exports = {
    info: { id: 'empty', name: 'Empty fixture', description: 'Registers no routes' },
    init() {},
};
