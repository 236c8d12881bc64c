// CommonJS plugin using lodash from the host's shared node_modules.
const _ = require('lodash');

const staff = [
    { name: 'ann', dept: 'eng', age: 41 },
    { name: 'bob', dept: 'ops', age: 29 },
    { name: 'cid', dept: 'eng', age: 35 },
    { name: 'dee', dept: 'sales', age: 29 },
];

module.exports = {
    info: { id: 'lodash-groups', name: 'Lodash groups', description: 'lodash collections, objects and templates' },
    async init(router) {
        router.get('/report', (req, res) => {
            const byDept = _.mapValues(_.groupBy(staff, 'dept'), (people) => _.map(people, 'name'));
            res.json({
                version: _.VERSION,
                byDept,
                byAge: _.map(_.sortBy(staff, ['age', 'name']), 'name'),
                chunks: _.chunk([1, 2, 3, 4, 5], 2),
                merged: _.merge({ a: { b: 1 } }, { a: { c: 2 } }),
                picked: _.pick(staff[0], ['name', 'age']),
                camel: _.camelCase('Foo Bar-baz'),
                kebab: _.kebabCase('fooBarBaz'),
                template: _.template('hi <%= user %>, <%- html %>')({ user: 'ann', html: '<b>' }),
                sum: _.sumBy(staff, 'age'),
                deepEqual: _.isEqual({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] }),
                debounce: typeof _.debounce(() => {}, 10).cancel,
            });
        });
    },
};
