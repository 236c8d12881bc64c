package url

import (
	"strconv"
	"strings"
)

// record is a URL record of the WHATWG URL Standard. Null components have their has* flag false;
// the strings are stored already percent-encoded and hosts already serialised.
type record struct {
	scheme   string
	username string
	password string
	host     string
	hasHost  bool
	port     int // -1 is null
	// path holds the segments of a hierarchical path; opaque URLs (mailto:, data:) keep theirs in
	// opaquePath instead.
	path        []string
	opaque      bool
	opaquePath  string
	query       string
	hasQuery    bool
	fragment    string
	hasFragment bool
}

// defaultPorts lists the special schemes with their default ports; file has none.
var defaultPorts = map[string]int{"ftp": 21, "file": -1, "http": 80, "https": 443, "ws": 80, "wss": 443}

func isSpecialScheme(scheme string) bool {
	_, ok := defaultPorts[scheme]
	return ok
}

// defaultPort is the scheme's default port, or -1 when it has none.
func defaultPort(scheme string) int {
	if p, ok := defaultPorts[scheme]; ok {
		return p
	}
	return -1
}

func (u *record) special() bool { return isSpecialScheme(u.scheme) }

func (u *record) includesCredentials() bool { return u.username != "" || u.password != "" }

// cannotHaveCredentialsOrPort is true for URLs without a real host, and for file: URLs.
func (u *record) cannotHaveCredentialsOrPort() bool {
	return !u.hasHost || u.host == "" || u.scheme == "file"
}

// shortenPath drops the last segment, except that a file: URL keeps a lone drive letter, so that ".."
// never climbs above C:.
func (u *record) shortenPath() {
	if u.scheme == "file" && len(u.path) == 1 && isNormalizedDriveLetter(u.path[0]) {
		return
	}
	if len(u.path) > 0 {
		u.path = u.path[:len(u.path)-1]
	}
}

// stripTrailingSpacesFromOpaquePath runs when the query or fragment is removed: a trailing space in
// an opaque path would otherwise be lost when the href is parsed again.
func (u *record) stripTrailingSpacesFromOpaquePath() {
	if u.opaque && !u.hasFragment && !u.hasQuery {
		u.opaquePath = strings.TrimRight(u.opaquePath, " ")
	}
}

// clone returns a copy that shares nothing mutable with u.
func (u *record) clone() *record {
	c := *u
	c.path = append([]string(nil), u.path...)
	return &c
}

// href is the URL serialiser.
func (u *record) href() string {
	var b strings.Builder
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.hasHost {
		b.WriteString("//")
		if u.includesCredentials() {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteByte(':')
				b.WriteString(u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.hostPort())
	} else if !u.opaque && len(u.path) > 1 && u.path[0] == "" {
		// Without "/." the empty first segment would read back as an authority ("sc:/.//p").
		b.WriteString("/.")
	}
	b.WriteString(u.pathname())
	if u.hasQuery {
		b.WriteByte('?')
		b.WriteString(u.query)
	}
	if u.hasFragment {
		b.WriteByte('#')
		b.WriteString(u.fragment)
	}
	return b.String()
}

// hostPort is the host getter: the host with a non-default port.
func (u *record) hostPort() string {
	if u.port < 0 {
		return u.host
	}
	return u.host + ":" + strconv.Itoa(u.port)
}

// portString is the port getter.
func (u *record) portString() string {
	if u.port < 0 {
		return ""
	}
	return strconv.Itoa(u.port)
}

// pathname is the URL path serialiser.
func (u *record) pathname() string {
	if u.opaque {
		return u.opaquePath
	}
	if len(u.path) == 0 {
		return ""
	}
	return "/" + strings.Join(u.path, "/")
}

// search is the search getter: "" for a null or empty query.
func (u *record) search() string {
	if u.query == "" {
		return ""
	}
	return "?" + u.query
}

// hash is the hash getter: "" for a null or empty fragment.
func (u *record) hash() string {
	if u.fragment == "" {
		return ""
	}
	return "#" + u.fragment
}

// origin is the serialised origin: scheme, host and port for the special network schemes, the
// origin of the inner URL for blob:, and "null" (an opaque origin) for everything else.
func (u *record) origin() string {
	switch u.scheme {
	case "ftp", "http", "https", "ws", "wss":
		return u.scheme + "://" + u.hostPort()
	case "blob":
		if inner, ok := parse(u.pathname(), nil); ok && (inner.scheme == "http" || inner.scheme == "https") {
			return inner.origin()
		}
	}
	return "null"
}
