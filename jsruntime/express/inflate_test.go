package express

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func gzipped(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.String()
}

func deflated(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.String()
}

// Expected values come from body-parser 1.20.4 (raw-body 2.5.3) on Node 20.
func TestBodyParserInflate(t *testing.T) {
	f := setup(t, Config{}, `
		const show = (req, res) => res.json({body: req.body instanceof Uint8Array ? 'bytes:' + req.body.length : req.body});
		const err = (e, req, res, next) => res.status(e.status || 500).json({status: e.status, type: e.type, message: e.message, name: e.name, code: e.code, limit: e.limit, received: e.received, encoding: e.encoding});
		router.post('/text', express.text(), show, err);
		router.post('/noinflate', express.text({inflate: false}), show, err);
		router.post('/raw', express.raw({limit: 100}), show, err);
		router.post('/global', show);
		router.use(err);
	`)
	text := "Content-Type"
	post := func(path, body string, headers ...string) result {
		t.Helper()
		return f.do("POST", "/api/plugins/test"+path, body, headers...)
	}
	jstest.Expect(t, "gzip", post("/text", gzipped("hello gz"), text, "text/plain", "Content-Encoding", "gzip").body, `{"body":"hello gz"}`)
	jstest.Expect(t, "deflate", post("/text", deflated("hello df"), text, "text/plain", "Content-Encoding", "DEFLATE").body, `{"body":"hello df"}`)
	jstest.Expect(t, "identity", post("/text", "plain", text, "text/plain", "Content-Encoding", "identity").body, `{"body":"plain"}`)
	r := post("/text", "x", text, "text/plain", "Content-Encoding", "br")
	jstest.Expect(t, "br", r.body, `{"status":415,"type":"encoding.unsupported","message":"unsupported content encoding \"br\"","name":"UnsupportedMediaTypeError","encoding":"br"}`)
	r = post("/noinflate", gzipped("x"), text, "text/plain", "Content-Encoding", "gzip")
	jstest.Expect(t, "inflate false", r.body, `{"status":415,"type":"encoding.unsupported","message":"content encoding unsupported","name":"UnsupportedMediaTypeError","encoding":"gzip"}`)
	jstest.Expect(t, "inflate false identity", post("/noinflate", "ok", text, "text/plain", "Content-Encoding", "identity").body, `{"body":"ok"}`)
	// Documented difference: charsets beyond UTF-8, UTF-16 and Latin-1 are refused (iconv-lite would
	// decode koi8-r).
	r = post("/text", "x", text, "text/plain; charset=koi8-r")
	jstest.Expect(t, "koi8-r", r.body, `{"status":415,"type":"charset.unsupported","message":"unsupported charset \"KOI8-R\"","name":"UnsupportedMediaTypeError"}`)

	// 5 MB of 'a' compresses to a few KB: the limit applies to the inflated bytes, counted in zlib's
	// 16 KiB chunks, and reading stops there.
	bomb := gzipped(string(bytes.Repeat([]byte("a"), 5_000_000)))
	r = post("/text", bomb, text, "text/plain", "Content-Encoding", "gzip")
	jstest.Expect(t, "bomb", r.body, `{"status":413,"type":"entity.too.large","message":"request entity too large","name":"PayloadTooLargeError","limit":102400,"received":114688}`)
	r = post("/raw", gzipped(string(bytes.Repeat([]byte{1, 2}, 256))), text, "application/octet-stream", "Content-Encoding", "gzip")
	jstest.Expect(t, "raw over limit", r.body, `{"status":413,"type":"entity.too.large","message":"request entity too large","name":"PayloadTooLargeError","limit":100,"received":512}`)
	jstest.Expect(t, "raw", post("/raw", gzipped("abc"), text, "application/octet-stream", "Content-Encoding", "gzip").body, `{"body":"bytes:3"}`)

	r = post("/text", "not gzip at all", text, "text/plain", "Content-Encoding", "gzip")
	jstest.Expect(t, "bad header", r.body, `{"status":400,"message":"incorrect header check","name":"Error","code":"Z_DATA_ERROR"}`)
	full := gzipped("hello trunc hello trunc")
	r = post("/text", full[:len(full)-10], text, "text/plain", "Content-Encoding", "gzip")
	jstest.Expect(t, "truncated", r.body, `{"status":400,"message":"unexpected end of file","name":"Error","code":"Z_BUF_ERROR"}`)

	jstest.Expect(t, "global json", post("/global", gzipped(`{"a":[1,2]}`), text, "application/json", "Content-Encoding", "gzip").body, `{"body":{"a":[1,2]}}`)
	jstest.Expect(t, "global form", post("/global", gzipped(`a=1&b[c]=2`), text, "application/x-www-form-urlencoded", "Content-Encoding", "gzip").body, `{"body":{"a":"1","b":{"c":"2"}}}`)
	jstest.Expect(t, "global br", post("/global", "{}", text, "application/json", "Content-Encoding", "br").status, 415)
}

func TestBodyParserOptions(t *testing.T) {
	f := setup(t, Config{}, `
		const show = (req, res) => res.json({body: req.body, nullProto: typeof req.body === 'object' && Object.getPrototypeOf(req.body) === null});
		const err = (e, req, res, next) => res.status(e.status).json({status: e.status, type: e.type, message: e.message, expose: e.expose, bodyLength: e.body ? e.body.length : undefined});
		router.post('/simple', express.urlencoded({extended: false, type: 'application/x-form'}), show, err);
		router.post('/lim', express.urlencoded({extended: true, parameterLimit: 3, type: ['application/x-form', 'text/x-f']}), show, err);
		router.post('/simplelim', express.urlencoded({extended: false, parameterLimit: 3, type: 'application/x-form'}), show, err);
		router.post('/depth', express.urlencoded({extended: true, depth: 1, type: 'application/x-form'}), show, err);
		router.post('/typefn', express.text({type: (req) => req.headers['x-parse'] === 'yes'}), show, err);
		router.post('/verify', express.text({verify: (req, res, buf, enc) => { if (buf.length === 3 && buf[0] === 98) throw new Error('nope ' + enc) }}), show, err);
		router.post('/verify-own', express.text({verify: () => { const e = new Error('typed'); e.status = 418; e.type = 'mine'; throw e }}), show, err);
		router.get('/badopts', (req, res) => {
			const out = [];
			for (const o of [{parameterLimit: 0}, {parameterLimit: 'x'}, {depth: -1}]) {
				try { express.urlencoded({extended: true, ...o}); out.push('ok') } catch (e) { out.push(e.message) }
			}
			res.json(out);
		});
	`)
	form := "application/x-form"
	post := func(path, body string, headers ...string) string {
		t.Helper()
		return f.do("POST", "/api/plugins/test"+path, body, headers...).body
	}
	jstest.Expect(t, "simple", post("/simple", "a=1&a=2&b[c]=3&d=x+y%20z", "Content-Type", form), `{"body":{"a":["1","2"],"b[c]":"3","d":"x y z"},"nullProto":true}`)
	jstest.Expect(t, "simple empty", post("/simple", "", "Content-Type", form, "Content-Length", "0"), `{"body":{},"nullProto":false}`)
	tooMany := func(bodyLength int) string {
		return fmt.Sprintf(`{"status":413,"type":"parameters.too.many","message":"too many parameters","expose":true,"bodyLength":%d}`, bodyLength)
	}
	// body-parser counts '&' and refuses when the count reaches parameterLimit.
	jstest.Expect(t, "limit reached", post("/lim", "a=1&b=2&c=3&d=4", "Content-Type", form), tooMany(15))
	jstest.Expect(t, "under limit", post("/lim", "a=1&b=2&c=3", "Content-Type", form), `{"body":{"a":"1","b":"2","c":"3"},"nullProto":false}`)
	jstest.Expect(t, "type array", post("/lim", "a[b]=1", "Content-Type", "text/x-f"), `{"body":{"a":{"b":"1"}},"nullProto":false}`)
	jstest.Expect(t, "simple limit", post("/simplelim", "a=1&&&", "Content-Type", form), tooMany(6))
	jstest.Expect(t, "depth", post("/depth", "a[b][c]=1", "Content-Type", form), `{"status":400,"type":"querystring.parse.rangeError","message":"The input exceeded the depth","expose":true,"bodyLength":9}`)
	jstest.Expect(t, "within depth", post("/depth", "a[b]=1", "Content-Type", form), `{"body":{"a":{"b":"1"}},"nullProto":false}`)
	jstest.Expect(t, "type function", post("/typefn", "abc", "Content-Type", "application/x-whatever", "X-Parse", "yes"), `{"body":"abc","nullProto":false}`)
	jstest.Expect(t, "type function declines", post("/typefn", "abc", "Content-Type", "text/plain"), `{"body":{},"nullProto":false}`)
	jstest.Expect(t, "verify", post("/verify", "bad", "Content-Type", "text/plain"), `{"status":403,"type":"entity.verify.failed","message":"nope utf-8","expose":true,"bodyLength":3}`)
	jstest.Expect(t, "verify passes", post("/verify", "good", "Content-Type", "text/plain"), `{"body":"good","nullProto":false}`)
	jstest.Expect(t, "verify own status", post("/verify-own", "x", "Content-Type", "text/plain"), `{"status":418,"type":"mine","message":"typed","expose":true,"bodyLength":1}`)
	jstest.Expect(t, "option errors", f.get("/api/plugins/test/badopts").body, `["option parameterLimit must be a positive number","option parameterLimit must be a positive number","option depth must be a zero or a positive number"]`)
}
