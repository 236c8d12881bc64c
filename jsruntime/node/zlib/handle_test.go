package zlib

import (
	"bytes"
	"context"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// blockingEngine echoes its input once release is closed, and reports when it started.
type blockingEngine struct {
	started chan struct{}
	release chan struct{}
}

func (e *blockingEngine) process(ctx context.Context, _ int, in []byte, _ int) ([]byte, int, *codecError) {
	close(e.started)
	<-e.release
	return bytes.Clone(in), len(in), nil
}

func (e *blockingEngine) reset() {}

// TestWriteRunsOffTheLoop checks that a handle's asynchronous write leaves the loop free while the
// engine works, refuses other calls meanwhile, and settles on the loop with the engine's output.
func TestWriteRunsOffTheLoop(t *testing.T) {
	eng := &blockingEngine{started: make(chan struct{}), release: make(chan struct{})}
	rt := jstest.New(t, buffer.Install, func(rt *jsruntime.Runtime) error {
		return rt.VM().Set("handle", (&handle{rt: rt, eng: eng}).object())
	})
	jstest.Eval(t, rt, `
		var result;
		var done = handle.write(0, Buffer.from('abc'), 0, 3, 16).then((r) => { result = r[0].toString() + ' ' + r[1]; });
		var busy;
		try { handle.writeSync(0, Buffer.from('x'), 0, 1, 16); } catch (e) { busy = e.code; }`)
	<-eng.started
	// The loop answers while the engine works.
	if busy := jstest.Eval(t, rt, `busy`); busy != "ERR_ZLIB_WRITE_IN_PROGRESS" {
		t.Errorf("writeSync during a write: got %v", busy)
	}
	close(eng.release)
	if result := jstest.Await(t, rt, `done.then(() => result)`); result != "abc 0" {
		t.Errorf("result: got %q, want the engine's output and no input left", result)
	}
}

// TestCompressionStopsWithTheRuntime checks that compression gives up once the runtime's context
// is cancelled, between pieces of a large input.
func TestCompressionStopsWithTheRuntime(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, eng := range []engine{newDeflater(modeGzip, 6, 0, nil), newBrotliEncoder(nil)} {
		out, consumed, err := eng.process(ctx, zFinish, make([]byte, 3*compressPiece), 16384)
		if err == nil || out != nil || consumed != 0 {
			t.Errorf("%T: got %d bytes, consumed %d, err %v; want a context error", eng, len(out), consumed, err)
		}
	}
}
