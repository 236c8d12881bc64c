package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/loadtest"
)

// TestQuickRun runs every workload under every target very briefly (-quick): the suite's smoke
// test. It needs Node and npm and takes about half a minute, so it runs only when asked.
func TestQuickRun(t *testing.T) {
	if os.Getenv("PLUGINHOST_BENCH_SMOKE") != "1" {
		t.Skip("the benchmark's smoke test runs only with PLUGINHOST_BENCH_SMOKE=1 (needs node and npm; ~30 s)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, []string{"-quick", "-workloads", "all", "-targets", "pluginhost,node,go", "-out", t.TempDir()}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	text := out.String()
	t.Log(text)
	if strings.Contains(text, "FAILED") {
		t.Errorf("a target failed its checks:\n%s", text)
	}
	for _, w := range workloads {
		for _, target := range allTargets {
			if w.startup {
				continue
			}
			if !strings.Contains(text, "# "+pad(w.key, 13)+" "+pad(target, 10)+" round 1: rps=") {
				t.Errorf("no measurement of %s under %s", w.key, target)
			}
		}
	}
	for _, target := range allTargets {
		if !strings.Contains(text, "# startup       "+pad(target, 10)+" cold   : serving after") {
			t.Errorf("no cold start-up of %s", target)
		}
	}
	for _, row := range []string{"ph/node", "ph/go", "6 startup (50)"} {
		if !strings.Contains(text, row) {
			t.Errorf("no %q row in the results", row)
		}
	}
}

func pad(s string, n int) string { return s + strings.Repeat(" ", max(n-len(s), 0)) }

func TestSelectWorkloads(t *testing.T) {
	for list, want := range map[string]string{
		"all":              "hello echo routes relay static-large static-small startup multi",
		"5":                "static-large static-small",
		"7, 1":             "hello multi",
		"relay,5b,startup": "relay static-small startup",
		"1,hello":          "hello",
	} {
		ws, err := selectWorkloads(list)
		if err != nil {
			t.Fatalf("%q: %v", list, err)
		}
		var keys []string
		for _, w := range ws {
			keys = append(keys, w.key)
		}
		if got := strings.Join(keys, " "); got != want {
			t.Errorf("selectWorkloads(%q) = %s, want %s", list, got, want)
		}
	}
	for _, bad := range []string{"8", "hello,nope", ""} {
		if _, err := selectWorkloads(bad); err == nil {
			t.Errorf("selectWorkloads(%q) accepted", bad)
		}
	}
}

func TestParseConfig(t *testing.T) {
	t.Setenv("ROUNDS", "5")
	t.Setenv("DURATION", "3")
	c, err := parseConfig([]string{"-warmup", "500ms", "-targets", "go,node"})
	if err != nil {
		t.Fatal(err)
	}
	if c.rounds != 5 || c.duration != 3*time.Second || c.warmup != 500*time.Millisecond ||
		strings.Join(c.targets, ",") != "go,node" || len(c.workloads) != len(workloads) {
		t.Errorf("config %+v", c)
	}
	c, err = parseConfig([]string{"-quick", "-rounds", "4"})
	if err != nil {
		t.Fatal(err)
	}
	if c.rounds != 1 || c.duration >= time.Second || c.warmStarts != 1 {
		t.Errorf("-quick: rounds %d duration %v warm starts %d", c.rounds, c.duration, c.warmStarts)
	}
	for _, args := range [][]string{{"-targets", "deno"}, {"-duration", "soon"}, {"-rounds", "0"}, {"extra"}} {
		if _, err := parseConfig(args); err == nil {
			t.Errorf("parseConfig(%q) accepted", args)
		}
	}
}

func TestParseLoadgen(t *testing.T) {
	m, err := parseLoadgen("rps=1234.5 p50_ms=1.500 p99_ms=9.000 errors=1 non2xx=2 bad=3 requests=7410 bytes=99\n",
		"loadgen: first error: reset\n")
	if err != nil {
		t.Fatal(err)
	}
	if m.rps != 1234.5 || m.p50 != 1.5 || m.p99 != 9 || m.failed() != 6 || m.requests != 7410 || m.nbytes != 99 ||
		m.failure != "loadgen: first error: reset" {
		t.Errorf("%+v", m)
	}
	if _, err := parseLoadgen("rps=1 p50_ms=1 p99_ms=1 errors=0\n", ""); err == nil {
		t.Error("a line without every field was accepted")
	}
}

// The address is found however the output is split into writes, and everything reaches the log.
func TestListenWatcher(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := &listenWatcher{file: f, found: make(chan string, 1)}
	for _, chunk := range []string{"time=... level=INFO msg=loaded\nlisten", "ing on http://127.0.0.1:4", "321 extra\nmore\n"} {
		if _, err := w.Write([]byte(chunk)); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case url := <-w.found:
		if url != "http://127.0.0.1:4321" {
			t.Errorf("url %q", url)
		}
	default:
		t.Fatal("no address found")
	}
	if b, _ := os.ReadFile(f.Name()); !strings.HasSuffix(string(b), "321 extra\nmore\n") {
		t.Errorf("log %q", b)
	}
}

// The echo body must come back byte for byte from JSON.stringify(JSON.parse(body)) and from Go's
// decoding and encoding: compact, keys sorted, nothing HTML-escaped.
func TestEchoBody(t *testing.T) {
	b := loadtest.EchoDocument(10 << 10)
	if len(b) < 10<<10 || len(b) > 11<<10 {
		t.Errorf("%d bytes", len(b))
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if again := encodeJSON(v); !bytes.Equal(again, b) {
		t.Errorf("re-encoding changes the body:\n%s\n%s", b[:200], again[:200])
	}
}

func TestCPUTime(t *testing.T) {
	before, err := cpuTime(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for x := 0; ; x++ { // burn CPU until the counter moves (10 ms ticks)
		now, err := cpuTime(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		if now > before {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("CPU time stayed at %v (x=%d)", now, x)
		}
	}
}
