package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pluginhost/pluginhost/internal/loadtest"
)

// workload is one line of the results: the plugins it serves and the load it applies.
type workload struct {
	num, key, title string
	startup         bool // timed start-ups instead of load (runStartup)
	needsUpstream   bool
	// prepare writes the workload's plugins into dir/plugins, and any files its load uses into dir
	// (empty when prepare is called).
	prepare func(s *suite, dir string) error
	// load is what the load generator sends to every target, once prepare has run.
	load func(s *suite, dir string) load
}

// load is one load generator configuration: paths (rotated over), connections, and the extra
// loadgen flags (method, body, headers, response checks).
type load struct {
	paths   []string
	conns   int
	timeout time.Duration
	args    []string
}

const helloCheck = `{"message":"Hello from server plugin!","time":"`

// routesPath is a route of the last resource of bench/plugins/routes, its 49th of 50.
const (
	routesPath     = "/api/plugins/routes/settings/42/name?q=term&page=2&tags=a&tags=b"
	routesExpected = `{"resource":"settings","params":{"id":"42","field":"name"},"query":{"q":"term","page":"2","tags":["a","b"]}}`
)

var workloads = []*workload{
	{
		num: "1", key: "hello", title: "GET hello-world",
		prepare: func(s *suite, dir string) error {
			return copyDir(filepath.Join(s.root, "examples/plugins/hello-world"), filepath.Join(dir, "plugins", "hello-world"))
		},
		load: func(s *suite, dir string) load {
			return load{paths: []string{"/api/plugins/hello-world/hello"}, args: []string{"-expect-contains", helloCheck}}
		},
	},
	{
		num: "2", key: "echo", title: "POST 10 KB JSON echo",
		prepare: func(s *suite, dir string) error {
			if err := copyDir(filepath.Join(s.root, "bench/plugins/echo"), filepath.Join(dir, "plugins", "echo")); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "body.json"), loadtest.EchoDocument(10<<10), 0o644)
		},
		load: func(s *suite, dir string) load {
			body := filepath.Join(dir, "body.json")
			return load{paths: []string{"/api/plugins/echo/echo"}, args: []string{"-method", "POST", "-body", body,
				"-H", "Content-Type: application/json", "-expect-body", body}}
		},
	},
	{
		num: "3", key: "routes", title: "GET route 49 of 50, params+query",
		prepare: func(s *suite, dir string) error {
			if err := copyDir(filepath.Join(s.root, "bench/plugins/routes"), filepath.Join(dir, "plugins", "routes")); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "expected.json"), []byte(routesExpected), 0o644)
		},
		load: func(s *suite, dir string) load {
			return load{paths: []string{routesPath}, args: []string{"-expect-body", filepath.Join(dir, "expected.json")}}
		},
	},
	{
		num: "4", key: "relay", title: "SSE relay via fetch, res.write", needsUpstream: true,
		prepare: func(s *suite, dir string) error {
			if err := copyDir(filepath.Join(s.root, "bench/plugins/relay"), filepath.Join(dir, "plugins", "relay")); err != nil {
				return err
			}
			cfg, err := json.Marshal(map[string]string{"upstream": s.upstream})
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "plugins", "relay", "config.json"), cfg, 0o644)
		},
		load: func(s *suite, dir string) load {
			return load{paths: []string{"/api/plugins/relay/relay"}, conns: s.cfg.streamConns,
				timeout: 3*s.cfg.sseDuration + 10*time.Second, args: []string{"-expect-body", s.sseBody}}
		},
	},
	{
		num: "5a", key: "static-large", title: "res.sendFile 1 MiB",
		prepare: prepareStatic,
		load: func(s *suite, dir string) load {
			return load{paths: []string{"/api/plugins/static/large"},
				args: []string{"-expect-body", filepath.Join(dir, "plugins", "static", "files", "large.bin")}}
		},
	},
	{
		num: "5b", key: "static-small", title: "res.sendFile small CSS file",
		prepare: prepareStatic,
		load: func(s *suite, dir string) load {
			return load{paths: []string{"/api/plugins/static/small"},
				args: []string{"-expect-body", filepath.Join(dir, "plugins", "static", "files", "small.css")}}
		},
	},
	{
		num: "6", key: "startup", title: "start-up, 50 plugins", startup: true,
		prepare: prepareStartup,
	},
	{
		num: "7", key: "multi", title: "20 hello-world plugins, load spread",
		prepare: func(s *suite, dir string) error {
			for i := range multiPlugins {
				if err := copyDir(filepath.Join(s.root, "bench/plugins/hello-many"), filepath.Join(dir, "plugins", fmt.Sprintf("hello-%02d", i))); err != nil {
					return err
				}
			}
			return nil
		},
		load: func(s *suite, dir string) load {
			l := load{args: []string{"-expect-contains", helloCheck}}
			for i := range multiPlugins {
				l.paths = append(l.paths, fmt.Sprintf("/api/plugins/hello-%02d/hello", i))
			}
			return l
		},
	},
}

const multiPlugins = 20

func workloadNames() string {
	var names []string
	for _, w := range workloads {
		names = append(names, w.num+"="+w.key)
	}
	return strings.Join(names, ", ")
}

// selectWorkloads reads a comma-separated list of workload numbers ("5" is 5a and 5b) or names.
func selectWorkloads(list string) ([]*workload, error) {
	if strings.TrimSpace(list) == "all" {
		return workloads, nil
	}
	chosen := map[*workload]bool{}
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		found := false
		for _, w := range workloads {
			if item == w.key || item == w.num || strings.TrimRight(w.num, "ab") == item {
				chosen[w] = true
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown workload %q (want all or some of %s)", item, workloadNames())
		}
	}
	var out []*workload
	for _, w := range workloads { // in the suite's order, whatever the list's
		if chosen[w] {
			out = append(out, w)
		}
	}
	return out, nil
}

// prepareStatic copies the static plugin with a 1 MiB file of random bytes and a small stylesheet.
func prepareStatic(s *suite, dir string) error {
	plugin := filepath.Join(dir, "plugins", "static")
	if err := copyDir(filepath.Join(s.root, "bench/plugins/static"), plugin); err != nil {
		return err
	}
	files := filepath.Join(plugin, "files")
	if err := os.MkdirAll(files, 0o755); err != nil {
		return err
	}
	large := make([]byte, 1<<20)
	rng := rand.NewChaCha8([32]byte{'b', 'e', 'n', 'c', 'h'})
	_, _ = rng.Read(large)
	if err := os.WriteFile(filepath.Join(files, "large.bin"), large, 0o644); err != nil {
		return err
	}
	var css strings.Builder
	for i := range 24 {
		fmt.Fprintf(&css, ".bench-item-%02d { margin: %dpx; padding: 4px 8px; color: #%06x; }\n", i, i%8, i*0x0a0b0c)
	}
	return os.WriteFile(filepath.Join(files, "small.css"), []byte(css.String()), 0o644)
}

func encodeJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only the suite's own fixed types are encoded
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// copyDir copies the regular files of a plugin folder, recursively.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
