package fs

import "github.com/pluginhost/pluginhost/jsruntime"

// OpenDescriptors is how many descriptors rt's plugin has open. Call on the loop or after Close.
func OpenDescriptors(rt *jsruntime.Runtime) int {
	m, _ := get(rt)
	m.files.mu.Lock()
	defer m.files.mu.Unlock()
	return len(m.files.files)
}

// Notifiers reports how many fsnotify watchers rt holds (0, 1 or 2) and how many paths they watch.
func Notifiers(rt *jsruntime.Runtime) (watchers, paths int) {
	m, _ := get(rt)
	m.watches.mu.Lock()
	defer m.watches.mu.Unlock()
	for _, n := range []*notifier{&m.watches.dirs, &m.watches.files} {
		if n.w != nil {
			watchers++
			paths += len(n.refs)
		}
	}
	return watchers, paths
}
