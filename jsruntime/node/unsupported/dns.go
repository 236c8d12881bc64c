package unsupported

import (
	"context"
	"net"
	"sort"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// lookup is dns.lookup's resolution: lookup(hostname, family, order) returns a promise, settled on the
// loop, of the addresses in the requested order, or rejected with Node's error (nodeerr.LookupError)
// when the name does not resolve. The host's resolver (Go's, reading /etc/hosts and the system's DNS
// configuration) runs off the loop and stops when the plugin stops. The plugin's policy may refuse the
// name (policy.Gate.CheckLookup): a lookup can carry data out in the name it asks for.
func lookup(rt *jsruntime.Runtime, call goja.FunctionCall) goja.Value {
	host := call.Argument(0).String()
	network := "ip"
	switch call.Argument(1).ToInteger() {
	case 4:
		network = "ip4"
	case 6:
		network = "ip6"
	}
	order := call.Argument(2).String()
	gate := policy.For(rt)
	p := rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
		err := gate.Wait(ctx)
		if err == nil {
			err = gate.CheckLookup(host)
		}
		if err != nil {
			return func(*goja.Runtime) (goja.Value, error) { return nil, err }
		}
		ips, err := net.DefaultResolver.LookupIP(ctx, network, host)
		return func(vm *goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, nodeerr.LookupError(err, host)
			}
			addrs := make([]any, len(ips))
			for i, ip := range sortIPs(ips, order) {
				addrs[i] = ip.String()
			}
			return vm.NewArray(addrs...), nil
		}
	})
	return rt.VM().ToValue(p)
}

// sortIPs applies dns.lookup's order: verbatim keeps the resolver's order; ipv4first and ipv6first
// move one family ahead, keeping the order within each.
func sortIPs(ips []net.IP, order string) []net.IP {
	if order != "ipv4first" && order != "ipv6first" {
		return ips
	}
	v4First := order == "ipv4first"
	sort.SliceStable(ips, func(i, j int) bool {
		a, b := ips[i].To4() != nil, ips[j].To4() != nil
		if v4First {
			return a && !b
		}
		return !a && b
	})
	return ips
}
