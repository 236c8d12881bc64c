package child_process

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// stdio is what one of a child's descriptors 0, 1 and 2 is connected to.
type stdio string

const (
	stdioPipe   stdio = "pipe"   // a pipe whose other end the plugin reads or writes
	stdioIgnore stdio = "ignore" // the null device
	// The plugin's own stdout and stderr, which pluginhost sends to the runtime's logger (as
	// process.stdout and process.stderr do): what 'inherit' means for a plugin's child.
	stdioStdout stdio = "stdout"
	stdioStderr stdio = "stderr"
)

// logPipe is the read end of a child's output that goes to the logger.
type logPipe struct {
	f     *os.File
	level slog.Level
	name  string // "stdout" or "stderr", the stream the lines are attributed to
}

// plumbing holds a starting child's descriptors: the ends the child gets and the ends the host keeps.
type plumbing struct {
	child  [3]*os.File // the child's ends; nil means the null device
	parent [3]*os.File // the plugin's ends of stdioPipe descriptors
	logs   []logPipe
}

// newPlumbing creates the pipes kinds asks for. On error, nothing stays open.
func newPlumbing(kinds [3]stdio) (*plumbing, error) {
	p := &plumbing{}
	for fd, kind := range kinds {
		if kind == stdioIgnore || fd == 0 && kind != stdioPipe {
			continue
		}
		r, w, err := os.Pipe()
		if err != nil {
			p.closeAll()
			return nil, fmt.Errorf("child_process: pipe for fd %d: %w", fd, err)
		}
		childEnd, hostEnd := w, r
		if fd == 0 {
			childEnd, hostEnd = r, w
		}
		p.child[fd] = childEnd
		switch kind {
		case stdioPipe:
			p.parent[fd] = hostEnd
		case stdioStdout:
			p.logs = append(p.logs, logPipe{f: hostEnd, level: slog.LevelInfo, name: "stdout"})
		default:
			p.logs = append(p.logs, logPipe{f: hostEnd, level: slog.LevelError, name: "stderr"})
		}
	}
	return p, nil
}

// attach gives cmd the child's ends. Only set descriptors are assigned: a nil *os.File in an
// io.Reader would not read as "no file" to exec.
func (p *plumbing) attach(cmd *exec.Cmd) {
	if f := p.child[0]; f != nil {
		cmd.Stdin = f
	}
	if f := p.child[1]; f != nil {
		cmd.Stdout = f
	}
	if f := p.child[2]; f != nil {
		cmd.Stderr = f
	}
}

// closeChildEnds closes the host's copies of the child's ends once the child has them, so that the
// host sees end-of-file when the child (and whatever inherited them) is done.
func (p *plumbing) closeChildEnds() {
	for i, f := range p.child {
		if f != nil {
			_ = f.Close()
			p.child[i] = nil
		}
	}
}

// closeAll closes every descriptor: for a child that did not start, or whose outputs are no longer
// wanted. Closing again is harmless.
func (p *plumbing) closeAll() {
	p.closeChildEnds()
	for _, f := range p.parent {
		if f != nil {
			_ = f.Close()
		}
	}
	for _, l := range p.logs {
		_ = l.f.Close()
	}
}

// maxLogLine bounds one logged line; a longer one is logged in pieces.
const maxLogLine = 64 << 10

// logLines logs what a child writes to l, line by line, until end-of-file or until l is closed.
func logLines(rt *jsruntime.Runtime, l logPipe, pid int) {
	r := bufio.NewReaderSize(l.f, maxLogLine)
	for {
		line, err := r.ReadSlice('\n')
		if len(line) > 0 {
			text := string(line)
			if line[len(line)-1] == '\n' {
				text = text[:len(text)-1]
			}
			rt.Logger().Log(context.Background(), l.level, text, "child", pid, "stream", l.name)
		}
		if err != nil && err != bufio.ErrBufferFull {
			return
		}
	}
}
