package policy

import (
	"context"
	"net"
	"sync"
	"sync/atomic"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// Setup is how a runtime's gate starts, before the plugin's policy is known.
type Setup struct {
	// Own are what the plugin may always read whatever its policy, but not write: its own folder (or,
	// for a single-file plugin, its file), so that it can read what it ships with. Absolute paths.
	Own []string
	// Candidates are the policies that may turn out to be the plugin's: a plugin's id, which names its
	// policy, is known only once its module code has run. Until Decide, a call made synchronously
	// must be allowed by every candidate, and an asynchronous one waits for Decide (Wait). No
	// candidates means the runtime is unrestricted until Decide.
	Candidates []Policy
}

// Gate holds one runtime's policy and checks calls against it. Its methods are safe from any
// goroutine, and a nil *Gate allows everything.
type Gate struct {
	own     []string // real paths
	state   atomic.Pointer[state]
	decided chan struct{}
	once    sync.Once
}

// state is what applies now: every rule in rules must allow a call; none means unrestricted.
type state struct {
	rules   []*rule
	pending bool // the plugin's policy is not known yet: rules are the candidates
}

// rule is a Policy ready for checks: roots resolved, hosts parsed.
type rule struct {
	name         string
	roots        []string
	childProcess bool
	hosts        []hostRule
}

type gateKey struct{}

// holder is the per-runtime slot the gate lives in.
type holder struct{ gate *Gate }

// Install gives rt a gate set up as s and returns it. Call it on the loop before any module that
// checks is loaded (the modules look their gate up when they are built): the platform does it first
// thing. Roots that cannot be resolved are taken as they are.
func Install(rt *jsruntime.Runtime, s Setup) *Gate {
	g := &Gate{decided: make(chan struct{})}
	for _, p := range s.Own {
		g.own = append(g.own, realOrClean(p))
	}
	st := &state{pending: len(s.Candidates) > 0}
	for _, p := range s.Candidates {
		st.rules = append(st.rules, compile(p))
	}
	if !st.pending {
		g.once.Do(func() { close(g.decided) })
	}
	g.state.Store(st)
	rt.Value(gateKey{}, func() any { return &holder{} }).(*holder).gate = g
	return g
}

// For returns rt's gate, or nil (everything allowed) when none was installed. Must be called on the
// loop.
func For(rt *jsruntime.Runtime) *Gate {
	return rt.Value(gateKey{}, func() any { return &holder{} }).(*holder).gate
}

// Decide puts p in force, from now on and for calls waiting in Wait; nil means unrestricted. The
// host calls it once the plugin's id is known, before the plugin's init runs. Calling it again
// replaces the policy.
func (g *Gate) Decide(p *Policy) {
	if g == nil {
		return
	}
	st := &state{}
	if p != nil {
		st.rules = []*rule{compile(*p)}
	}
	g.state.Store(st)
	g.once.Do(func() { close(g.decided) })
}

// Wait returns once the plugin's policy is decided, or with ctx's error when ctx ends first.
// Asynchronous calls wait before they check, so that they are held to the plugin's own policy even
// when they were started by its module code, before its id was known.
func (g *Gate) Wait(ctx context.Context) error {
	if g == nil {
		return nil
	}
	select {
	case <-g.decided:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Restricted reports whether a policy applies (or may apply, while pending).
func (g *Gate) Restricted() bool {
	return g != nil && len(g.state.Load().rules) > 0
}

func compile(p Policy) *rule {
	r := &rule{name: p.Rule, childProcess: p.ChildProcess}
	for _, root := range p.FS {
		r.roots = append(r.roots, realOrClean(root))
	}
	for _, h := range p.Network {
		if hr, err := parseHost(h); err == nil {
			r.hosts = append(r.hosts, hr)
		}
	}
	return r
}

// denial finds the first rule of the current state that refuses a call (allowed reports whether r
// allows it) and returns the note naming it, or "" when every rule allows the call.
func (g *Gate) denial(area string, allowed func(r *rule) bool) string {
	if g == nil {
		return ""
	}
	st := g.state.Load()
	for _, r := range st.rules {
		if !allowed(r) {
			return note(r.name, area, st.pending)
		}
	}
	return ""
}

// CheckProcess checks starting a child process. syscall is what Node names the call in the error:
// "spawn /bin/ls" or "spawnSync /bin/ls".
func (g *Gate) CheckProcess(syscall string) error {
	if n := g.denial("childProcess", func(r *rule) bool { return r.childProcess }); n != "" {
		return netDenied(syscall, "", 0, n)
	}
	return nil
}

// CheckConnect checks a connection to host (a name or an IP address, brackets allowed) on port.
func (g *Gate) CheckConnect(host string, port int) error {
	h := normalHost(host)
	ip := net.ParseIP(h)
	if n := g.denial("network", func(r *rule) bool { return r.allowsHost(h, ip, port) }); n != "" {
		return netDenied("connect", host, port, n)
	}
	return nil
}

// CheckLookup checks resolving host (dns.lookup): allowed when some listed host matches it, on any
// port, so that names cannot carry data out through the resolver.
func (g *Gate) CheckLookup(host string) error {
	h := normalHost(host)
	ip := net.ParseIP(h)
	if n := g.denial("network", func(r *rule) bool { return r.allowsHost(h, ip, 0) }); n != "" {
		return lookupDenied(host, n)
	}
	return nil
}

// CheckSocket checks connecting to the unix socket at path: writing to a file, as connect(2) needs
// write permission on it.
func (g *Gate) CheckSocket(path string) error {
	if !g.Restricted() {
		return nil
	}
	real, err := realPath(path, true)
	if n := g.denial("fs", func(r *rule) bool { return err == nil && r.allowsFile(real, true, nil) }); n != "" {
		return netDenied("connect", path, 0, n)
	}
	return nil
}

func (r *rule) allowsHost(host string, ip net.IP, port int) bool {
	for _, h := range r.hosts {
		if h.matches(host, ip, port) {
			return true
		}
	}
	return false
}

// note is what a refused call's message ends with.
func note(rule, area string, pending bool) string {
	n := rule + "." + area + " does not allow it"
	if pending {
		n += ": while its module code runs, a plugin's id is not known yet and every policy applies"
	}
	return n
}
