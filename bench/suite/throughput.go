package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// measurement is one loadgen run against one target.
type measurement struct {
	rps, p50, p99                         float64
	errors, non2xx, bad, requests, nbytes uint64
	failure                               string // loadgen's description of the first failures
	// cpu is the server's CPU time during the measured window, -1 when it could not be read.
	cpu time.Duration
}

// cpuPerRequest is the server's CPU time per request of the window in microseconds, 0 if unknown.
func (m measurement) cpuPerRequest() float64 {
	if m.cpu < 0 || m.requests == 0 {
		return 0
	}
	return float64(m.cpu.Microseconds()) / float64(m.requests)
}

func (m measurement) failed() uint64 { return m.errors + m.non2xx + m.bad }

// throughputResult is a workload's measurements by target, and each target's peak RSS over the
// workload (its server served only this workload).
type throughputResult struct {
	w        *workload
	rounds   map[string][]measurement
	peak     map[string]uint64
	failures map[string]string // first failure description by target
}

// runThroughput starts every target on the workload's plugins and measures them in turn, round after
// round, with the same load.
func (s *suite) runThroughput(ctx context.Context, w *workload, dir string) error {
	plugins := filepath.Join(dir, "plugins")
	servers := map[string]*server{}
	defer func() {
		for _, srv := range servers {
			srv.stop()
		}
	}()
	for _, t := range s.cfg.targets {
		argv, env := s.serverArgv(t, plugins)
		srv, err := s.startServer(ctx, t, filepath.Join(s.cfg.out, fmt.Sprintf("%s-%s.log", w.key, t)), env, argv)
		if err != nil {
			return err
		}
		servers[t] = srv
	}
	l := w.load(s, dir)
	res := &throughputResult{w: w, rounds: map[string][]measurement{}, peak: map[string]uint64{}, failures: map[string]string{}}
	s.throughput = append(s.throughput, res)
	for round := 1; round <= s.cfg.rounds; round++ {
		for _, t := range s.cfg.targets {
			var profiled sync.WaitGroup
			if s.cfg.profile && t == "pluginhost" && round == 1 {
				profiled.Add(1)
				go func() {
					defer profiled.Done()
					s.collectProfiles(ctx, servers[t].url, w.key)
				}()
			}
			cpu := s.sampleCPU(ctx, servers[t].cmd.Process.Pid)
			m, err := s.loadgen(ctx, servers[t].url, l, fmt.Sprintf("%s %s round %d", w.key, t, round))
			profiled.Wait()
			if err != nil {
				return err
			}
			m.cpu = <-cpu
			res.rounds[t] = append(res.rounds[t], m)
			if m.failure != "" && res.failures[t] == "" {
				res.failures[t] = m.failure
			}
			s.printf("# %-13s %-10s round %d: rps=%.1f p50_ms=%.3f p99_ms=%.3f cpu_us/req=%.1f errors=%d non2xx=%d bad=%d requests=%d MiB=%.1f\n",
				w.key, t, round, m.rps, m.p50, m.p99, m.cpuPerRequest(), m.errors, m.non2xx, m.bad, m.requests, float64(m.nbytes)/(1<<20))
		}
	}
	for t, srv := range servers {
		if _, peak, err := memory(srv.cmd.Process.Pid); err == nil {
			res.peak[t] = peak
		} else {
			res.failures[t] = fmt.Sprintf("server exited during the workload (%v); log %s", err, srv.logPath)
		}
	}
	return nil
}

// sampleCPU reports the CPU time process pid uses during the next measurement window (the load
// generator's run started now, after its warm-up), or -1 when it cannot be read.
func (s *suite) sampleCPU(ctx context.Context, pid int) <-chan time.Duration {
	ch := make(chan time.Duration, 1)
	go func() {
		sleep := func(d time.Duration) bool {
			select {
			case <-time.After(d):
				return true
			case <-ctx.Done():
				return false
			}
		}
		var before, after time.Duration
		var err error
		if !sleep(s.cfg.warmup) {
			ch <- -1
			return
		}
		if before, err = cpuTime(pid); err != nil || !sleep(s.cfg.duration) {
			ch <- -1
			return
		}
		if after, err = cpuTime(pid); err != nil {
			ch <- -1
			return
		}
		ch <- after - before
	}()
	return ch
}

// loadgen applies l to the target at base and parses the load generator's result line.
func (s *suite) loadgen(ctx context.Context, base string, l load, label string) (measurement, error) {
	conns, timeout := l.conns, l.timeout
	if conns == 0 {
		conns = s.cfg.conns
	}
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	var argv []string
	if s.cfg.pin {
		argv = []string{"taskset", "-c", "1"}
	}
	argv = append(argv, s.bin["loadgen"], "-c", strconv.Itoa(conns), "-d", s.cfg.duration.String(),
		"-warmup", s.cfg.warmup.String(), "-timeout", timeout.String())
	for _, p := range l.paths {
		argv = append(argv, "-url", base+p)
	}
	argv = append(argv, l.args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	err := cmd.Run()
	s.logLoadgen(label, argv, stdout.String(), stderr.String())
	if err != nil {
		return measurement{}, fmt.Errorf("loadgen (%s): %w: %s", label, err, stderr.String())
	}
	return parseLoadgen(stdout.String(), stderr.String())
}

func parseLoadgen(stdout, stderr string) (measurement, error) {
	m := measurement{failure: strings.TrimSpace(stderr)}
	fields := map[string]string{}
	for _, kv := range strings.Fields(stdout) {
		if k, v, ok := strings.Cut(kv, "="); ok {
			fields[k] = v
		}
	}
	floats := map[string]*float64{"rps": &m.rps, "p50_ms": &m.p50, "p99_ms": &m.p99}
	counts := map[string]*uint64{"errors": &m.errors, "non2xx": &m.non2xx, "bad": &m.bad, "requests": &m.requests, "bytes": &m.nbytes}
	for k, p := range floats {
		v, err := strconv.ParseFloat(fields[k], 64)
		if err != nil {
			return m, fmt.Errorf("loadgen printed %q: no %s", stdout, k)
		}
		*p = v
	}
	for k, p := range counts {
		v, err := strconv.ParseUint(fields[k], 10, 64)
		if err != nil {
			return m, fmt.Errorf("loadgen printed %q: no %s", stdout, k)
		}
		*p = v
	}
	return m, nil
}

// logLoadgen appends one load generator run to OUT/loadgen.log.
func (s *suite) logLoadgen(label string, argv []string, stdout, stderr string) {
	f, err := os.OpenFile(filepath.Join(s.cfg.out, "loadgen.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "== %s %s\n$ %s\n%s%s", time.Now().UTC().Format(time.RFC3339), label, strings.Join(argv, " "), stdout, stderr)
}

// collectProfiles saves a CPU profile and an allocation profile of pluginhost (served by profserver)
// covering the measurement window that starts after the warm-up.
func (s *suite) collectProfiles(ctx context.Context, base, key string) {
	select {
	case <-time.After(s.cfg.warmup):
	case <-ctx.Done():
		return
	}
	secs := max(int(s.cfg.duration.Seconds()), 1)
	dir := filepath.Join(s.cfg.out, "profile")
	_ = os.MkdirAll(dir, 0o755)
	var wg sync.WaitGroup
	for kind, path := range map[string]string{"cpu": "profile", "allocs": "allocs"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			file := filepath.Join(dir, fmt.Sprintf("%s-%s.pprof", key, kind))
			if err := fetchTo(ctx, fmt.Sprintf("%s/debug/pprof/%s?seconds=%d", base, path, secs), file); err != nil {
				s.printf("# profile %s: %v\n", file, err)
			}
		}()
	}
	wg.Wait()
}

func fetchTo(ctx context.Context, url, file string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{Transport: &http.Transport{Proxy: nil}}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}
