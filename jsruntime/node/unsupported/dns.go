package unsupported

import (
	"context"
	"errors"
	"net"
	"sort"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// getaddrinfo's error numbers as libuv reports them, with the codes Node gives them.
var lookupErrnos = map[string]int{
	"ENOTFOUND": -3008, // UV_EAI_NONAME
	"EAI_AGAIN": -3001,
	"EAI_FAIL":  -3004,
}

// lookup is dns.lookup's resolution: lookup(hostname, family, order) returns a promise, settled on the
// loop, of {addresses} in the requested order, or {code, errno} when the name does not resolve. The
// host's resolver (Go's, reading /etc/hosts and the system's DNS configuration) runs off the loop
// and stops when the plugin stops.
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
	p := rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
		ips, err := net.DefaultResolver.LookupIP(ctx, network, host)
		return func(vm *goja.Runtime) (goja.Value, error) {
			result := vm.NewObject()
			if err != nil {
				code := lookupCode(err)
				_ = result.Set("code", code)
				_ = result.Set("errno", lookupErrnos[code])
				return result, nil
			}
			addrs := make([]any, len(ips))
			for i, ip := range sortIPs(ips, order) {
				addrs[i] = ip.String()
			}
			_ = result.Set("addresses", vm.NewArray(addrs...))
			return result, nil
		}
	})
	return rt.VM().ToValue(p)
}

// lookupCode is the getaddrinfo error code Node reports for a failed lookup.
func lookupCode(err error) string {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		switch {
		case dnsErr.IsNotFound:
			return "ENOTFOUND"
		case dnsErr.IsTimeout, dnsErr.IsTemporary:
			return "EAI_AGAIN"
		}
	}
	var addrErr *net.AddrError
	if errors.As(err, &addrErr) {
		// "no suitable address": the name exists but has no address of the requested family.
		return "ENOTFOUND"
	}
	return "EAI_FAIL"
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
