package buffer_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// A host limit below Node's 4 GiB refuses larger allocations with Node's range error and is what
// kMaxLength reports; allocations within it work.
func TestSetMaxLength(t *testing.T) {
	rt := jstest.New(t,
		func(rt *jsruntime.Runtime) error { buffer.SetMaxLength(rt, 1024); return nil },
		buffer.Install,
		jstest.Global("bufferModule", buffer.Require))
	got := jstest.Eval(t, rt, `[
		Buffer.alloc(1024).length,
		bufferModule.kMaxLength,
		bufferModule.constants.MAX_LENGTH,
		(() => { try { Buffer.alloc(1025); } catch (e) { return e.code + ': ' + e.message; } })(),
		(() => { try { Buffer.allocUnsafe(4096); } catch (e) { return e.code; } })(),
	].join('|')`)
	want := `1024|1024|1024|ERR_OUT_OF_RANGE: The value of "size" is out of range. It must be >= 0 && <= 1024. Received 1025|ERR_OUT_OF_RANGE`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
