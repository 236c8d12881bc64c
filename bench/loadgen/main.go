// Command loadgen is a closed-loop HTTP/1.1 load generator for the benchmark:
// -c workers, each with its own keep-alive connection, send requests back to
// back for -warmup plus -d and read every response body in full. Only
// responses completed inside the -d window after the warm-up are counted.
//
// It prints one line:
//
//	rps=<2xx responses per second> p50_ms=<> p99_ms=<> errors=<n> non2xx=<n> requests=<n>
//
// where requests counts every attempt completed in the window, errors those
// that got no response, and the latencies cover every response (any status).
// It loads loopback addresses only.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

type headerFlags []string

func (h *headerFlags) String() string     { return strings.Join(*h, ", ") }
func (h *headerFlags) Set(v string) error { *h = append(*h, v); return nil }

type config struct {
	url     string
	conns   int
	dur     time.Duration
	warmup  time.Duration
	timeout time.Duration
	method  string
	body    []byte
	headers http.Header
	host    string // Host header override, which net/http takes from Request.Host
}

// result is what one worker saw inside the measurement window.
type result struct {
	hist     histogram
	requests uint64
	ok       uint64
	non2xx   uint64
	errors   uint64
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	r := run(cfg)
	fmt.Printf("rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d requests=%d\n",
		float64(r.ok)/cfg.dur.Seconds(), ms(r.hist.percentile(0.50)), ms(r.hist.percentile(0.99)),
		r.errors, r.non2xx, r.requests)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func parseFlags(args []string) (*config, error) {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	var (
		cfg      config
		bodyFile string
		headers  headerFlags
	)
	fs.StringVar(&cfg.url, "url", "", "target URL (loopback only)")
	fs.IntVar(&cfg.conns, "c", 32, "concurrent connections")
	fs.DurationVar(&cfg.dur, "d", 10*time.Second, "measurement duration")
	fs.DurationVar(&cfg.warmup, "warmup", 2*time.Second, "load applied before measuring")
	fs.DurationVar(&cfg.timeout, "timeout", 5*time.Second, "per-request timeout")
	fs.StringVar(&cfg.method, "method", http.MethodGet, "HTTP method")
	fs.StringVar(&bodyFile, "body", "", "file whose contents are sent as the request body")
	fs.Var(&headers, "H", `request header "Name: value" (repeatable)`)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if _, err := checkTarget(cfg.url); err != nil {
		return nil, err
	}
	if cfg.conns < 1 || cfg.dur <= 0 || cfg.warmup < 0 || cfg.timeout <= 0 {
		return nil, errors.New("need -c >= 1, -d > 0, -warmup >= 0, -timeout > 0")
	}
	if bodyFile != "" {
		b, err := os.ReadFile(bodyFile)
		if err != nil {
			return nil, err
		}
		cfg.body = b
	}
	cfg.headers = http.Header{}
	for _, h := range headers {
		name, value, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("-H %q: want \"Name: value\"", h)
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if strings.EqualFold(name, "Host") {
			cfg.host = value
		} else {
			cfg.headers.Add(name, value)
		}
	}
	return &cfg, nil
}

func newClient(cfg *config) *http.Client {
	dialer := &net.Dialer{Timeout: cfg.timeout, Control: dialControl}
	return &http.Client{
		Timeout: cfg.timeout,
		Transport: &http.Transport{
			Proxy:               nil, // never route through a proxy from the environment
			DialContext:         dialer.DialContext,
			MaxIdleConns:        cfg.conns,
			MaxIdleConnsPerHost: cfg.conns,
			MaxConnsPerHost:     cfg.conns,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true, // measure the server, not gzip
		},
		// The target itself is what is being measured; a redirect is just a response.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func run(cfg *config) result {
	client := newClient(cfg)
	start := time.Now()
	measureFrom := start.Add(cfg.warmup)
	measureTo := measureFrom.Add(cfg.dur)
	// In-flight requests are cut off at the end of the window, which bounds the run.
	ctx, cancel := context.WithDeadline(context.Background(), measureTo)
	defer cancel()

	results := make([]result, cfg.conns)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func(r *result) {
			defer wg.Done()
			worker(ctx, client, cfg, measureFrom, measureTo, r)
		}(&results[i])
	}
	wg.Wait()
	client.CloseIdleConnections()

	var total result
	for i := range results {
		r := &results[i]
		total.hist.merge(&r.hist)
		total.requests += r.requests
		total.ok += r.ok
		total.non2xx += r.non2xx
		total.errors += r.errors
	}
	return total
}

func worker(ctx context.Context, client *http.Client, cfg *config, from, to time.Time, r *result) {
	for ctx.Err() == nil {
		began := time.Now()
		status, err := do(ctx, client, cfg)
		done := time.Now()
		if err != nil {
			if ctx.Err() != nil { // cut off by the end of the run, not a server failure
				return
			}
			// A refused or reset connection fails instantly; don't spin on it.
			time.Sleep(10 * time.Millisecond)
		}
		if done.Before(from) || done.After(to) {
			continue
		}
		r.requests++
		switch {
		case err != nil:
			r.errors++
			continue
		case status < 200 || status > 299:
			r.non2xx++
		default:
			r.ok++
		}
		r.hist.record(done.Sub(began))
	}
}

func do(ctx context.Context, client *http.Client, cfg *config) (int, error) {
	var body io.Reader
	if cfg.body != nil {
		body = bytes.NewReader(cfg.body)
	}
	req, err := http.NewRequestWithContext(ctx, cfg.method, cfg.url, body)
	if err != nil {
		return 0, err
	}
	req.Header = cfg.headers.Clone()
	if cfg.host != "" {
		req.Host = cfg.host
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
