package main

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Go's default GOGC=100 starts a collection when the heap has grown by as much as is live. A plugin
// server's live heap is small (one hello-world plugin: about 15 MiB) while every request allocates
// goja objects (about 15 KiB each), so it collects every thousand requests or so, and marking costs
// a sixth to a quarter of its CPU. Loading plugins is the same story in a shorter time: the heap grows
// from nothing to a few MiB per plugin, and at GOGC=100 it is marked again every time it doubles.
//
// keepGCHeadroom lets the heap grow by at least minHeadroom bytes between collections, from the start:
// after every collection, GOGC becomes max(100, minHeadroom*100/live), so a small heap collects less
// often and a heap already larger than minHeadroom keeps GOGC=100. Before the first collection
// nothing is live yet and GOGC is maxGCPercent. With 50 plugins this takes a third of the collections
// out of start-up (about 40 ms of the 50-plugin start-up on two cores) without raising its peak RSS.
//
// It does nothing when minHeadroom is 0 or the GOGC environment variable is set (the operator's
// choice wins), and restores GOGC=100 when ctx ends.
func keepGCHeadroom(ctx context.Context, minHeadroom uint64, logger *slog.Logger) {
	if minHeadroom == 0 || os.Getenv("GOGC") != "" {
		return
	}
	h := &headroom{min: minHeadroom, logger: logger, current: 100}
	h.adjust()
	h.arm()
	context.AfterFunc(ctx, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.stopped = true
		debug.SetGCPercent(100)
	})
}

// headroom is keepGCHeadroom's state, shared by the cleanups that run after each collection.
type headroom struct {
	min    uint64
	logger *slog.Logger

	mu      sync.Mutex
	current int
	stopped bool
}

// gcSentinel is allocated only to become garbage: its cleanup runs once the next collection has
// found it unreachable. It is larger than 16 bytes so that it is not batched with other small
// allocations, which would keep it alive.
type gcSentinel [32]byte

// arm has adjust run after the next collection, and arm again.
func (h *headroom) arm() {
	runtime.AddCleanup(new(gcSentinel), func(h *headroom) {
		if h.adjust() {
			h.arm()
		}
	}, h)
}

// adjust sets GOGC for the live heap the last collection measured. It reports false once ctx has
// ended.
func (h *headroom) adjust() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return false
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return true
	}
	want := gcPercentFor(sample[0].Value.Uint64(), h.min)
	// Small moves of the live heap are not worth a new setting.
	if want != h.current && (want > h.current*11/10 || want < h.current*9/10 || want == 100) {
		debug.SetGCPercent(want)
		h.logger.Debug("GOGC adjusted", "gogc", want, "live_bytes", sample[0].Value.Uint64())
		h.current = want
	}
	return true
}

// maxGCPercent bounds GOGC for a nearly empty heap (at start, before a collection has measured
// anything).
const maxGCPercent = 1000

// gcPercentFor is the GOGC that gives a live heap of live bytes at least minHeadroom bytes of growth.
func gcPercentFor(live, minHeadroom uint64) int {
	if live >= minHeadroom {
		return 100
	}
	if live == 0 {
		return maxGCPercent
	}
	p := minHeadroom * 100 / live
	if p > maxGCPercent {
		return maxGCPercent
	}
	return int(p)
}
