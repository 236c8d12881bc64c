package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// build compiles the Go programs into OUT/bin and installs the Node host's packages when its
// node_modules is missing or older than its lock.
func (s *suite) build(ctx context.Context) error {
	s.bin = map[string]string{}
	for name, pkg := range map[string]string{
		"server":     "./examples/server",
		"loadgen":    "./bench/loadgen",
		"goserver":   "./bench/goserver",
		"profserver": "./bench/profserver",
	} {
		if name == "profserver" && !s.cfg.profile {
			continue
		}
		bin := filepath.Join(s.cfg.out, "bin", name)
		if err := s.command(ctx, "go", "build", "-o", bin, pkg); err != nil {
			return err
		}
		s.bin[name] = bin
	}
	if !contains(s.cfg.targets, "node") {
		return nil
	}
	// npm's hidden lockfile in node_modules is older than (or missing next to) the committed lock
	// whenever the install is stale.
	lock, err := os.Stat(filepath.Join(s.root, "conformance/host/package-lock.json"))
	if err != nil {
		return err
	}
	installed, err := os.Stat(filepath.Join(s.root, "conformance/host/node_modules/.package-lock.json"))
	if err == nil && !lock.ModTime().After(installed.ModTime()) {
		return nil
	}
	return s.command(ctx, "npm", "ci", "--prefix", "conformance/host", "--no-audit", "--no-fund")
}

// command runs a build step in the repository root, its output going to the suite's.
func (s *suite) command(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = s.root
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %w", name, args, err)
	}
	return nil
}

// startUpstream starts the relay workload's event-stream server and keeps one whole stream, the body
// every relay must deliver.
func (s *suite) startUpstream(ctx context.Context) error {
	argv := []string{s.bin["goserver"], "-sse-only", "-addr", "127.0.0.1:0",
		"-sse-duration", s.cfg.sseDuration.String(), "-sse-events", fmt.Sprint(s.cfg.sseEvents)}
	srv, err := s.startServer(ctx, "upstream", filepath.Join(s.cfg.out, "upstream.log"), nil, argv)
	if err != nil {
		return err
	}
	s.upstream = srv.url + "/sse"
	client := &http.Client{Timeout: s.cfg.sseDuration + 10*time.Second, Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Get(s.upstream)
	if err != nil {
		return fmt.Errorf("upstream: %w", err)
	}
	defer resp.Body.Close()
	f, err := os.Create(filepath.Join(s.cfg.out, "sse-expected.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.ReadFrom(resp.Body); err != nil {
		return fmt.Errorf("upstream: %w", err)
	}
	s.sseBody = f.Name()
	return nil
}
