package pluginhost

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// The npm acceptance suite (issue 4): plugins in testdata/npm/plugins use real npm packages the way
// published plugins do. The packages come from testdata/npm/node_modules, which the host shares with
// every plugin through Options.SharedModules (as Luker's root node_modules), and from own-deps's own
// node_modules. .ci/run installs both from their committed package-lock.json files.
const (
	npmDir        = "testdata/npm"
	npmPlugins    = npmDir + "/plugins"
	npmShared     = npmDir + "/node_modules"
	npmOwnDeps    = npmPlugins + "/own-deps/node_modules"
	npmBundleSrc  = npmDir + "/bundled/src/index.ts"
	referenceHost = "conformance/host"
)

// npmPluginEnv is what the suite's plugins see in process.env: debug reads its namespaces from DEBUG
// and its options from DEBUG_* variables (no date prefix, so log lines are comparable).
var npmPluginEnv = map[string]string{"DEBUG": "npm:*,-npm:quiet", "DEBUG_HIDE_DATE": "true"}

// requireNpmPackages skips the test, loudly, when the suite's packages are not installed. In CI they
// always are (.ci/run installs them), so there a missing folder fails the test instead.
func requireNpmPackages(t *testing.T) {
	t.Helper()
	for _, dir := range []string{npmShared, npmOwnDeps} {
		if _, err := os.Stat(dir); err == nil {
			continue
		}
		msg := fmt.Sprintf("\n%s\n  npm ACCEPTANCE SUITE NOT RUN: %s is missing. Install the packages with\n"+
			"    npm ci --prefix %s --no-audit --no-fund && npm ci --prefix %s --no-audit --no-fund\n%s",
			banner, dir, npmDir, filepath.Dir(npmOwnDeps), banner)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

const banner = "################################################################################"

// TestNpmPackages loads testdata/npm/plugins into pluginhost with the shared node_modules and checks
// every plugin's routes.
func TestNpmPackages(t *testing.T) {
	requireNpmPackages(t)
	shared, err := filepath.Abs(npmShared)
	if err != nil {
		t.Fatal(err)
	}
	th := startHost(t, npmPlugins, func(o *Options) {
		o.SharedModules = []string{shared}
		o.PluginEnv = npmPluginEnv
	})
	for _, p := range th.host.Plugins() {
		if !p.Loaded || !p.Mounted {
			t.Errorf("plugin %s (%s) not served: loaded=%v mounted=%v: %v", p.Entry, p.File, p.Loaded, p.Mounted, p.Err)
		}
	}
	newNpmSuite(t, th.srv.URL, th.log, false).run(t)
}

// TestNpmPackagesUnderNode runs the same checks against the Node reference host (conformance/host),
// where plain Node resolution finds testdata/npm/node_modules: it proves the expectations are Node's.
func TestNpmPackagesUnderNode(t *testing.T) {
	requireNpmPackages(t)
	url, logs := startNodeReference(t, npmPlugins)
	newNpmSuite(t, url, logs, true).run(t)
}

// TestNpmBundledPlugin bundles testdata/npm/bundled with esbuild into one CommonJS file, as the
// SillyTavern webpack template does, and serves it from a plugins directory without node_modules.
func TestNpmBundledPlugin(t *testing.T) {
	requireNpmPackages(t)
	dir := bundlePlugin(t)
	th := startHost(t, dir)
	checkBundled(t, &npmSuite{base: th.srv.URL, logs: th.log})
}

// TestNpmBundledPluginUnderNode serves the same bundle from the Node reference host.
func TestNpmBundledPluginUnderNode(t *testing.T) {
	requireNpmPackages(t)
	dir := bundlePlugin(t)
	url, logs := startNodeReference(t, dir)
	checkBundled(t, &npmSuite{base: url, logs: logs, node: true})
}

// bundlePlugin writes plugins/bundled/{package.json,dist/plugin.js} into a temporary directory and
// returns the plugins directory. Only Node built-ins are left as require() calls.
func bundlePlugin(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(npmBundleSrc)
	if err != nil {
		t.Fatal(err)
	}
	plugins := t.TempDir()
	out := filepath.Join(plugins, "bundled")
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{src},
		Bundle:      true,
		Platform:    api.PlatformNode,
		Format:      api.FormatCommonJS,
		Outfile:     filepath.Join(out, "dist", "plugin.js"),
		Write:       true,
		LogLevel:    api.LogLevelSilent,
	})
	for _, m := range res.Errors {
		t.Errorf("esbuild: %s", m.Text)
	}
	if len(res.Errors) > 0 {
		t.FailNow()
	}
	pkg := `{"name": "bundled", "main": "dist/plugin.js", "type": "commonjs"}`
	if err := os.WriteFile(filepath.Join(out, "package.json"), []byte(pkg), 0o644); err != nil {
		t.Fatal(err)
	}
	return plugins
}

// startNodeReference serves pluginsDir from conformance/host/server.mjs under Node and returns its URL
// and its output (stdout and stderr). The test skips when node or the reference host is missing;
// .ci/run installs both.
func startNodeReference(t *testing.T, pluginsDir string) (string, *logBuffer) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not on PATH: the reference run needs Node.js 20")
	}
	if _, err := os.Stat(referenceHost + "/node_modules/express"); err != nil {
		t.Skipf("the reference host is not installed: run npm ci --prefix %s", referenceHost)
	}
	cmd := exec.Command("node", referenceHost+"/server.mjs", "--plugins", pluginsDir, "--port", "0")
	cmd.Env = append(os.Environ(), "NODE_ENV=production")
	for k, v := range npmPluginEnv {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	logs := newLogBuffer(t)
	return "http://" + jstest.StartServer(t, cmd, logs.Logs), logs
}

// newNpmSuite prepares the checks against a host serving testdata/npm/plugins; it starts the upstream
// API that the HTTP-client plugin calls.
func newNpmSuite(t *testing.T, base string, logs *logBuffer, node bool) *npmSuite {
	up := httptest.NewServer(upstreamAPI())
	t.Cleanup(up.Close)
	return &npmSuite{base: base, logs: logs, node: node, upstream: up.URL}
}

// packageVersion reads the version of an installed package, so that checks follow the lock file.
func packageVersion(t *testing.T, nodeModules, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(nodeModules, name, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	return pkg.Version
}
