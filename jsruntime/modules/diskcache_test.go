package modules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// TestTransformCacheDir checks the disk layer: a second process (a new TransformCache on the same
// directory) takes esbuild's output from the entry the first one wrote, a changed source or a
// damaged entry is a miss that is rebuilt, and files goja compiles directly leave no entry.
func TestTransformCacheDir(t *testing.T) {
	root := t.TempDir()
	cacheDir := filepath.Join(t.TempDir(), "transform")
	esm := filepath.Join(root, "esm.mjs")
	plain := filepath.Join(root, "plain.cjs")
	write := func(path, src string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(esm, "export const answer = 41 + 1;\n")
	write(plain, "module.exports = { plain: true };\n")

	load := func(file, expr string) string {
		t.Helper()
		e := newEnv(t, modules.Options{Root: root, Cache: &modules.TransformCache{Dir: cacheDir}})
		var got string
		e.do(func(vm *goja.Runtime) error {
			exp, err := e.sys.LoadMain(file)
			if err != nil {
				return err
			}
			_ = vm.Set("exp", exp)
			v, err := vm.RunString(expr)
			if err != nil {
				return err
			}
			got = v.String()
			return nil
		})
		return got
	}
	entries := func() []string {
		t.Helper()
		list, _ := filepath.Glob(filepath.Join(cacheDir, "*.js"))
		return list
	}

	if got := load(plain, "String(exp.plain)"); got != "true" {
		t.Fatalf("plain: %s", got)
	}
	if n := len(entries()); n != 0 {
		t.Fatalf("a file goja compiles directly left %d cache entries", n)
	}
	if got := load(esm, "String(exp.answer)"); got != "42" {
		t.Fatalf("esm: %s", got)
	}
	list := entries()
	if len(list) != 1 {
		t.Fatalf("want one cache entry, have %v", list)
	}
	entry := list[0]
	if info, err := os.Stat(cacheDir); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("cache directory: %v %v", info.Mode(), err)
	}

	// The next process takes the entry as it is: changed there, the module changes.
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "41 + 1") {
		t.Fatalf("entry does not hold the transformed module:\n%s", data)
	}
	write(entry, strings.Replace(string(data), "41 + 1", "40 + 3", 1))
	if got := load(esm, "String(exp.answer)"); got != "43" {
		t.Fatalf("the cache entry was not used: answer %s", got)
	}

	// A changed source misses and replaces the entry.
	write(esm, "export const answer = 41 + 2;\n")
	if got := load(esm, "String(exp.answer)"); got != "43" {
		t.Fatalf("changed source: answer %s", got)
	}
	if data, _ := os.ReadFile(entry); !strings.Contains(string(data), "41 + 2") {
		t.Fatalf("the entry was not replaced:\n%s", data)
	}

	// A damaged entry misses too, whether its header or its code is broken.
	data, err = os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(data), "\n")
	write(entry, header+"\nthis is ( not JavaScript")
	if got := load(esm, "String(exp.answer)"); got != "43" {
		t.Fatalf("entry with broken code: answer %s", got)
	}
	write(entry, "garbage")
	if got := load(esm, "String(exp.answer)"); got != "43" {
		t.Fatalf("damaged entry: answer %s", got)
	}
	if n := len(entries()); n != 1 {
		t.Fatalf("want one cache entry after the rewrite, have %d", n)
	}
}

// TestESBuildVersionMatchesGoMod fails when go.mod moves to another esbuild without the disk cache's
// key following (entries made by the old esbuild would be reused).
func TestESBuildVersionMatchesGoMod(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "github.com/evanw/esbuild" {
			if f[1] != modules.ESBuildVersion {
				t.Fatalf("go.mod has esbuild %s, the transform cache keys entries with %s", f[1], modules.ESBuildVersion)
			}
			return
		}
	}
	t.Fatal("go.mod does not require github.com/evanw/esbuild")
}
