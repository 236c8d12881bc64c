package web_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"io"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestCompressionStreamFormats: what CompressionStream produces is real gzip, zlib and raw deflate,
// which Go's readers decode.
func TestCompressionStreamFormats(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	text := strings.Repeat("compress me ", 1000)
	readers := map[string]func(io.Reader) (io.Reader, error){
		"gzip":        func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		"deflate":     func(r io.Reader) (io.Reader, error) { return zlib.NewReader(r) },
		"deflate-raw": func(r io.Reader) (io.Reader, error) { return flate.NewReader(r), nil },
	}
	for format, newReader := range readers {
		got := jstest.Await(t, rt, `(async () => {
			const cs = new CompressionStream('`+format+`');
			const w = cs.writable.getWriter();
			const text = 'compress me '.repeat(1000);
			for (let i = 0; i < text.length; i += 500) w.write(new TextEncoder().encode(text.slice(i, i + 500)));
			w.close();
			const bytes = new Uint8Array(await new Response(cs.readable).arrayBuffer());
			return Buffer.from(bytes).toString('base64');
		})()`)
		compressed, err := base64.StdEncoding.DecodeString(got)
		if err != nil {
			t.Fatal(err)
		}
		r, err := newReader(bytes.NewReader(compressed))
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out, err := io.ReadAll(r)
		if err != nil || string(out) != text {
			t.Errorf("%s: decoded %d bytes, err %v", format, len(out), err)
		}
		if len(compressed) >= len(text) {
			t.Errorf("%s: %d compressed bytes for %d of text", format, len(compressed), len(text))
		}
	}
}

// TestDecompressionStreamChunks feeds a Go-made gzip stream one byte at a time: the decompressor
// must carry its state across writes.
func TestDecompressionStreamChunks(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = io.WriteString(zw, "streamed through a byte at a time")
	_ = zw.Close()
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const data = Buffer.from('`+base64.StdEncoding.EncodeToString(buf.Bytes())+`', 'base64');
		const ds = new DecompressionStream('gzip');
		const w = ds.writable.getWriter();
		for (const b of data) w.write(new Uint8Array([b]));
		w.close();
		return new Response(ds.readable).text();
	})()`)
	if got != "streamed through a byte at a time" {
		t.Errorf("got %q", got)
	}
}

// TestDecompressionStreamErrors: bad input fails the readable with zlib's codes.
func TestDecompressionStreamErrors(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const out = [];
		for (const [format, bytes] of [['gzip', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], ['deflate', [0x78, 0x9c, 0xff, 0xff]], ['deflate-raw', [0x4b]]]) {
			const ds = new DecompressionStream(format);
			const w = ds.writable.getWriter();
			w.write(new Uint8Array(bytes)).catch(() => {});
			w.close().catch(() => {});
			try { await new Response(ds.readable).text(); out.push('resolved'); } catch (e) { out.push([e.code, e.errno].join()); }
		}
		return out.join('|');
	})()`)
	if got != "Z_DATA_ERROR,-3|Z_DATA_ERROR,-3|Z_BUF_ERROR,-5" {
		t.Errorf("got %q", got)
	}
}

// TestDecompressionStreamCancel: cancelling the readable releases the decompressor goroutine; the
// stream then refuses more input.
func TestDecompressionStreamCancel(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const ds = new DecompressionStream('gzip');
		const w = ds.writable.getWriter();
		w.write(new Uint8Array([0x1f, 0x8b])).catch(() => {});
		await ds.readable.cancel('done');
		try { await w.write(new Uint8Array([1])); return 'accepted'; } catch (e) { return String(e); }
	})()`)
	if got != "done" {
		t.Errorf("got %q", got)
	}
}

func TestTextDecoderStreaming(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	cases := [][2]string{
		// A character split over three calls, after a BOM split over two.
		{`const d = new TextDecoder(); [d.decode(new Uint8Array([0xEF, 0xBB]), { stream: true }), d.decode(new Uint8Array([0xBF, 0xE2]), { stream: true }), d.decode(new Uint8Array([0x82]), { stream: true }), d.decode(new Uint8Array([0xAC]))].join('|')`, "|||€"},
		// The end of the stream flushes a cut character as U+FFFD, and the next call starts afresh.
		{`const d = new TextDecoder(); [d.decode(new Uint8Array([0xF0, 0x9F]), { stream: true }), d.decode(), d.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]))].join('|')`, "|\uFFFD|A"},
		{`const d = new TextDecoder('utf-8', { ignoreBOM: true }); d.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41])).length`, "2"},
		{`try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xC3])) } catch (e) { e.code }`, "ERR_ENCODING_INVALID_ENCODED_DATA"},
		{`new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xC3]), { stream: true }) === ''`, "true"},
		{`const d = new TextDecoder('utf-16le'); [d.decode(new Uint8Array([0x3D, 0xD8]), { stream: true }), d.decode(new Uint8Array([0x00, 0xDE]))].join('|') === '|\u{1F600}'`, "true"},
		{`[new TextDecoder('ISO-8859-1').encoding, new TextDecoder('latin1').decode(new Uint8Array([0xFF]))].join()`, "windows-1252,ÿ"},
		{`try { new TextDecoder('koi8-r') } catch (e) { e.code }`, "ERR_ENCODING_NOT_SUPPORTED"},
	}
	for _, c := range cases {
		if got := jstest.Eval(t, rt, "{"+c[0]+"}"); got != c[1] {
			t.Errorf("%s\n got %q\nwant %q", c[0], got, c[1])
		}
	}
}
