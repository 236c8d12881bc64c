package express

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// hdr lists header name/value pairs.
func hdr(kv ...string) []string { return kv }

// TestRequestMembersMatchExpress replays requests whose expected values were produced by express
// 4.22.1 on Node 20 (NODE_ENV=production) evaluating the same expressions inside a route handler.
func TestRequestMembersMatchExpress(t *testing.T) {
	f := setup(t, Config{}, `
		router.all('/e/:id?', (req, res) => {
			const out = JSON.parse(req.get('x-exprs')).map(e => {
				try { const v = eval(e); return v === undefined ? 'undefined' : v }
				catch (err) { return 'throws ' + err.constructor.name + ': ' + err.message }
			});
			res.json(out);
		});
	`)
	cases := []struct {
		method, target string
		headers        []string
		body           string
		exprs          []string
		want           string
	}{
		{"GET", "/api/plugins/test/e", hdr(), "", []string{"req.accepts('json')", "req.accepts()", "req.acceptsCharsets()", "req.acceptsEncodings()", "req.acceptsLanguages()", "req.acceptsEncodings('gzip','identity')", "req.acceptsCharsets('utf-8')", "req.acceptsLanguages('en')", "req.accepts(['html','json'])", "req.accepts('nonsense-ext')"},
			`["json",["*/*"],["*"],["identity"],["*"],"identity","utf-8","en","html","nonsense-ext"]`},
		{"GET", "/api/plugins/test/e", hdr("accept", "application/json;q=0.5, text/html"), "", []string{"req.accepts(['html','json'])", "req.accepts('text/plain')", "req.accepts()", "req.accepts('json','html')", "req.accepts('application/*')", "req.accepts('nonsense-ext')"},
			`["html",false,["text/html","application/json"],"html",false,false]`},
		{"GET", "/api/plugins/test/e", hdr("accept", "text/*;q=0.3, text/html;q=0.7, text/html;level=1, text/html;level=2;q=0.4, */*;q=0.5"), "", []string{"req.accepts()", "req.accepts('text/html;level=1')", "req.accepts(['text/plain','image/png','text/html'])", "req.accepts('text/html;level=2','text/html;level=3')", "req.accepts('png')"},
			`[["text/html","text/html","*/*","text/html","text/*"],"text/html;level=1","text/html","text/html;level=3","png"]`},
		{"GET", "/api/plugins/test/e", hdr("accept", ""), "", []string{"req.accepts()", "req.accepts('json','html')"},
			`[[],"json"]`},
		{"GET", "/api/plugins/test/e", hdr("accept", "application/json;q=0, */*;q=0.1, foo, text/x-\"a,b\";q=0.2"), "", []string{"req.accepts()", "req.accepts('json','html')", "req.accepts('text/x-\"a,b\"')"},
			`[["text/x-\"a,b\"","*/*"],"html","text/x-\"a,b\""]`},
		{"GET", "/api/plugins/test/e", hdr("accept", "TEXT/HTML; Q=0.5; charset=utf-8, application/json;charset=\"UTF-8\""), "", []string{"req.accepts()", "req.accepts('html','json')", "req.accepts('application/json;charset=utf-8')", "req.accepts('application/json')", "req.accepts('text/html')"},
			`[["application/json","TEXT/HTML"],"html","application/json;charset=utf-8",false,"text/html"]`},
		{"GET", "/api/plugins/test/e", hdr("accept-charset", "iso-8859-5, unicode-1-1;q=0.8, *;q=0.1, UTF-8;q=0"), "", []string{"req.acceptsCharsets()", "req.acceptsCharsets('utf-8','ascii')", "req.acceptsCharsets('utf-8')", "req.acceptsCharset('ISO-8859-5')", "req.acceptsCharsets(['unicode-1-1','iso-8859-5'])"},
			`[["iso-8859-5","unicode-1-1","*"],"ascii",false,"ISO-8859-5","iso-8859-5"]`},
		{"GET", "/api/plugins/test/e", hdr("accept-encoding", "gzip;q=0.5, br, deflate;q=0.5"), "", []string{"req.acceptsEncodings()", "req.acceptsEncodings('gzip','deflate')", "req.acceptsEncodings(['identity','gzip'])", "req.acceptsEncoding('br')"},
			`[["br","gzip","deflate","identity"],"gzip","gzip","br"]`},
		{"GET", "/api/plugins/test/e", hdr("accept-encoding", "*;q=0.3, gzip"), "", []string{"req.acceptsEncodings()", "req.acceptsEncodings('identity','deflate')"},
			`[["gzip","*"],"identity"]`},
		{"GET", "/api/plugins/test/e", hdr("accept-encoding", "gzip;q=0, identity;q=0"), "", []string{"req.acceptsEncodings()", "req.acceptsEncodings('gzip','identity')"},
			`[[],false]`},
		{"GET", "/api/plugins/test/e", hdr("accept-encoding", ""), "", []string{"req.acceptsEncodings()", "req.acceptsEncodings('gzip')"},
			`[["identity"],false]`},
		{"GET", "/api/plugins/test/e", hdr("accept-language", "en-US, en;q=0.9, fr-CA;q=0.8, de;q=0.7, *;q=0.1"), "", []string{"req.acceptsLanguages()", "req.acceptsLanguages('fr','de')", "req.acceptsLanguages('en')", "req.acceptsLanguages(['es','fr-CA'])", "req.acceptsLanguage('EN-us', 'en')", "req.acceptsLanguages('fr')", "req.acceptsLanguages('fr-FR','zz')"},
			`[["en-US","en","fr-CA","de","*"],"fr","en","fr-CA","EN-us","fr","fr-FR"]`},
		{"GET", "/api/plugins/test/e", hdr("accept-language", "en;q=abc, fr;q=.5, de;q=1.5e0x"), "", []string{"req.acceptsLanguages()", "req.acceptsLanguages('en','fr','de')"},
			`[["de","fr"],"de"]`},
		{"GET", "/api/plugins/test/e", hdr("range", "bytes=0-99,200-299,-50,900-"), "", []string{"req.range(1000)", "req.range(1000).type", "req.range(250)", "req.range(10)"},
			`[[{"start":0,"end":99},{"start":200,"end":299},{"start":950,"end":999},{"start":900,"end":999}],"bytes",[{"start":0,"end":99},{"start":200,"end":249},{"start":200,"end":249}],[{"start":0,"end":9}]]`},
		{"GET", "/api/plugins/test/e", hdr("range", "bytes=0-4,3-9,20-30,11-12"), "", []string{"req.range(100)", "req.range(100,{combine:true})"},
			`[[{"start":0,"end":4},{"start":3,"end":9},{"start":20,"end":30},{"start":11,"end":12}],[{"start":0,"end":9},{"start":20,"end":30},{"start":11,"end":12}]]`},
		{"GET", "/api/plugins/test/e", hdr("range", "bytes=5-1"), "", []string{"req.range(100)"},
			`[-1]`},
		{"GET", "/api/plugins/test/e", hdr("range", "junk"), "", []string{"req.range(100)"},
			`[-2]`},
		{"GET", "/api/plugins/test/e", hdr("range", "items=1--5, x-3, 2"), "", []string{"req.range(100)", "req.range(100).type"},
			`[[{"start":1,"end":99},{"start":97,"end":99},{"start":2,"end":99}],"items"]`},
		{"GET", "/api/plugins/test/e", hdr(), "", []string{"req.range(100)"},
			`["undefined"]`},
		{"POST", "/api/plugins/test/e/7?id=q&x=fromq&y=0", hdr("content-type", "application/json"), "{\"x\":\"fromb\",\"id\":\"b\",\"z\":null}", []string{"req.param('id')", "req.param('x')", "req.param('y')", "req.param('z', 'dflt')", "req.param('nope')", "req.param('nope', 5)"},
			`["7","fromb","0","dflt","undefined",5]`},
		{"GET", "/api/plugins/test/e", hdr("host", "a.b.example.com:8080"), "", []string{"req.subdomains", "req.hostname", "req.host", "req.ips", "req.ip === req.socket.remoteAddress", "req.connection === req.socket", "typeof req.socket.remotePort", "req.socket.encrypted", "req.protocol", "req.secure"},
			`[["b","a"],"a.b.example.com","a.b.example.com",[],true,true,"number","undefined","http",false]`},
		{"GET", "/api/plugins/test/e", hdr("host", "[::1]:3000"), "", []string{"req.subdomains", "req.hostname"},
			`[[],"[::1]"]`},
		{"GET", "/api/plugins/test/e", hdr("host", "127.0.0.1"), "", []string{"req.subdomains", "req.hostname"},
			`[[],"127.0.0.1"]`},
		{"GET", "/api/plugins/test/e", hdr("host", "example.com", "x-forwarded-for", "1.2.3.4", "x-forwarded-host", "evil.com", "x-forwarded-proto", "https"), "", []string{"req.hostname", "req.protocol", "req.ips", "req.subdomains"},
			`["example.com","http",[],[]]`},
		{"GET", "/api/plugins/test/e", hdr(), "", []string{"req.app.get('env')", "req.app.get('etag')", "req.app.get('query parser')", "req.app.get('trust proxy')", "req.app.get('json spaces')", "req.app.get('subdomain offset')", "req.app.get('x-powered-by')", "req.app.get('jsonp callback name')", "req.app.get('case sensitive routing')", "req.app.enabled('trust proxy')", "req.app.disabled('etag')", "req.res === res", "req.route.path", "typeof req.next", "req.app === res.app", "req.fresh", "req.stale"},
			`["production","weak","extended",false,"undefined",2,true,"callback","undefined",false,false,true,"/e/:id?","function",true,false,true]`},
		{"GET", "/api/plugins/test/e", hdr("if-none-match", "W/\"abc\""), "", []string{"req.fresh", "(res.set('ETag','\"abc\"'), req.fresh)", "req.stale", "(res.status(500), req.fresh)"},
			`[false,true,false,false]`},
		{"GET", "/api/plugins/test/e", hdr("if-none-match", "\"x\", \"abc\""), "", []string{"(res.set('ETag','W/\"abc\"'), req.fresh)", "(res.set('ETag','\"zzz\"'), req.fresh)", "(res.status(500), req.fresh)"},
			`[true,false,false]`},
		{"GET", "/api/plugins/test/e", hdr("if-none-match", "*", "cache-control", "max-age=0, no-cache"), "", []string{"req.fresh", "(res.status(500), 1)"},
			`[false,1]`},
		{"POST", "/api/plugins/test/e", hdr("if-none-match", "*", "content-type", "text/plain"), "x", []string{"req.fresh"},
			`[false]`},
		{"GET", "/api/plugins/test/e", hdr("if-modified-since", "Wed, 21 Oct 2015 07:28:00 GMT"), "", []string{"req.fresh", "(res.set('Last-Modified','Wed, 21 Oct 2015 07:00:00 GMT'), req.fresh)", "(res.set('Last-Modified','Thu, 22 Oct 2015 07:00:00 GMT'), req.fresh)", "(res.status(500), 1)"},
			`[false,true,false,1]`},
		{"GET", "/api/plugins/test/e", hdr("x-multi", "a", "x-multi", "b", "cookie", "a=1", "cookie", "b=2", "user-agent", "ua1", "user-agent", "ua2", "set-cookie", "s=1", "set-cookie", "t=2", "accept", "text/html;q=0.4", "accept", "application/json;q=0.5", "authorization", "A", "authorization", "B", "if-none-match", "\"1\"", "if-none-match", "\"2\"", "referer", "http://r1/", "referer", "http://r2/", "x-empty", ""), "", []string{"req.headers['x-multi']", "req.headers.cookie", "req.headers['user-agent']", "req.headers['set-cookie']", "req.get('accept')", "req.accepts('html','json')", "req.get('set-cookie')", "req.headers.authorization", "req.headers['if-none-match']", "req.get('referrer')", "req.headers['x-empty']", "req.get('x-missing')", "Object.keys(req.headers).filter(k => k.startsWith('x-')).sort()"},
			`["a, b","a=1; b=2","ua1",["s=1","t=2"],"text/html;q=0.4, application/json;q=0.5","json",["s=1","t=2"],"A","\"1\", \"2\"","http://r1/","","undefined",["x-empty","x-exprs","x-multi"]]`},
	}
	for _, c := range cases {
		var body *strings.Reader
		if c.body != "" {
			body = strings.NewReader(c.body)
		} else {
			body = strings.NewReader("")
		}
		req := httptest.NewRequest(c.method, c.target, body)
		if c.body == "" {
			req.ContentLength = 0
		}
		for i := 0; i+1 < len(c.headers); i += 2 {
			if strings.EqualFold(c.headers[i], "host") {
				req.Host = c.headers[i+1]
				continue
			}
			req.Header.Add(c.headers[i], c.headers[i+1])
		}
		exprs, _ := json.Marshal(c.exprs)
		req.Header.Set("X-Exprs", string(exprs))
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req.WithContext(ctx))
		cancel()
		jstest.Expect(t, strings.Join(c.headers, " ")+" "+strings.Join(c.exprs, " "), rec.Body.String(), c.want)
	}
}
