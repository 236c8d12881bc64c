package pluginhost

import (
	"strings"
	"testing"
)

func TestEntryResolutionOrder(t *testing.T) {
	th := startHost(t, "testdata/resolution")
	th.which(t, "main-wins", "main")                  // package.json main (extension omitted) beats index.js
	th.which(t, "main-folder", "lib/index.js")        // main naming a folder
	th.which(t, "main-throws", "index.js")            // main fails to load: fall through
	th.which(t, "main-missing", "index.cjs")          // main names a missing file: fall through
	th.which(t, "no-main", "index.mjs")               // package.json without main
	th.which(t, "index-order", "index.js")            // index.js before index.cjs and index.mjs
	th.which(t, "cjs-before-mjs", "index.cjs")        // index.cjs before index.mjs
	th.which(t, "invalid-falls-through", "index.cjs") // a candidate that fails validation
	th.which(t, "init-throws-falls-through", "index.mjs")
	th.which(t, "single-cjs", "single-cjs.cjs")
	th.which(t, "single-js", "single-js.js")
	th.which(t, "single-mjs", "single-mjs.mjs")

	th.log.mustLog(t, "Failed to load plugin from", "broken.js", "broken on purpose")
	th.log.mustLog(t, "Failed to load plugin from", "main-missing", "nope.js")
	th.log.mustLog(t, "Failed to load plugin from", "init-throws-falls-through", "init exploded")
	th.log.mustLog(t, "No entry point found", "no-entry")
	if lines := th.log.lines("notes.txt"); len(lines) != 0 {
		t.Errorf("non-plugin files must be skipped silently: %q", lines)
	}
}

func TestMalformedPackageJSONAndSyntaxErrorRefused(t *testing.T) {
	th := startHost(t, "testdata/resolution")
	th.notServed(t, "/api/plugins/malformed-pkg/which")
	th.log.mustLog(t, "malformed-pkg", "package.json")
	th.notServed(t, "/api/plugins/syntax-error/x")
	th.log.mustLog(t, "Failed to load plugin from", "syntax-error", "index.js:3")
	th.which(t, "single-js", "single-js.js") // the others still serve
}

func TestMissingAndEmptyPluginsDirectory(t *testing.T) {
	for _, dir := range []string{"testdata/does-not-exist", "testdata/empty"} {
		th := startHost(t, dir)
		if n := len(th.host.Plugins()); n != 0 {
			t.Errorf("%s: %d plugins, want 0", dir, n)
		}
		th.notServed(t, "/api/plugins/anything/x")
	}
}

func TestContainment(t *testing.T) {
	th := startHost(t, "testdata/containment/plugins")
	th.which(t, "good", "good")
	th.which(t, "linked-plugin", "linked")
	th.log.mustLog(t, "Plugin folder is a link", "linked", "outside/linked-plugin")

	th.notServed(t, "/api/plugins/evil/which")
	th.log.mustLog(t, "escape-main", "outside the plugin's root", "refused")
	th.log.mustLog(t, "abs-main", "absolute path")
	th.log.mustLog(t, "symlinked-index", "outside the plugin's root", "refused")
	th.log.mustLog(t, "linked-file.js", "outside the plugin's root", "refused")
}

func TestPluginIDFromPath(t *testing.T) {
	cases := map[string]string{
		"/api/plugins/hello-world/hello": "hello-world",
		"/API/Plugins/Hello-World":       "hello-world",
		"/api/plugins/x":                 "x",
		"/api/plugins/":                  "",
		"/api/other/x":                   "",
	}
	for in, want := range cases {
		if got := pluginIDFromPath(in); got != want {
			t.Errorf("pluginIDFromPath(%q) = %q, want %q", in, got, want)
		}
	}
	if !strings.HasSuffix(MountPrefix, "/") {
		t.Fatal("MountPrefix must end in /")
	}
}
