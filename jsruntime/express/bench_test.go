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
			req := httptest.NewRequest("GET", "/api/plugins/test/items/42?x=1", nil)
			rec := httptest.NewRecorder()
			f.h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}

// BenchmarkHello is the benchmark suite's workload 1 (the spec's hello-world route) through the
// handler, one request at a time, so allocs/op is one request's.
func BenchmarkHello(b *testing.B) {
	f := setup(b, Config{}, `router.get('/hello', (req, res) => res.json({message: 'Hello from plugin!', time: new Date().toISOString()}))`)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/api/plugins/test/hello", nil)
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
