package fs_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
)

// TestDescriptorsClosedWithRuntime opens files through the three APIs, leaves them open, and checks
// that closing the runtime closes them in the process.
func TestDescriptorsClosedWithRuntime(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/fd")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "held.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, jstest.Set("file", file))
	var fds []int
	fdsJSON := jstest.AwaitJSON(t, rt, `(async () => {
		const a = fs.openSync(file, 'r');
		const b = await new Promise((resolve, reject) => fs.open(file, 'r+', (err, fd) => err ? reject(err) : resolve(fd)));
		const c = (await fs.promises.open(file)).fd;
		const closed = fs.openSync(file, 'r');
		fs.closeSync(closed);
		return [a, b, c];
	})()`)
	if err := json.Unmarshal([]byte(fdsJSON), &fds); err != nil {
		t.Fatal(err)
	}
	if n := fs.OpenDescriptors(rt); n != 3 {
		t.Fatalf("%d descriptors open, want 3", n)
	}
	for _, fd := range fds {
		if target, _ := os.Readlink("/proc/self/fd/" + strconv.Itoa(fd)); target != file {
			t.Fatalf("fd %d is %q before Close, want %q", fd, target, file)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rt.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if n := fs.OpenDescriptors(rt); n != 0 {
		t.Errorf("%d descriptors still in the table after Close", n)
	}
	for _, fd := range fds {
		if target, _ := os.Readlink("/proc/self/fd/" + strconv.Itoa(fd)); target == file {
			t.Errorf("fd %d still open on %s after Close", fd, file)
		}
	}
}

// TestHostDescriptorsUnreachable checks that a plugin cannot write to or close the host's own
// descriptors.
func TestHostDescriptorsUnreachable(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `[0, 1, 2].map((fd) => {
		const codes = [];
		for (const f of [() => fs.writeSync(fd, 'x'), () => fs.closeSync(fd), () => fs.fstatSync(fd)]) {
			try { f(); codes.push('ok'); } catch (e) { codes.push(e.code); }
		}
		return codes.join('/');
	}).join(' ')`)
	if want := "EBADF/EBADF/EBADF EBADF/EBADF/EBADF EBADF/EBADF/EBADF"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
