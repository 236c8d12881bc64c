package unsupported_test

import "testing"

// Domains track the active domain as Node's do; intercept routes error-first errors to 'error'.
func TestDomain(t *testing.T) {
	got := eval(t, `
		const domain = require('domain');
		const d = domain.create();
		const out = [domain.active, process.domain];
		out.push(d.run((a, b) => [a + b, domain.active === d, process.domain === d], 1, 2));
		out.push(domain.active === undefined, process.domain === undefined);
		out.push(d.bind(function (x) { return [x, domain.active === d]; })(5));
		const errors = [];
		d.on('error', (e) => errors.push([e.message, e.domain === d, e.domainThrown]));
		const cb = d.intercept((x) => 'got ' + x);
		out.push(cb(null, 7), cb(new Error('boom')), errors);
		const ee = domain.create(); // an EventEmitter
		d.add(ee);
		out.push(ee.domain === d, d.members.length);
		d.remove(ee);
		out.push(ee.domain, d.members.length, typeof domain.Domain, domain.createDomain === domain.create);
		out`)
	want := `[null,null,[3,true,true],true,true,[5,true],"got 7",null,[["boom",true,false]],true,1,null,0,"function",true]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
