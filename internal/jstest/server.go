package jstest

import (
	"bufio"
	"fmt"
	"os/exec"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// listening is the line a server prints once it accepts connections, as conformance/host/server.mjs
// does.
var listening = regexp.MustCompile(`listening on http://(\S+)`)

// StartServer starts cmd, a server (the Node reference host), copying its output into logs, and
// returns the host:port of its "listening on http://host:port" line. The server is stopped (SIGTERM,
// then killed) when t ends; t fails when it exits or prints no such line within 30 s.
func StartServer(t testing.TB, cmd *exec.Cmd, logs *Logs) string {
	t.Helper()
	cmd.Stderr = logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", cmd, err)
	}
	addr := make(chan string, 1)
	exited := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			fmt.Fprintln(logs, sc.Text())
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	select {
	case a := <-addr:
		return a
	case <-exited:
		t.Fatalf("%s exited before listening:\n%s", cmd, logs)
	case <-time.After(30 * time.Second):
		t.Fatalf("%s printed no 'listening on' line in 30 s:\n%s", cmd, logs)
	}
	return ""
}
