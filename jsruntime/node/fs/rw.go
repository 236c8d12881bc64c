package fs

import (
	"errors"
	"io"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// The descriptor reads and writes behind fs.read/write/readv/writev and FileHandle. Their JS half
// (fd.js) sorts out Node's many argument forms and validates them; these take the normalised
// arguments. A position of -1 means the file's current position.
var ioDefs = []def{
	{name: "read", build: readFd},
	{name: "readv", build: readv},
	{name: "write", build: writeFd},
}

// readFd reads (fd, buffer, offset, length, position) into buffer and returns the bytes read. The
// read goes through a buffer of its own, copied into the JS buffer on the loop, so JS never sees
// memory another goroutine writes.
func readFd(m *module, args []goja.Value) op {
	fd := int(arg(args, 0).ToInteger())
	target := arg(args, 1)
	offset, length := int(arg(args, 2).ToInteger()), int(arg(args, 3).ToInteger())
	pos := intOf(arg(args, 4))
	return func() (result, error) {
		of, err := m.file(fd, "read")
		if err != nil {
			return nil, err
		}
		tmp := make([]byte, length)
		n, err := readAt(of, tmp, pos)
		if err != nil {
			return nil, wrap(err, "read", "", "")
		}
		return func(m *module) goja.Value {
			if b, ok := buffer.Bytes(m.rt, target); ok && offset <= len(b) {
				copy(b[offset:], tmp[:n])
			}
			return m.vm.ToValue(n)
		}, nil
	}
}

// readv reads (fd, buffers, position) into the buffers in turn and returns the bytes read.
func readv(m *module, args []goja.Value) op {
	fd := int(arg(args, 0).ToInteger())
	var targets []goja.Value
	total := 0
	if arr, ok := arg(args, 1).(*goja.Object); ok {
		for _, k := range arr.Keys() {
			v := arr.Get(k)
			if b, ok := buffer.Bytes(m.rt, v); ok {
				targets = append(targets, v)
				total += len(b)
			}
		}
	}
	pos := intOf(arg(args, 2))
	return func() (result, error) {
		of, err := m.file(fd, "read")
		if err != nil {
			return nil, err
		}
		tmp := make([]byte, total)
		n, err := readFull(of, tmp, pos)
		if err != nil {
			return nil, wrap(err, "read", "", "")
		}
		return func(m *module) goja.Value {
			rest := tmp[:n]
			for _, t := range targets {
				b, _ := buffer.Bytes(m.rt, t)
				rest = rest[copy(b, rest):]
			}
			return m.vm.ToValue(n)
		}, nil
	}
}

// writeFd writes (fd, buffer, offset, length, position) and returns the bytes written.
func writeFd(m *module, args []goja.Value) op {
	fd := int(arg(args, 0).ToInteger())
	src, _ := buffer.Bytes(m.rt, arg(args, 1))
	offset, length := int(arg(args, 2).ToInteger()), int(arg(args, 3).ToInteger())
	if offset < 0 || length < 0 || offset+length > len(src) {
		offset, length = 0, 0
	}
	data := append([]byte(nil), src[offset:offset+length]...)
	pos := intOf(arg(args, 4))
	return func() (result, error) {
		of, err := m.file(fd, "write")
		if err != nil {
			return nil, err
		}
		var n int
		if pos < 0 || of.append {
			n, err = of.f.Write(data)
		} else {
			n, err = of.f.WriteAt(data, pos)
		}
		if err != nil {
			return nil, wrap(err, "write", "", "")
		}
		return func(m *module) goja.Value { return m.vm.ToValue(n) }, nil
	}
}

// readAt is one read(2) at the current position, or pread(2) at pos; the end of the file is 0 bytes
// read, not an error.
func readAt(of *openFile, b []byte, pos int64) (int, error) {
	var n int
	var err error
	if pos < 0 {
		n, err = of.f.Read(b)
	} else {
		n, err = of.f.ReadAt(b, pos)
	}
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return n, err
}

// readFull fills b as far as the file allows, as readv(2) on a regular file does.
func readFull(of *openFile, b []byte, pos int64) (int, error) {
	if pos >= 0 {
		return readAt(of, b, pos)
	}
	n, err := io.ReadFull(of.f, b)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return n, err
}
