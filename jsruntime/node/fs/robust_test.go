package fs_test

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// TestBadArgumentsNeverCrash calls every function of fs, fs.promises, FileHandle and the streams with
// odd arguments: each may throw or fail, but no Go panic may escape.
func TestBadArgumentsNeverCrash(t *testing.T) {
	t.Chdir(t.TempDir())
	rt := newRuntimeWith(t, jsruntime.Options{Name: "robust"})
	// A panic in a promise job leaves the script's promise pending: the wait ends by timeout, after
	// the panic was logged.
	jstest.Await(t, rt, `(async () => {
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
	if logs := jstest.LogsOf(rt).String(); strings.Contains(logs, " panic=") {
		t.Errorf("a Go panic reached the loop:\n%s", logs)
	}
}
