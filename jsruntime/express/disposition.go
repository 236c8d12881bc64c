package express

import (
	"path"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"regexp"
	"sort"
	"strings"
)

// contentDisposition is the content-disposition 0.5.4 header for type "attachment" and an optional
// file name: the base name as a quoted filename (non-Latin-1 characters replaced by '?'), plus an
// RFC 5987 filename* when the name is not plain Latin-1 text or contains a %XX sequence.
func contentDisposition(filename string, hasName bool) string {
	if !hasName {
		return "attachment"
	}
	name := path.Base(filename)
	if strings.Trim(filename, "/") == "" {
		// Node's basename of "" or "/" is empty; Go's is "." or "/".
		name = ""
	}
	params := map[string]string{}
	quotable := latin1TextRE.MatchString(name)
	fallback := nonLatin1RE.ReplaceAllString(name, "?")
	hasFallback := fallback != name
	if hasFallback || !quotable || hexEscapeRE.MatchString(name) {
		params["filename*"] = name
	}
	if quotable || hasFallback {
		if hasFallback {
			params["filename"] = fallback
		} else {
			params["filename"] = name
		}
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("attachment")
	for _, k := range keys {
		b.WriteString("; " + k + "=")
		if strings.HasSuffix(k, "*") {
			b.WriteString("UTF-8''" + encodeRFC5987(params[k]))
		} else {
			b.WriteString(`"` + quoteEscapeRE.ReplaceAllString(params[k], `\$1`) + `"`)
		}
	}
	return b.String()
}

var (
	latin1TextRE  = regexp.MustCompile(`^[\x{20}-\x{7e}\x{80}-\x{ff}]+$`)
	nonLatin1RE   = regexp.MustCompile(`[^\x{20}-\x{7e}\x{a0}-\x{ff}]`)
	hexEscapeRE   = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)
	quoteEscapeRE = regexp.MustCompile(`([\\"])`)
)

// encodeRFC5987 is encodeURIComponent followed by content-disposition's extra escapes for the
// characters an ext-value may not hold literally.
func encodeRFC5987(s string) string {
	const hexdigits = "0123456789ABCDEF"
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			strings.IndexByte("-_.!~", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexdigits[c>>4])
			b.WriteByte(hexdigits[c&15])
		}
	}
	return b.String()
}

// attachment is res.attachment([filename]): Content-Type from the name's extension when one is
// given, then Content-Disposition.
func (res *response) attachment(filename goja.Value) {
	vm := res.a.vm
	if goja.IsUndefined(filename) {
		res.set("Content-Disposition", vm.ToValue(contentDisposition("", false)))
		return
	}
	if !isStringValue(filename) {
		if filename.ToBoolean() {
			// Express takes the extension first, and path.extname rejects a non-string.
			panic(nodeerr.InvalidArgType(vm, "path", "of type string", filename))
		}
		panic(vm.NewTypeError("filename must be a string"))
	}
	name := filename.String()
	if name != "" {
		res.set("Content-Type", vm.ToValue(typeOf(extname(name))))
	}
	res.set("Content-Disposition", vm.ToValue(contentDisposition(name, true)))
}

// extname is Node's path.extname: from the last '.' of the base name, "" for dotfiles and names
// without one.
func extname(p string) string {
	base := path.Base(p)
	i := strings.LastIndexByte(base, '.')
	if i <= 0 || base == ".." {
		return ""
	}
	return base[i:]
}
