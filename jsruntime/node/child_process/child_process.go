// Package child_process is Node's "child_process" module for plugins, over os/exec: spawn (a
// ChildProcess EventEmitter with stdin, stdout and stderr streams), exec and execFile (buffered, with
// util.promisify support), and spawnSync, execSync and execFileSync.
//
// Behaviour follows Node 20: events 'spawn', 'exit', 'close' and 'error' (ENOENT and EACCES as
// errors with errno, syscall, path and spawnargs), kill with Node's signal names, options cwd, env,
// argv0, shell, stdio, timeout, killSignal, signal, maxBuffer and encoding, and Node's error shapes
// (ERR_CHILD_PROCESS_STDIO_MAXBUFFER, "Command failed: ..." with code, killed, signal and cmd).
// Waiting and all pipe I/O run off the loop; a child's output is read only as fast as its stream is
// consumed (one read outstanding, at most the high-water mark buffered). The Sync forms block the loop
// by design, as in Node, but the plugin stopping ends them.
//
// Where a plugin's child differs from a Node child:
//   - The default environment is the plugin's process.env (never the host's), and the command is
//     looked up in that environment's PATH, or in /usr/bin:/bin when it has none, as libuv does.
//   - 'inherit' (and fds 1 and 2, process.stdout, process.stderr) sends the child's stdout and stderr
//     to the runtime's logger, line by line at Info and Error, where the plugin's own process.stdout
//     and process.stderr go; the 'close' event waits until those lines are logged. The plugin has
//     no stdin, so an inherited stdin is the null device. execSync's and execFileSync's default
//     "inherited" stderr is written to process.stderr, as Node does.
//   - Every child leads a process group of its own. When the plugin's runtime closes, each child
//     still running, or whose pipes are still open, is killed with its whole group (SIGKILL); what
//     a child left running in the background after it exited, holding none of its pipes, is not
//     tracked (Node leaves it running too). So detached changes nothing, and ref and unref do
//     nothing: a plugin's runtime never waits for its children. Being in a background group, a
//     child that opens the host's terminal itself (/dev/tty) is stopped by it.
//   - stdout and stderr are stream.Readable and stdin a stream.Writable, not net.Socket.
//   - windowsHide and windowsVerbatimArguments are validated and ignored.
//
// Not provided (each throws ERR_NOT_SUPPORTED_IN_PLUGINHOST): fork and 'ipc' stdio (there is no IPC
// channel), uid and gid, stdio entries that are other file descriptors or streams, and pipes beyond
// fd 2. Signal names other than the 13 POSIX ones are known on Linux only.
package child_process

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

//go:embed child_process.js
var source string

var script = jsruntime.NewScript("node:child_process", source)

// Require returns the "child_process" module, built once per runtime. The runtime's OnClose kills
// the children it started. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return script.Instance(rt, func() ([]goja.Value, error) {
		reg := newRegistry()
		natives, err := newNatives(rt, reg)
		if err != nil {
			return nil, err
		}
		rt.OnClose(reg.shutdown)
		return []goja.Value{natives}, nil
	})
}
