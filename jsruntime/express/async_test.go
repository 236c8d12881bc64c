package express

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func TestRejectedPromisesGoToNext(t *testing.T) {
	f := setupPlugin(t, "async-plugin", Config{}, `
		const report = (err, req, res, next) => res.status(500).json({message: err.message, tag: req.tag || null});
		router.get('/handler', async () => { throw new Error('handler failed') });
		router.get('/middleware', async (req, res, next) => { await null; throw new Error('middleware failed') }, (req, res) => res.send('not reached'));
		router.get('/empty', () => Promise.reject(), (req, res) => res.send('not reached'));
		router.get('/thenable', () => ({ then(ok, fail) { fail(new Error('thenable failed')) } }));
		router.get('/fine', async (req, res) => { res.send('ok') });
		router.get('/errmw', (req, res, next) => next(new Error('first')));
		router.param('id', async (req, res, next, id) => { if (id === 'bad') throw new Error('param ' + id); req.tag = id; next() });
		router.get('/p/:id', (req, res) => res.send('param ' + req.tag));
		router.route('/route').get(async () => { throw new Error('route handler failed') });
		router.use('/errmw', async (err, req, res, next) => { throw new Error('error middleware failed after ' + err.message) });
		router.use(report);
	`)
	cases := []struct{ target, want string }{
		{"/handler", `{"message":"handler failed","tag":null}`},
		{"/middleware", `{"message":"middleware failed","tag":null}`},
		{"/empty", `{"message":"Rejected promise","tag":null}`},
		{"/thenable", `{"message":"thenable failed","tag":null}`},
		{"/route", `{"message":"route handler failed","tag":null}`},
		{"/errmw", `{"message":"error middleware failed after first","tag":null}`},
		{"/p/bad", `{"message":"param bad","tag":null}`},
	}
	for _, c := range cases {
		r := f.get("/api/plugins/test" + c.target)
		jstest.Expect(t, c.target+" status", r.status, 500)
		jstest.Expect(t, c.target+" body", r.body, c.want)
	}
	jstest.Expect(t, "fulfilled handler", f.get("/api/plugins/test/fine").body, "ok")
	jstest.Expect(t, "fulfilled param callback", f.get("/api/plugins/test/p/good").body, "param good")

	out := jstest.LogsOf(f.rt).String()
	if strings.Contains(out, "unhandled promise rejection") {
		t.Errorf("forwarded rejections were also reported as unhandled:\n%s", out)
	}
	for _, want := range []string{"plugin=async-plugin", "handler failed", "url=/api/plugins/test/handler", "method=GET", "param bad"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}

func TestRejectionWithoutErrorHandlerReachesFinalhandler(t *testing.T) {
	f := setupPlugin(t, "async-plugin", Config{}, `router.post('/x', async () => { throw Object.assign(new Error('teapot'), {status: 418}) })`)
	r := f.do("POST", "/api/plugins/test/x", "")
	jstest.Expect(t, "status", r.status, 418)
	jstest.Expect(t, "body", r.body, errorPage("I'm a Teapot"))
}
