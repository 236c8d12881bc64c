package os

import (
	"net"
	"strconv"

	"github.com/dop251/goja"
)

// networkInterfaces maps each interface name to its addresses as Node lists them. An interface that
// cannot be read is left out rather than failing the call.
func networkInterfaces(vm *goja.Runtime) goja.Value {
	result := vm.NewObject()
	ifaces, err := net.Interfaces()
	if err != nil {
		return result
	}
	for _, iface := range ifaces {
		addrs, err := iface.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		mac := iface.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		internal := iface.Flags&net.FlagLoopback != 0
		var list []any
		for _, a := range addrs {
			ipnet, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			list = append(list, address(vm, ipnet, mac, internal, iface.Index))
		}
		if len(list) > 0 {
			_ = result.Set(iface.Name, vm.NewArray(list...))
		}
	}
	return result
}

// address is one entry of networkInterfaces(). IPv6 entries carry scopeid: the interface index for
// link-local addresses, whose meaning depends on the interface, and 0 for the others.
func address(vm *goja.Runtime, ipnet *net.IPNet, mac string, internal bool, index int) *goja.Object {
	ones, _ := ipnet.Mask.Size()
	if ip4 := ipnet.IP.To4(); ip4 != nil {
		mask := ipnet.Mask
		if len(mask) == net.IPv6len {
			mask = mask[12:]
		}
		return object(vm, "address", ip4.String(), "netmask", net.IP(mask).String(), "family", "IPv4",
			"mac", mac, "internal", internal, "cidr", ip4.String()+"/"+strconv.Itoa(ones))
	}
	scope := 0
	if ipnet.IP.IsLinkLocalUnicast() {
		scope = index
	}
	return object(vm, "address", ipnet.IP.String(), "netmask", net.IP(ipnet.Mask).String(), "family", "IPv6",
		"mac", mac, "internal", internal, "cidr", ipnet.IP.String()+"/"+strconv.Itoa(ones), "scopeid", scope)
}
