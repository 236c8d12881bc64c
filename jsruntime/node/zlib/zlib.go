// Package zlib is Node's "zlib" module for plugin runtimes: gzip, deflate (zlib and raw), their
// inverses, auto-detecting unzip and Brotli, as one-shot functions (sync, callback, and so
// util.promisify-able) and as Transform streams (createGzip ... createBrotliDecompress and the
// classes), with flush(), params(), reset(), close(), bytesWritten, info and maxOutputLength, the
// option validation and errors of Node 20 (code and errno on every stream error), zlib.constants and
// the legacy top-level Z_ constants.
//
// The JS half (zlib.js) is the stream layer over a native handle per stream, as in Node; the
// handles' engines are Go:
//   - Decompression is our own inflate (inflate.go), a port of zlib's inflate() state machine, so
//     truncated input ("unexpected end of file", Z_BUF_ERROR), corrupt input (zlib's messages with
//     Z_DATA_ERROR), concatenated gzip members, zero padding, trailing garbage and output chunking
//     behave as in Node.
//   - Compression is compress/flate inside zlib's framing (deflate.go): the output is not
//     byte-identical to Node's but decodes with any zlib, and round-trips with Node both ways.
//   - Brotli is github.com/andybalholm/brotli (brotli.go).
//
// Where the work runs: the Sync functions run on the loop, as they block Node's. Stream writes,
// and so the callback and promisified functions (which Node also builds on streams), run each chunk
// on a goroutine through Runtime.Go and settle on the loop, so a large chunk never stalls the plugin;
// compression of a large chunk checks the runtime's context between 256 KiB pieces and stops when the
// plugin stops. A stream abandoned without end or destroy holds no goroutine, only its memory.
//
// Differences from Node: compressed bytes differ (see above), and with them the number and size of
// 'data' events of compressing streams; deflate streams always declare a 32 KiB window, so inflating
// them in Node with an explicit windowBits below 15 fails; memLevel and the Z_FILTERED, Z_RLE and
// Z_FIXED strategies do not change the output; Z_PARTIAL_FLUSH and Z_BLOCK flush like Z_SYNC_FLUSH;
// Brotli follows the quality, window and size-hint parameters only, BROTLI_OPERATION_EMIT_METADATA
// flushes, and a Brotli decoder counts trailing garbage in bytesWritten; inflating with windowBits
// below 15 accepts matches up to 32 KiB back.
package zlib

import (
	"bytes"
	_ "embed"
	"fmt"
	"hash/crc32"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed zlib.js
var source string

var script = jsruntime.NewScript("node:zlib", source)

// Require returns the "zlib" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return script.Instance(rt, func() ([]goja.Value, error) {
		n, err := natives(rt)
		return []goja.Value{n}, err
	})
}

// natives is the object through which zlib.js reaches Go and the modules it builds on.
func natives(rt *jsruntime.Runtime) (*goja.Object, error) {
	vm := rt.VM()
	streamMod, err := stream.Require(rt)
	if err != nil {
		return nil, err
	}
	utilMod, err := util.Require(rt)
	if err != nil {
		return nil, err
	}
	bufferMod, err := buffer.Require(rt)
	if err != nil {
		return nil, err
	}
	obj := nodeerr.Natives(vm)
	values := map[string]any{
		"stream": streamMod,
		"util":   utilMod,
		"Buffer": bufferMod.ToObject(vm).Get("Buffer"),
		// crc32(bytes, value) continues a CRC-32 (IEEE) from value over a byte view.
		"crc32": func(call goja.FunctionCall) goja.Value {
			b, _ := buffer.Bytes(rt, call.Argument(0))
			return vm.ToValue(crc32.Update(uint32(call.Argument(1).ToInteger()), crc32.IEEETable, b))
		},
		// zlibHandle(mode, windowBits, level, memLevel, strategy, dictionary) for the zlib modes.
		"zlibHandle": func(call goja.FunctionCall) goja.Value {
			mode := int(call.Argument(0).ToInteger())
			windowBits := int(call.Argument(1).ToInteger())
			level := int(call.Argument(2).ToInteger())
			strategy := int(call.Argument(4).ToInteger())
			var dict []byte
			if b, ok := buffer.Bytes(rt, call.Argument(5)); ok && len(b) > 0 {
				dict = bytes.Clone(b)
			}
			var eng engine
			switch mode {
			case modeDeflate, modeGzip, modeDeflateRaw:
				eng = newDeflater(mode, level, strategy, dict)
			default:
				eng = newDecoder(mode, windowBits, dict)
			}
			return (&handle{rt: rt, eng: eng}).object()
		},
		// brotliHandle(mode, params) with params a plain object of key to uint32 value.
		"brotliHandle": func(call goja.FunctionCall) goja.Value {
			mode := int(call.Argument(0).ToInteger())
			params := map[int]uint32{}
			if p, ok := call.Argument(1).(*goja.Object); ok {
				for _, k := range p.Keys() {
					var key int
					if _, err := fmt.Sscan(k, &key); err == nil {
						params[key] = uint32(p.Get(k).ToInteger())
					}
				}
			}
			var eng engine
			if mode == modeBrotliDecode {
				for key := range params {
					if key > brotliDecoderParamMax {
						panic(nodeerr.New(vm, "Error", "ERR_ZLIB_INITIALIZATION_FAILED", "Initialization failed"))
					}
				}
				eng = newBrotliDecoder()
			} else {
				eng = newBrotliEncoder(params)
			}
			return (&handle{rt: rt, eng: eng}).object()
		},
	}
	for name, v := range values {
		if err := obj.Set(name, v); err != nil {
			return nil, err
		}
	}
	return obj, nil
}
