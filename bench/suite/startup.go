package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// The start-up workload: 49 small plugins in four forms, and one bundle of npm packages.
const startupSmall = 49

// startupForms are the ways the small plugins are written: CommonJS as index.js or index.cjs, ESM as
// index.mjs or as index.js under "type": "module".
var startupForms = []struct{ template, entry, packageJSON string }{
	{"plugin.cjs", "index.js", ""},
	{"plugin.cjs", "index.cjs", ""},
	{"plugin.mjs", "index.mjs", ""},
	{"plugin.mjs", "index.js", `{"name":"%s","version":"1.0.0","type":"module"}`},
}

func startupIDs() []string {
	ids := make([]string, 0, startupSmall+1)
	for i := range startupSmall {
		ids = append(ids, fmt.Sprintf("s%02d", i))
	}
	return append(ids, "bundle")
}

// prepareStartup writes the small plugins from bench/plugins/startup and bundles
// bench/plugins/bundle/src with its packages (from conformance/host/node_modules) with esbuild, as
// the SillyTavern plugin template's build does.
func prepareStartup(s *suite, dir string) error {
	plugins := filepath.Join(dir, "plugins")
	for i := range startupSmall {
		form := startupForms[i%len(startupForms)]
		id := fmt.Sprintf("s%02d", i)
		src, err := os.ReadFile(filepath.Join(s.root, "bench/plugins/startup", form.template))
		if err != nil {
			return err
		}
		folder := filepath.Join(plugins, id)
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(folder, form.entry), src, 0o644); err != nil {
			return err
		}
		if form.packageJSON != "" {
			if err := os.WriteFile(filepath.Join(folder, "package.json"), fmt.Appendf(nil, form.packageJSON, id), 0o644); err != nil {
				return err
			}
		}
	}
	out := filepath.Join(plugins, "bundle", "index.js")
	res := api.Build(api.BuildOptions{
		AbsWorkingDir: s.root,
		EntryPoints:   []string{filepath.Join(s.root, "bench/plugins/bundle/src/index.js")},
		NodePaths:     []string{filepath.Join(s.root, "conformance/host/node_modules")},
		Bundle:        true,
		Platform:      api.PlatformNode,
		Format:        api.FormatCommonJS,
		Target:        api.ES2020,
		Outfile:       out,
		Write:         true,
		LogLevel:      api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return fmt.Errorf("esbuild: %s (is conformance/host/node_modules installed?)", res.Errors[0].Text)
	}
	fi, err := os.Stat(out)
	if err != nil {
		return err
	}
	s.printf("# startup: %d small plugins (CommonJS and ESM) and a %d KB bundle in %s\n", startupSmall, fi.Size()>>10, plugins)
	return nil
}

// startupResult is one target's start-up times (process start to the first answered request) and
// resident set sizes at that moment.
type startupResult struct {
	target  string
	cold    time.Duration
	warm    []time.Duration
	rss     []uint64
	failure string
}

// runStartup starts each target on the workload's plugins once cold (the first start on the freshly
// written plugins), then warmStarts more times, alternating targets.
func (s *suite) runStartup(ctx context.Context, w *workload, dir string) error {
	plugins := filepath.Join(dir, "plugins")
	results := map[string]*startupResult{}
	for _, t := range s.cfg.targets {
		results[t] = &startupResult{target: t}
		s.startups = append(s.startups, results[t])
	}
	// A cold start finds no transform cache (pluginhost keeps esbuild's output there, see serverArgv);
	// the warm starts find the one the cold start wrote.
	if err := os.RemoveAll(transformCacheDir(plugins)); err != nil {
		return err
	}
	for i := 0; i <= s.cfg.warmStarts; i++ {
		for _, t := range s.cfg.targets {
			r := results[t]
			took, rss, failure, err := s.startOnce(ctx, t, plugins, fmt.Sprintf("startup-%s-%d.log", t, i))
			if err != nil {
				return err
			}
			if failure != "" && r.failure == "" {
				r.failure = failure
			}
			if i == 0 {
				r.cold = took
			} else {
				r.warm = append(r.warm, took)
			}
			r.rss = append(r.rss, rss)
			kind := "cold"
			if i > 0 {
				kind = fmt.Sprintf("warm %d", i)
			}
			s.printf("# %-13s %-10s %-7s: serving after %.1f ms, RSS %.1f MiB\n", w.key, t, kind, ms(took), mib(rss))
		}
	}
	return nil
}

// startOnce starts target, polls the bundle's route until it answers 200 and returns the time since
// the process started and its RSS then; it then checks every plugin's route (failure describes the
// first that did not answer) and stops the server.
func (s *suite) startOnce(ctx context.Context, target, plugins, logName string) (time.Duration, uint64, string, error) {
	argv, env := s.serverArgv(target, plugins)
	srv, err := s.startServer(ctx, target, filepath.Join(s.cfg.out, logName), env, argv)
	if err != nil {
		return 0, 0, "", err
	}
	defer srv.stop()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{Proxy: nil}}
	deadline := time.Now().Add(time.Minute)
	var took time.Duration
	for {
		if status, _ := get(ctx, client, srv.url+"/api/plugins/bundle/ok"); status == http.StatusOK {
			took = time.Since(srv.started)
			break
		}
		if time.Now().After(deadline) {
			return 0, 0, "", fmt.Errorf("%s: /api/plugins/bundle/ok did not answer 200 within a minute; log %s", target, srv.logPath)
		}
		if ctx.Err() != nil {
			return 0, 0, "", ctx.Err()
		}
		time.Sleep(2 * time.Millisecond)
	}
	rss, _, err := memory(srv.cmd.Process.Pid)
	if err != nil {
		return 0, 0, "", fmt.Errorf("%s: %w", target, err)
	}
	failure := ""
	for _, id := range startupIDs() {
		if status, err := get(ctx, client, srv.url+"/api/plugins/"+id+"/ok"); status != http.StatusOK {
			failure = fmt.Sprintf("GET /api/plugins/%s/ok: status %d %v; log %s", id, status, err, srv.logPath)
			break
		}
	}
	return took, rss, failure, nil
}

func get(ctx context.Context, client *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, errors.New(resp.Status)
	}
	return resp.StatusCode, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func mib(n uint64) float64 { return float64(n) / (1 << 20) }
