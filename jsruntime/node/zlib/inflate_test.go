package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	stdzlib "compress/zlib"
	"io"
	"math/rand/v2"
	"testing"
)

// inflateAll feeds data to a fresh inflater in pieces of up to split bytes, taking output in pieces
// of up to limit bytes, the way Node's stream drives zlib. It returns the output, the bytes consumed
// and the error, if any.
func inflateAll(f *inflater, data []byte, split, limit int) ([]byte, int, *codecError) {
	var out []byte
	consumed := 0
	for consumed < len(data) || f.pending() > 0 {
		end := min(consumed+split, len(data))
		n := f.run(data[consumed:end], limit)
		consumed += n
		got := f.take(limit)
		out = append(out, got...)
		if err := f.failed(); err != nil {
			return out, consumed, err
		}
		if f.done() && f.pending() == 0 {
			break
		}
		if n == 0 && len(got) == 0 && end == len(data) {
			break
		}
	}
	return out, consumed, nil
}

// samples are inputs that exercise stored, fixed and dynamic blocks, long matches and windows.
func samples() [][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 70000)
	for i := range random {
		random[i] = byte(r.IntN(256))
	}
	text := bytes.Repeat([]byte("The quick brown fox jumps over the lazy dog. "), 3000)
	skewed := make([]byte, 100000)
	for i := range skewed {
		skewed[i] = "aaaabbbcde\n"[r.IntN(11)]
	}
	return [][]byte{nil, []byte("a"), []byte("hello hello hello"), random, text, skewed}
}

func TestInflateMatchesCompressFlate(t *testing.T) {
	for _, level := range []int{flate.NoCompression, flate.BestSpeed, 5, flate.BestCompression, flate.HuffmanOnly} {
		for i, in := range samples() {
			var buf bytes.Buffer
			w, _ := flate.NewWriter(&buf, level)
			_, _ = w.Write(in)
			_ = w.Close()
			for _, split := range []int{1, 7, 1000, 1 << 30} {
				for _, limit := range []int{64, 16384} {
					if split == 1 && len(in) > 20000 {
						continue
					}
					got, consumed, err := inflateAll(newInflater(0, 15, nil), buf.Bytes(), split, limit)
					if err != nil {
						t.Fatalf("level %d sample %d split %d: %v", level, i, split, err)
					}
					if !bytes.Equal(got, in) || consumed != buf.Len() {
						t.Fatalf("level %d sample %d split %d limit %d: got %d bytes consuming %d of %d, want %d bytes",
							level, i, split, limit, len(got), consumed, buf.Len(), len(in))
					}
				}
			}
		}
	}
}

func TestInflateWrappers(t *testing.T) {
	text := bytes.Repeat([]byte("wrapped data "), 1000)
	var gz, zl bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Name, gw.Comment, gw.Extra = "name.txt", "a comment", []byte{1, 2, 3}
	_, _ = gw.Write(text)
	_ = gw.Close()
	zw := stdzlib.NewWriter(&zl)
	_, _ = zw.Write(text)
	_ = zw.Close()
	for _, tc := range []struct {
		name string
		wrap int
		data []byte
	}{
		{"gzip", wrapGzip, gz.Bytes()},
		{"zlib", wrapZlib, zl.Bytes()},
		{"auto gzip", wrapGzip | wrapZlib, gz.Bytes()},
		{"auto zlib", wrapGzip | wrapZlib, zl.Bytes()},
	} {
		got, consumed, err := inflateAll(newInflater(tc.wrap, 0, nil), tc.data, 5, 16384)
		if err != nil || !bytes.Equal(got, text) || consumed != len(tc.data) {
			t.Errorf("%s: err %v, %d bytes, consumed %d of %d", tc.name, err, len(got), consumed, len(tc.data))
		}
	}
}

// TestInflateErrors checks zlib's messages for corrupt streams; the inputs and messages were taken
// from Node 20 (zlib.inflateRawSync and friends).
func TestInflateErrors(t *testing.T) {
	var gz bytes.Buffer
	gw := gzip.NewWriter(&gz)
	_, _ = gw.Write([]byte("hello world hello world"))
	_ = gw.Close()
	mutate := func(i int, fn func(byte) byte) []byte {
		b := bytes.Clone(gz.Bytes())
		if i < 0 {
			i += len(b)
		}
		b[i] = fn(b[i])
		return b
	}
	for _, tc := range []struct {
		name string
		wrap int
		data []byte
		want string
	}{
		{"garbage as zlib", wrapZlib, []byte("garbage data here"), "incorrect header check"},
		{"garbage as gzip", wrapGzip, []byte("garbage data here"), "incorrect header check"},
		{"garbage as raw", 0, []byte("garbage data here"), "invalid block type"},
		{"zlib method", wrapZlib, []byte{0x77, 0x9c, 1, 2}, "incorrect header check"},
		{"block type 3", 0, []byte{0x07, 0, 0}, "invalid block type"},
		{"stored lengths", 0, []byte{0x01, 5, 0, 5, 0}, "invalid stored block lengths"},
		{"too far back", 0, []byte{0x63, 0x00, 0x42, 0x00}, "invalid distance too far back"},
		{"gzip crc", wrapGzip, mutate(-5, func(b byte) byte { return b ^ 1 }), "incorrect data check"},
		{"gzip length", wrapGzip, mutate(-1, func(b byte) byte { return b ^ 1 }), "incorrect length check"},
		{"gzip method", wrapGzip, mutate(2, func(byte) byte { return 7 }), "unknown compression method"},
		{"gzip flags", wrapGzip, mutate(3, func(byte) byte { return 0xe0 }), "unknown header flags set"},
	} {
		_, _, err := inflateAll(newInflater(tc.wrap, 0, nil), tc.data, 1<<30, 16384)
		if err == nil || err.message != tc.want || err.code != "Z_DATA_ERROR" || err.errno != -3 {
			t.Errorf("%s: got %+v, want %q", tc.name, err, tc.want)
		}
	}
}

// FuzzInflate compares the decoder with compress/flate on arbitrary raw DEFLATE input: whenever
// either decodes a whole stream, both must, to the same bytes.
func FuzzInflate(f *testing.F) {
	for _, in := range samples()[:3] {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, 6)
		_, _ = w.Write(in)
		_ = w.Close()
		f.Add(buf.Bytes(), uint16(3))
	}
	f.Add([]byte{0x63, 0x00, 0x42, 0x00}, uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, split uint16) {
		got, _, err := inflateAll(newInflater(0, 15, nil), data, int(split)+1, 1000)
		ok := err == nil && len(data) > 0
		var inf *inflater
		if ok {
			inf = newInflater(0, 15, nil)
			inf.run(data, 1<<30)
			ok = inf.done()
		}
		want, goErr := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
		if ok != (goErr == nil) {
			t.Fatalf("ours done=%v err=%v, compress/flate err=%v", ok, err, goErr)
		}
		if ok && !bytes.Equal(got, want) {
			t.Fatalf("outputs differ: %d vs %d bytes", len(got), len(want))
		}
	})
}
