package main

import (
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCheckTarget(t *testing.T) {
	allowed := []string{
		"http://127.0.0.1:8080/api/plugins/hello-world/hello",
		"http://127.1.2.3/",
		"http://localhost:3000/x",
		"http://LOCALHOST/",
		"http://[::1]:8080/",
	}
	for _, u := range allowed {
		if _, err := checkTarget(u); err != nil {
			t.Errorf("checkTarget(%q) = %v, want allowed", u, err)
		}
	}
	refused := []string{
		"http://10.0.0.1/",
		"http://128.0.0.1/",
		"http://0.0.0.0:8080/",
		"http://[::]:8080/",
		"http://[::ffff:8.8.8.8]/",
		"http://example.com/",
		"http://localhost.example.com/",
		"http://127.0.0.1.nip.io/",
		"https://127.0.0.1/",
		"127.0.0.1:8080",
		"",
	}
	for _, u := range refused {
		if _, err := checkTarget(u); err == nil {
			t.Errorf("checkTarget(%q) allowed, want refused", u)
		}
	}
}

func TestDialControl(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:80":          true,
		"[::1]:80":              true,
		"[::ffff:127.0.0.1]:80": true,
		"192.168.1.1:80":        false,
		"[2001:db8::1]:80":      false,
		"localhost:80":          false, // control sees resolved addresses only
	} {
		if got := dialControl("tcp", addr, nil) == nil; got != want {
			t.Errorf("dialControl(%q) allowed=%v, want %v", addr, got, want)
		}
	}
}

func TestBuckets(t *testing.T) {
	// Every value must land in a bucket whose upper bound is at least the value
	// and within 1/subBuckets of it, and bucket indexes must increase with value.
	prev := -1
	for _, v := range []uint64{0, 1, 255, 256, 257, 258, 1000, 1 << 20, 5_000_000, 1<<63 + 12345} {
		i := bucketOf(v)
		if i < prev || i >= numBuckets {
			t.Fatalf("bucketOf(%d) = %d after %d (numBuckets %d)", v, i, prev, numBuckets)
		}
		prev = i
		hi := bucketMax(i)
		if hi < v || float64(hi-v) > float64(v)/subBuckets {
			t.Errorf("value %d in bucket %d with max %d", v, i, hi)
		}
		if bucketOf(hi) != i {
			t.Errorf("bucketMax(%d) = %d lies in bucket %d", i, hi, bucketOf(hi))
		}
	}
}

func TestPercentiles(t *testing.T) {
	var h histogram
	if h.percentile(0.5) != 0 {
		t.Fatal("empty histogram should report 0")
	}
	// 1..10000 µs in random order: the exact p50 is 5000µs, p99 9900µs.
	vals := rand.Perm(10000)
	for _, v := range vals {
		h.record(time.Duration(v+1) * time.Microsecond)
	}
	sorted := make([]int, len(vals))
	for i, v := range vals {
		sorted[i] = v + 1
	}
	slices.Sort(sorted)
	for _, q := range []float64{0.5, 0.9, 0.99, 0.999, 1} {
		exact := time.Duration(sorted[int(q*float64(len(sorted)))-1]) * time.Microsecond
		got := h.percentile(q)
		if got < exact || float64(got-exact) > float64(exact)/subBuckets {
			t.Errorf("p%g = %v, exact %v", q*100, got, exact)
		}
	}
}

func TestMerge(t *testing.T) {
	var a, b histogram
	for range 99 {
		a.record(time.Millisecond)
	}
	b.record(time.Second)
	a.merge(&b)
	if a.total != 100 {
		t.Fatalf("total = %d", a.total)
	}
	if p := a.percentile(0.5); p < time.Millisecond || p > 1010*time.Microsecond {
		t.Errorf("p50 = %v, want ~1ms", p)
	}
	if p := a.percentile(1); p < time.Second || p > 1008*time.Millisecond {
		t.Errorf("p100 = %v, want ~1s", p)
	}
}

// End to end against an in-process server: counts, statuses and the bounded run.
func TestRun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Test") != "yes" || r.Host != "example.test" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/missing") {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = w.Write([]byte(strings.Repeat("x", 1000)))
	}))
	defer srv.Close()

	for _, tc := range []struct {
		path   string
		non2xx bool
	}{{"/ok", false}, {"/missing", true}} {
		cfg, err := parseFlags([]string{"-url", srv.URL + tc.path, "-c", "4", "-d", "300ms", "-warmup", "100ms",
			"-H", "X-Test: yes", "-H", "Host: example.test"})
		if err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		r := run(cfg)
		if took := time.Since(began); took > time.Second {
			t.Errorf("%s: run took %v, want about 400ms", tc.path, took)
		}
		if r.requests == 0 || r.errors != 0 || r.requests != r.ok+r.non2xx || r.hist.total != r.requests {
			t.Errorf("%s: %+v", tc.path, r)
		}
		if (r.non2xx > 0) != tc.non2xx || (r.ok > 0) == tc.non2xx {
			t.Errorf("%s: ok=%d non2xx=%d", tc.path, r.ok, r.non2xx)
		}
	}
}

func TestRunRefusedConnections(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	cfg, err := parseFlags([]string{"-url", url, "-c", "2", "-d", "200ms", "-warmup", "0s"})
	if err != nil {
		t.Fatal(err)
	}
	r := run(cfg)
	if r.errors == 0 || r.ok != 0 || r.errors > 2*25 { // 10ms back-off per failure
		t.Errorf("refused target: %+v", r)
	}
}

// Worker i's n-th request goes to URL (i+n) mod count, so every URL gets its share at once.
func TestRunRotatesURLs(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
	}))
	defer srv.Close()
	args := []string{"-c", "3", "-d", "200ms", "-warmup", "0s"}
	for _, p := range []string{"/a", "/b", "/c", "/d"} {
		args = append(args, "-url", srv.URL+p)
	}
	cfg, err := parseFlags(args)
	if err != nil {
		t.Fatal(err)
	}
	if r := run(cfg); r.ok == 0 || r.errors+r.non2xx+r.bad != 0 {
		t.Fatalf("%+v", r)
	}
	mu.Lock()
	defer mu.Unlock()
	total := 0
	for _, n := range hits {
		total += n
	}
	for _, p := range []string{"/a", "/b", "/c", "/d"} {
		// Each worker cycles through all four, so no path falls far behind another.
		if hits[p] < total/4-3 {
			t.Errorf("%s got %d of %d requests: %v", p, hits[p], total, hits)
		}
	}
}

// Bodies that fail -expect-body, -expect-contains or -expect-len count as bad, not as served;
// POST bodies and headers reach the server.
func TestRunChecksBodies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if r.URL.Path == "/wrong" {
			body = append(body, '!')
		}
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	sent := filepath.Join(dir, "body.json")
	if err := os.WriteFile(sent, []byte(`{"a":[1,2,3]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		check []string
		bad   bool
	}{
		{"/echo", []string{"-expect-body", sent}, false},
		{"/wrong", []string{"-expect-body", sent}, true},
		{"/echo", []string{"-expect-contains", `"a":[1,2`}, false},
		{"/echo", []string{"-expect-contains", `"b"`}, true},
		{"/echo", []string{"-expect-len", "13"}, false},
		{"/wrong", []string{"-expect-len", "13"}, true},
	} {
		args := append([]string{"-url", srv.URL + tc.path, "-c", "2", "-d", "150ms", "-warmup", "0s",
			"-method", "POST", "-body", sent, "-H", "Content-Type: application/json"}, tc.check...)
		cfg, err := parseFlags(args)
		if err != nil {
			t.Fatal(err)
		}
		r := run(cfg)
		if r.requests == 0 || r.errors+r.non2xx != 0 || r.requests != r.ok+r.bad {
			t.Fatalf("%s %v: %+v", tc.path, tc.check, r)
		}
		if (r.bad > 0) != tc.bad || (r.ok > 0) == tc.bad || (r.firstBad != "") != tc.bad {
			t.Errorf("%s %v: ok=%d bad=%d first bad %q", tc.path, tc.check, r.ok, r.bad, r.firstBad)
		}
		if want := r.requests * 13; !tc.bad && r.bytes != want {
			t.Errorf("%s: bytes = %d, want %d", tc.path, r.bytes, want)
		}
	}
}
