package modules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// diskCache keeps esbuild's output in files, so that a later process loading the same file skips
// esbuild: the detection build and the transform are most of a large bundle's load time. goja's
// compiled programs cannot be stored; they are rebuilt from the cached output.
//
// There is one file per source file and mode, named by a hash of both and of the esbuild version (a
// changed file replaces its entry instead of adding one). Its first line records the format and the
// sha256 of the source it was made from; an entry whose source differs, or that cannot be read, is a
// miss. Writes go to a temporary file renamed into place, so a reader never sees half an entry.
// Failing to write is not an error: the cache only saves time.
type diskCache struct {
	dir string
	sum [sha256.Size]byte // the sha256 of the source file being compiled
}

// diskCacheHeader starts every entry; its version changes when what transform produces changes.
const diskCacheHeader = "// pluginhost transform cache v1 "

// esbuildVersion is the esbuild release in go.mod, part of every entry's key: another esbuild may
// transform the same source differently. TestESBuildVersionMatchesGoMod keeps it in step.
const esbuildVersion = "v0.28.2"

func (d *diskCache) path(filename string, m mode) string {
	key := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%t\x00%d", esbuildVersion, filename, m.ts, m.intent)))
	return filepath.Join(d.dir, hex.EncodeToString(key[:16])+".js")
}

// load returns the transformed code and format stored for the source, if any.
func (d *diskCache) load(filename string, m mode) (code string, format Format, ok bool) {
	if d == nil {
		return "", 0, false
	}
	data, err := os.ReadFile(d.path(filename, m))
	if err != nil {
		return "", 0, false
	}
	header, body, found := bytes.Cut(data, []byte("\n"))
	if !found || !bytes.HasPrefix(header, []byte(diskCacheHeader)) {
		return "", 0, false
	}
	fields := strings.Fields(string(header[len(diskCacheHeader):]))
	if len(fields) != 2 || fields[1] != hex.EncodeToString(d.sum[:]) {
		return "", 0, false
	}
	switch fields[0] {
	case "cjs":
		format = CommonJS
	case "esm":
		format = ESM
	default:
		return "", 0, false
	}
	return string(body), format, true
}

// store records code, made from the source, for a later load; errors are ignored (see diskCache).
func (d *diskCache) store(filename string, m mode, code string, format Format) {
	if d == nil {
		return
	}
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return
	}
	name := "cjs"
	if format == ESM {
		name = "esm"
	}
	tmp, err := os.CreateTemp(d.dir, ".entry-*")
	if err != nil {
		return
	}
	_, werr := fmt.Fprintf(tmp, "%s%s %s\n%s", diskCacheHeader, name, hex.EncodeToString(d.sum[:]), code)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		_ = os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), d.path(filename, m)); err != nil {
		_ = os.Remove(tmp.Name())
	}
}
