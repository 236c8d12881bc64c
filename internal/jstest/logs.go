package jstest

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// Logs keeps what a runtime, a host or a child process logs, for a test to check, and copies it to the
// test's log while the test runs, except the records at Info: those are the script's own output (see
// Stdout), which the test's assertions show. Records are kept in slog's text format without the time:
// `level=INFO msg="..." plugin=x key=value`. Make one with NewLogs; safe for concurrent use.
type Logs struct {
	mu     sync.Mutex
	text   strings.Builder
	stdout strings.Builder
	t      testing.TB
	ended  bool // t has ended: testing forbids logging to it any more
}

// NewLogs returns an empty Logs copying to t's log until t ends.
func NewLogs(t testing.TB) *Logs {
	l := &Logs{t: t}
	t.Cleanup(func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.ended = true
	})
	return l
}

// Logger is a logger, at Debug level, whose records l keeps.
func (l *Logs) Logger() *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: dropTime}
	return slog.New(&handler{
		text:   slog.NewTextHandler(l, opts),
		stdout: slog.NewTextHandler(keepOnly{l}, opts),
		logs:   l,
	})
}

// LogsOf returns the Logs rt logs to (a runtime from New, or one given a Logs' Logger), or nil when it
// logs elsewhere.
func LogsOf(rt *jsruntime.Runtime) *Logs {
	if h, ok := rt.Logger().Handler().(*handler); ok {
		return h.logs
	}
	return nil
}

// Write appends p to the text and copies it to the test's log, for a process's output.
func (l *Logs) Write(p []byte) (int, error) {
	return l.write(p, true)
}

func (l *Logs) write(p []byte, copyToTest bool) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.text.Write(p)
	if copyToTest && !l.ended {
		l.t.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

// keepOnly writes into its Logs without copying to the test's log.
type keepOnly struct{ logs *Logs }

func (k keepOnly) Write(p []byte) (int, error) { return k.logs.write(p, false) }

// String is everything logged so far, one record a line.
func (l *Logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.text.String()
}

// Stdout is the messages logged at Info so far, each ending in a newline: what console.log and
// console.info, process.stdout and a child's inherited stdout printed, which Node prints on stdout.
func (l *Logs) Stdout() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stdout.String()
}

// handler writes records as text into its Logs, Info ones through stdout, whose messages it also keeps
// apart.
type handler struct {
	text, stdout slog.Handler
	logs         *Logs
}

func (h *handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.text.Enabled(ctx, level)
}

func (h *handler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level != slog.LevelInfo {
		return h.text.Handle(ctx, r)
	}
	h.logs.mu.Lock()
	h.logs.stdout.WriteString(r.Message + "\n")
	h.logs.mu.Unlock()
	return h.stdout.Handle(ctx, r)
}

func (h *handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &handler{text: h.text.WithAttrs(attrs), stdout: h.stdout.WithAttrs(attrs), logs: h.logs}
}

func (h *handler) WithGroup(name string) slog.Handler {
	return &handler{text: h.text.WithGroup(name), stdout: h.stdout.WithGroup(name), logs: h.logs}
}

// dropTime leaves the time out of the text, so that tests can compare whole lines.
func dropTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}
