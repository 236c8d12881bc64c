// As class-methods.js, but init uses `this`: called without it, as Luker calls it, init throws.
class Plugin {
    constructor() {
        this.info = { id: 'class-methods-this', name: 'Class methods using this', description: 'init reads this' };
        this.routes = ['/which'];
    }
    async init(router) {
        for (const path of this.routes) router.get(path, (req, res) => res.json({ which: 'class-methods-this' }));
    }
}
module.exports = new Plugin();
