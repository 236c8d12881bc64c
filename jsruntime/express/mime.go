package express

import (
	"strings"

	"github.com/dop251/goja"
)

// mimeTypes is the part of mime 1.6's extension table that plugins name in res.type(): the common web
// types. Unknown extensions fall back to application/octet-stream, as mime.lookup does.
var mimeTypes = map[string]string{
	"html": "text/html", "htm": "text/html", "shtml": "text/html",
	"txt": "text/plain", "text": "text/plain", "conf": "text/plain", "log": "text/plain", "ini": "text/plain",
	"css": "text/css", "csv": "text/csv", "md": "text/markdown", "markdown": "text/markdown",
	"xml": "application/xml", "xsl": "application/xml",
	"js": "application/javascript", "mjs": "application/javascript",
	"json": "application/json", "map": "application/json", "jsonld": "application/ld+json",
	"yaml": "text/yaml", "yml": "text/yaml", "ics": "text/calendar", "vtt": "text/vtt",
	"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
	"webp": "image/webp", "svg": "image/svg+xml", "ico": "image/x-icon", "bmp": "image/bmp",
	"avif": "image/avif", "tif": "image/tiff", "tiff": "image/tiff",
	"mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg", "m4a": "audio/mp4",
	"flac": "audio/x-flac", "weba": "audio/webm", "opus": "audio/ogg",
	"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime", "avi": "video/x-msvideo",
	"woff": "application/font-woff", "woff2": "application/font-woff2", "ttf": "application/x-font-ttf",
	"otf": "application/x-font-otf", "eot": "application/vnd.ms-fontobject",
	"pdf": "application/pdf", "zip": "application/zip", "gz": "application/x-gzip", "tar": "application/x-tar",
	"wasm": "application/wasm", "bin": "application/octet-stream", "exe": "application/octet-stream",
	"es": "application/ecmascript", "rss": "application/rss+xml", "atom": "application/atom+xml",
	"epub": "application/epub+zip", "doc": "application/msword", "xls": "application/vnd.ms-excel",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// mimeLookup is mime.lookup: the type for a path or bare extension, application/octet-stream if
// unknown.
func mimeLookup(name string) string {
	if t, ok := mimeTypes[mimeExt(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// mimeExt is mime 1.6's extension of a path: what follows the last '.', '/' or '\', lower-cased.
func mimeExt(name string) string {
	ext := strings.ToLower(name)
	if i := strings.LastIndexAny(ext, "./\\"); i >= 0 {
		ext = ext[i+1:]
	}
	return ext
}

// mimeCharset is mime.charsets.lookup: UTF-8 for types starting with text/, application/json or
// application/javascript (case-sensitively), which is what makes res.set('Content-Type',
// 'text/plain') send "text/plain; charset=utf-8".
func mimeCharset(typ string) string {
	if strings.HasPrefix(typ, "text/") || strings.HasPrefix(typ, "application/javascript") || strings.HasPrefix(typ, "application/json") {
		return "UTF-8"
	}
	return ""
}

// newMimeObject is send's mime module (mime 1.6) as express.static.mime exposes it: lookup(path,
// [fallback]), charsets.lookup(type, [fallback]) and default_type, over this package's table.
func (a *App) newMimeObject() *goja.Object {
	vm := a.vm
	m := vm.NewObject()
	_ = m.Set("default_type", "application/octet-stream")
	_ = m.Set("lookup", func(call goja.FunctionCall) goja.Value {
		if t, ok := mimeTypes[mimeExt(call.Argument(0).String())]; ok {
			return vm.ToValue(t)
		}
		if fallback := call.Argument(1); fallback.ToBoolean() {
			return fallback
		}
		return m.Get("default_type")
	})
	charsets := vm.NewObject()
	_ = charsets.Set("lookup", func(call goja.FunctionCall) goja.Value {
		if cs := mimeCharset(call.Argument(0).String()); cs != "" {
			return vm.ToValue(cs)
		}
		return call.Argument(1)
	})
	_ = m.Set("charsets", charsets)
	return m
}

// typeOf is res.type's rule: a value with '/' is used as is, anything else is an extension.
func typeOf(t string) string {
	if strings.Contains(t, "/") {
		return t
	}
	return mimeLookup(t)
}
