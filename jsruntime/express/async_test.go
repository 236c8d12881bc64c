package express

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// syncBuffer is a log sink safe for the loop goroutine and the test goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// setupLogged is setup with the runtime's log captured.
func setupLogged(t *testing.T, script string) (*fixture, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	rt := jsruntime.New(jsruntime.Options{Name: "async-plugin", Logger: slog.New(slog.NewTextHandler(logs, nil))})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	f := &fixture{t: t, rt: rt}
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		f.app = Install(rt, Config{})
		router := f.app.NewRouter()
		ex, err := Require(rt)
		if err != nil {
			return err
		}
		_ = vm.Set("router", router)
		_ = vm.Set("express", ex)
		if _, err := vm.RunString(script); err != nil {
			return rt.Describe(err)
		}
		f.h = f.app.Handler(router, "/api/plugins/test", host404)
		return nil
	})
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	return f, logs
}

func TestRejectedPromisesGoToNext(t *testing.T) {
	f, logs := setupLogged(t, `
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
		expect(t, c.target+" status", r.status, 500)
		expect(t, c.target+" body", r.body, c.want)
	}
	expect(t, "fulfilled handler", f.get("/api/plugins/test/fine").body, "ok")
	expect(t, "fulfilled param callback", f.get("/api/plugins/test/p/good").body, "param good")

	out := logs.String()
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
	f, _ := setupLogged(t, `router.post('/x', async () => { throw Object.assign(new Error('teapot'), {status: 418}) })`)
	r := f.do("POST", "/api/plugins/test/x", "")
	expect(t, "status", r.status, 418)
	expect(t, "body", r.body, errorPage("I'm a Teapot"))
}
