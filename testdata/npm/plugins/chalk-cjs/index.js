// CommonJS plugin requiring chalk@5, an ESM-only package, as current Node allows.
const chalkModule = require('chalk');

const chalk = chalkModule.default;
const { Chalk, supportsColor } = chalkModule;

module.exports = {
    info: { id: 'chalk-cjs', name: 'Chalk from CommonJS', description: 'chalk@5 required from CommonJS' },
    async init(router) {
        router.get('/colors', (req, res) => {
            const forced = new Chalk({ level: 1 });
            res.json({
                level: chalk.level,
                supportsColor,
                plain: chalk.red.bold('alert'),
                forced: forced.red('x'),
                nested: forced.green(`a${forced.underline('b')}c`),
                truecolor: new Chalk({ level: 3 }).hex('#ff8800')('o'),
            });
        });
    },
};
