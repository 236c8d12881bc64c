package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func TestQueryExtended(t *testing.T) {
	f := setup(t, Config{}, `router.get('/q', (req, res) => res.json(req.query))`)
	cases := []struct{ q, want string }{
		{"a=1&a=2&b[c]=d&e[]=x&f=a+b&g&h.i=j", `{"a":["1","2"],"b":{"c":"d"},"e":["x"],"f":"a b","g":"","h.i":"j"}`},
		{"a[b][c][d][e][f][g][h]=1", `{"a":{"b":{"c":{"d":{"e":{"f":{"[g][h]":"1"}}}}}}}`},
		// qs 6.14.2 (Luker's lock): an index of 20 or more gives an object.
		{"a[]=&b[0]=x&b[1]=y&c[2]=z&d[25]=w", `{"a":[""],"b":["x","y"],"c":["z"],"d":{"25":"w"}}`},
		{"a[19]=x&b[20]=y", `{"a":["x"],"b":{"20":"y"}}`},
		{"bad=%ZZ&ok=%41", `{"bad":"%ZZ","ok":"A"}`},
		{"__proto__[x]=1&hasOwnProperty=2&toString=3", `{"hasOwnProperty":"2","toString":"3"}`},
		{"a=1&a[b]=2", `{"a":["1",{"b":"2"}]}`},
		{"a[b]=2&a=1", `{"a":{"1":true,"b":"2"}}`},
		{"=x&&y=1", `{"y":"1"}`},
		{"a=b=c", `{"a":"b=c"}`},
		{"", `{}`},
	}
	for _, c := range cases {
		r := f.get("/api/plugins/test/q?" + c.q)
		jstest.Expect(t, c.q, r.body, c.want)
	}
	many := ""
	for i := 0; i < 25; i++ {
		if i > 0 {
			many += "&"
		}
		many += "ids=" + itoa(i)
	}
	r := f.get("/api/plugins/test/q?" + many)
	// qs 6.14.2 applies arrayLimit 20 to repeated keys: the 21st value turns them into an object
	// that the later values extend by index.
	jstest.Expect(t, "25 repeated keys become an object", r.body, `{"ids":{"0":"0","1":"1","2":"2","3":"3","4":"4","5":"5","6":"6","7":"7","8":"8","9":"9","10":"10","11":"11","12":"12","13":"13","14":"14","15":"15","16":"16","17":"17","18":"18","19":"19","20":"20","21":"21","22":"22","23":"23","24":"24"}}`)
}

func TestRequestFields(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/r', (req, res) => res.json({
			method: req.method, hostname: req.hostname, protocol: req.protocol, secure: req.secure,
			xhr: req.xhr, ip: req.ip, get: req.get('x-multi'), referrer: req.get('Referrer'),
			multi: req.headers['x-multi'], cookies: req.cookies === undefined, body: req.body,
			is: req.is('json'), app: req.app.get('etag'), res: req.res === res, ua: req.header('user-agent'),
		}));
		router.post('/is', (req, res) => res.json({is: req.is('json'), any: req.is('application/*'), no: req.is('html')}));
		router.get('/badget', (req, res) => { try { req.get() } catch (e) { res.send(e.message) } });
	`)
	r := f.do("GET", "/api/plugins/test/r", "", "X-Multi", "a", "Referer", "http://x/", "X-Requested-With", "XMLHttpRequest", "User-Agent", "ua")
	jstest.Expect(t, "fields", r.body, `{"method":"GET","hostname":"example.com","protocol":"http","secure":false,"xhr":true,"ip":"192.0.2.1","get":"a","referrer":"http://x/","multi":"a","cookies":true,"body":{},"is":null,"app":"weak","res":true,"ua":"ua"}`)
	r = f.do("POST", "/api/plugins/test/is", `{}`, "Content-Type", "application/json; charset=utf-8")
	jstest.Expect(t, "is", r.body, `{"is":"json","any":"application/json","no":false}`)
	jstest.Expect(t, "get without name", f.get("/api/plugins/test/badget").body, "name argument is required to req.get")
}

func TestGlobalBodyParsers(t *testing.T) {
	f := setup(t, Config{BodyLimit: 64}, `
		router.post('/b', express.json({limit: 1}), (req, res) => res.json({body: req.body, parsed: req._body === true}));
		router.post('/t', express.text(), (req, res) => res.json({body: req.body}));
		router.post('/raw', express.raw(), (req, res) => res.json({len: req.body.length, bin: req.body instanceof Uint8Array}));
		router.post('/vendor', express.json({type: ['application/json', '+json']}), (req, res) => res.json(req.body));
		router.post('/strictoff', express.json({type: 'text/x-json', strict: false}), (req, res) => res.json({v: req.body}));
		router.post('/verify', express.json({type: 'text/x-json', verify() { throw new Error('nope') }}), (req, res) => res.send('x'));
		router.use((err, req, res, next) => res.status(err.status).json({type: err.type, message: err.message, name: err.name}));
	`)
	r := f.do("POST", "/api/plugins/test/b", `{"b":1,"1":2}`, "Content-Type", "application/json")
	jstest.Expect(t, "global json wins over plugin limit", r.body, `{"body":{"1":2,"b":1},"parsed":true}`)
	r = f.do("POST", "/api/plugins/test/b", `a=1&a=2&b[c]=3&d=x+y%20z`, "Content-Type", "application/x-www-form-urlencoded")
	jstest.Expect(t, "urlencoded", r.body, `{"body":{"a":["1","2"],"b":{"c":"3"},"d":"x y z"},"parsed":true}`)
	r = f.do("POST", "/api/plugins/test/b", `{bad json`, "Content-Type", "application/json")
	jstest.Expect(t, "bad json never enters router", r.status, 400)
	jstest.Expect(t, "bad json page", r.body, errorPage("Bad Request"))
	r = f.do("POST", "/api/plugins/test/b", `{"a":"`+string(make([]byte, 80))+`"}`, "Content-Type", "application/json")
	jstest.Expect(t, "too large", r.status, 413)
	r = f.do("POST", "/api/plugins/test/b", `{}`, "Content-Type", "application/json; charset=latin1")
	jstest.Expect(t, "charset", r.status, 415)
	r = f.do("POST", "/api/plugins/test/b", `{}`, "Content-Type", "application/json", "Content-Encoding", "br")
	jstest.Expect(t, "encoding", r.status, 415)
	r = f.do("POST", "/api/plugins/test/t", `hello`, "Content-Type", "text/plain")
	jstest.Expect(t, "text", r.body, `{"body":"hello"}`)
	r = f.do("POST", "/api/plugins/test/t", `hello`, "Content-Type", "text/csv")
	jstest.Expect(t, "text mismatch", r.body, `{"body":{}}`)
	r = f.do("POST", "/api/plugins/test/raw", `hello`, "Content-Type", "application/octet-stream")
	jstest.Expect(t, "raw", r.body, `{"len":5,"bin":true}`)
	r = f.do("POST", "/api/plugins/test/vendor", `{"x":1}`, "Content-Type", "application/vnd.api+json")
	jstest.Expect(t, "vendor", r.body, `{"x":1}`)
	r = f.do("POST", "/api/plugins/test/vendor", `null`, "Content-Type", "application/vnd.api+json")
	jstest.Expect(t, "strict", r.body, `{"type":"entity.parse.failed","message":"Unexpected token 'n', \"null\" is not valid JSON","name":"SyntaxError"}`)
	r = f.do("POST", "/api/plugins/test/strictoff", `null`, "Content-Type", "text/x-json")
	jstest.Expect(t, "strict off", r.body, `{"v":null}`)
	r = f.do("POST", "/api/plugins/test/verify", `{}`, "Content-Type", "text/x-json")
	jstest.Expect(t, "verify", r.body, `{"type":"entity.verify.failed","message":"nope","name":"Error"}`)
}

// TestStrictJSONMessages: body-parser's strict mode reports V8's message for the first character
// that is not an object or array.
func TestStrictJSONMessages(t *testing.T) {
	for in, want := range map[string]string{
		`"just a string"`: `Unexpected token '"', ""just a string"" is not valid JSON`,
		`null`:            `Unexpected token 'n', "null" is not valid JSON`,
		`true`:            `Unexpected token 't', "true" is not valid JSON`,
		`   `:             "Unexpected end of JSON input",
	} {
		_, pe := scanJSONBody(in, true)
		if pe == nil {
			t.Errorf("%q: no strict error", in)
			continue
		}
		jstest.Expect(t, in, pe.msg, want)
	}
}

func TestTooManyParameters(t *testing.T) {
	f := setup(t, Config{}, `router.post('/f', (req, res) => res.send('ok'))`)
	body := "a=1"
	for i := 0; i < 1000; i++ {
		body += "&a=1"
	}
	r := f.do("POST", "/api/plugins/test/f", body, "Content-Type", "application/x-www-form-urlencoded")
	jstest.Expect(t, "413", r.status, 413)
}
