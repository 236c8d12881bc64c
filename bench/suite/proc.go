package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pluginhost/pluginhost/bench/internal/procmem"
)

// server is a target or helper process the suite started.
type server struct {
	name    string
	cmd     *exec.Cmd
	url     string // base URL from its "listening on http://ADDR" line
	logPath string
	started time.Time
	done    chan struct{} // closed once the process has exited
	waitErr error
}

// startServer runs argv (with env added to the suite's environment) with its output in logPath and
// returns once it printed "listening on http://ADDR". The process is killed if the suite dies
// (Pdeathsig) and stopped by stopAll however the run ends.
func (s *suite) startServer(ctx context.Context, name, logPath string, env, argv []string) (*server, error) {
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	w := &listenWatcher{file: logFile, found: make(chan string, 1)}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = s.root
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = w, w
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	srv := &server{name: name, cmd: cmd, logPath: logPath, done: make(chan struct{})}
	srv.started = time.Now()
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	s.track(srv)
	go func() {
		srv.waitErr = cmd.Wait()
		logFile.Close()
		close(srv.done)
	}()
	timeout := time.NewTimer(2 * time.Minute)
	defer timeout.Stop()
	select {
	case srv.url = <-w.found:
		return srv, nil
	case <-srv.done:
		return nil, fmt.Errorf("%s exited before listening (%v); log %s:\n%s", name, srv.waitErr, logPath, tail(logPath))
	case <-timeout.C:
		srv.stop()
		return nil, fmt.Errorf("%s printed no \"listening on\" line in 2 minutes; log %s:\n%s", name, logPath, tail(logPath))
	case <-ctx.Done():
		srv.stop()
		return nil, ctx.Err()
	}
}

// stop sends SIGTERM (so plugins' exit() runs), then SIGKILL after 5 s, and waits for the exit.
func (srv *server) stop() {
	select {
	case <-srv.done:
		return
	default:
	}
	_ = srv.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-srv.done:
	case <-time.After(5 * time.Second):
		_ = srv.cmd.Process.Kill()
		<-srv.done
	}
}

func (s *suite) track(srv *server) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.servers = append(s.servers, srv)
}

// stopAll stops every process the suite started that is still running, all at once.
func (s *suite) stopAll() {
	s.mu.Lock()
	servers := s.servers
	s.servers = nil
	s.mu.Unlock()
	var wg sync.WaitGroup
	for _, srv := range servers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			srv.stop()
		}()
	}
	wg.Wait()
}

// listenWatcher writes a process's output to its log and reports the URL of the first
// "listening on http://ADDR" line. exec calls Write from one goroutine, as stdout and stderr share it.
type listenWatcher struct {
	file    *os.File
	partial []byte
	found   chan string
	seen    bool
}

func (w *listenWatcher) Write(p []byte) (int, error) {
	if _, err := w.file.Write(p); err != nil {
		return 0, err
	}
	if w.seen {
		return len(p), nil
	}
	w.partial = append(w.partial, p...)
	for {
		line, rest, ok := bytes.Cut(w.partial, []byte("\n"))
		if !ok {
			break
		}
		w.partial = rest
		if _, addr, ok := strings.Cut(string(line), "listening on http://"); ok {
			w.seen = true
			w.partial = nil
			w.found <- "http://" + strings.Fields(addr)[0]
			break
		}
	}
	return len(p), nil
}

// tail is the end of a log file, for error messages.
func tail(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}

// memory reads a process's current and peak resident set size in bytes (VmRSS, VmHWM).
func memory(pid int) (rss, peak uint64, err error) { return procmem.Read(strconv.Itoa(pid)) }

// cpuTime is the CPU time (user + system, every thread) a process has used, from /proc/<pid>/stat.
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces; the fields after it are plain numbers.
	_, after, ok := bytes.Cut(b, []byte(") "))
	if !ok {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	fields := strings.Fields(string(after)) // field 3 (state) is fields[0]
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	var ticks uint64
	for _, f := range fields[11:13] { // utime, stime (fields 14, 15)
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/%d/stat: %w", pid, err)
		}
		ticks += n
	}
	// USER_HZ, the unit of these fields, is 100 on every Linux platform Go supports.
	return time.Duration(ticks) * (time.Second / 100), nil
}
