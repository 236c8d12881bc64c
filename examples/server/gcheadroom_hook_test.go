package main

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gogc reads the GOGC in effect.
func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// waitForGOGC collects until GOGC is want, failing the test after 10 s.
func waitForGOGC(t *testing.T, want uint64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for gogc() != want {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC = %d after collections, want %d", gogc(), want)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// TestKeepGCHeadroom: GOGC is maxGCPercent from the start while the heap is far below the headroom,
// and back at Go's default once the context ends.
func TestKeepGCHeadroom(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	ctx, cancel := context.WithCancel(context.Background())
	keepGCHeadroom(ctx, 1<<40, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if got := gogc(); got != maxGCPercent {
		t.Fatalf("GOGC at start = %d, want %d", got, maxGCPercent)
	}
	runtime.GC()
	if got := gogc(); got != maxGCPercent {
		t.Fatalf("GOGC after a collection = %d, want %d", got, maxGCPercent)
	}
	cancel()
	waitForGOGC(t, 100)
}

// TestHeadroomRearms: the adjustment runs after every collection, not just the first.
func TestHeadroomRearms(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	h := &headroom{min: 1, logger: slog.New(slog.NewTextHandler(io.Discard, nil)), current: 100}
	defer func() {
		h.mu.Lock()
		h.stopped = true
		h.mu.Unlock()
	}()
	h.arm()
	// A huge headroom wants maxGCPercent, a 1-byte one Go's default: each change shows after a
	// later collection only if every cleanup arms the next.
	for _, step := range []struct {
		headroom uint64
		want     uint64
	}{{1 << 40, maxGCPercent}, {1, 100}, {1 << 40, maxGCPercent}} {
		h.mu.Lock()
		h.min = step.headroom
		h.mu.Unlock()
		waitForGOGC(t, step.want)
	}
}
