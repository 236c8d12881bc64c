// Command suite is the benchmark of issue 8: each workload runs under pluginhost's example server,
// under Node 20 + Express 4 with Luker's global parsers (conformance/host/server.mjs) and under a
// plain Go net/http server doing the same work (bench/goserver, the ceiling), in one run, rounds
// alternating between the targets, with one load generator (bench/loadgen). It prints requests per
// second, p50/p99 latency and the server's peak RSS for each target, and the ratios pluginhost/node
// and pluginhost/go; start-up is timed separately. Run it with `bash bench/run.sh [flags]`; see
// bench/README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is what one run measures and how; every flag defaults to an environment variable.
type config struct {
	workloads   []*workload
	targets     []string
	rounds      int
	duration    time.Duration
	warmup      time.Duration
	conns       int
	streamConns int
	sseDuration time.Duration
	sseEvents   int
	warmStarts  int // start-up measurements after the cold one
	quick       bool
	pin         bool
	gomaxprocs  string
	profile     bool
	out         string
}

var allTargets = []string{"pluginhost", "node", "go"}

func parseConfig(args []string) (*config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	var (
		c                  config
		workloads, targets string
		duration, warmup   string
	)
	fs.StringVar(&workloads, "workloads", env("WORKLOADS", "all"),
		"comma-separated workloads by number or name: "+workloadNames()+" (env WORKLOADS)")
	fs.StringVar(&targets, "targets", env("TARGETS", strings.Join(allTargets, ",")), "targets to run (env TARGETS)")
	fs.IntVar(&c.rounds, "rounds", envInt("ROUNDS", 2), "rounds; each measures every target once (env ROUNDS)")
	fs.StringVar(&duration, "duration", env("DURATION", "6s"), "measured time per target per round; a bare number means seconds (env DURATION)")
	fs.StringVar(&warmup, "warmup", env("WARMUP", "2s"), "load before each measurement, not counted (env WARMUP)")
	fs.IntVar(&c.conns, "conns", envInt("CONNS", 32), "concurrent connections (env CONNS)")
	fs.IntVar(&c.streamConns, "stream-conns", envInt("STREAM_CONNS", 64), "concurrent clients of the relay workload (env STREAM_CONNS)")
	fs.BoolVar(&c.quick, "quick", env("QUICK", "") == "1", "every workload very briefly, to check the suite itself (env QUICK=1)")
	fs.BoolVar(&c.pin, "pin", env("PIN", "") == "1", "servers on CPU 0, load generator on CPU 1 (env PIN=1)")
	fs.StringVar(&c.gomaxprocs, "server-gomaxprocs", env("SERVER_GOMAXPROCS", ""), "GOMAXPROCS of the Go servers (env SERVER_GOMAXPROCS)")
	fs.BoolVar(&c.profile, "profile", env("PROFILE", "") == "1",
		"serve pluginhost with bench/profserver and save CPU and allocation profiles of round 1 in OUT/profile (env PROFILE=1)")
	fs.StringVar(&c.out, "out", env("OUT", "bench/out"), "folder for logs, generated plugins and results (env OUT)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	var err error
	if c.duration, err = parseDuration(duration); err != nil {
		return nil, fmt.Errorf("-duration: %w", err)
	}
	if c.warmup, err = parseDuration(warmup); err != nil {
		return nil, fmt.Errorf("-warmup: %w", err)
	}
	if c.workloads, err = selectWorkloads(workloads); err != nil {
		return nil, err
	}
	for _, t := range strings.Split(targets, ",") {
		t = strings.TrimSpace(t)
		if !contains(allTargets, t) {
			return nil, fmt.Errorf("unknown target %q (want %s)", t, strings.Join(allTargets, ", "))
		}
		if !contains(c.targets, t) {
			c.targets = append(c.targets, t)
		}
	}
	c.sseDuration, c.sseEvents, c.warmStarts = 2*time.Second, 40, max(c.rounds, 3)
	if c.quick {
		c.rounds, c.duration, c.warmup = 1, 500*time.Millisecond, 200*time.Millisecond
		c.sseDuration, c.sseEvents, c.warmStarts = 300*time.Millisecond, 6, 1
	}
	if c.rounds < 1 || c.duration <= 0 || c.warmup < 0 || c.conns < 1 || c.streamConns < 1 {
		return nil, errors.New("need rounds >= 1, duration > 0, warmup >= 0, conns >= 1, stream-conns >= 1")
	}
	return &c, nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(env(name, "")); err == nil {
		return n
	}
	return def
}

func parseDuration(s string) (time.Duration, error) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Duration(f * float64(time.Second)), nil
	}
	return time.ParseDuration(s)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// run runs the suite from the repository root (found from the working directory) and prints its
// progress and results to stdout, and to OUT/results.txt.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, err := parseConfig(args)
	if err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if !filepath.IsAbs(cfg.out) {
		cfg.out = filepath.Join(root, cfg.out)
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	results, err := os.Create(filepath.Join(cfg.out, "results.txt"))
	if err != nil {
		return err
	}
	defer results.Close()
	s := &suite{cfg: cfg, root: root, out: io.MultiWriter(stdout, results)}
	defer s.stopAll()
	return s.run(ctx)
}

// repoRoot is the nearest folder up from the working directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod in the working directory or above it: run from the repository")
		}
		dir = parent
	}
}
