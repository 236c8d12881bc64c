package http

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// pools tracks the connections of a runtime's keep-alive agents: their idle connections are closed
// when the runtime stops.
type pools struct {
	mu   sync.Mutex
	live map[*conns]struct{}
}

func newPools(rt *jsruntime.Runtime) *pools {
	p := &pools{live: map[*conns]struct{}{}}
	rt.OnClose(func() {
		p.mu.Lock()
		live := p.live
		p.live = map[*conns]struct{}{}
		p.mu.Unlock()
		for c := range live {
			c.closeIdle()
		}
	})
	return p
}

// agentOptions are the Agent fields that shape its transports.
type agentOptions struct {
	keepAlive      bool
	maxSockets     int           // per host; 0 is no limit
	maxFreeSockets int           // idle per host
	idleTimeout    time.Duration // 0 keeps idle connections until the server closes them
}

// agent is the Go side of one JS Agent.
type agent struct {
	opts  agentOptions
	conns *conns
}

// conns are an agent's transports, one per set of connection options (TLS options, unix socket,
// family, local address), since Node's agents key their pools by those too.
type conns struct {
	mu         sync.Mutex
	transports map[transportKey]*http.Transport
}

// transportKey is what makes two requests unable to share connections.
type transportKey struct {
	socketPath    string
	family        int    // 4 or 6 restricts the addresses dialled; 0 allows both
	localAddress  string // the local IP to connect from; "" lets the system choose
	maxHeaderSize int64
	tls           tlsOptions
}

// tlsOptions are the TLS options a request or its agent gives (PEM text for ca, cert and key).
type tlsOptions struct {
	verify     bool
	ca         string
	cert, key  string
	servername string
}

// newAgent is natives.agent({keepAlive, maxSockets, maxFreeSockets, timeout}).
func (p *pools) newAgent(vm *goja.Runtime, o *goja.Object) goja.Value {
	a := &agent{conns: &conns{transports: map[transportKey]*http.Transport{}}}
	a.opts.keepAlive = o.Get("keepAlive").ToBoolean()
	a.opts.maxSockets = int(o.Get("maxSockets").ToInteger())
	a.opts.maxFreeSockets = int(o.Get("maxFreeSockets").ToInteger())
	if ms := o.Get("timeout").ToFloat(); ms > 0 {
		a.opts.idleTimeout = time.Duration(ms * float64(time.Millisecond))
	}
	if a.opts.keepAlive {
		p.mu.Lock()
		p.live[a.conns] = struct{}{}
		p.mu.Unlock()
	}
	return vm.ToValue(a)
}

// Close closes the agent's idle connections (agent.destroy()); it stays usable.
func (a *agent) Close() { a.conns.closeIdle() }

func (c *conns) closeIdle() {
	c.mu.Lock()
	ts := make([]*http.Transport, 0, len(c.transports))
	for _, t := range c.transports {
		ts = append(ts, t)
	}
	c.mu.Unlock()
	for _, t := range ts {
		t.CloseIdleConnections()
	}
}

// transport returns the agent's transport for k, making it on first use.
func (a *agent) transport(k transportKey) (*http.Transport, error) {
	c := a.conns
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.transports[k]; ok {
		return t, nil
	}
	t := &http.Transport{
		// Node's http never consults proxy variables, decompresses or speaks HTTP/2.
		Proxy:                  nil,
		DisableCompression:     true,
		TLSNextProto:           map[string]func(string, *tls.Conn) http.RoundTripper{},
		DisableKeepAlives:      !a.opts.keepAlive,
		MaxConnsPerHost:        a.opts.maxSockets,
		MaxIdleConnsPerHost:    a.opts.maxFreeSockets,
		IdleConnTimeout:        a.opts.idleTimeout,
		MaxResponseHeaderBytes: k.maxHeaderSize,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dial(ctx, network, addr, k)
		},
	}
	if k.maxHeaderSize <= 0 {
		t.MaxResponseHeaderBytes = 16384
	}
	dialTLS, err := tlsDialer(k)
	if err != nil {
		return nil, err
	}
	t.DialTLSContext = dialTLS
	c.transports[k] = t
	return t, nil
}

// dial connects to addr as k says: over its unix socket when it has one, else over TCP from its
// local address and in its address family.
func dial(ctx context.Context, network, addr string, k transportKey) (net.Conn, error) {
	var d net.Dialer
	if k.socketPath != "" {
		return d.DialContext(ctx, "unix", k.socketPath)
	}
	// As in Node, the family only chooses among the addresses a name resolves to.
	if host, _, err := net.SplitHostPort(addr); err == nil && net.ParseIP(host) == nil {
		switch k.family {
		case 4:
			network = "tcp4"
		case 6:
			network = "tcp6"
		}
	}
	if ip := net.ParseIP(k.localAddress); ip != nil {
		d.LocalAddr = &net.TCPAddr{IP: ip}
	}
	return d.DialContext(ctx, network, addr)
}

// tlsDialer returns the TLS dial function for k: it verifies the peer itself so that a failure has
// Node's code, and so that with rejectUnauthorized false the socket still reports whether the peer
// was authorized.
func tlsDialer(k transportKey) (func(ctx context.Context, network, addr string) (net.Conn, error), error) {
	var roots *x509.CertPool
	if k.tls.ca != "" {
		roots = x509.NewCertPool()
		roots.AppendCertsFromPEM([]byte(k.tls.ca))
	}
	var certs []tls.Certificate
	if k.tls.cert != "" || k.tls.key != "" {
		pair, err := tls.X509KeyPair([]byte(k.tls.cert), []byte(k.tls.key))
		if err != nil {
			return nil, fmt.Errorf("client certificate: %w", err)
		}
		certs = []tls.Certificate{pair}
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		raw, err := dial(ctx, network, addr, k)
		if err != nil {
			return nil, err
		}
		host, _, _ := net.SplitHostPort(addr)
		name := k.tls.servername
		if name == "" {
			name = host
		}
		cfg := &tls.Config{
			ServerName: name,
			// Verification is done below, with Node's error codes.
			InsecureSkipVerify: true,
			Certificates:       certs,
			NextProtos:         []string{"http/1.1"},
		}
		if net.ParseIP(name) != nil {
			cfg.ServerName = ""
		}
		conn := tls.Client(raw, cfg)
		if err := conn.HandshakeContext(ctx); err != nil {
			_ = raw.Close()
			return nil, handshakeError(err)
		}
		authErr := verifyPeer(conn.ConnectionState(), roots, strings.Trim(name, "[]"))
		if authErr != nil && k.tls.verify {
			_ = conn.Close()
			return nil, authErr
		}
		return &tlsConn{Conn: conn, authErr: authErr}, nil
	}, nil
}

// tlsConn is a TLS connection with the outcome of its peer's verification.
type tlsConn struct {
	*tls.Conn
	authErr *tlsError
}
