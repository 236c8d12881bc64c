package express

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func TestHelloJSON(t *testing.T) {
	f := setup(t, Config{}, `router.get('/hello', (req, res) => res.json({ok: true}))`)
	r := f.get("/api/plugins/test/hello")
	jstest.Expect(t, "status", r.status, 200)
	jstest.Expect(t, "body", r.body, `{"ok":true}`)
	jstest.Expect(t, "type", r.header.Get("Content-Type"), "application/json; charset=utf-8")
	jstest.Expect(t, "etag", r.header.Get("ETag"), `W/"b-Ai2R8hgEarLmHKwesT1qcY913ys"`)
	jstest.Expect(t, "length", r.header.Get("Content-Length"), "11")
}

func TestMountBoundaryAndCase(t *testing.T) {
	f := setup(t, Config{}, `router.use((req, res) => res.json({url: req.url, path: req.path, baseUrl: req.baseUrl, originalUrl: req.originalUrl}))`)
	cases := []struct{ target, want string }{
		{"/api/plugins/test", `{"url":"/","path":"/","baseUrl":"/api/plugins/test","originalUrl":"/api/plugins/test"}`},
		{"/api/plugins/test/", `{"url":"/","path":"/","baseUrl":"/api/plugins/test","originalUrl":"/api/plugins/test/"}`},
		{"/api/plugins/test?q=1", `{"url":"/?q=1","path":"/","baseUrl":"/api/plugins/test","originalUrl":"/api/plugins/test?q=1"}`},
		{"/api/plugins/test//x", `{"url":"/x","path":"/x","baseUrl":"/api/plugins/test","originalUrl":"/api/plugins/test//x"}`},
		{"/API/Plugins/TEST/ECHO/?x=1", `{"url":"/ECHO/?x=1","path":"/ECHO/","baseUrl":"/API/Plugins/TEST","originalUrl":"/API/Plugins/TEST/ECHO/?x=1"}`},
	}
	for _, c := range cases {
		r := f.get(c.target)
		jstest.Expect(t, c.target, r.body, c.want)
	}
	for _, target := range []string{"/api/plugins/testing", "/api/plugins/test.json", "/other"} {
		r := f.get(target)
		jstest.Expect(t, target+" status", r.status, 404)
		jstest.Expect(t, target+" body", r.body, "host 404")
	}
}

func TestStackLength(t *testing.T) {
	f := setup(t, Config{}, `
		const fn = (req, res, next) => next();
		router.get('/a', fn, fn);
		router.route('/b').get(fn).post(fn);
		router.use(fn, fn);
		router.use('/c', [fn, [fn]]);
		router.param('id', fn);
		router.get('/e');
		try { router.get('/f', 3) } catch (e) { globalThis.fErr = e.message }
		try { router.get(fn) } catch (e) { globalThis.gErr = e.constructor.name + ': ' + e.message }
		try { router.use() } catch (e) { globalThis.uErr = e.message }
		try { router.use('/h', 'x') } catch (e) { globalThis.hErr = e.message }
	`)
	jstest.Expect(t, "StackLen", f.rt != nil, true)
	n := f.eval(`router.stack.length`)
	jstest.Expect(t, "stack length", n, "8")
	jstest.Expect(t, "f error", f.eval(`fErr`), "Route.get() requires a callback function but got a [object Number]")
	jstest.Expect(t, "no path", f.eval(`gErr`), "TypeError: path must be a string, array of strings, or regular expression")
	jstest.Expect(t, "use()", f.eval(`uErr`), "Router.use() requires a middleware function")
	jstest.Expect(t, "use string", f.eval(`hErr`), "Router.use() requires a middleware function but got a string")
	jstest.Expect(t, "layer names", f.eval(`router.stack.map(l => l.name).join(',')`),
		"bound dispatch,bound dispatch,fn,fn,fn,fn,bound dispatch,bound dispatch")
	jstest.Expect(t, "route path", f.eval(`router.stack[0].route.path + ' ' + (router.stack[2].route === undefined)`), "/a true")
}

func TestParamsSyntax(t *testing.T) {
	f := setup(t, Config{}, `
		const echo = (req, res) => res.json({keys: Object.keys(req.params), params: req.params});
		router.get('/opt/:a/:b?', echo);
		router.get('/file/:name.:ext', echo);
		router.get('/star/*', echo);
		router.get('/user/:user*', echo);
		router.get('/f/*.*', echo);
		router.get('/u(s)?/:id', echo);
		router.get('/num/:id(\\d+)', echo);
		router.get('/items/:id', echo);
		router.get(/^\/re\/(\d+)$/, echo);
		router.get(['/arr1/:x', '/arr2/:y'], echo);
	`)
	cases := []struct{ target, want string }{
		{"/opt/x", `{"keys":["a","b"],"params":{"a":"x"}}`},
		{"/opt/x/y", `{"keys":["a","b"],"params":{"a":"x","b":"y"}}`},
		{"/file/report.tar.gz", `{"keys":["name","ext"],"params":{"name":"report.tar","ext":"gz"}}`},
		{"/star/", `{"keys":["0"],"params":{"0":""}}`},
		{"/star/a/b", `{"keys":["0"],"params":{"0":"a/b"}}`},
		{"/user/122/aaa", `{"keys":["0","user"],"params":{"0":"/aaa","user":"122"}}`},
		{"/user/122", `{"keys":["0","user"],"params":{"0":"","user":"122"}}`},
		{"/f/a/b.c.json", `{"keys":["0","1"],"params":{"0":"a/b.c","1":"json"}}`},
		{"/us/5", `{"keys":["0","id"],"params":{"0":"s","id":"5"}}`},
		{"/num/42", `{"keys":["id"],"params":{"id":"42"}}`},
		{"/items/a%2Fb", `{"keys":["id"],"params":{"id":"a/b"}}`},
		{"/items/%ce%b1", `{"keys":["id"],"params":{"id":"α"}}`},
		{"/items/a+b", `{"keys":["id"],"params":{"id":"a+b"}}`},
		{"/ITEMS/x/", `{"keys":["id"],"params":{"id":"x"}}`},
		{"/re/7", `{"keys":["0"],"params":{"0":"7"}}`},
		{"/arr2/q", `{"keys":["x","y"],"params":{"y":"q"}}`},
	}
	for _, c := range cases {
		r := f.get("/api/plugins/test" + c.target)
		jstest.Expect(t, c.target, r.body, c.want)
	}
	jstest.Expect(t, "no match", f.get("/api/plugins/test/num/abc").status, 404)
	jstest.Expect(t, "star needs slash", f.get("/api/plugins/test/star").body, "host 404")
}

func TestBadParamEscape(t *testing.T) {
	f := setup(t, Config{}, `router.get('/items/:id', (req, res) => res.send('x'))`)
	r := f.get("/api/plugins/test/items/x", "raw-uri", "/api/plugins/test/items/%E0%A4%A")
	jstest.Expect(t, "status", r.status, 400)
	jstest.Expect(t, "body has Bad Request", r.body, errorPage("Bad Request"))
}

func TestNextVariants(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/route', (req, res, next) => next('route'), (req, res) => res.send('skipped'));
		router.get('/route', (req, res) => res.send('second'));
		router.get('/router', (req, res, next) => next('router'));
		router.get('/router', (req, res) => res.send('never'));
		router.get('/err', (req, res, next) => next(new Error('boom')));
		router.get('/throw', () => { throw new Error('thrown') });
		router.get('/strerr', (req, res, next) => next('a string error'));
		router.get('/fallthrough', (req, res, next) => next());
		router.get('/handled', (req, res, next) => next(new Error('x')), (err, req, res, next) => res.status(418).send('caught ' + err.message));
		router.use((err, req, res, next) => { if (req.path === '/err') return res.status(500).json({error: err.message}); next(err) });
	`)
	jstest.Expect(t, "route", f.get("/api/plugins/test/route").body, "second")
	r := f.get("/api/plugins/test/router")
	jstest.Expect(t, "router", r.body, "host 404")
	jstest.Expect(t, "err", f.get("/api/plugins/test/err").body, `{"error":"boom"}`)
	r = f.get("/api/plugins/test/throw")
	jstest.Expect(t, "throw status", r.status, 500)
	jstest.Expect(t, "throw body", r.body, errorPage("Internal Server Error"))
	jstest.Expect(t, "throw length", r.header.Get("Content-Length"), "148")
	jstest.Expect(t, "csp", r.header.Get("Content-Security-Policy"), "default-src 'none'")
	jstest.Expect(t, "nosniff", r.header.Get("X-Content-Type-Options"), "nosniff")
	jstest.Expect(t, "fallthrough", f.get("/api/plugins/test/fallthrough").body, "host 404")
	r = f.get("/api/plugins/test/handled")
	jstest.Expect(t, "handled", r.status, 418)
	jstest.Expect(t, "handled body", r.body, "caught x")
	jstest.Expect(t, "wrong method → host 404", f.do("DELETE", "/api/plugins/test/route", "").body, "host 404")
}

func TestDevelopmentErrorPage(t *testing.T) {
	f := setup(t, Config{Env: "development"}, `
		router.get('/s', (req, res, next) => next('a string error'));
		router.get('/st', (req, res, next) => { res.status(503); next(new Error('x')) });
		router.get('/h', (req, res, next) => { const e = new Error('x'); e.statusCode = 403; e.headers = {'X-Err': '1'}; next(e) });
		router.get('/thrown', () => { throw new Error('boom') });
	`)
	// Documented difference: the stack is goja's format (tab-indented frames), not V8's.
	if r := f.get("/api/plugins/test/thrown"); !strings.Contains(r.body, "<pre>Error: boom<br>\tat ") {
		t.Errorf("development page: %q, want the goja stack", r.body)
	}
	r := f.get("/api/plugins/test/s")
	jstest.Expect(t, "status", r.status, 500)
	jstest.Expect(t, "body", r.body, errorPage("a string error"))
	jstest.Expect(t, "res.statusCode precedence", f.get("/api/plugins/test/st").status, 503)
	r = f.get("/api/plugins/test/h")
	jstest.Expect(t, "statusCode", r.status, 403)
	jstest.Expect(t, "err.headers", r.header.Get("X-Err"), "1")
}

func TestHeadAndOptions(t *testing.T) {
	f := setup(t, Config{}, `
		router.post('/multi', (req, res) => res.send('p'));
		router.put('/multi', (req, res) => res.send('u'));
		router.get('/multi', (req, res) => res.send('hello'));
	`)
	r := f.do("HEAD", "/api/plugins/test/multi", "")
	jstest.Expect(t, "head status", r.status, 200)
	jstest.Expect(t, "head body", r.body, "")
	jstest.Expect(t, "head etag", r.header.Get("ETag"), `W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"`)
	jstest.Expect(t, "head length", r.header.Get("Content-Length"), "5")
	r = f.do("OPTIONS", "/api/plugins/test/multi", "")
	jstest.Expect(t, "allow", r.header.Get("Allow"), "POST,PUT,GET,HEAD")
	jstest.Expect(t, "options body", r.body, "POST,PUT,GET,HEAD")
	jstest.Expect(t, "options type", r.header.Get("Content-Type"), "text/html; charset=utf-8")
	jstest.Expect(t, "options none", f.do("OPTIONS", "/api/plugins/test/none", "").body, "host 404")
}

func TestParamCallbacksAndNesting(t *testing.T) {
	f := setup(t, Config{}, `
		let calls = 0;
		router.param('id', (req, res, next, id) => { calls++; req.user = 'u' + id; next() });
		router.get('/p/:id', (req, res, next) => next());
		router.get('/p/:id', (req, res) => res.json({user: req.user, calls}));
		const sub = express.Router();
		sub.use((req, res) => res.json({baseUrl: req.baseUrl, url: req.url}));
		router.use('/sub', sub);
		router.use((req, res, next) => { req.url = '/p/9'; next() });
	`)
	jstest.Expect(t, "param once", f.get("/api/plugins/test/p/1").body, `{"user":"u1","calls":1}`)
	jstest.Expect(t, "nested", f.get("/api/plugins/test/sub/deep/x?q=1").body, `{"baseUrl":"/api/plugins/test/sub","url":"/deep/x?q=1"}`)
}
