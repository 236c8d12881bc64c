// A class instance as module.exports, its info, init and exit being fields.
class Plugin {
    info = { id: 'class-fields', name: 'Class fields', description: 'info, init and exit are instance fields' };
    greeting = 'fields';
    init = async (router) => {
        router.get('/which', (req, res) => res.json({ which: 'class-fields', greeting: this.greeting }));
    };
    exit = async () => {};
}
module.exports = new Plugin();
