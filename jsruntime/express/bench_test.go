package express

import (
	"net/http/httptest"
	"testing"
)

func BenchmarkParamsJSON(b *testing.B) {
	f := setup(b, Config{}, `router.get('/items/:id', (req, res) => res.json({id: req.params.id}))`)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			benchGet(b, f, "/api/plugins/test/items/42?x=1")
		}
	})
}

// BenchmarkHello is the benchmark suite's workload 1 (the spec's hello-world route) through the
// handler, one request at a time, so allocs/op is one request's.
func BenchmarkHello(b *testing.B) {
	f := setup(b, Config{}, `router.get('/hello', (req, res) => res.json({message: 'Hello from plugin!', time: new Date().toISOString()}))`)
	b.ReportAllocs()
	for b.Loop() {
		benchGet(b, f, "/api/plugins/test/hello")
	}
}

// BenchmarkRoutes is the benchmark suite's workload 3: the 49th of 50 routes, with two params and a
// query string, one request at a time.
func BenchmarkRoutes(b *testing.B) {
	f := setup(b, Config{}, `
		for (const r of ['characters','chats','groups','worlds','presets','backgrounds','avatars','themes','extensions','settings']) {
			router.get('/'+r, (req, res) => res.json({ r, limit: Number(req.query.limit ?? 20), items: [] }));
			router.get('/'+r+'/:id', (req, res) => res.json({ r, id: req.params.id }));
			router.post('/'+r, (req, res) => res.status(201).json({ r, created: req.body }));
			router.get('/'+r+'/:id/:field', (req, res) => res.json({ r, params: req.params, query: req.query }));
			router.put('/'+r+'/:id', (req, res) => res.json({ r, id: req.params.id, updated: req.body }));
		}`)
	b.ReportAllocs()
	for b.Loop() {
		benchGet(b, f, "/api/plugins/test/settings/42/name?q=term&page=2&tags=a&tags=b")
	}
}

// benchGet serves one GET of path through the plugin's handler and fails b unless it answers 200.
func benchGet(b *testing.B, f *fixture, path string) {
	req := httptest.NewRequest("GET", path, nil)
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		b.Fatalf("GET %s: status %d", path, rec.Code)
	}
}
