package pluginhost

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
)

func TestHelloWorldExample(t *testing.T) {
	th := startHost(t, "examples/plugins")
	m := th.getJSON(t, "/api/plugins/hello-world/hello")
	if m["message"] != "Hello from server plugin!" {
		t.Errorf("message = %v", m["message"])
	}
	if ts, _ := m["time"].(string); ts == "" {
		t.Errorf("time missing: %v", m)
	} else if _, err := time.Parse("2006-01-02T15:04:05.000Z", ts); err != nil {
		t.Errorf("time %q is not toISOString format: %v", ts, err)
	}
	th.log.mustLog(t, "[hello-world] Plugin loaded.")
	th.log.mustLog(t, "[Plugin Loader] Loaded plugin: Hello World (hello-world)")
	th.log.mustLog(t, "[Plugin Loader] Loaded plugin: LLM API Proxy (llm-proxy)")
}

// upstream is a fake chat-completions API.
type upstream struct {
	srv      *httptest.Server
	handler  http.HandlerFunc
	received chan map[string]any
}

func newUpstream(t *testing.T) *upstream {
	u := &upstream{received: make(chan map[string]any, 10)}
	u.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		body["_auth"] = r.Header.Get("Authorization")
		body["_type"] = r.Header.Get("Content-Type")
		u.received <- body
		u.handler(w, r)
	}))
	t.Cleanup(u.srv.Close)
	return u
}

func TestLLMProxyExample(t *testing.T) {
	dir := copyTree(t, "examples/plugins")
	clock := clocktest.New()
	th := startHost(t, dir, func(o *Options) { o.clock = clock })
	up := newUpstream(t)

	if m := th.getJSON(t, "/api/plugins/llm-proxy/status"); m["configured"] != false || m["model"] != "not set" {
		t.Errorf("status before config: %v", m)
	}
	post := func(path, body string) (int, string) {
		return th.do(t, "POST", "/api/plugins/llm-proxy"+path, "application/json", body)
	}
	if status, body := post("/chat", `{"messages":[]}`); status != 503 || !strings.Contains(body, "Plugin not configured") {
		t.Errorf("chat unconfigured: %d %s", status, body)
	}
	if status, body := post("/config", `{"apiUrl":"x"}`); status != 400 || body != `{"error":"Missing required fields: apiUrl, apiKey, model"}` {
		t.Errorf("config missing fields: %d %s", status, body)
	}
	if status, body := post("/config", `{"apiUrl":"`+up.srv.URL+`","apiKey":"sk-secret","model":"gpt-4"}`); status != 200 || body != `{"ok":true}` {
		t.Fatalf("config: %d %s", status, body)
	}
	saved, err := os.ReadFile(filepath.Join(dir, "llm-proxy", "config.json"))
	if err != nil || !strings.Contains(string(saved), `"apiKey": "sk-secret"`) {
		t.Errorf("config.json not written with JSON.stringify(config, null, 2): %v %s", err, saved)
	}
	status, body := th.do(t, "GET", "/api/plugins/llm-proxy/status", "", "")
	if status != 200 || body != `{"configured":true,"model":"gpt-4"}` {
		t.Errorf("status: %d %s", status, body)
	}
	if strings.Contains(body, "sk-secret") {
		t.Error("status leaks the key")
	}

	if status, body := post("/chat", `{"messages":"hi"}`); status != 400 || !strings.Contains(body, "Missing or invalid messages field") {
		t.Errorf("chat bad messages: %d %s", status, body)
	}

	up.handler = func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"choices":[{"message":{"content":"Hello there"}}]}`)
	}
	if status, body := post("/chat", `{"messages":[{"role":"user","content":"hi"}]}`); status != 200 || body != `{"text":"Hello there"}` {
		t.Errorf("chat success: %d %s", status, body)
	}
	sent := receive(t, up.received, "the upstream request")
	if sent["_auth"] != "Bearer sk-secret" || sent["_type"] != "application/json" || sent["model"] != "gpt-4" || sent["temperature"] != 0.7 {
		t.Errorf("upstream request: %v", sent)
	}

	up.handler = func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		io.WriteString(w, strings.Repeat("e", 300))
	}
	status, body = post("/chat", `{"messages":[],"temperature":0.2}`)
	if want := `{"error":"Upstream API error (500): ` + strings.Repeat("e", 200) + `"}`; status != 502 || body != want {
		t.Errorf("upstream 500: %d %s", status, body)
	}
	if sent := receive(t, up.received, "the upstream request"); sent["temperature"] != 0.2 {
		t.Errorf("temperature not forwarded: %v", sent)
	}

	up.handler = func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"choices":[{"message":{"content":""}}]}`)
	}
	if status, body := post("/chat", `{"messages":[]}`); status != 502 || body != `{"error":"Upstream API returned empty response"}` {
		t.Errorf("empty content: %d %s", status, body)
	}
	receive(t, up.received, "the upstream request")

	// Timeout: the upstream never answers; AbortSignal.timeout(120_000) fires when the clock passes 120 s.
	release := make(chan struct{})
	defer close(release)
	up.handler = func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}
	type result struct {
		status int
		body   string
	}
	done := make(chan result, 1)
	go func() {
		s, b := post("/chat", `{"messages":[]}`)
		done <- result{s, b}
	}()
	receive(t, up.received, "the upstream request")
	clock.Advance(119 * time.Second)
	select {
	case r := <-done:
		t.Fatalf("answered before the timeout: %d %s", r.status, r.body)
	default:
	}
	clock.Advance(2 * time.Second)
	r := receive(t, done, "the chat response")
	if r.status != 504 || r.body != `{"error":"Upstream API request timed out"}` {
		t.Errorf("timeout: %d %s", r.status, r.body)
	}
}
