// Package jstest is the scaffolding the repository's Go tests share to drive JavaScript through a
// jsruntime.Runtime. It is imported only by _test.go files.
//
// It provides:
//   - New and NewWith: a runtime closed when the test ends, with the test's installs run on its loop;
//     Global, Set, Require and Modules are the installs tests keep writing (a module or a value as a
//     global, a global require over some built-ins, the module system over testdata).
//   - Do, Eval, EvalValue, Await, AwaitJSON: run Go or a script on the loop and get a result back,
//     failing the test on an exception; RunMain runs a file as the main module, as Node runs a script.
//   - Logs: what a runtime (or a host, or a Node process) logged, kept for assertions and, but for
//     the script's own output, copied to the test's log; Stdout is what console.log printed, Node's
//     standard output.
//   - Golden and DiffLines: output compared line by line with a golden file recorded from Node, with
//     -update re-recording it where the test says how.
//   - StartServer: the Node reference host (or another server) started for a test, its address read
//     from its "listening on" line.
//   - Expect: the one-line assertion the scenario tests share.
//
// Of the Node module packages it imports only what the module system needs (buffer and url), so that
// the other modules' tests, internal ones included, can use it; tests install the modules they need
// themselves. buffer's and url's own tests must stay external test packages.
package jstest
