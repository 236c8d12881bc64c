package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// suite is one run: its configuration, the processes it started and what it measured.
type suite struct {
	cfg  *config
	root string    // repository root; every relative path is relative to it
	out  io.Writer // progress and results

	bin      map[string]string // built programs by package name
	upstream string            // the relay workload's event stream URL
	sseBody  string            // file holding one whole event stream, as the upstream sends it

	mu      sync.Mutex
	servers []*server

	throughput []*throughputResult
	startups   []*startupResult
}

func (s *suite) run(ctx context.Context) error {
	c := s.cfg
	s.printf("# %s %s, %d CPUs, %s, %s; targets %s\n", time.Now().UTC().Format(time.RFC3339), gitHead(s.root),
		runtime.NumCPU(), runtime.Version(), nodeVersion(), strings.Join(c.targets, ", "))
	s.printf("# %d round(s) x %v (+%v warm-up) per target, %d connections (%d for relay); quick=%v pin=%v profile=%v\n",
		c.rounds, c.duration, c.warmup, c.conns, c.streamConns, c.quick, c.pin, c.profile)
	if err := s.build(ctx); err != nil {
		return err
	}
	for _, w := range c.workloads {
		if w.needsUpstream && s.upstream == "" {
			if err := s.startUpstream(ctx); err != nil {
				return err
			}
		}
		dir := filepath.Join(s.cfg.out, "work", w.key)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := w.prepare(s, dir); err != nil {
			return fmt.Errorf("workload %s: preparing %s: %w", w.key, dir, err)
		}
		var err error
		if w.startup {
			err = s.runStartup(ctx, w, dir)
		} else {
			err = s.runThroughput(ctx, w, dir)
		}
		if err != nil {
			return fmt.Errorf("workload %s: %w", w.key, err)
		}
	}
	s.report()
	return nil
}

func (s *suite) printf(format string, args ...any) { fmt.Fprintf(s.out, format, args...) }

// serverArgv is the command line and environment of target serving pluginsDir.
func (s *suite) serverArgv(target, pluginsDir string) (argv, env []string) {
	if s.cfg.pin {
		argv = []string{"taskset", "-c", "0"}
	}
	if s.cfg.gomaxprocs != "" && target != "node" {
		env = append(env, "GOMAXPROCS="+s.cfg.gomaxprocs)
	}
	switch target {
	case "pluginhost":
		bin := s.bin["server"]
		if s.cfg.profile {
			bin = s.bin["profserver"]
		}
		argv = append(argv, bin, "-config", filepath.Join(s.root, "examples/config.yaml"),
			"-plugins", pluginsDir, "-addr", "127.0.0.1:0")
		if !s.cfg.profile {
			argv = append(argv, "-transform-cache", transformCacheDir(pluginsDir))
		}
	case "node":
		env = append(env, "NODE_ENV=production")
		argv = append(argv, "node", filepath.Join(s.root, "conformance/host/server.mjs"),
			"--plugins", pluginsDir, "--port", "0")
	case "go":
		argv = append(argv, s.bin["goserver"], "-addr", "127.0.0.1:0",
			"-files", filepath.Join(pluginsDir, "static", "files"), "-upstream", s.upstream)
	}
	return argv, env
}

// transformCacheDir is where the example server keeps esbuild's output for the plugins in
// pluginsDir: beside them, so that each workload starts from its own, and runStartup can empty it
// before a cold start.
func transformCacheDir(pluginsDir string) string {
	return filepath.Join(filepath.Dir(pluginsDir), "transform-cache")
}

func gitHead(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "no-git"
	}
	return strings.TrimSpace(string(out))
}

func nodeVersion() string {
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return "node not found"
	}
	return "node " + strings.TrimSpace(string(out))
}
