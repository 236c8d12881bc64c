package express

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// finalhandler is finalhandler 1.3.1 for an error, as Express 4 wires it: the status from err.status,
// err.statusCode, res.statusCode (4xx/5xx) or 500; err.headers applied when the status came from the
// error; the HTML page with the stack in development and the status text in production; the error
// logged as Express's logerror does. After the head was sent it resets the connection instead.
// Requests without an error never get here: they fall through to the host's next handler.
func (a *App) finalhandler(req *request, res *response, err goja.Value) {
	vm := a.vm
	status := errStatus(err, "status")
	if status == 0 {
		status = errStatus(err, "statusCode")
	}
	var headers *goja.Object
	if status == 0 {
		if s := res.statusCode(); s >= 400 && s < 600 {
			status = s
		} else {
			status = 500
		}
	} else if obj, ok := err.(*goja.Object); ok {
		headers, _ = obj.Get("headers").(*goja.Object)
	}
	var msg string
	if a.cfg.Env != "production" {
		msg = describeErr(err)
	}
	if msg == "" {
		// statuses.message[status]: a code without a standard text renders as "undefined", as in
		// finalhandler.
		var known bool
		if msg, known = statusText[status]; !known {
			msg = "undefined"
		}
	}
	a.rt.Logger().Error("request error", "error", describeErr(err), "url", req.obj.Get("originalUrl").String())
	if res.headersSent {
		res.abort()
		return
	}
	if res.ended {
		return
	}
	body := errorPage(msg)
	_ = res.obj.Set("statusCode", status)
	res.removeHeader("Content-Encoding")
	res.removeHeader("Content-Language")
	res.removeHeader("Content-Range")
	if headers != nil {
		for _, k := range headers.Keys() {
			res.setHeader(k, headers.Get(k))
		}
	}
	res.setHeader("Content-Security-Policy", vm.ToValue("default-src 'none'"))
	res.setHeader("X-Content-Type-Options", vm.ToValue("nosniff"))
	res.setHeader("Content-Type", vm.ToValue("text/html; charset=utf-8"))
	res.setHeader("Content-Length", vm.ToValue(len(body)))
	if req.obj.Get("method").String() == "HEAD" {
		res.end(nil)
		return
	}
	res.end([]byte(body))
}

// errStatus reads err[name] when it is a number in 400-599.
func errStatus(err goja.Value, name string) int {
	obj, ok := err.(*goja.Object)
	if !ok {
		return 0
	}
	v := obj.Get(name)
	if v == nil || !isNumber(v) {
		return 0
	}
	f := v.ToFloat()
	if f >= 400 && f < 600 {
		return int(f)
	}
	return 0
}

// describeErr is `err.stack || err.toString()`.
func describeErr(err goja.Value) string {
	if obj, ok := err.(*goja.Object); ok {
		if st := obj.Get("stack"); st != nil && st.ToBoolean() {
			return st.String()
		}
	}
	return err.String()
}

// errorPage is finalhandler's HTML document around an escaped message.
func errorPage(msg string) string {
	body := escapeHTML(msg)
	body = strings.ReplaceAll(body, "\n", "<br>")
	body = strings.ReplaceAll(body, "  ", " &nbsp;")
	return htmlDocument("Error", body)
}

// htmlDocument is the minimal HTML page finalhandler and serve-static answer with.
func htmlDocument(title, body string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
		"</title>\n</head>\n<body>\n<pre>" + body + "</pre>\n</body>\n</html>\n"
}

// NotFound answers a request no router handled as a bare Express 4 app does (finalhandler's 404):
// `Cannot <METHOD> <path>` in the HTML error page, the path taken from the original URL, percent-encoded
// and without the query. It is the default for hosts that have no 404 handler of their own.
func NotFound(w http.ResponseWriter, r *http.Request) {
	body := errorPage("Cannot " + r.Method + " " + encodeURL(r.URL.EscapedPath()))
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, body)
	}
}
