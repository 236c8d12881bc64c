// Command server runs pluginhost on a chi router: the plugins in a directory are served under
// /api/plugins/<id>/.
//
//	go run ./examples/server [-config FILE] [-plugins DIR] [-addr HOST:PORT] [-luker-data DIR] [-watch]
//	                         [-transform-cache DIR] [-gc-headroom-mib N]
//
// -watch reloads plugins when their files change (as pluginHost.watch in the config file). When the
// environment variable PLUGINHOST_ADMIN_TOKEN is set, the management API (install, update, remove,
// list, dependencies) is served under /admin/plugins/ to requests carrying
// "Authorization: Bearer <token>".
//
// -luker-data turns on the Luker compatibility layer (package luker) for Luker's single default user,
// its folders under DIR/default-user, with the config file's values for getConfigValue; plugins
// listening to process.serverEvents get server-started once the server listens. It logs to stderr,
// prints "listening on http://ADDR" once it accepts requests, and on SIGINT or SIGTERM calls every
// plugin's exit() and exits 0.
//
// -transform-cache DIR keeps esbuild's output for ES modules, TypeScript and code using syntax goja
// lacks across restarts (as pluginHost.transformCacheDir), so unchanged files skip esbuild.
//
// -gc-headroom-mib (default 64) trades memory for CPU: the Go heap may grow by at least that much
// between collections (GOGC is raised after each collection while the live heap is smaller), since a
// small live heap under load otherwise spends a sixth to a quarter of the CPU collecting, and loading
// plugins marks the growing heap every time it doubles. 0 keeps Go's default; a GOGC environment
// variable always wins.
package main

import (
	"context"
	"crypto/subtle"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost"
	"github.com/pluginhost/pluginhost/luker"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends, then shuts the plugins down.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("server", flag.ContinueOnError)
	configPath := flags.String("config", "", "Luker-style config.yaml (default: examples/config.yaml when present)")
	pluginsDir := flags.String("plugins", "", "plugins directory (overrides the config file)")
	addr := flags.String("addr", "127.0.0.1:8000", "listen address")
	lukerData := flags.String("luker-data", "", "Luker data root: turns the Luker compatibility layer on for the user default-user")
	watch := flags.Bool("watch", false, "reload plugins when their files change")
	transformCache := flags.String("transform-cache", "", "keep esbuild's output in this folder across restarts (overrides pluginHost.transformCacheDir)")
	gcHeadroom := flags.Uint64("gc-headroom-mib", 64, "let the heap grow at least this much between collections (0: Go's default; ignored when GOGC is set)")
	if err := flags.Parse(args); err != nil {
		return err
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	slog.SetDefault(logger)

	opts, configFile, err := options(*configPath, *pluginsDir)
	if err != nil {
		return err
	}
	opts.Logger = logger
	opts.Watch = opts.Watch || *watch
	if *transformCache != "" {
		opts.TransformCacheDir = *transformCache
	}
	if *lukerData != "" {
		if opts.Luker, err = lukerContext(*lukerData, configFile, logger); err != nil {
			return err
		}
	}

	keepGCHeadroom(ctx, *gcHeadroom<<20, logger)
	host, err := pluginhost.New(ctx, opts)
	if err != nil {
		return err
	}

	r := chi.NewRouter()
	host.Mount(r)
	if token := os.Getenv("PLUGINHOST_ADMIN_TOKEN"); token != "" {
		r.With(bearer(token)).Mount("/admin/plugins", host.ManagementHandler())
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		_ = host.Close(context.Background())
		return err
	}
	srv := &http.Server{Handler: r, ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "listening on http://%s\n", ln.Addr())
	if err := host.EmitProcessEvent(ctx, "server-started", map[string]any{"url": "http://" + ln.Addr().String()}); err != nil {
		logger.Error("server-started listeners", "err", err)
	}
	// Luker's own server-started, on process.serverEvents, carries a URL object.
	if err := host.EmitServerEvent(ctx, "server-started", map[string]any{"url": &url.URL{Scheme: "http", Host: ln.Addr().String()}}); err != nil {
		logger.Error("server-started listeners (process.serverEvents)", "err", err)
	}

	select {
	case err := <-serveErr:
		_ = host.Close(context.Background())
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
// the -plugins override. Without a config file, plugins load only when -plugins names a directory. It
// returns the config file it read, "" when none.
func options(configPath, pluginsDir string) (pluginhost.Options, string, error) {
	if configPath == "" {
		if _, err := os.Stat("examples/config.yaml"); err == nil {
			configPath = "examples/config.yaml"
		}
	}
	var opts pluginhost.Options
	if configPath != "" {
		cfg, err := pluginhost.LoadConfig(configPath)
		if err != nil {
			return opts, "", err
		}
		opts = cfg.Options()
	} else {
		// An explicit plugins directory with no config file means the operator wants plugins.
		opts.EnableServerPlugins = pluginsDir != ""
	}
	if pluginsDir != "" {
		opts.PluginsDir = pluginsDir
	}
	return opts, configPath, nil
}

// lukerContext is Luker's host context for its default user under dataRoot, reading getConfigValue's
// values from the config file when there is one.
func lukerContext(dataRoot, configFile string, logger *slog.Logger) (*luker.Context, error) {
	lk := &luker.Context{DataRoot: dataRoot, Logger: logger}
	if configFile != "" {
		cfg, err := luker.ReadConfig(configFile)
		if err != nil {
			return nil, err
		}
		lk.Config = cfg
	}
	return lk, nil
}

// bearer admits only requests whose Authorization header carries token.
func bearer(token string) func(http.Handler) http.Handler {
	want := []byte("Bearer " + token)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
				w.Header().Set("WWW-Authenticate", "Bearer")
				http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
