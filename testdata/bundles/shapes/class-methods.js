// A class instance whose init and exit are prototype methods. Luker calls init(router) as a plain
// function, so these methods must not rely on `this`.
class Plugin {
    get info() {
        return { id: 'class-methods', name: 'Class methods', description: 'init and exit are prototype methods' };
    }
    async init(router) {
        router.get('/which', (req, res) => res.json({ which: 'class-methods', thisIsUndefined: this === undefined }));
    }
    async exit() {}
}
module.exports = new Plugin();
