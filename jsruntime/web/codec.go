package web

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// codec is the Go half of one CompressionStream or DecompressionStream. Its JS side is a
// TransformStream, which runs one transform or flush at a time, so the codec's methods never overlap:
// each runs on its own goroutine (Runtime.Go), one after the other.
//
// Compression writes into a Go compressor over a buffer. Decompression cannot be resumed after
// running out of input, so a goroutine runs the Go decompressor over a reader fed chunk by chunk: a
// write hands it one chunk and collects its output until it asks for more input.
type codec struct {
	rt     *jsruntime.Runtime
	ctx    context.Context
	cancel context.CancelFunc
	format string

	// compression
	out bytes.Buffer
	w   io.WriteCloser

	// decompression
	started  bool
	in       chan []byte     // the chunks for the decompressor; closed at the end of input
	events   chan codecEvent // what the decompressor produced or needs
	hungry   bool            // the decompressor is waiting on in
	finished bool            // the decompressor stopped: end of data or an error
	err      error           // why it stopped, if not at the end of data
}

// codecEvent is one message from the decompressor goroutine.
type codecEvent struct {
	data []byte // output
	need bool   // it is blocked waiting for the next chunk
	err  error  // it stopped on this error
	eof  bool   // it reached the end of the compressed data
}

// newCodec is native.codec(format, decompress): an object with write(bytes) and end(), each answering
// a promise of the Uint8Array chunks produced, and close() to release it early.
func newCodec(rt *jsruntime.Runtime, format string, decompress bool) (goja.Value, error) {
	ctx, cancel := context.WithCancel(rt.Context())
	c := &codec{rt: rt, ctx: ctx, cancel: cancel, format: format}
	if decompress {
		c.in = make(chan []byte)
		c.events = make(chan codecEvent)
	} else {
		var err error
		switch format {
		case "gzip":
			c.w = gzip.NewWriter(&c.out)
		case "deflate":
			c.w = zlib.NewWriter(&c.out)
		default:
			c.w, err = flate.NewWriter(&c.out, flate.DefaultCompression)
		}
		if err != nil {
			cancel()
			return nil, fmt.Errorf("web: %s compressor: %w", format, err)
		}
	}
	vm := rt.VM()
	obj := vm.NewObject()
	_ = obj.Set("write", func(call goja.FunctionCall) goja.Value {
		b, ok := buffer.Bytes(rt, call.Argument(0))
		if !ok {
			panic(rt.TypeError("The \"chunk\" argument must be an instance of Buffer, TypedArray, DataView, or ArrayBuffer."))
		}
		chunk := append([]byte(nil), b...)
		return vm.ToValue(c.run(func() ([][]byte, error) { return c.write(chunk) }))
	})
	_ = obj.Set("end", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(c.run(c.end))
	})
	_ = obj.Set("close", func(goja.FunctionCall) goja.Value {
		cancel()
		return goja.Undefined()
	})
	return obj, nil
}

// run performs op off the loop and settles with its output as an array of Uint8Arrays.
func (c *codec) run(op func() ([][]byte, error)) *goja.Promise {
	return c.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
		chunks, err := op()
		return func(vm *goja.Runtime) (goja.Value, error) {
			if err != nil {
				c.cancel()
				return nil, codecError{err}
			}
			out := make([]any, 0, len(chunks))
			for _, b := range chunks {
				out = append(out, uint8Array(c.rt, b))
			}
			return vm.NewArray(out...), nil
		}
	})
}

func (c *codec) write(chunk []byte) ([][]byte, error) {
	if c.w != nil {
		if _, err := c.w.Write(chunk); err != nil {
			return nil, err
		}
		return c.take(), nil
	}
	return c.feed(chunk, false)
}

func (c *codec) end() ([][]byte, error) {
	defer c.cancel()
	if c.w != nil {
		if err := c.w.Close(); err != nil {
			return nil, err
		}
		return c.take(), nil
	}
	return c.feed(nil, true)
}

// take returns the compressor's output so far.
func (c *codec) take() [][]byte {
	if c.out.Len() == 0 {
		return nil
	}
	b := bytes.Clone(c.out.Bytes())
	c.out.Reset()
	return [][]byte{b}
}

// feed hands chunk to the decompressor (or, when last, tells it the input is over) and returns the
// output it produces until it needs more input or stops.
func (c *codec) feed(chunk []byte, last bool) ([][]byte, error) {
	if !c.started {
		c.started = true
		go c.decompress()
	}
	var out [][]byte
	// Output produced after the previous chunk is collected first, up to the request for input.
	for !c.hungry && !c.finished {
		if err := c.next(&out); err != nil {
			return out, err
		}
	}
	if c.finished {
		return out, c.err
	}
	if last {
		close(c.in)
	} else {
		select {
		case c.in <- chunk:
		case <-c.ctx.Done():
			return out, c.ctx.Err()
		}
	}
	c.hungry = false
	for !c.finished && !(c.hungry && !last) {
		if err := c.next(&out); err != nil {
			return out, err
		}
	}
	return out, c.err
}

// next receives one event from the decompressor and records it.
func (c *codec) next(out *[][]byte) error {
	select {
	case ev := <-c.events:
		switch {
		case ev.data != nil:
			*out = append(*out, ev.data)
		case ev.need:
			c.hungry = true
		case ev.eof:
			c.finished = true
		case ev.err != nil:
			c.finished = true
			c.err = ev.err
		}
		return nil
	case <-c.ctx.Done():
		return c.ctx.Err()
	}
}

// decompress is the decompressor goroutine; it ends at the end of the data, on an error, or when the
// codec is closed or the runtime stops.
func (c *codec) decompress() {
	src := &chunkReader{c: c}
	var r io.Reader
	var err error
	switch c.format {
	case "gzip":
		r, err = gzip.NewReader(src)
	case "deflate":
		r, err = zlib.NewReader(src)
	default:
		r = flate.NewReader(src)
	}
	if err != nil {
		c.send(codecEvent{err: err})
		return
	}
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 && !c.send(codecEvent{data: bytes.Clone(buf[:n])}) {
			return
		}
		if errors.Is(err, io.EOF) {
			c.send(codecEvent{eof: true})
			return
		}
		if err != nil {
			c.send(codecEvent{err: err})
			return
		}
	}
}

// send delivers ev unless the codec was closed; it reports whether it was delivered.
func (c *codec) send(ev codecEvent) bool {
	select {
	case c.events <- ev:
		return true
	case <-c.ctx.Done():
		return false
	}
}

// chunkReader is the decompressor's input: it asks for a chunk when it has none left.
type chunkReader struct {
	c    *codec
	cur  []byte
	done bool
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.done || !r.c.send(codecEvent{need: true}) {
			return 0, io.EOF
		}
		select {
		case b, ok := <-r.c.in:
			if !ok {
				r.done = true
				return 0, io.EOF
			}
			r.cur = b
		case <-r.c.ctx.Done():
			return 0, r.c.ctx.Err()
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// codecError becomes the Error Node's zlib gives for bad compressed data, with code and errno.
type codecError struct{ err error }

func (e codecError) Error() string { return e.err.Error() }

func (e codecError) Unwrap() error { return e.err }

// JSValue is how jsruntime turns this error into the rejection value.
func (e codecError) JSValue(vm *goja.Runtime) goja.Value {
	code, errno, msg := "Z_DATA_ERROR", -3, "invalid compressed data: "+e.err.Error()
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(e.err, io.ErrUnexpectedEOF):
		code, errno, msg = "Z_BUF_ERROR", -5, "unexpected end of file"
	case errors.Is(e.err, gzip.ErrHeader), errors.Is(e.err, zlib.ErrHeader), errors.Is(e.err, zlib.ErrDictionary):
		msg = "incorrect header check"
	case errors.Is(e.err, gzip.ErrChecksum), errors.Is(e.err, zlib.ErrChecksum):
		msg = "incorrect data check"
	case errors.As(e.err, &corrupt):
		msg = "invalid compressed data"
	}
	obj := nodeerr.New(vm, "Error", code, msg)
	_ = obj.Set("errno", errno)
	return obj
}
