package unsupported

import (
	"math"
	"runtime"
	"runtime/debug"

	"github.com/dop251/goja"
)

// defaultHeapLimit is what heap_size_limit reports when the host set no Go memory limit: V8's
// default on 64-bit hosts, about 4 GiB.
const defaultHeapLimit = 4345298944

// heapStatistics is v8.getHeapStatistics() with V8's field names, filled from the Go runtime's
// statistics of the whole host process.
func heapStatistics(vm *goja.Runtime) goja.Value {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	limit := uint64(defaultHeapLimit)
	if l := debug.SetMemoryLimit(-1); l > 0 && l < math.MaxInt64 {
		limit = uint64(l)
	}
	available := uint64(0)
	if limit > ms.HeapAlloc {
		available = limit - ms.HeapAlloc
	}
	stats := vm.NewObject()
	for _, kv := range []struct {
		name  string
		value uint64
	}{
		{"total_heap_size", ms.HeapSys},
		{"total_heap_size_executable", 0},
		{"total_physical_size", ms.HeapInuse},
		{"total_available_size", available},
		{"used_heap_size", ms.HeapAlloc},
		{"heap_size_limit", limit},
		{"malloced_memory", ms.MSpanInuse + ms.MCacheInuse},
		{"peak_malloced_memory", ms.MSpanSys + ms.MCacheSys},
		{"does_zap_garbage", 0},
		{"number_of_native_contexts", 1},
		{"number_of_detached_contexts", 0},
		{"total_global_handles_size", 0},
		{"used_global_handles_size", 0},
		{"external_memory", 0},
	} {
		_ = stats.Set(kv.name, kv.value)
	}
	return stats
}
