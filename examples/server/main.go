// Command server runs pluginhost on a chi router: the plugins in a directory are served under
// /api/plugins/<id>/.
//
//	go run ./examples/server [-config FILE] [-plugins DIR] [-addr HOST:PORT]
//
// It logs to stderr, prints "listening on http://ADDR" once it accepts requests, and on SIGINT or
// SIGTERM calls every plugin's exit() and exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run() error {
	configPath := flag.String("config", "", "Luker-style config.yaml (default: examples/config.yaml when present)")
	pluginsDir := flag.String("plugins", "", "plugins directory (overrides the config file)")
	addr := flag.String("addr", "127.0.0.1:8000", "listen address")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	slog.SetDefault(logger)

	opts, err := options(*configPath, *pluginsDir)
	if err != nil {
		return err
	}
	opts.Logger = logger

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	host, err := pluginhost.New(ctx, opts)
	if err != nil {
		return err
	}

	r := chi.NewRouter()
	host.Mount(r)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: r, ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	fmt.Printf("listening on http://%s\n", ln.Addr())
	if err := host.EmitProcessEvent(ctx, "server-started", map[string]any{"url": "http://" + ln.Addr().String()}); err != nil {
		logger.Error("server-started listeners", "err", err)
	}

	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("http shutdown", "err", err)
	}
	if err := host.Close(shutdownCtx); err != nil {
		logger.Error("plugin shutdown", "err", err)
	}
	return nil
}

// options reads the config file (the given one, else examples/config.yaml if it exists) and applies
// the -plugins override. Without a config file, plugins load only when -plugins names a directory.
func options(configPath, pluginsDir string) (pluginhost.Options, error) {
	if configPath == "" {
		if _, err := os.Stat("examples/config.yaml"); err == nil {
			configPath = "examples/config.yaml"
		}
	}
	var opts pluginhost.Options
	if configPath != "" {
		cfg, err := pluginhost.LoadConfig(configPath)
		if err != nil {
			return opts, err
		}
		opts = cfg.Options()
	} else {
		// An explicit plugins directory with no config file means the operator wants plugins.
		opts.EnableServerPlugins = pluginsDir != ""
	}
	if pluginsDir != "" {
		opts.PluginsDir = pluginsDir
	}
	return opts, nil
}
