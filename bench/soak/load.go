package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pluginhost/pluginhost/internal/loadtest"
)

// healthyRoute is the fault plugins' healthy neighbour.
const healthyRoute = "/api/plugins/healthy/ok"

// faultRoutes are what the fault clients cycle through: every way testdata/faults/spinner.js and
// testdata/concurrency/spin.js misbehave, and the slow healthy route.
var faultRoutes = []string{
	"/api/plugins/spinner/spin",
	"/api/plugins/spinner/spin?spinInMiddleware=1",
	"/api/plugins/spinner/spin-timer",
	"/api/plugins/spinner/spin-promise",
	"/api/plugins/spinner/recurse",
	"/api/plugins/spinner/reject",
	"/api/plugins/spinner/exit",
	"/api/plugins/spinner/exit-uncaught",
	"/api/plugins/spin-echo/spin",
	"/api/plugins/healthy/slow",
}

// hogRoute allocates without bound; the fault clients use it only when a memory limit is set.
const hogRoute = "/api/plugins/spinner/hog"

// stats counts what the clients saw. Status 0 means no response.
type stats struct {
	answered atomic.Uint64
	wrong    atomic.Uint64 // echo answers that did not carry their own request's marker

	mu       sync.Mutex
	byRoute  map[string]map[int]uint64
	examples []string // the first failures, for the report
}

func newStats() *stats { return &stats{byRoute: map[string]map[int]uint64{}} }

func (s *stats) record(route string, status int) {
	if status != 0 {
		s.answered.Add(1)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.byRoute[route]
	if m == nil {
		m = map[int]uint64{}
		s.byRoute[route] = m
	}
	m[status]++
}

func (s *stats) example(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.examples) < 10 {
		s.examples = append(s.examples, fmt.Sprintf(format, args...))
	}
}

// byStatus totals the responses by status over every route.
func (s *stats) byStatus() map[int]uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int]uint64{}
	for _, m := range s.byRoute {
		for status, n := range m {
			out[status] += n
		}
	}
	return out
}

// routes returns the routes seen, sorted, with their counts by status.
func (s *stats) routes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for route, m := range s.byRoute {
		out = append(out, fmt.Sprintf("%-52s %s", route, formatCounts(m)))
	}
	sort.Strings(out)
	return out
}

// formatCounts renders counts by status as "200=12 503=1", by status.
func formatCounts(m map[int]uint64) string {
	codes := make([]int, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	parts := make([]string, 0, len(codes))
	for _, c := range codes {
		label := fmt.Sprint(c)
		if c == 0 {
			label = "no-response"
		}
		parts = append(parts, fmt.Sprintf("%s=%d", label, m[c]))
	}
	return strings.Join(parts, " ")
}

// load sends requests to base until ctx ends; a request in progress then finishes.
type load struct {
	base   string
	client *http.Client
	stats  *stats
}

// echoClient cycles through loadtest.EchoRoutes and healthyRoute, starting at a different route per
// client, checking that every echo carries its own request's marker.
func (l *load) echoClient(ctx context.Context, id int) {
	for i := 0; ctx.Err() == nil; i++ {
		k := (id + i) % (len(loadtest.EchoRoutes) + 1)
		if k == len(loadtest.EchoRoutes) {
			status, _, err := l.get(healthyRoute)
			l.stats.record(healthyRoute, status)
			if err != nil {
				l.stats.example("%s: %v", healthyRoute, err)
			}
			continue
		}
		route := loadtest.EchoRoutes[k]
		marker := loadtest.NewMarker(id, i)
		status, body, err := l.echo(route, marker)
		l.stats.record(route, status)
		switch {
		case err != nil:
			l.stats.example("%s %s: %v", route, marker, err)
		case status == http.StatusOK:
			if err := loadtest.CheckEcho(body, marker); err != nil {
				l.stats.wrong.Add(1)
				l.stats.example("%s %s: %v", route, marker, err)
			}
		}
	}
}

// faultClient cycles through faultRoutes (and hogRoute when hog is set), pausing between requests.
func (l *load) faultClient(ctx context.Context, id int, pause time.Duration, hog bool) {
	routes := faultRoutes
	if hog {
		routes = append(routes[:len(routes):len(routes)], hogRoute)
	}
	for i := id; ctx.Err() == nil; i++ {
		route := routes[i%len(routes)]
		status, _, err := l.get(route)
		l.stats.record(route, status)
		if err != nil {
			l.stats.example("%s: %v", route, err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
	}
}

func (l *load) get(route string) (int, []byte, error) {
	req, err := http.NewRequest("GET", l.base+route, nil)
	if err != nil {
		return 0, nil, err
	}
	return l.do(req)
}

// echo posts marker to an echo route in the query, the X-Marker header and the JSON body.
func (l *load) echo(route, marker string) (int, []byte, error) {
	body, _ := json.Marshal(map[string]string{"m": marker})
	req, err := http.NewRequest("POST", l.base+route+"?m="+url.QueryEscape(marker), bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Marker", marker)
	return l.do(req)
}

func (l *load) do(req *http.Request) (int, []byte, error) {
	resp, err := l.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, data, nil
}
