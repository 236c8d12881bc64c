// node:domain: the active domain through run, bind, intercept, enter and exit, members, and
// intercept's error-first errors. (pluginhost's domains do not catch thrown errors, so no case throws
// inside a domain expecting it to be caught.)
const domain = require('domain');
const EE = require('events');
const d = domain.create();
console.log(Object.getOwnPropertyNames(domain).sort().join(), Object.getOwnPropertyNames(domain.Domain.prototype).sort().join());
console.log(Object.keys(d).join(), d instanceof EE, domain.active, domain._stack.length, domain.createDomain === domain.create, process.domain);
console.log(d.run((a, b) => a + b, 1, 2), domain.active, process.domain);
d.run(() => { console.log('inside', domain.active === d, process.domain === d, domain._stack.length); });
const bound = d.bind(function (x) { return [this === undefined || this === globalThis, x, domain.active === d]; });
console.log(JSON.stringify(bound(5)), domain.active);
const ic = d.intercept((x, y) => 'got ' + x + y);
console.log(ic(null, 7, 8));
d.on('error', (e) => console.log('domain error', e.message, e.domain === d, e.domainThrown, e.domainBound !== undefined));
console.log(ic(new Error('intercepted')));
const e = new EE();
d.add(e); console.log(d.members.length, e.domain === d);
d.remove(e); console.log(d.members.length, e.domain);
d.enter(); console.log(domain.active === d, domain._stack.length); d.exit(); console.log(domain.active, domain._stack.length);
console.log(typeof d.dispose, d.run.length, d.bind.length, d.intercept.length, d.add.length);
console.log(typeof d.bind(5));
try { d.run(() => { throw new Error('thrown in run'); }); } catch (err) { console.log('propagates', err.message, domain.active === d); }
d.exit();
console.log(domain.active, process.domain);
