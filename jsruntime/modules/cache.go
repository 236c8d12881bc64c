package modules

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// compiled is a module ready to run: goja Programs are immutable and can run in any number of runtimes.
type compiled struct {
	program *goja.Program
	format  Format
	regexps []regexpIssue // logged each time the module is evaluated (regexpscan.go)
}

// TransformCache keeps compiled modules across runtimes, so reloading a plugin or starting another
// runtime for it skips esbuild and goja's compiler. It is safe for concurrent use; the zero value is
// usable.
//
// Entries are keyed by file and mode and hold the sha256 of the content they were built from: a
// changed file replaces its entry instead of adding one, so the cache stays as large as the set of
// files loaded. (The file name is part of the key because a Program embeds it for stack traces.)
type TransformCache struct {
	// Dir, when set, also keeps esbuild's output in files there (created on first write, mode 0700),
	// so that another process loading the same files skips esbuild (see diskCache). Anyone who can
	// write to Dir can change the code plugins run: give it the same protection as the plugins.
	Dir string

	mu      sync.Mutex
	entries map[cacheKey]*cacheEntry
}

// disk is the file layer for a source whose sha256 is sum, nil without Dir.
func (c *TransformCache) disk(sum [sha256.Size]byte) *diskCache {
	if c.Dir == "" {
		return nil
	}
	return &diskCache{dir: c.Dir, sum: sum}
}

type cacheKey struct {
	filename string
	mode     mode
}

type cacheEntry struct {
	sum   [sha256.Size]byte
	ready chan struct{} // closed once value and err are set
	value *compiled
	err   error
}

// get returns the compiled form of src, calling build once per content even when several runtimes ask
// at the same time. Errors are cached too: the same content fails the same way.
// build gets the content's sha256.
func (c *TransformCache) get(filename string, m mode, src []byte, build func(sum [sha256.Size]byte) (*compiled, error)) (*compiled, error) {
	sum := sha256.Sum256(src)
	key := cacheKey{filename, m}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[cacheKey]*cacheEntry{}
	}
	if e, ok := c.entries[key]; ok && e.sum == sum {
		c.mu.Unlock()
		<-e.ready
		return e.value, e.err
	}
	e := &cacheEntry{sum: sum, ready: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()
	defer close(e.ready)
	// Seen by waiters only if build panics, so that they fail instead of getting a nil module.
	e.err = fmt.Errorf("compile %s: compiler panicked", filename)
	e.value, e.err = build(sum)
	return e.value, e.err
}
