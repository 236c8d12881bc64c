package url

import (
	"net/url"
	"strings"

	"github.com/dop251/goja"
)

// slashedProtocols are those whose legacy format writes "//" after the scheme.
var slashedProtocols = map[string]bool{
	"http:": true, "https:": true, "ftp:": true, "gopher:": true, "file:": true, "ws:": true, "wss:": true,
}

// parse(urlString, parseQueryString) is the legacy url.parse: an object with protocol, slashes, auth,
// host, port, hostname, hash, search, query, pathname, path and href, null where absent.
func (m *module) parse(call goja.FunctionCall) goja.Value {
	raw := strings.TrimSpace(call.Argument(0).String())
	p, err := url.Parse(raw)
	if err != nil {
		panic(m.codedError("ERR_INVALID_URL", "Invalid URL: "+raw))
	}
	vm := m.vm
	obj := vm.NewObject()
	null := goja.Null()
	set := func(name string, v any) { _ = obj.Set(name, v) }
	orNull := func(s string) goja.Value {
		if s == "" {
			return null
		}
		return vm.ToValue(s)
	}
	protocol := ""
	if p.Scheme != "" {
		protocol = strings.ToLower(p.Scheme) + ":"
	}
	set("protocol", orNull(protocol))
	if p.Host != "" || strings.HasPrefix(raw[len(protocol):], "//") {
		set("slashes", true)
	} else {
		set("slashes", null)
	}
	set("auth", orNull(p.User.String()))
	set("host", orNull(strings.ToLower(p.Host)))
	set("port", orNull(p.Port()))
	set("hostname", orNull(strings.ToLower(p.Hostname())))
	hash := ""
	if p.Fragment != "" || strings.HasSuffix(raw, "#") {
		hash = "#" + p.EscapedFragment()
	}
	set("hash", orNull(hash))
	search := ""
	if p.RawQuery != "" || p.ForceQuery {
		search = "?" + p.RawQuery
	}
	set("search", orNull(search))
	if call.Argument(1).ToBoolean() {
		query := vm.NewObject()
		for k, vs := range p.Query() {
			if len(vs) == 1 {
				_ = query.Set(k, vs[0])
			} else {
				_ = query.Set(k, vs)
			}
		}
		set("query", query)
	} else {
		set("query", orNull(p.RawQuery))
	}
	pathname := p.EscapedPath()
	if pathname == "" && p.Host != "" && slashedProtocols[protocol] {
		pathname = "/"
	}
	set("pathname", orNull(pathname))
	set("path", orNull(pathname+search))
	set("href", m.formatParts(protocol, p.Host != "" || slashedProtocols[protocol], p.User.String(), strings.ToLower(p.Host), pathname, search, hash))
	return obj
}

// format(urlObject) is the legacy url.format: URL objects give their href, strings are normalised
// through parse, and legacy objects are assembled from their parts.
func (m *module) format(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	obj, ok := arg.(*goja.Object)
	if !ok {
		parsed := m.parse(goja.FunctionCall{Arguments: []goja.Value{arg}}).(*goja.Object)
		return parsed.Get("href")
	}
	// A WHATWG URL: its href is already the formatted URL.
	if href, ok := stringProp(obj, "href"); ok {
		if sp := obj.Get("searchParams"); sp != nil && !goja.IsUndefined(sp) {
			return m.vm.ToValue(href)
		}
	}
	str := func(name string) string {
		v := obj.Get(name)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	protocol := str("protocol")
	if protocol != "" && !strings.HasSuffix(protocol, ":") {
		protocol += ":"
	}
	host := str("host")
	if host == "" && str("hostname") != "" {
		host = str("hostname")
		if port := str("port"); port != "" {
			host += ":" + port
		}
	}
	search := str("search")
	if search == "" {
		if q, ok := obj.Get("query").(*goja.Object); ok {
			values := url.Values{}
			for _, k := range q.Keys() {
				values.Set(k, q.Get(k).String())
			}
			if enc := values.Encode(); enc != "" {
				search = "?" + enc
			}
		}
	} else if !strings.HasPrefix(search, "?") {
		search = "?" + search
	}
	hash := str("hash")
	if hash != "" && !strings.HasPrefix(hash, "#") {
		hash = "#" + hash
	}
	slashes := obj.Get("slashes") != nil && obj.Get("slashes").ToBoolean()
	return m.formatParts(protocol, slashes || slashedProtocols[protocol], str("auth"), host, str("pathname"), search, hash)
}

func (m *module) formatParts(protocol string, slashes bool, auth, host, pathname, search, hash string) goja.Value {
	var b strings.Builder
	b.WriteString(protocol)
	if slashes && (host != "" || protocol == "file:") {
		b.WriteString("//")
	}
	if auth != "" {
		b.WriteString(auth + "@")
	}
	b.WriteString(host)
	if host != "" && pathname != "" && !strings.HasPrefix(pathname, "/") {
		b.WriteByte('/')
	}
	b.WriteString(pathname)
	b.WriteString(search)
	b.WriteString(hash)
	return m.vm.ToValue(b.String())
}

// resolve(from, to) is the legacy url.resolve: to resolved against from as a browser resolves links.
func (m *module) resolve(call goja.FunctionCall) goja.Value {
	base, err := url.Parse(call.Argument(0).String())
	if err != nil {
		panic(m.codedError("ERR_INVALID_URL", "Invalid URL: "+call.Argument(0).String()))
	}
	ref, err := url.Parse(call.Argument(1).String())
	if err != nil {
		panic(m.codedError("ERR_INVALID_URL", "Invalid URL: "+call.Argument(1).String()))
	}
	return m.vm.ToValue(base.ResolveReference(ref).String())
}
