package express

import (
	"io"
	"os"
)

// fileBody is a byte range of an open file, copied to the client on the HTTP goroutine. done reports
// the outcome (a failed read or a failed write) after the copy, from that goroutine.
type fileBody struct {
	f    *os.File
	off  int64
	n    int64
	done func(readErr, writeErr error)
}

func (b *fileBody) stream(w io.Writer) error {
	defer b.f.Close()
	src := &readTracker{r: io.NewSectionReader(b.f, b.off, b.n)}
	copied, err := io.Copy(w, src)
	readErr := src.err
	if readErr == nil && err == nil && copied < b.n {
		// The file shrank while it was sent: the declared Content-Length cannot be met.
		readErr = io.ErrUnexpectedEOF
	}
	var writeErr error
	if readErr == nil {
		writeErr = err
	}
	b.done(readErr, writeErr)
	if readErr != nil {
		return readErr
	}
	return writeErr
}

func (b *fileBody) discard() { b.f.Close() }

// readTracker remembers a read error so that a failed copy can be told apart from a gone client.
type readTracker struct {
	r   io.Reader
	err error
}

func (t *readTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}
