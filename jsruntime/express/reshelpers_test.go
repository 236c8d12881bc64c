package express

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// Expected values in this file were taken from express 4.22.1 (cookie 0.7.2, content-disposition
// 0.5.4) on Node 20 with the same handlers.

func TestJSONP(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/jsonp', (req, res) => res.jsonp({a: '\u2028x\u2029'}));
		router.get('/str', (req, res) => res.jsonp('s'));
		router.get('/undef', (req, res) => res.jsonp(undefined));
		router.get('/typed', (req, res) => res.type('text/plain').jsonp({a: 1}));
	`)
	r := f.get("/api/plugins/test/jsonp?callback=my.cb[0]$x!@")
	jstest.Expect(t, "jsonp body", r.body, `/**/ typeof my.cb[0]$x === 'function' && my.cb[0]$x({"a":"\u2028x\u2029"});`)
	jstest.Expect(t, "jsonp type", r.header.Get("Content-Type"), "text/javascript; charset=utf-8")
	jstest.Expect(t, "jsonp nosniff", r.header.Get("X-Content-Type-Options"), "nosniff")
	jstest.Expect(t, "jsonp etag", r.header.Get("ETag"), `W/"4b-KiS9HunzkvT+gdi+7EiOFPr5hGs"`)
	r = f.get("/api/plugins/test/jsonp")
	jstest.Expect(t, "no callback", r.body, "{\"a\":\"\u2028x\u2029\"}")
	jstest.Expect(t, "no callback type", r.header.Get("Content-Type"), "application/json; charset=utf-8")
	jstest.Expect(t, "no callback nosniff", r.header.Get("X-Content-Type-Options"), "nosniff")
	r = f.get("/api/plugins/test/str?callback=f&callback=g")
	jstest.Expect(t, "first of repeated callback", r.body, `/**/ typeof f === 'function' && f("s");`)
	jstest.Expect(t, "undefined", f.get("/api/plugins/test/undef?callback=f").body, `/**/ typeof f === 'function' && f();`)
	r = f.get("/api/plugins/test/typed")
	jstest.Expect(t, "kept type", r.header.Get("Content-Type"), "text/plain; charset=utf-8")
	jstest.Expect(t, "kept type no nosniff", r.header.Get("X-Content-Type-Options"), "")
	jstest.Expect(t, "typed with callback", f.get("/api/plugins/test/typed?callback=f").header.Get("Content-Type"), "text/javascript; charset=utf-8")
}

func TestLinksAndAttachment(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/links', (req, res) => { res.links({next: '/p?page=2', last: '/p?page=5'}); res.links({prev: '/p1'}); res.end() });
		router.get('/att', (req, res) => res.attachment().end());
		router.get('/att/:n', (req, res) => res.attachment(req.params.n).end());
	`)
	jstest.Expect(t, "links", f.get("/api/plugins/test/links").header.Get("Link"), `</p?page=2>; rel="next", </p?page=5>; rel="last", </p1>; rel="prev"`)
	jstest.Expect(t, "bare attachment", f.get("/api/plugins/test/att").header.Get("Content-Disposition"), "attachment")
	for _, c := range []struct{ name, disposition, typ string }{
		{"foo%2Fbar.html", `attachment; filename="bar.html"`, "text/html; charset=utf-8"},
		// Non-Latin-1: a '?' fallback plus filename*; Latin-1 goes out as one byte per character.
		{"na%C3%AFve%20%E2%82%AC.txt", "attachment; filename=\"na\xefve ?.txt\"; filename*=UTF-8''na%C3%AFve%20%E2%82%AC.txt", "text/plain; charset=utf-8"},
		{"na%C3%AFve.txt", "attachment; filename=\"na\xefve.txt\"", "text/plain; charset=utf-8"},
		{"50%25.txt", `attachment; filename="50%.txt"`, "text/plain; charset=utf-8"},
		{"50%2541.txt", `attachment; filename="50%41.txt"; filename*=UTF-8''50%2541.txt`, "text/plain; charset=utf-8"},
		{"a%22b.pdf", `attachment; filename="a\"b.pdf"`, "application/pdf"},
		{"README", `attachment; filename="README"`, "application/octet-stream"},
	} {
		r := f.get("/api/plugins/test/att/" + c.name)
		jstest.Expect(t, c.name+" disposition", r.header.Get("Content-Disposition"), c.disposition)
		jstest.Expect(t, c.name+" type", r.header.Get("Content-Type"), c.typ)
	}
}

func TestFormat(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/fmt', (req, res) => res.format({'text/plain': () => res.send('t'), html: () => res.send('<b>h</b>'), json: () => res.send({j: 1})}));
		router.get('/def', (req, res) => res.format({json: () => res.send({j: 1}), default: () => res.status(406).send('nope')}));
		router.get('/none', (req, res) => res.format({json: () => res.send({j: 1}), 'text/x-foo': () => 1}));
		router.use('/none', (err, req, res, next) => res.status(err.status).json({m: err.message, types: err.types, expose: err.expose, name: err.name}));
	`)
	r := f.get("/api/plugins/test/fmt")
	jstest.Expect(t, "no Accept: first", r.body, "t")
	jstest.Expect(t, "vary", r.header.Get("Vary"), "Accept")
	jstest.Expect(t, "type", r.header.Get("Content-Type"), "text/plain; charset=utf-8")
	jstest.Expect(t, "html", f.get("/api/plugins/test/fmt", "Accept", "text/html").header.Get("Content-Type"), "text/html; charset=utf-8")
	jstest.Expect(t, "q", f.get("/api/plugins/test/fmt", "Accept", "application/json;q=0.9, text/*;q=0.5").body, `{"j":1}`)
	r = f.get("/api/plugins/test/fmt", "Accept", "image/png")
	jstest.Expect(t, "406 via finalhandler", r.status, 406)
	jstest.Expect(t, "406 vary", r.header.Get("Vary"), "Accept")
	r = f.get("/api/plugins/test/def", "Accept", "image/png")
	jstest.Expect(t, "default", r.body, "nope")
	jstest.Expect(t, "default type", r.header.Get("Content-Type"), "text/html; charset=utf-8")
	r = f.get("/api/plugins/test/none", "Accept", "image/png")
	jstest.Expect(t, "406 error", r.body, `{"m":"Not Acceptable","types":["application/json","text/x-foo"],"expose":true,"name":"NotAcceptableError"}`)
}

func TestCookies(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/cookie', (req, res) => {
			res.cookie('a', 'b c;d');
			res.cookie('obj', {x: 1}, {maxAge: 1500, httpOnly: true});
			res.cookie('full', 'v', {domain: 'example.com', path: '/p', expires: new Date(0), httpOnly: true, secure: true, partitioned: true, priority: 'High', sameSite: 'lax'});
			res.cookie('strict', 'v', {sameSite: true, path: ''});
			res.cookie('enc', 'a=b', {encode: String});
			res.cookie('arr', [1, 'x']);
			res.cookie('nul', null);
			res.cookie('und', undefined, {maxAge: -1500.7});
			res.cookie('dt', 'v', {expires: new Date(1e12), maxAge: 0});
			res.clearCookie('gone');
			res.clearCookie('gone2', {path: '/x', maxAge: 1000});
			res.clearCookie('gone3', {expires: new Date(5000)});
			res.end();
		});
		router.get('/unsigned', (req, res) => res.cookie('s', 'v', {signed: true}).end());
		router.use('/unsigned', (err, req, res, next) => res.send(err.message));
		router.get('/signed', (req, res) => { req.secret = 'sek'; res.cookie('s', 'v', {signed: true}).cookie('o', {a: 1}, {signed: true}).end() });
		router.get('/bad', (req, res) => {
			const out = [];
			for (const o of [['a b', 'v'], ['a', 'v', {encode: s => s + ';'}], ['a', 'v', {sameSite: 'x'}], ['a', 'v', {priority: 1}],
					['a', 'v', {maxAge: 'x'}], ['a', 'v', {expires: 5}], ['a', 'v', {domain: 'a..b'}], ['a', 'v', {path: 'a;b'}], ['a', 'v', {encode: 1}]]) {
				try { res.cookie(...o); out.push('ok') } catch (e) { out.push(e.name + ': ' + e.message) }
			}
			res.json(out);
		});
	`)
	r := f.get("/api/plugins/test/cookie")
	got := r.header.Values("Set-Cookie")
	// Cookies with maxAge carry an Expires relative to now: check its shape, then compare the rest.
	for i, c := range got {
		for _, name := range []string{"obj=", "und=", "dt=", "gone2="} {
			if strings.HasPrefix(c, name) {
				start := strings.Index(c, "Expires=")
				end := strings.Index(c[start:], " GMT") + start + 4
				got[i] = c[:start] + "Expires=<now>" + c[end:]
			}
		}
	}
	want := []string{
		"a=b%20c%3Bd; Path=/",
		"obj=j%3A%7B%22x%22%3A1%7D; Max-Age=1; Path=/; Expires=<now>; HttpOnly",
		"full=v; Domain=example.com; Path=/p; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; Partitioned; Priority=High; SameSite=Lax",
		"strict=v; SameSite=Strict",
		"enc=a=b; Path=/",
		"arr=j%3A%5B1%2C%22x%22%5D; Path=/",
		"nul=j%3Anull; Path=/",
		"und=undefined; Max-Age=-2; Path=/; Expires=<now>",
		"dt=v; Max-Age=0; Path=/; Expires=<now>",
		"gone=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
		"gone2=; Max-Age=1; Path=/x; Expires=<now>",
		"gone3=; Path=/; Expires=Thu, 01 Jan 1970 00:00:05 GMT",
	}
	jstest.Expect(t, "Set-Cookie", strings.Join(got, "\n"), strings.Join(want, "\n"))
	jstest.Expect(t, "signed without secret", f.get("/api/plugins/test/unsigned").body, `cookieParser("secret") required for signed cookies`)
	jstest.Expect(t, "signed", strings.Join(f.get("/api/plugins/test/signed").header.Values("Set-Cookie"), "\n"),
		"s=s%3Av.tePrntslVqUOLH%2Bdfb1vMGTfqlC0m8nQHzs7U4QvO94; Path=/\no=s%3Aj%3A%7B%22a%22%3A1%7D.wVVd%2FFF0Ly4gSQhcw6WF3zdEVcnGFDvcUFwyDuHwwXA; Path=/")
	jstest.Expect(t, "validation", f.get("/api/plugins/test/bad").body, `["TypeError: argument name is invalid","TypeError: argument val is invalid","TypeError: option sameSite is invalid","TypeError: option priority is invalid","TypeError: option maxAge is invalid","TypeError: option expires is invalid","TypeError: option domain is invalid","TypeError: option path is invalid","TypeError: option encode is invalid"]`)
}
