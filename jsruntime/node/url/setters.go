package url

import "strings"

// The URL API setters of the URL Standard. Invalid values leave the URL as it was, or (as the
// standard specifies) change only the part that parsed before the error: host "y:99999" sets the
// host and keeps the old port.

func (u *record) setProtocol(v string) { u.reparse(v+":", schemeStartState) }

func (u *record) setUsername(v string) {
	if !u.cannotHaveCredentialsOrPort() {
		u.username = encode(v, userinfoSet)
	}
}

func (u *record) setPassword(v string) {
	if !u.cannotHaveCredentialsOrPort() {
		u.password = encode(v, userinfoSet)
	}
}

func (u *record) setHost(v string) {
	if !u.opaque {
		u.reparse(v, hostState)
	}
}

func (u *record) setHostname(v string) {
	if !u.opaque {
		u.reparse(v, hostnameState)
	}
}

func (u *record) setPort(v string) {
	switch {
	case u.cannotHaveCredentialsOrPort():
	case v == "":
		u.port = -1
	default:
		u.reparse(v, portState)
	}
}

func (u *record) setPathname(v string) {
	if !u.opaque {
		u.path = nil
		u.reparse(v, pathStartState)
	}
}

func (u *record) setSearch(v string) {
	if v == "" {
		u.query, u.hasQuery = "", false
		u.stripTrailingSpacesFromOpaquePath()
		return
	}
	u.query, u.hasQuery = "", true
	u.reparse(strings.TrimPrefix(v, "?"), queryState)
}

func (u *record) setHash(v string) {
	if v == "" {
		u.fragment, u.hasFragment = "", false
		u.stripTrailingSpacesFromOpaquePath()
		return
	}
	u.fragment, u.hasFragment = "", true
	u.reparse(strings.TrimPrefix(v, "#"), fragmentState)
}
