package child_process_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// running reports whether pid is a live process: it exists and is not a zombie waiting to be reaped
// (orphans are reparented to an init that may reap them late).
func running(pid int) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	return len(fields) > 0 && fields[0] != "Z"
}

// waitStopped fails the test unless pid stops running within a generous bound.
func waitStopped(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for running(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d still runs", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func closeRuntime(t *testing.T, rt *jsruntime.Runtime) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rt.Close(ctx); err != nil {
		t.Fatalf("close: %v", err)
	}
}

// Closing the runtime kills a running child, and what it started in the background (which holds
// the child's stdout open, so Node would not even emit 'close').
func TestCloseKillsChildren(t *testing.T) {
	rt := newRuntime(t, nil)
	lines := run(t, rt, `
const sleeper = cp.spawn('sleep', ['1000']);
const parent = cp.spawn('sh', ['-c', 'sleep 1000 & echo $!']);
const exited = new Promise((res) => parent.on('exit', res));
const bg = await new Promise((res) => parent.stdout.once('data', (b) => res(String(b).trim())));
await exited;
log(sleeper.pid);
log(bg);
`)
	var pids []int
	for _, l := range lines {
		pid, err := strconv.Atoi(l)
		if err != nil || !running(pid) {
			t.Fatalf("no running process %q", l)
		}
		pids = append(pids, pid)
	}
	closeRuntime(t, rt)
	for _, pid := range pids {
		waitStopped(t, pid)
	}
}

// A Sync call blocks the loop, but closing the runtime ends it: the child is killed and Close
// returns.
func TestCloseEndsSyncCall(t *testing.T) {
	rt := newRuntime(t, nil)
	pidFile := filepath.Join(t.TempDir(), "pid")
	rt.RunOnLoop(func(vm *goja.Runtime) {
		_ = vm.Set("pidFile", pidFile)
		_, _ = vm.RunString(`cp.spawnSync('sh', ['-c', 'echo $$ > "$0"; exec sleep 1000', pidFile])`)
	})
	var pid int
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(pidFile)
		if n, convErr := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && convErr == nil {
			pid = n
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the child did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	closeRuntime(t, rt)
	waitStopped(t, pid)
}

// Once spawnSync kills a child (timeout, maxBuffer) it stops reading, as Node does: a background
// process still holding the output does not hold the call.
func TestSyncKillDoesNotWaitForInheritors(t *testing.T) {
	rt := newRuntime(t, nil)
	pidFile := filepath.Join(t.TempDir(), "bg")
	lines := run(t, rt, `
const r = cp.spawnSync('sh', ['-c', 'sleep 1000 & echo $! > "$0"; echo 1234567890; exec sleep 1000', '`+pidFile+`'], { maxBuffer: 4 });
log(r.error.code, r.signal, String(r.stdout).trim());
`)
	if got := strings.Join(lines, "\n"); got != "ENOBUFS SIGTERM 1234567890" {
		t.Errorf("got %q", got)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if p, err := os.FindProcess(bg); err == nil {
		_ = p.Kill()
	}
}
