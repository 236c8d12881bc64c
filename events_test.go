package pluginhost

import (
	"context"
	"strings"
	"testing"
)

func TestEmitProcessEvent(t *testing.T) {
	th := startHost(t, "testdata/events")
	err := th.host.EmitProcessEvent(context.Background(), "server-started", map[string]any{"port": 8000}, "x")
	if err == nil || !strings.Contains(err.Error(), "thrower.js") || !strings.Contains(err.Error(), "listener failed") {
		t.Errorf("err = %v, want the thrower's error naming its plugin", err)
	}
	got := th.getJSON(t, "/api/plugins/listener/started")
	started, _ := got["started"].(map[string]any)
	info, _ := started["info"].(map[string]any)
	if info["port"] != float64(8000) || started["extra"] != "x" || started["count"] != float64(1) {
		t.Errorf("listener saw %v", got)
	}
	if code, body := th.do(t, "GET", "/api/plugins/thrower/ok", "", ""); code != 200 || body != "ok" {
		t.Errorf("thrower after its listener threw: %d %q", code, body)
	}
	if err := th.host.EmitProcessEvent(context.Background(), "x", make(chan int)); err == nil {
		t.Error("an argument JSON cannot encode was accepted")
	}
}
