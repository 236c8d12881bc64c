// Command profserver is examples/server with Go's profiler attached, for finding where pluginhost
// spends its time under the benchmark's load. It wires the host exactly as the example server does
// (config file, pluginhost.New, a chi router, host.Mount) and adds net/http/pprof's handlers under
// /debug/pprof/ on the same listener:
//
//	profserver [-config FILE] [-plugins DIR] [-addr HOST:PORT]
//	go tool pprof -top -cum 'http://ADDR/debug/pprof/profile?seconds=10'
//	go tool pprof -top -sample_index=alloc_space 'http://ADDR/debug/pprof/allocs?seconds=10'
//
// It prints "listening on http://ADDR" once it accepts requests, and on SIGINT or SIGTERM calls every
// plugin's exit() and exits. `bench/run.sh -profile` starts it in place of the example server.
//
// Unlike the example server it leaves the garbage collector at Go's default (no -gc-headroom-mib), so
// profiles show the collector's full share; run it with GOGC=400 to approximate the example server
// under a small live heap.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost"
)

func main() {
	configPath := flag.String("config", "examples/config.yaml", "Luker-style config.yaml")
	pluginsDir := flag.String("plugins", "", "plugins directory (overrides the config file)")
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	slog.SetDefault(logger)

	cfg, err := pluginhost.LoadConfig(*configPath)
	if err != nil {
		log.Fatal(err)
	}
	opts := cfg.Options()
	if *pluginsDir != "" {
		opts.PluginsDir = *pluginsDir
	}
	opts.Logger = logger
	host, err := pluginhost.New(ctx, opts)
	if err != nil {
		log.Fatal(err)
	}

	r := chi.NewRouter()
	host.Mount(r)
	r.HandleFunc("/debug/pprof/*", pprof.Index)
	r.HandleFunc("/debug/pprof/profile", pprof.Profile)
	r.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	r.HandleFunc("/debug/pprof/trace", pprof.Trace)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: r, ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	fmt.Printf("listening on http://%s\n", ln.Addr())
	select {
	case err := <-serveErr:
		logger.Error("serve", "err", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("http shutdown", "err", err)
	}
	if err := host.Close(shutdown); err != nil {
		logger.Error("plugin shutdown", "err", err)
	}
}
