package zlib

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"

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
	rt := jsruntime.New(jsruntime.Options{Name: t.Name()})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	eng := &blockingEngine{started: make(chan struct{}), release: make(chan struct{})}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		if err := buffer.Install(rt); err != nil {
			return err
		}
		if err := vm.Set("handle", (&handle{rt: rt, eng: eng}).object()); err != nil {
			return err
		}
		_, err := vm.RunString(`
			var result;
			var done = handle.write(0, Buffer.from('abc'), 0, 3, 16).then((r) => { result = r[0].toString() + ' ' + r[1]; });
			var busy;
			try { handle.writeSync(0, Buffer.from('x'), 0, 1, 16); } catch (e) { busy = e.code; }`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	<-eng.started
	var busy goja.Value
	if err := rt.Do(ctx, func(vm *goja.Runtime) error { busy = vm.Get("busy"); return nil }); err != nil {
		t.Fatalf("the loop is not free while the engine works: %v", err)
	}
	if busy.String() != "ERR_ZLIB_WRITE_IN_PROGRESS" {
		t.Errorf("writeSync during a write: got %v", busy)
	}
	close(eng.release)
	var result string
	err = rt.AwaitThen(ctx, func(vm *goja.Runtime) (goja.Value, error) { return vm.Get("done"), nil },
		func(vm *goja.Runtime, _ goja.Value) error { result = vm.Get("result").String(); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if result != "abc 0" {
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
