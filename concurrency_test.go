package pluginhost

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/loadtest"
)

// The concurrency test (issue 5, case 10) puts many clients on the plugins of testdata/concurrency at
// once. Run it with -race: it checks that every request is answered, that each response carries its
// own request's marker, never another's, and, while the load runs, that a plugin the watchdog stops
// and rebuilds comes back without disturbing the others.

const concurrencyDir = "testdata/concurrency"

// sendEcho posts marker to an echo route in the query, the X-Marker header and the JSON body, and
// returns the status and body.
func sendEcho(client *http.Client, base, route, marker string) (int, []byte, error) {
	body, _ := json.Marshal(map[string]string{"m": marker})
	req, err := http.NewRequest("POST", base+route+"?m="+url.QueryEscape(marker), bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Marker", marker)
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// checkEcho reports whether an echo route's answer carries marker from all three sources.
func checkEcho(status int, body []byte, marker string) error {
	if status != http.StatusOK {
		return fmt.Errorf("status %d: %.300s", status, body)
	}
	return loadtest.CheckEcho(body, marker)
}

// concurrencyHost serves testdata/concurrency with a fresh upstream and scratch directory.
func concurrencyHost(t *testing.T, mutate ...func(*Options)) *testHost {
	t.Helper()
	up := httptest.NewServer(loadtest.Upstream(nil))
	t.Cleanup(up.Close)
	env := map[string]string{"UPSTREAM": up.URL, "SCRATCH": t.TempDir()}
	return startHost(t, concurrencyDir, append([]func(*Options){func(o *Options) { o.PluginEnv = env }}, mutate...)...)
}

// Every echo route answers its own marker, one request at a time.
func TestConcurrencyPluginsEcho(t *testing.T) {
	th := concurrencyHost(t)
	for _, route := range loadtest.EchoRoutes {
		marker := loadtest.NewMarker(0, 0)
		status, body, err := sendEcho(th.srv.Client(), th.srv.URL, route, marker)
		if err == nil {
			err = checkEcho(status, body, marker)
		}
		if err != nil {
			t.Errorf("%s: %v\nlog:\n%s", route, err, th.log.String())
		}
	}
}

// Many clients on every plugin at once, while one plugin is stopped by the watchdog and rebuilt
// several times: every request is answered, with its own marker. Only the spinning plugin's requests
// may get 503 (those queued behind the stuck job), and it answers again after each rebuild.
func TestConcurrencyManyClients(t *testing.T) {
	load := echoLoad{clients: 32, perClient: 200, spins: 3}
	if testing.Short() {
		load = echoLoad{clients: 8, perClient: 25, spins: 1}
	}
	// The limit is long enough that no healthy job under -race on a loaded machine reaches it: a
	// healthy plugin rebuilt would fail its requests with 503.
	th := concurrencyHost(t, func(o *Options) { o.BusyLimit = 2 * time.Second })
	load.run(t, th)
	for _, p := range th.host.Plugins() {
		want := 0
		if p.Entry == "spin.js" {
			want = load.spins
		}
		if p.Rebuilds != want || !p.Loaded {
			t.Errorf("%s: loaded %v, rebuilt %d times, want %d: %v", p.Entry, p.Loaded, p.Rebuilds, want, p.Err)
		}
	}
	if t.Failed() {
		t.Logf("host log:\n%s", th.log.String())
	}
}

// echoLoad is a load on the echo routes of testdata/concurrency: clients goroutines each send
// perClient requests, cycling through the routes, while spin-echo is made to spin spins times.
type echoLoad struct {
	clients, perClient, spins int
}

// run applies the load to th and fails t for every request not answered, or answered without its own
// marker (a 503 naming the plugin is accepted from spin-echo). Once the load is over, every route must
// answer again.
func (l echoLoad) run(t *testing.T, th *testHost) {
	t.Helper()
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: l.clients},
		// No request should come near this; it turns a deadlock into failures instead of a hung test.
		Timeout: 2 * time.Minute,
	}
	defer client.CloseIdleConnections()

	var (
		mu       sync.Mutex
		failures []string
		statuses = map[string]int{} // by route and status
		done     atomic.Int64
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		failures = append(failures, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for c := range l.clients {
		wg.Go(func() {
			for i := range l.perClient {
				route := loadtest.EchoRoutes[(c+i)%len(loadtest.EchoRoutes)]
				marker := loadtest.NewMarker(c, i)
				status, body, err := sendEcho(client, th.srv.URL, route, marker)
				done.Add(1)
				mu.Lock()
				statuses[fmt.Sprintf("%s %d", route, status)]++
				mu.Unlock()
				switch {
				case err != nil:
					fail("%s %s: not answered: %v", route, marker, err)
				case status == http.StatusServiceUnavailable && strings.Contains(route, "/spin-echo/"):
					if !bytes.Contains(body, []byte("spin-echo")) {
						fail("%s %s: 503 without the cause: %s", route, marker, body)
					}
				default:
					if err := checkEcho(status, body, marker); err != nil {
						fail("%s %s: %v", route, marker, err)
					}
				}
			}
		})
	}

	// Spin spin-echo once the load is under way, and again after each rebuild.
	total := int64(l.clients * l.perClient)
	rebuilds := th.status(t, "spin.js").Rebuilds
	for s := range l.spins {
		for done.Load() < total*int64(s+1)/int64(l.spins+2) {
			time.Sleep(10 * time.Millisecond)
		}
		if code, body := th.do(t, "GET", "/api/plugins/spin-echo/spin", "", ""); code != 503 || !strings.Contains(body, "without yielding") {
			t.Errorf("spin %d: %d %s, want 503 naming the cause", s+1, code, body)
		}
		th.waitRebuilds(t, "spin.js", rebuilds+s+1)
	}
	wg.Wait()

	sort.Strings(failures)
	for i, f := range failures {
		if i == 20 {
			t.Errorf("... and %d more failures", len(failures)-i)
			break
		}
		t.Error(f)
	}
	keys := make([]string, 0, len(statuses))
	for k := range statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s: %d", k, statuses[k])
	}
	for _, route := range loadtest.EchoRoutes {
		marker := loadtest.NewMarker(99, 0)
		status, body, err := sendEcho(client, th.srv.URL, route, marker)
		if err == nil {
			err = checkEcho(status, body, marker)
		}
		if err != nil {
			t.Errorf("after the load, %s: %v", route, err)
		}
	}
}
