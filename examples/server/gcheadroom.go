package main

import (
	"context"
	"log/slog"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Go's default GOGC=100 starts a collection when the heap has grown by as much as is live. A plugin
// server's live heap is small (one hello-world plugin: about 15 MiB) while every request allocates
// goja objects (about 15 KiB each), so it collects every thousand requests or so, and marking costs
// a sixth to a quarter of its CPU. keepGCHeadroom lets the heap grow by at least minHeadroom bytes
// between collections: GOGC becomes max(100, minHeadroom*100/live), re-read every interval, so a
// small heap collects less often and a heap already larger than minHeadroom keeps GOGC=100.
//
// It does nothing when minHeadroom is 0 or the GOGC environment variable is set (the operator's
// choice wins), and restores GOGC=100 when ctx ends.
func keepGCHeadroom(ctx context.Context, minHeadroom uint64, interval time.Duration, logger *slog.Logger) {
	if minHeadroom == 0 || os.Getenv("GOGC") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	current := 100
	adjust := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		want := gcPercentFor(sample[0].Value.Uint64(), minHeadroom)
		// Small moves of the live heap are not worth a new setting.
		if want != current && (want > current*11/10 || want < current*9/10 || want == 100) {
			debug.SetGCPercent(want)
			logger.Debug("GOGC adjusted", "gogc", want, "live_bytes", sample[0].Value.Uint64())
			current = want
		}
	}
	adjust()
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				debug.SetGCPercent(100)
				return
			case <-t.C:
				adjust()
			}
		}
	}()
}

// maxGCPercent bounds GOGC for a nearly empty heap (right after start, before a collection has
// measured anything real).
const maxGCPercent = 1000

// gcPercentFor is the GOGC that gives a live heap of live bytes at least minHeadroom bytes of growth.
func gcPercentFor(live, minHeadroom uint64) int {
	if live == 0 || live >= minHeadroom {
		return 100
	}
	p := minHeadroom * 100 / live
	if p > maxGCPercent {
		return maxGCPercent
	}
	return int(p)
}
