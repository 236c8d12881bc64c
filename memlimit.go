package pluginhost

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// HeapLimitError is why a plugin was stopped by the heap limit: its JavaScript was running while the
// host's live heap was over Options.MemoryLimit.
type HeapLimitError struct {
	Plugin string
	Heap   uint64 // live heap bytes when it was stopped
	Limit  int64
}

func (e *HeapLimitError) Error() string {
	return fmt.Sprintf("plugin %s was running JavaScript while the host's heap (%d MiB) was over its limit (%d MiB)",
		e.Plugin, e.Heap>>20, e.Limit>>20)
}

// Heap limit tuning: how often the heap is read, and how long a job must have been running to be
// suspected of the growth (a short job that happens to run at that moment is not).
const (
	heapCheckPeriod = 50 * time.Millisecond
	heapSuspectTime = 50 * time.Millisecond
)

// memoryLimit resolves Options.MemoryLimit: 0 means 90% of the process's GOMEMLIMIT when one is set,
// else none; negative means none.
func memoryLimit(opt int64) int64 {
	if opt != 0 {
		return opt
	}
	if soft := debug.SetMemoryLimit(-1); soft != math.MaxInt64 {
		return soft / 10 * 9
	}
	return -1
}

// watchHeap enforces the heap limit until done is closed. goja cannot account memory per runtime, so
// the live heap of the whole process is read (cheaply, without stopping the world); when it is over
// the limit even after a collection, every plugin whose JavaScript has been running for a while is
// taken to be the one allocating: it is interrupted (its request gets 503) and rebuilt, and the
// garbage it made goes with its old runtime. A plugin that allocates a little in each of many short
// jobs is not caught this way: that is what GOMEMLIMIT and the operator are for (see the README).
func (h *Host) watchHeap(limit int64, done <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	live := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	tick := time.NewTicker(heapCheckPeriod)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		if live() <= uint64(limit) {
			continue
		}
		runtime.GC()
		heap := live()
		if heap <= uint64(limit) {
			continue
		}
		for _, inst := range h.runningInstances(heapSuspectTime) {
			cause := &HeapLimitError{Plugin: inst.exports.info.ID, Heap: heap, Limit: limit}
			inst.plat.RT.Interrupt(cause)
			go h.pluginStopped(inst, cause)
		}
	}
}

// runningInstances lists the serving instances whose current job has been running for at least d.
func (h *Host) runningInstances(d time.Duration) []*instance {
	h.mu.RLock()
	plugins := h.plugins
	h.mu.RUnlock()
	var out []*instance
	for _, p := range plugins {
		p.mu.Lock()
		inst := p.inst
		serving := inst != nil && p.loaded && !p.exited && !p.rebuilding
		p.mu.Unlock()
		if serving && inst.plat.RT.JobTime() >= d {
			out = append(out, inst)
		}
	}
	return out
}
