// Command loadgen is a closed-loop HTTP/1.1 load generator for the benchmark:
// -c workers, each with its own keep-alive connection, send requests back to
// back for -warmup plus -d and read every response body in full. Only
// responses completed inside the -d window after the warm-up are counted.
//
// -url may be repeated: worker i sends its n-th request to URL (i+n) mod count,
// so the load is spread over every URL at once. Responses are checked: a 2xx
// status, and the body against -expect-body, -expect-contains and -expect-len
// when given. It prints one line:
//
//	rps=<f> p50_ms=<f> p99_ms=<f> errors=<n> non2xx=<n> bad=<n> requests=<n> bytes=<n>
//
// where rps counts the 2xx responses whose body passed the checks, requests
// every attempt completed in the window, errors those that got no complete
// response, non2xx those with another status, bad the 2xx responses whose body
// failed a check, and bytes the body bytes received in the window; the
// latencies (send to last body byte) cover every response. The first failure
// of each kind is described on stderr. It loads loopback addresses only.
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

type repeatedFlag []string

func (h *repeatedFlag) String() string     { return strings.Join(*h, ", ") }
func (h *repeatedFlag) Set(v string) error { *h = append(*h, v); return nil }

type config struct {
	urls    []string
	conns   int
	dur     time.Duration
	warmup  time.Duration
	timeout time.Duration
	method  string
	body    []byte
	headers http.Header
	host    string // Host header override, which net/http takes from Request.Host
	check   bodyCheck
}

// result is what one worker saw inside the measurement window.
type result struct {
	hist     histogram
	requests uint64
	ok       uint64
	non2xx   uint64
	bad      uint64
	errors   uint64
	bytes    uint64
	// The first failure of each kind, described for stderr.
	firstError, firstNon2xx, firstBad string
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
	fmt.Printf("rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d bad=%d requests=%d bytes=%d\n",
		float64(r.ok)/cfg.dur.Seconds(), ms(r.hist.percentile(0.50)), ms(r.hist.percentile(0.99)),
		r.errors, r.non2xx, r.bad, r.requests, r.bytes)
	for _, f := range []struct{ kind, what string }{
		{"error", r.firstError}, {"non-2xx response", r.firstNon2xx}, {"bad body", r.firstBad},
	} {
		if f.what != "" {
			fmt.Fprintf(os.Stderr, "loadgen: first %s: %s\n", f.kind, f.what)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func parseFlags(args []string) (*config, error) {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	var (
		cfg                  config
		bodyFile, expectFile string
		expectContains       string
		headers, urls        repeatedFlag
	)
	fs.Var(&urls, "url", "target URL (loopback only; repeat to rotate requests over several)")
	fs.IntVar(&cfg.conns, "c", 32, "concurrent connections")
	fs.DurationVar(&cfg.dur, "d", 10*time.Second, "measurement duration")
	fs.DurationVar(&cfg.warmup, "warmup", 2*time.Second, "load applied before measuring")
	fs.DurationVar(&cfg.timeout, "timeout", 5*time.Second, "per-request timeout, body included")
	fs.StringVar(&cfg.method, "method", http.MethodGet, "HTTP method")
	fs.StringVar(&bodyFile, "body", "", "file whose contents are sent as the request body")
	fs.Var(&headers, "H", `request header "Name: value" (repeatable)`)
	fs.StringVar(&expectFile, "expect-body", "", "file the response body must equal")
	fs.StringVar(&expectContains, "expect-contains", "", "text the response body must contain")
	fs.Int64Var(&cfg.check.length, "expect-len", -1, "length the response body must have (-1: any)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if len(urls) == 0 {
		return nil, errors.New("need -url")
	}
	for _, u := range urls {
		if _, err := checkTarget(u); err != nil {
			return nil, err
		}
	}
	cfg.urls = urls
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
	if expectFile != "" {
		b, err := os.ReadFile(expectFile)
		if err != nil {
			return nil, err
		}
		cfg.check.body = b
	}
	if expectContains != "" {
		cfg.check.contains = []byte(expectContains)
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
		go func(i int) {
			defer wg.Done()
			worker(ctx, client, cfg, i, measureFrom, measureTo, &results[i])
		}(i)
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
		total.bad += r.bad
		total.errors += r.errors
		total.bytes += r.bytes
		total.firstError = firstOf(total.firstError, r.firstError)
		total.firstNon2xx = firstOf(total.firstNon2xx, r.firstNon2xx)
		total.firstBad = firstOf(total.firstBad, r.firstBad)
	}
	return total
}

// firstOf keeps the first non-empty description.
func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func worker(ctx context.Context, client *http.Client, cfg *config, id int, from, to time.Time, r *result) {
	var buf bytes.Buffer // the body, kept only when a check reads it
	for n := id; ctx.Err() == nil; n++ {
		url := cfg.urls[n%len(cfg.urls)]
		began := time.Now()
		resp, err := do(ctx, client, cfg, url, &buf)
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
			if r.firstError == "" {
				r.firstError = fmt.Sprintf("%s %s: %v", cfg.method, url, err)
			}
			continue
		case resp.status < 200 || resp.status > 299:
			r.non2xx++
			if r.firstNon2xx == "" {
				r.firstNon2xx = fmt.Sprintf("%s %s: status %d, body %s", cfg.method, url, resp.status, excerpt(buf.Bytes()))
			}
		default:
			if problem := cfg.check.problem(resp.length, buf.Bytes()); problem != "" {
				r.bad++
				if r.firstBad == "" {
					r.firstBad = fmt.Sprintf("%s %s: %s", cfg.method, url, problem)
				}
			} else {
				r.ok++
			}
		}
		r.bytes += uint64(resp.length)
		r.hist.record(done.Sub(began))
	}
}

type response struct {
	status int
	length int64
}

// do sends one request and reads the whole body, into buf when a check needs
// it (or the status is not 2xx, for the failure's description).
func do(ctx context.Context, client *http.Client, cfg *config, url string, buf *bytes.Buffer) (response, error) {
	var body io.Reader
	if cfg.body != nil {
		body = bytes.NewReader(cfg.body)
	}
	req, err := http.NewRequestWithContext(ctx, cfg.method, url, body)
	if err != nil {
		return response{}, err
	}
	req.Header = cfg.headers.Clone()
	if cfg.host != "" {
		req.Host = cfg.host
	}
	resp, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	buf.Reset()
	var dst io.Writer = io.Discard
	if cfg.check.needsBody() || resp.StatusCode < 200 || resp.StatusCode > 299 {
		dst = buf
	}
	n, err := io.Copy(dst, resp.Body)
	if err != nil {
		return response{}, err
	}
	return response{status: resp.StatusCode, length: n}, nil
}
