package pluginhost

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// logBuffer is a host's log, or a Node process's output, with the line searches the tests make.
type logBuffer struct{ *jstest.Logs }

func newLogBuffer(t *testing.T) *logBuffer { return &logBuffer{jstest.NewLogs(t)} }

// lines returns the log lines containing every one of parts.
func (b *logBuffer) lines(parts ...string) []string {
	var out []string
	for _, line := range strings.Split(b.String(), "\n") {
		ok := line != ""
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			out = append(out, line)
		}
	}
	return out
}

// mustLog fails the test unless some log line contains all parts.
func (b *logBuffer) mustLog(t *testing.T, parts ...string) {
	t.Helper()
	if len(b.lines(parts...)) == 0 {
		t.Errorf("no log line contains %q; log:\n%s", parts, b.String())
	}
}

// waitLog waits until a log line contains all parts (for logs written by plugin timers).
func (th *testHost) waitLog(t *testing.T, parts ...string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for len(th.log.lines(parts...)) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no log line contains %q; log:\n%s", parts, th.log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type testHost struct {
	host *Host
	srv  *httptest.Server
	log  *logBuffer
}

// startHost loads dir with plugins enabled and serves it through a chi router.
func startHost(t *testing.T, dir string, mutate ...func(*Options)) *testHost {
	t.Helper()
	logs := newLogBuffer(t)
	opts := Options{
		PluginsDir:          dir,
		EnableServerPlugins: true,
		Logger:              logs.Logger(),
	}
	for _, m := range mutate {
		m(&opts)
	}
	host, err := New(context.Background(), opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r := chi.NewRouter()
	host.Mount(r)
	srv := httptest.NewServer(r)
	th := &testHost{host: host, srv: srv, log: logs}
	t.Cleanup(func() {
		srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = host.Close(ctx)
	})
	return th
}

// do sends a request and returns the status and body.
func (th *testHost) do(t *testing.T, method, path, contentType, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, th.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := th.srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// getJSON GETs path, requires 200 and decodes the JSON body.
func (th *testHost) getJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	status, body := th.do(t, "GET", path, "", "")
	if status != 200 {
		t.Fatalf("GET %s: status %d, body %s\nlog:\n%s", path, status, body, th.log.String())
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("GET %s: %v in %q", path, err, body)
	}
	return m
}

// which asserts that plugin id answers /which with the given entry name.
func (th *testHost) which(t *testing.T, id, want string) {
	t.Helper()
	if got := th.getJSON(t, "/api/plugins/"+id+"/which")["which"]; got != want {
		t.Errorf("%s: loaded %v, want %s", id, got, want)
	}
}

// notServed asserts that nothing answers under the plugin's prefix.
func (th *testHost) notServed(t *testing.T, path string) {
	t.Helper()
	if status, body := th.do(t, "GET", path, "", ""); status != 404 {
		t.Errorf("GET %s: status %d (%s), want 404", path, status, body)
	}
}

// copyTree copies a testdata tree into a temporary directory (for plugins that write files),
// keeping symlinks as symlinks.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case fi.IsDir():
			return os.MkdirAll(target, 0o755)
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// receive waits for a value on ch; the limit only guards against a hung test, it asserts no timing.
func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(30 * time.Second):
		t.Fatalf("gave up waiting for %s", what)
		panic("unreachable")
	}
}
