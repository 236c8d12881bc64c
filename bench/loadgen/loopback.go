package main

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// This machine may only put load on itself. The target is checked twice: its
// URL must name a loopback host, and every connection is checked again after
// name resolution (see dialControl), so neither /etc/hosts nor a redirect can
// send traffic elsewhere.

// checkTarget accepts http URLs whose host is localhost or a loopback IP.
func checkTarget(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" {
		return nil, fmt.Errorf("target %q: only http:// is supported", raw)
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return u, nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("target %q: host %q is not a loopback address (127.0.0.0/8, ::1, localhost)", raw, host)
	}
	return u, nil
}

// dialControl runs before each connect with the resolved address and refuses
// anything but loopback.
func dialControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if !ap.Addr().Unmap().IsLoopback() {
		return &net.AddrError{Err: "refusing non-loopback address", Addr: address}
	}
	return nil
}
