package pluginhost

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestModuleFormats(t *testing.T) {
	th := startHost(t, "testdata/formats")
	th.which(t, "cjs-bare", "cjs")
	th.which(t, "esm-detected", "esm by syntax")
	th.which(t, "type-module", "esm by type")
	th.which(t, "type-commonjs", "cjs by type")
	th.which(t, "esm-default", "default export")

	dual := th.getJSON(t, "/api/plugins/esm-dual/which")
	if dual["which"] != "esm" || dual["moduleType"] != "undefined" {
		t.Errorf("esm-dual: %v; want the ESM exports, with module undefined as in Node", dual)
	}

	r := th.getJSON(t, "/api/plugins/cjs-require/r")
	if r["greet"] != "hi bob" || r["value"] != float64(7) || r["file"] != "index.js" || r["dir"] != "cjs-require" {
		t.Errorf("cjs-require: %v", r)
	}

	abs, _ := filepath.Abs("testdata/formats/esm-meta")
	abs, _ = filepath.EvalSymlinks(abs)
	m := th.getJSON(t, "/api/plugins/esm-meta/meta")
	want := map[string]any{
		"url":        "file://" + filepath.Join(abs, "index.mjs"),
		"dirname":    abs,
		"filename":   filepath.Join(abs, "index.mjs"),
		"myDirname":  abs,
		"myFilename": filepath.Join(abs, "index.mjs"),
		"moduleName": "not the CommonJS module",
		"answer":     float64(42),
		"selfExists": true,
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("esm-meta %s = %v, want %v", k, m[k], v)
		}
	}

	low := th.getJSON(t, "/api/plugins/esm-lowered/lowered")
	if low["sum"] != float64(6) || low["dyn"] != "dynamic" {
		t.Errorf("esm-lowered: %v", low)
	}

	th.notServed(t, "/api/plugins/esm-tla/v")
	th.log.mustLog(t, "Failed to load plugin from", "esm-tla", "top-level await")
}

func TestStackTracesPointAtPluginSource(t *testing.T) {
	th := startHost(t, "testdata/formats")
	stack, _ := th.getJSON(t, "/api/plugins/stack-trace/stack")["stack"].(string)
	if !strings.Contains(stack, "stack-trace/index.mjs:4") {
		t.Errorf("stack does not name index.mjs line 4:\n%s", stack)
	}
}

// TestTransformCacheDirAcrossHosts loads the formats tree twice with a TransformCacheDir, as two
// processes would: the first leaves esbuild's output there, the second serves the same answers from
// it, with stack traces still pointing at the plugins' own lines.
func TestTransformCacheDirAcrossHosts(t *testing.T) {
	cacheDir := t.TempDir()
	withCache := func(o *Options) { o.TransformCacheDir = cacheDir }
	check := func(th *testHost) {
		t.Helper()
		th.which(t, "esm-detected", "esm by syntax")
		th.which(t, "type-module", "esm by type")
		if low := th.getJSON(t, "/api/plugins/esm-lowered/lowered"); low["sum"] != float64(6) || low["dyn"] != "dynamic" {
			t.Errorf("esm-lowered: %v", low)
		}
		stack, _ := th.getJSON(t, "/api/plugins/stack-trace/stack")["stack"].(string)
		if !strings.Contains(stack, "stack-trace/index.mjs:4") {
			t.Errorf("stack does not name index.mjs line 4:\n%s", stack)
		}
	}
	check(startHost(t, "testdata/formats", withCache))
	entries, _ := filepath.Glob(filepath.Join(cacheDir, "*.js"))
	if len(entries) == 0 {
		t.Fatal("the first host left no transform cache entries")
	}
	check(startHost(t, "testdata/formats", withCache))
	again, _ := filepath.Glob(filepath.Join(cacheDir, "*.js"))
	if len(again) != len(entries) {
		t.Errorf("the second host changed the cache: %d entries, then %d", len(entries), len(again))
	}
}
