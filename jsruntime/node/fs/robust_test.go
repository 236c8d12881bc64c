package fs_test

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// panicCatcher records the runtime's reports of Go panics.
type panicCatcher struct {
	mu     sync.Mutex
	panics []string
}

func (h *panicCatcher) Enabled(context.Context, slog.Level) bool { return true }
func (h *panicCatcher) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, "panic") {
		h.mu.Lock()
		defer h.mu.Unlock()
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "panic" {
				h.panics = append(h.panics, a.Value.String())
			}
			return true
		})
	}
	return nil
}
func (h *panicCatcher) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *panicCatcher) WithGroup(string) slog.Handler      { return h }

// TestBadArgumentsNeverCrash calls every function of fs, fs.promises, FileHandle and the streams with
// odd arguments: each may throw or fail, but no Go panic may escape.
func TestBadArgumentsNeverCrash(t *testing.T) {
	t.Chdir(t.TempDir())
	catcher := &panicCatcher{}
	rt := newRuntimeWith(t, jsruntime.Options{Name: "robust", Logger: slog.New(catcher)})
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		return vm.RunString(`(async () => {
			fs.writeFileSync('x', 'data');
			const handle = await fs.promises.open('x', 'r+');
			const argSets = [[], [undefined], [null], [{}], ['x'], ['x', {}], ['x', 'x', 'x'], [1, 1, 1, 1, 1],
				[-1], [NaN], [Symbol('s')], [1n], ['x', () => {}], [() => {}], [Buffer.alloc(0)],
				[handle.fd, Buffer.alloc(4), 0, 4, 0], [handle.fd, Buffer.alloc(4), 2, 8, -5], ['x', 1e20, 1e20],
				[handle.fd, [Buffer.alloc(1), 'y']], ['x', { recursive: 'yes', filter: 5, bigint: 1, encoding: 7 }],
				[[], [], []], [new Date(NaN), new Date(NaN)], ['x', 'x', -1e10, 2 ** 53]];
			const targets = [
				['fs', fs], ['promises', fs.promises], ['handle', handle],
				['Dir', fs.opendirSync('.')], ['ReadStream', fs.createReadStream('x')], ['WriteStream', fs.createWriteStream('w')],
			];
			const skip = new Set(['close', 'constructor']);
			const pending = [];
			for (const [label, obj] of targets) {
				const names = new Set(Object.keys(obj));
				for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
					Object.getOwnPropertyNames(p).forEach((n) => names.add(n));
				}
				for (const name of names) {
					let fn;
					try { fn = obj[name]; } catch (e) { continue; }
					if (typeof fn !== 'function' || skip.has(name) || /^_|Stats|Dirent|Dir$|Stream$/.test(name)) continue;
					for (const args of argSets) {
						try {
							const r = fn.apply(obj, args);
							if (r && typeof r.then === 'function') pending.push(r.catch(() => {}));
						} catch (e) {
							if (!(e instanceof Error)) throw new Error(label + '.' + name + ' threw a non-Error: ' + String(e));
						}
					}
				}
			}
			await Promise.all(pending);
			// Some call above may have closed the descriptor under the handle.
			await handle.close().catch(() => {});
		})()`)
	})
	catcher.mu.Lock()
	defer catcher.mu.Unlock()
	for _, p := range catcher.panics {
		t.Errorf("Go panic: %s", p)
	}
	if err != nil {
		// A panic in a promise job leaves the script's promise pending: the wait ends by timeout.
		t.Fatal(err)
	}
}
