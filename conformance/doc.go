// Package conformance proves that pluginhost serves Luker/SillyTavern plugins exactly as Luker's
// Node + Express 4 host does. Its test starts the Node reference host in host/ and pluginhost on the
// same fixture plugins (plugins/), replays the request corpus (corpus.json) against both over raw
// TCP, and compares status, body and the headers plugins are judged by. A case may differ only if
// it is listed in the documented-differences table, which then asserts pluginhost's own behaviour.
//
// Run it with `npm ci --prefix conformance/host && go test ./conformance`; the current diff list is
// written to /tmp/conformance-diffs.txt.
package conformance
