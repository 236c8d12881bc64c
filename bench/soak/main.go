// Command soak runs a pluginhost under load for minutes (issue 5): -clients echo clients and
// -fault-clients fault clients against a host serving testdata/faults (a healthy plugin next to
// plugins that spin, recurse, reject, exit and, with -memory-limit-mib, allocate without bound) and
// testdata/concurrency (echo plugins through await, timers, fetch, http.request, streams, zlib, child
// processes and fs.watch). Echo clients check that every answer carries its own request's marker.
// It is run by hand from the repository root, not in CI:
//
//	go run ./bench/soak -minutes 10 -clients 8
//
// Every -report it prints a progress line; at the end, the requests answered, the responses by
// route and status, the plugins' rebuild counts, the peak RSS (VmHWM) and the goroutines left after
// Close, which must be back to what the program had before it started the host.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pluginhost/pluginhost"
	"github.com/pluginhost/pluginhost/internal/loadtest"
)

type config struct {
	clients, faultClients int
	duration              time.Duration
	busyLimit             time.Duration
	memoryLimit           int64
	faultPause            time.Duration
	report                time.Duration
	logPath               string
	pluginDirs            []string
}

func main() {
	var cfg config
	var minutes float64
	var memMiB int64
	flag.IntVar(&cfg.clients, "clients", 8, "echo clients (closed loop, one request at a time each)")
	flag.IntVar(&cfg.faultClients, "fault-clients", 1, "fault clients, cycling through the faulty routes")
	flag.Float64Var(&minutes, "minutes", 1, "how long to apply the load")
	flag.DurationVar(&cfg.busyLimit, "busy-limit", 2*time.Second, "the host's BusyLimit (watchdog)")
	flag.Int64Var(&memMiB, "memory-limit-mib", 0, "the host's MemoryLimit in MiB; when set, the fault clients also hit the allocating route")
	flag.DurationVar(&cfg.faultPause, "fault-pause", time.Second, "pause between a fault client's requests")
	flag.DurationVar(&cfg.report, "report", time.Minute, "interval between progress lines")
	flag.StringVar(&cfg.logPath, "log", "bench/out/soak.log", "the host's log file")
	dirs := flag.String("plugins", "testdata/faults,testdata/concurrency", "comma-separated directories whose *.js plugins are served")
	flag.Parse()
	cfg.duration = time.Duration(minutes * float64(time.Minute))
	cfg.memoryLimit = memMiB << 20
	cfg.pluginDirs = strings.Split(*dirs, ",")
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

func run(cfg config) error {
	before := loadtest.Goroutines()
	start := time.Now()

	if err := os.MkdirAll(filepath.Dir(cfg.logPath), 0o755); err != nil {
		return err
	}
	logFile, err := os.Create(cfg.logPath)
	if err != nil {
		return err
	}
	defer logFile.Close()
	plugins, err := os.MkdirTemp("", "soak-plugins-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(plugins)
	scratch, err := os.MkdirTemp("", "soak-scratch-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	for _, dir := range cfg.pluginDirs {
		if err := copyPlugins(dir, plugins); err != nil {
			return err
		}
	}

	up := httptest.NewServer(loadtest.Upstream(nil))
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          plugins,
		EnableServerPlugins: true,
		BusyLimit:           cfg.busyLimit,
		MemoryLimit:         cfg.memoryLimit,
		ResponseTimeout:     30 * time.Second,
		PluginEnv:           map[string]string{"UPSTREAM": up.URL, "SCRATCH": scratch},
		Logger:              slog.New(slog.NewTextHandler(logFile, nil)),
	})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/plugins/", host.Handler())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux}
	go func() { _ = srv.Serve(ln) }()
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.clients + cfg.faultClients},
		Timeout:   time.Minute,
	}
	l := &load{base: "http://" + ln.Addr().String(), client: client, stats: newStats()}
	loaded := runtime.NumGoroutine()
	fmt.Printf("soak: %s, %d echo clients, %d fault clients, busy limit %s, memory limit %s, GOMAXPROCS %d; host loaded in %s (log: %s)\n",
		cfg.duration, cfg.clients, cfg.faultClients, cfg.busyLimit, limitText(cfg.memoryLimit), runtime.GOMAXPROCS(0),
		time.Since(start).Round(time.Millisecond), cfg.logPath)

	// One careless request leaves an interval, a timer, a watcher, a child process and a fetch running,
	// for Close to stop.
	lingerPID := 0
	if status, body, err := l.get("/api/plugins/resources/linger"); err == nil && status == 200 {
		_, _ = fmt.Sscanf(string(body), `{"pid":%d}`, &lingerPID)
	}

	ctx, cancel := context.WithTimeout(context.Background(), cfg.duration)
	var wg sync.WaitGroup
	for i := range cfg.clients {
		wg.Go(func() { l.echoClient(ctx, i) })
	}
	for i := range cfg.faultClients {
		wg.Go(func() { l.faultClient(ctx, i, cfg.faultPause, cfg.memoryLimit > 0) })
	}
	progressDone := make(chan struct{})
	go progress(ctx, cfg.report, l.stats, progressDone)
	wg.Wait()
	cancel()
	<-progressDone
	elapsed := time.Since(start)
	atEnd := runtime.NumGoroutine()

	closeCtx, cancelClose := context.WithTimeout(context.Background(), 30*time.Second)
	closeErr := host.Close(closeCtx)
	cancelClose()
	shutdownCtx, cancelShutdown := context.WithTimeout(context.Background(), 10*time.Second)
	_ = srv.Shutdown(shutdownCtx)
	cancelShutdown()
	client.CloseIdleConnections()
	upClosed := make(chan struct{})
	go func() { up.Close(); close(upClosed) }()
	select {
	case <-upClosed:
	case <-time.After(10 * time.Second):
		fmt.Println("warning: the upstream server still has requests 10s after Close (a plugin's fetch was not aborted)")
	}
	survivors := settle(before, 10*time.Second)
	afterClose := runtime.NumGoroutine()

	report(l.stats, host, elapsed, [4]int{len(before), loaded, atEnd, afterClose}, survivors, closeErr, lingerPID)
	if len(survivors) > 0 {
		return errors.New("goroutines survived Close")
	}
	return nil
}

// copyPlugins copies the *.js plugins of src into dst.
func copyPlugins(src, dst string) error {
	files, err := filepath.Glob(filepath.Join(src, "*.js"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.js plugins in %s (run from the repository root)", src)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// progress prints a line every interval until ctx ends, then closes done.
func progress(ctx context.Context, interval time.Duration, s *stats, done chan<- struct{}) {
	defer close(done)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	start, last, lastN := time.Now(), time.Now(), uint64(0)
	heap := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			n := s.answered.Load()
			rss, peak := memory()
			metrics.Read(heap)
			fmt.Printf("%6s  answered %9d  %7.1f/s  rss %s  peak %s  heap %s  goroutines %d\n",
				now.Sub(start).Round(time.Second), n, float64(n-lastN)/now.Sub(last).Seconds(),
				mib(rss), mib(peak), mib(heap[0].Value.Uint64()), runtime.NumGoroutine())
			last, lastN = now, n
		}
	}
}

// settle waits up to d for the goroutines started since before to end, and returns the stacks of
// those that did not.
func settle(before map[int]string, d time.Duration) []string {
	deadline := time.Now().Add(d)
	for {
		var left []string
		for id, stack := range loadtest.Goroutines() {
			if _, old := before[id]; !old {
				left = append(left, stack)
			}
		}
		if len(left) == 0 || time.Now().After(deadline) {
			sort.Strings(left)
			return left
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// report prints the figures. counts are the goroutines before the host, with it loaded, at the end of
// the load and after Close.
func report(s *stats, host *pluginhost.Host, elapsed time.Duration, counts [4]int, survivors []string, closeErr error, lingerPID int) {
	_, peak := memory()
	answered := s.answered.Load()
	fmt.Printf("\nran %s; requests answered: %d (%.1f/s); echo answers with another marker or none: %d\n",
		elapsed.Round(time.Second), answered, float64(answered)/elapsed.Seconds(), s.wrong.Load())
	fmt.Printf("responses by status: %s\n", formatCounts(s.byStatus()))
	fmt.Println("by route:")
	for _, line := range s.routes() {
		fmt.Println("  " + line)
	}
	for _, e := range s.examples {
		fmt.Println("  failure:", e)
	}
	fmt.Println("rebuilds by plugin:")
	for _, p := range host.Plugins() {
		state := "loaded"
		if !p.Loaded {
			state = fmt.Sprintf("not loaded: %v", p.Err)
		}
		fmt.Printf("  %-18s %4d  (%s)\n", p.Entry, p.Rebuilds, state)
	}
	fmt.Printf("max RSS (VmHWM): %s\n", mib(peak))
	fmt.Printf("goroutines: %d before the host, %d with it loaded, %d at the end of the load, %d after Close (%d started since survive)\n",
		counts[0], counts[1], counts[2], counts[3], len(survivors))
	for _, stack := range survivors {
		fmt.Println(stack + "\n")
	}
	fmt.Printf("Close: %v\n", closeErrText(closeErr))
	if lingerPID > 0 {
		if errors.Is(syscall.Kill(lingerPID, 0), syscall.ESRCH) {
			fmt.Printf("the child process left running (pid %d) was stopped by Close\n", lingerPID)
		} else {
			fmt.Printf("the child process left running (pid %d) still exists after Close\n", lingerPID)
		}
	}
}

func closeErrText(err error) string {
	if err == nil {
		return "ok"
	}
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

func limitText(n int64) string {
	if n <= 0 {
		return "off"
	}
	return mib(uint64(n))
}
