package url

import "strings"

// state is a state of the URL Standard's basic URL parser.
type state int

const (
	noOverride state = iota
	schemeStartState
	schemeState
	noSchemeState
	specialRelativeOrAuthorityState
	pathOrAuthorityState
	relativeState
	relativeSlashState
	specialAuthoritySlashesState
	specialAuthorityIgnoreSlashesState
	authorityState
	hostState
	hostnameState
	portState
	fileState
	fileSlashState
	fileHostState
	pathStartState
	pathState
	opaquePathState
	queryState
	fragmentState
)

// eof stands for the end of input, the standard's EOF code point.
const eof = -1

// parse runs the basic URL parser on input, resolving it against base when base is not nil. As the
// standard says, leading and trailing C0 controls and spaces are dropped, and tabs and newlines
// anywhere.
func parse(input string, base *record) (*record, bool) {
	input = strings.TrimFunc(input, func(r rune) bool { return r <= ' ' })
	u := &record{port: -1}
	p := parser{in: []rune(removeTabsAndNewlines(input)), base: base, u: u, state: schemeStartState}
	if !p.run() {
		return nil, false
	}
	return u, true
}

// reparse runs the parser over input with a state override, modifying u in place as the URL
// setters do. The result only matters to callers that must know about failure.
func (u *record) reparse(input string, override state) bool {
	p := parser{in: []rune(removeTabsAndNewlines(input)), u: u, state: override, override: override}
	return p.run()
}

func removeTabsAndNewlines(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// parser holds the basic URL parser's variables. The input is in code points because the standard
// moves its pointer by code points (the authority state rewinds by the buffer's length).
type parser struct {
	in       []rune
	p        int
	base     *record
	u        *record
	state    state
	override state
	buf      []rune

	atSignSeen, insideBrackets, passwordTokenSeen bool
}

func (ps *parser) at(i int) rune {
	if i >= 0 && i < len(ps.in) {
		return ps.in[i]
	}
	return eof
}

// remainingStartsWith reports whether the code point after the pointer is r.
func (ps *parser) remainingStartsWith(r rune) bool { return ps.at(ps.p+1) == r }

// run steps through the input; it reports false for failure.
func (ps *parser) run() bool {
	for ; ; ps.p++ {
		c := ps.at(ps.p)
		done, ok := ps.step(c)
		if done {
			return ok
		}
		if ps.p >= len(ps.in) {
			return true
		}
	}
}

// step handles one code point in the current state. done means the parser returns ok at once, as
// the standard's "return" and "return failure" do.
func (ps *parser) step(c rune) (done, ok bool) {
	u := ps.u
	switch ps.state {
	case schemeStartState:
		switch {
		case isASCIIAlpha(c):
			ps.buf = append(ps.buf, toLower(c))
			ps.state = schemeState
		case ps.override == noOverride:
			ps.state = noSchemeState
			ps.p--
		default:
			return true, false
		}
	case schemeState:
		return ps.scheme(c)
	case noSchemeState:
		return ps.noScheme(c)
	case specialRelativeOrAuthorityState:
		if c == '/' && ps.remainingStartsWith('/') {
			ps.state = specialAuthorityIgnoreSlashesState
			ps.p++
		} else {
			ps.state = relativeState
			ps.p--
		}
	case pathOrAuthorityState:
		if c == '/' {
			ps.state = authorityState
		} else {
			ps.state = pathState
			ps.p--
		}
	case relativeState:
		ps.relative(c)
	case relativeSlashState:
		switch {
		case u.special() && (c == '/' || c == '\\'):
			ps.state = specialAuthorityIgnoreSlashesState
		case c == '/':
			ps.state = authorityState
		default:
			b := ps.base
			u.username, u.password, u.host, u.hasHost, u.port = b.username, b.password, b.host, b.hasHost, b.port
			ps.state = pathState
			ps.p--
		}
	case specialAuthoritySlashesState:
		ps.state = specialAuthorityIgnoreSlashesState
		if c == '/' && ps.remainingStartsWith('/') {
			ps.p++
		} else {
			ps.p--
		}
	case specialAuthorityIgnoreSlashesState:
		if c != '/' && c != '\\' {
			ps.state = authorityState
			ps.p--
		}
	case authorityState:
		return ps.authority(c)
	case hostState, hostnameState:
		return ps.host(c)
	case portState:
		return ps.port(c)
	case fileState:
		ps.file(c)
	case fileSlashState:
		ps.fileSlash(c)
	case fileHostState:
		return ps.fileHost(c)
	case pathStartState:
		ps.pathStart(c)
	case pathState:
		ps.path(c)
	case opaquePathState:
		switch c {
		case '?':
			u.query, u.hasQuery = "", true
			ps.state = queryState
		case '#':
			u.fragment, u.hasFragment = "", true
			ps.state = fragmentState
		case eof:
		default:
			u.opaquePath += encode(string(c), c0ControlSet)
		}
	case queryState:
		ps.query(c)
	case fragmentState:
		if c != eof {
			u.fragment += encode(string(c), fragmentSet)
		}
	}
	return false, false
}

func (ps *parser) scheme(c rune) (done, ok bool) {
	u := ps.u
	switch {
	case isASCIIAlphanumeric(c) || c == '+' || c == '-' || c == '.':
		ps.buf = append(ps.buf, toLower(c))
		return false, false
	case c != ':':
		if ps.override != noOverride {
			return true, false
		}
		ps.buf = ps.buf[:0]
		ps.state = noSchemeState
		ps.p = -1 // start over from the first code point
		return false, false
	}
	scheme := string(ps.buf)
	if ps.override != noOverride {
		// The protocol setter cannot move a URL between special and non-special, nor make a URL with
		// credentials, a port or an empty host into a file: URL or out of one.
		if u.special() != isSpecialScheme(scheme) ||
			(u.includesCredentials() || u.port >= 0) && scheme == "file" ||
			u.scheme == "file" && u.hasHost && u.host == "" {
			return true, true
		}
	}
	u.scheme = scheme
	if ps.override != noOverride {
		if u.port == defaultPort(u.scheme) {
			u.port = -1
		}
		return true, true
	}
	ps.buf = ps.buf[:0]
	switch {
	case u.scheme == "file":
		ps.state = fileState
	case u.special() && ps.base != nil && ps.base.scheme == u.scheme:
		ps.state = specialRelativeOrAuthorityState
	case u.special():
		ps.state = specialAuthoritySlashesState
	case ps.remainingStartsWith('/'):
		ps.state = pathOrAuthorityState
		ps.p++
	default:
		u.opaque, u.opaquePath = true, ""
		ps.state = opaquePathState
	}
	return false, false
}

func (ps *parser) noScheme(c rune) (done, ok bool) {
	u, b := ps.u, ps.base
	switch {
	case b == nil || b.opaque && c != '#':
		return true, false
	case b.opaque:
		u.scheme, u.opaque, u.opaquePath = b.scheme, true, b.opaquePath
		u.query, u.hasQuery = b.query, b.hasQuery
		u.fragment, u.hasFragment = "", true
		ps.state = fragmentState
	case b.scheme != "file":
		ps.state = relativeState
		ps.p--
	default:
		ps.state = fileState
		ps.p--
	}
	return false, false
}

func (ps *parser) relative(c rune) {
	u, b := ps.u, ps.base
	u.scheme = b.scheme
	if c == '/' || u.special() && c == '\\' {
		ps.state = relativeSlashState
		return
	}
	u.username, u.password, u.host, u.hasHost, u.port = b.username, b.password, b.host, b.hasHost, b.port
	u.path = append([]string(nil), b.path...)
	u.query, u.hasQuery = b.query, b.hasQuery
	switch c {
	case '?':
		u.query, u.hasQuery = "", true
		ps.state = queryState
	case '#':
		u.fragment, u.hasFragment = "", true
		ps.state = fragmentState
	case eof:
	default:
		u.query, u.hasQuery = "", false
		u.shortenPath()
		ps.state = pathState
		ps.p--
	}
}

func (ps *parser) authority(c rune) (done, ok bool) {
	u := ps.u
	switch {
	case c == '@':
		if ps.atSignSeen {
			ps.buf = append([]rune("%40"), ps.buf...)
		}
		ps.atSignSeen = true
		for _, r := range ps.buf {
			if r == ':' && !ps.passwordTokenSeen {
				ps.passwordTokenSeen = true
				continue
			}
			if ps.passwordTokenSeen {
				u.password += encode(string(r), userinfoSet)
			} else {
				u.username += encode(string(r), userinfoSet)
			}
		}
		ps.buf = ps.buf[:0]
	case c == eof || c == '/' || c == '?' || c == '#' || u.special() && c == '\\':
		if ps.atSignSeen && len(ps.buf) == 0 {
			return true, false
		}
		// Re-read the buffer as the host.
		ps.p -= len(ps.buf) + 1
		ps.buf = ps.buf[:0]
		ps.state = hostState
	default:
		ps.buf = append(ps.buf, c)
	}
	return false, false
}

func (ps *parser) host(c rune) (done, ok bool) {
	u := ps.u
	switch {
	case ps.override != noOverride && u.scheme == "file":
		ps.p--
		ps.state = fileHostState
	case c == ':' && !ps.insideBrackets:
		if len(ps.buf) == 0 || ps.override == hostnameState {
			return true, false
		}
		h, ok := parseHost(string(ps.buf), !u.special())
		if !ok {
			return true, false
		}
		u.host, u.hasHost = h, true
		ps.buf = ps.buf[:0]
		ps.state = portState
	case c == eof || c == '/' || c == '?' || c == '#' || u.special() && c == '\\':
		ps.p--
		if len(ps.buf) == 0 && (u.special() || ps.override != noOverride && (u.includesCredentials() || u.port >= 0)) {
			return true, false
		}
		h, ok := parseHost(string(ps.buf), !u.special())
		if !ok {
			return true, false
		}
		u.host, u.hasHost = h, true
		ps.buf = ps.buf[:0]
		ps.state = pathStartState
		if ps.override != noOverride {
			return true, true
		}
	default:
		if c == '[' {
			ps.insideBrackets = true
		} else if c == ']' {
			ps.insideBrackets = false
		}
		ps.buf = append(ps.buf, c)
	}
	return false, false
}

func (ps *parser) port(c rune) (done, ok bool) {
	u := ps.u
	switch {
	case isASCIIDigit(c):
		ps.buf = append(ps.buf, c)
	case c == eof || c == '/' || c == '?' || c == '#' || u.special() && c == '\\' || ps.override != noOverride:
		if len(ps.buf) != 0 {
			port := 0
			for _, d := range ps.buf {
				port = port*10 + int(d-'0')
				if port > 65535 {
					return true, false
				}
			}
			if port == defaultPort(u.scheme) {
				u.port = -1
			} else {
				u.port = port
			}
			ps.buf = ps.buf[:0]
			if ps.override != noOverride {
				return true, true
			}
		}
		if ps.override != noOverride {
			return true, false
		}
		ps.state = pathStartState
		ps.p--
	default:
		return true, false
	}
	return false, false
}

func (ps *parser) file(c rune) {
	u, b := ps.u, ps.base
	u.scheme = "file"
	u.host, u.hasHost = "", true
	switch {
	case c == '/' || c == '\\':
		ps.state = fileSlashState
	case b != nil && b.scheme == "file":
		u.host, u.hasHost = b.host, b.hasHost
		u.path = append([]string(nil), b.path...)
		u.query, u.hasQuery = b.query, b.hasQuery
		switch c {
		case '?':
			u.query, u.hasQuery = "", true
			ps.state = queryState
		case '#':
			u.fragment, u.hasFragment = "", true
			ps.state = fragmentState
		case eof:
		default:
			u.query, u.hasQuery = "", false
			if startsWithDriveLetter(ps.in[ps.p:]) {
				u.path = nil
			} else {
				u.shortenPath()
			}
			ps.state = pathState
			ps.p--
		}
	default:
		ps.state = pathState
		ps.p--
	}
}

func (ps *parser) fileSlash(c rune) {
	u, b := ps.u, ps.base
	if c == '/' || c == '\\' {
		ps.state = fileHostState
		return
	}
	if b != nil && b.scheme == "file" {
		u.host, u.hasHost = b.host, b.hasHost
		// A path relative to a drive-letter base keeps the drive ("/x" against file:///C:/y).
		if !startsWithDriveLetter(ps.in[ps.p:]) && len(b.path) > 0 && isNormalizedDriveLetter(b.path[0]) {
			u.path = append(u.path, b.path[0])
		}
	}
	ps.state = pathState
	ps.p--
}

func (ps *parser) fileHost(c rune) (done, ok bool) {
	u := ps.u
	if c != eof && c != '/' && c != '\\' && c != '?' && c != '#' {
		ps.buf = append(ps.buf, c)
		return false, false
	}
	ps.p--
	switch {
	case ps.override == noOverride && isDriveLetter(string(ps.buf)):
		// "file://C:/x" names a drive, not a host: the path state takes the buffer as it is.
		ps.state = pathState
	case len(ps.buf) == 0:
		u.host, u.hasHost = "", true
		if ps.override != noOverride {
			return true, true
		}
		ps.state = pathStartState
	default:
		h, ok := parseHost(string(ps.buf), !u.special())
		if !ok {
			return true, false
		}
		if h == "localhost" {
			h = ""
		}
		u.host, u.hasHost = h, true
		if ps.override != noOverride {
			return true, true
		}
		ps.buf = ps.buf[:0]
		ps.state = pathStartState
	}
	return false, false
}

func (ps *parser) pathStart(c rune) {
	u := ps.u
	switch {
	case u.special():
		ps.state = pathState
		if c != '/' && c != '\\' {
			ps.p--
		}
	case ps.override == noOverride && c == '?':
		u.query, u.hasQuery = "", true
		ps.state = queryState
	case ps.override == noOverride && c == '#':
		u.fragment, u.hasFragment = "", true
		ps.state = fragmentState
	case c != eof:
		ps.state = pathState
		if c != '/' {
			ps.p--
		}
	case ps.override != noOverride && !u.hasHost:
		u.path = append(u.path, "")
	}
}

func (ps *parser) path(c rune) {
	u := ps.u
	slash := c == '/' || u.special() && c == '\\'
	if c != eof && !slash && (ps.override != noOverride || c != '?' && c != '#') {
		ps.buf = append(ps.buf, []rune(encode(string(c), pathSet))...)
		return
	}
	segment := string(ps.buf)
	switch {
	case isDoubleDotSegment(segment):
		u.shortenPath()
		if !slash {
			u.path = append(u.path, "")
		}
	case isSingleDotSegment(segment):
		if !slash {
			u.path = append(u.path, "")
		}
	default:
		if u.scheme == "file" && len(u.path) == 0 && isDriveLetter(segment) {
			segment = segment[:1] + ":"
		}
		u.path = append(u.path, segment)
	}
	ps.buf = ps.buf[:0]
	switch c {
	case '?':
		u.query, u.hasQuery = "", true
		ps.state = queryState
	case '#':
		u.fragment, u.hasFragment = "", true
		ps.state = fragmentState
	}
}

func (ps *parser) query(c rune) {
	u := ps.u
	if c != eof && (ps.override != noOverride || c != '#') {
		ps.buf = append(ps.buf, c)
		return
	}
	set := querySet
	if u.special() {
		set = specialQuerySet
	}
	u.query += encode(string(ps.buf), set)
	ps.buf = ps.buf[:0]
	if c == '#' {
		u.fragment, u.hasFragment = "", true
		ps.state = fragmentState
	}
}

func isSingleDotSegment(s string) bool { return s == "." || strings.EqualFold(s, "%2e") }

func isDoubleDotSegment(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// isDriveLetter reports a Windows drive letter: a letter followed by ':' or '|'.
func isDriveLetter(s string) bool {
	return len(s) == 2 && isASCIIAlpha(rune(s[0])) && (s[1] == ':' || s[1] == '|')
}

func isNormalizedDriveLetter(s string) bool { return isDriveLetter(s) && s[1] == ':' }

// startsWithDriveLetter reports whether in begins with a drive letter that ends there or is followed
// by one of / \ ? #.
func startsWithDriveLetter(in []rune) bool {
	if len(in) < 2 || !isASCIIAlpha(in[0]) || in[1] != ':' && in[1] != '|' {
		return false
	}
	if len(in) == 2 {
		return true
	}
	switch in[2] {
	case '/', '\\', '?', '#':
		return true
	}
	return false
}

func isASCIIAlpha(c rune) bool        { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c rune) bool        { return '0' <= c && c <= '9' }
func isASCIIAlphanumeric(c rune) bool { return isASCIIAlpha(c) || isASCIIDigit(c) }

func toLower(c rune) rune {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
