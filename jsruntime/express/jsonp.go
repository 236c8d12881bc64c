package express

import (
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// jsonpCallbackJunk is what Express strips from a JSONP callback name: anything but [\]\w$.
var jsonpCallbackJunk = regexp.MustCompile(`[^\[\]A-Za-z0-9_$.]`)

// jsonp is res.jsonp(obj) (and its deprecated two-argument forms): JSON, wrapped in a call to the
// callback named by the query parameter of the "jsonp callback name" setting when there is one.
func (res *response) jsonp(args []goja.Value) {
	a := res.a
	vm := a.vm
	val := goja.Undefined()
	if len(args) > 0 {
		val = args[0]
	}
	if len(args) >= 2 {
		if isNumber(args[1]) {
			_ = res.obj.Set("statusCode", args[1])
		} else {
			_ = res.obj.Set("statusCode", args[0])
			val = args[1]
		}
	}
	body, ok := a.stringify(val)
	var callback goja.Value = goja.Undefined()
	if q, ok := res.req.obj.Get("query").(*goja.Object); ok {
		name := "callback"
		if n := a.setting("jsonp callback name"); n != nil {
			name = n.String()
		}
		if cb := q.Get(name); cb != nil {
			callback = cb
		}
	}
	if !res.getHeader("Content-Type").ToBoolean() {
		res.set("X-Content-Type-Options", vm.ToValue("nosniff"))
		res.set("Content-Type", vm.ToValue("application/json"))
	}
	if arr, ok := callback.(*goja.Object); ok && arr.ClassName() == "Array" {
		callback = arr.Get("0")
	}
	if isStringValue(callback) && callback.String() != "" {
		res.set("X-Content-Type-Options", vm.ToValue("nosniff"))
		res.set("Content-Type", vm.ToValue("text/javascript"))
		cb := jsonpCallbackJunk.ReplaceAllString(callback.String(), "")
		text := ""
		if ok {
			// U+2028/2029 end a JavaScript line in older engines; JSON leaves them raw.
			text = lineSeparatorEscaper.Replace(string(body))
		}
		body, ok = []byte("/**/ typeof "+cb+" === 'function' && "+cb+"("+text+");"), true
	}
	if !ok {
		res.send(goja.Undefined())
		return
	}
	res.sendText(body)
}

// lineSeparatorEscaper writes U+2028 and U+2029 as escapes in a JSONP body.
var lineSeparatorEscaper = strings.NewReplacer("\u2028", `\u2028`, "\u2029", `\u2029`)
