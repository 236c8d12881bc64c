package express

import (
	"math"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/internal/httptext"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// response is the Go state behind one res object. Headers live here (Node keeps them in the
// ServerResponse); writes become ops for the HTTP goroutine.
type response struct {
	a           *App
	x           *exchange
	req         *request
	obj         *goja.Object
	hdrs        []resHeader
	headersSent bool
	ended       bool
	finished    bool
	closed      bool
	closeSent   bool // res 'close' has been emitted
	aborted     bool
	destroyed   bool // res.destroy() was called
	flow        writeFlow
	corked      int
	// onDone holds Go continuations waiting for the response to finish or close (on-finished).
	onDone []func()
	ref    stateRef
}

type resHeader struct {
	name  string // as first set, for getRawHeaderNames
	lname string
	val   goja.Value // what setHeader received: a string, number or array
}

func (a *App) resState(v goja.Value) *response {
	s, _ := a.stateOf(v).(*response)
	return s
}

// errHeadersSent is Node's ERR_HTTP_HEADERS_SENT for a header change after the head went out.
func (a *App) errHeadersSent(action string) *goja.Object {
	return nodeerr.New(a.vm, "Error", "ERR_HTTP_HEADERS_SENT", "Cannot "+action+" headers after they are sent to the client")
}

func (res *response) find(lname string) int {
	for i := range res.hdrs {
		if res.hdrs[i].lname == lname {
			return i
		}
	}
	return -1
}

func (res *response) getHeader(name string) goja.Value {
	if i := res.find(lowerName(name)); i >= 0 {
		return res.hdrs[i].val
	}
	return goja.Undefined()
}

// headerString is a header as one string ("" when unset).
func (res *response) headerString(lname string) string {
	i := res.find(lname)
	if i < 0 {
		return ""
	}
	return res.hdrs[i].val.String()
}

// setHeader is ServerResponse.setHeader with Node's validation.
func (res *response) setHeader(name string, val goja.Value) {
	a := res.a
	if res.headersSent {
		panic(a.errHeadersSent("set"))
	}
	if !validToken(name) {
		panic(nodeerr.New(a.vm, "TypeError", "ERR_INVALID_HTTP_TOKEN", "Header name must be a valid HTTP token [\""+name+"\"]"))
	}
	if val == nil || goja.IsUndefined(val) {
		panic(nodeerr.New(a.vm, "TypeError", "ERR_HTTP_INVALID_HEADER_VALUE", "Invalid value \"undefined\" for header \""+name+"\""))
	}
	var one [1]string
	for _, s := range res.appendValueStrings(one[:0], val) {
		if !validHeaderValue(s) {
			panic(nodeerr.New(a.vm, "TypeError", "ERR_INVALID_CHAR", "Invalid character in header content [\""+name+"\"]"))
		}
	}
	lname := lowerName(name)
	if i := res.find(lname); i >= 0 {
		res.hdrs[i].val = val
		return
	}
	if res.hdrs == nil {
		res.hdrs = make([]resHeader, 0, 6) // X-Powered-By, Content-Type, Content-Length, ETag and a few more
	}
	res.hdrs = append(res.hdrs, resHeader{name: name, lname: lname, val: val})
}

func (res *response) removeHeader(name string) {
	if res.headersSent {
		panic(res.a.errHeadersSent("remove"))
	}
	if i := res.find(lowerName(name)); i >= 0 {
		res.hdrs = append(res.hdrs[:i], res.hdrs[i+1:]...)
	}
}

// valueStrings renders a header value the way Node writes it: each array element on its own line.
func (res *response) valueStrings(v goja.Value) []string {
	return res.appendValueStrings(nil, v)
}

// appendValueStrings is valueStrings appending to dst, so a caller with a small array on its stack
// renders the usual single value without allocating.
func (res *response) appendValueStrings(dst []string, v goja.Value) []string {
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Array" {
		n := int(obj.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			dst = append(dst, obj.Get(itoa(i)).String())
		}
		return dst
	}
	return append(dst, v.String())
}

// validHeaderValue is Node's checkInvalidHeaderChar: tab, visible ASCII and U+0080–U+00FF only.
func validHeaderValue(s string) bool {
	for _, r := range s {
		if r != '\t' && (r < 0x20 || r == 0x7f || r > 0xff) {
			return false
		}
	}
	return true
}

// wireHeader is the header block Node would write for the headers set so far. endLength is the
// length of the chunk end() sends with the head (0 when the head goes out otherwise): Node's
// _contentLength, which a Content-Length header replaces as the headers are written in order, and
// which changes how a later Content-Disposition is written (see dispositionOnWire).
func (res *response) wireHeader(extra int, endLength int) http.Header {
	h := make(http.Header, len(res.hdrs)+extra)
	// One backing array for the values: one value per header is the usual case.
	backing := make([]string, 0, len(res.hdrs))
	lengthKnown := endLength != 0
	for _, hd := range res.hdrs {
		key := http.CanonicalHeaderKey(hd.name)
		var one [1]string
		vals := res.appendValueStrings(one[:0], hd.val)
		switch hd.lname {
		case "content-length":
			n := hd.val.ToFloat()
			lengthKnown = n != 0 && !math.IsNaN(n)
		case "content-disposition":
			if lengthKnown {
				for i, v := range vals {
					vals[i] = dispositionOnWire(v)
				}
			}
		}
		for _, v := range vals {
			if cur := h[key]; cur == nil && len(backing) < cap(backing) {
				backing = append(backing, httptext.Latin1(v))
				h[key] = backing[len(backing)-1 : len(backing) : len(backing)]
				continue
			}
			h[key] = append(h[key], httptext.Latin1(v))
		}
	}
	return h
}

// dispositionOnWire is what Node 20 does to a Content-Disposition value when the body's length is
// known (nodejs/node#46528): it makes a Buffer of the value's Latin-1 bytes, and concatenating that
// into the header string decodes those bytes as UTF-8. A Latin-1 file name such as "résumé.txt"
// therefore reaches the client with U+FFFD for each é, written as its low byte 0xFD.
func dispositionOnWire(v string) string {
	return buffer.DecodeUTF8([]byte(httptext.Latin1(v)))
}

func validToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// statusCode reads res.statusCode.
func (res *response) statusCode() int {
	v := res.obj.Get("statusCode")
	if v == nil {
		return 200
	}
	return int(v.ToInteger())
}

// writeHead sends the status line and headers once; extra adds headers only to the wire (Node's
// implicit Content-Length) and endLength is the length of the chunk end() sends with them (see
// wireHeader). Status codes outside 100-999 throw RangeError as in Node.
func (res *response) writeHead(extra http.Header, endLength int) {
	if res.headersSent {
		return
	}
	a := res.a
	raw := res.obj.Get("statusCode")
	status := int(raw.ToInteger())
	if status < 100 || status > 999 {
		panic(nodeerr.New(a.vm, "RangeError", "ERR_HTTP_INVALID_STATUS_CODE", "Invalid status code: "+raw.String()))
	}
	h := res.wireHeader(len(extra), endLength)
	for k, v := range extra {
		h[k] = v
	}
	if msg := res.obj.Get("statusMessage"); msg == nil || !msg.ToBoolean() {
		// Node fills in the standard reason phrase. A custom one cannot reach the wire: net/http always
		// writes its own.
		text := statusMessage(status)
		if _, known := statusText[status]; !known {
			text = "unknown"
		}
		_ = res.obj.Set("statusMessage", res.a.stringValue(text))
	}
	res.headersSent = true
	res.x.push(op{kind: opHead, status: status, header: h})
}

// end finishes the response. With the head not yet sent, Node adds Content-Length for the final
// chunk, unless the response has no body.
func (res *response) end(data []byte) {
	if res.ended {
		return
	}
	if !res.headersSent {
		var extra http.Header
		if res.hasBody() && res.find("content-length") < 0 && res.find("transfer-encoding") < 0 {
			extra = http.Header{"Content-Length": {strconv.Itoa(len(data))}}
		}
		res.writeHead(extra, len(data))
	}
	res.ended = true
	if len(data) > 0 {
		res.x.push(op{kind: opData, data: data})
	}
	res.x.push(op{kind: opEnd})
	// Node's end() fully uncorks the socket: the response is on its way even if the socket is
	// destroyed in the same tick.
	res.x.uncork()
}

// hasBody is Node's _hasBody: false for a HEAD request and for 1xx, 204 and 304 responses, which
// get no implicit Content-Length (net/http adds none to them either).
func (res *response) hasBody() bool {
	if res.req.r.Method == http.MethodHead {
		return false
	}
	status := res.statusCode()
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// abort resets the connection (Node's socket.destroy()).
func (res *response) abort() {
	if res.aborted {
		return
	}
	res.aborted = true
	res.ended = true
	res.x.dropCorked()
	res.x.push(op{kind: opAbort})
}

// finish runs on the loop once the HTTP goroutine is done with the request: 'finish' (when the
// response was completed), then res 'close' and req 'close', as Node emits them.
func (res *response) finish(completed, clientGone bool) {
	if res.closed {
		return
	}
	res.closed = true
	for _, fn := range res.onDone {
		fn()
	}
	res.onDone = nil
	if completed {
		res.finished = true
		_, err := events.Emit(res.a.rt, res.obj, "finish")
		res.a.logListenerError(err)
	} else {
		res.ended = true
	}
	// req's stream ends or is destroyed now. When that destroys req, res 'close' is emitted from req's
	// _destroy (emitClose), between req's 'aborted' or 'end' and its deferred 'error' and 'close', which
	// is Node's order; otherwise it is emitted here.
	res.req.responseDone(completed)
	res.emitClose()
	res.req.socketClosed()
}

// emitClose emits res 'close' once the exchange is over, at most once. Must be called on the loop.
func (res *response) emitClose() {
	if !res.closed || res.closeSent {
		return
	}
	res.closeSent = true
	_, err := events.Emit(res.a.rt, res.obj, "close")
	res.a.logListenerError(err)
}

// onFinish runs fn on the loop once the response has finished or closed, whichever comes first.
func (res *response) onFinish(fn func()) {
	if res.closed {
		fn()
		return
	}
	res.onDone = append(res.onDone, fn)
}

// chunkBytes converts a write/end/send chunk: strings as UTF-8, Buffers and other typed arrays as
// their bytes (copied: the HTTP goroutine must not share memory with JS).
func (a *App) chunkBytes(v goja.Value) ([]byte, bool) {
	if obj, isObj := v.(*goja.Object); isObj && obj.ExportType() != bytesType && obj.ClassName() != "ArrayBuffer" {
		return nil, false
	}
	switch x := v.Export().(type) {
	case string:
		return []byte(x), true
	case []byte:
		return append([]byte(nil), x...), true
	case goja.ArrayBuffer:
		return append([]byte(nil), x.Bytes()...), true
	}
	return nil, false
}

// isBinary is Buffer.isBuffer for this runtime: any Uint8Array (Node's Buffer is one).
func (a *App) isBinary(v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	return obj.ExportType() == bytesType
}

// bytesType is what goja exports a Uint8Array (and so a Buffer) as.
var bytesType = reflect.TypeOf([]byte(nil))

// setCharset is Express's utils.setCharset: the media type with its charset parameter replaced.
func setCharset(typ, charset string) string {
	if mt, ok := charsetOnlyType(typ); ok && validToken(charset) {
		// What parsing and formatting give for a lower-case type/subtype whose only parameter
		// was a charset, without the parameter map: res.json and res.send take this path.
		if rest, ok := strings.CutPrefix(typ[len(mt):], "; charset="); ok && rest == charset {
			return typ
		}
		return mt + "; charset=" + charset
	}
	mt, params, err := mime.ParseMediaType(typ)
	if err != nil {
		return typ
	}
	params["charset"] = charset
	return mime.FormatMediaType(mt, params)
}

// charsetOnlyType returns the type/subtype of typ when typ is a lower-case type/subtype, alone or with
// a single unquoted charset parameter.
func charsetOnlyType(typ string) (string, bool) {
	mt, param, hasParam := strings.Cut(typ, ";")
	typeName, sub, ok := strings.Cut(mt, "/")
	if !ok || !validToken(typeName) || !validToken(sub) || strings.ContainsFunc(mt, unicode.IsUpper) {
		return "", false
	}
	if hasParam {
		name, value, ok := strings.Cut(strings.TrimLeft(param, " "), "=")
		if !ok || name != "charset" || !validToken(value) {
			return "", false
		}
	}
	return mt, true
}

// hasCharsetParam matches Express's /;\s*charset\s*=/.
func hasCharsetParam(v string) bool {
	for i := strings.IndexByte(v, ';'); i >= 0; {
		rest := strings.TrimLeft(v[i+1:], " \t\n\r\f\v")
		if len(rest) >= 7 && strings.EqualFold(rest[:7], "charset") && strings.HasPrefix(strings.TrimLeft(rest[7:], " \t\n\r\f\v"), "=") {
			return true
		}
		j := strings.IndexByte(v[i+1:], ';')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
