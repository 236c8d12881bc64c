package conformance

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost"
	"github.com/pluginhost/pluginhost/internal/jstest"
)

const (
	pluginsDir = "plugins"
	hostDir    = "host"
)

// nodeHost is the running reference host.
type nodeHost struct {
	addr string       // host:port it listens on
	log  *jstest.Logs // its stdout and stderr
}

// requireNode fails the test, saying what to install or run, unless node and the reference host's
// npm dependencies are present.
func requireNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is not on PATH: install Node.js 20.6 or newer with npm, then run `npm ci --prefix conformance/host`")
	}
	if _, err := os.Stat(hostDir + "/node_modules/express/package.json"); err != nil {
		t.Fatal("the reference host's dependencies are missing: run `npm ci --prefix conformance/host` from the repository root")
	}
}

// startNode starts host/server.mjs on a free loopback port and waits for it to listen. It is stopped
// when the test ends.
func startNode(t *testing.T) *nodeHost {
	t.Helper()
	requireNode(t)
	cmd := exec.Command("node", hostDir+"/server.mjs", "--plugins", pluginsDir, "--port", "0")
	cmd.Env = append(os.Environ(), "NODE_ENV=production")
	logs := jstest.NewLogs(t)
	return &nodeHost{addr: jstest.StartServer(t, cmd, logs), log: logs}
}

// ourHost is pluginhost serving the same plugins.
type ourHost struct {
	host *pluginhost.Host
	addr string
	log  *jstest.Logs
}

// startOurs loads the fixture plugins into pluginhost as Luker would (production, plugins on) and
// serves Handler(), whose unhandled requests get Express's finalhandler 404 as the Node host's do.
func startOurs(t *testing.T) *ourHost {
	t.Helper()
	logs := jstest.NewLogs(t)
	return serveOurs(t, logs, pluginhost.Options{PluginsDir: pluginsDir})
}

// serveOurs starts pluginhost with opts, plugins on, in production and logging to logs, and serves
// its Handler() until the test ends.
func serveOurs(t *testing.T, logs *jstest.Logs, opts pluginhost.Options) *ourHost {
	t.Helper()
	opts.EnableServerPlugins, opts.Env, opts.Logger = true, "production", logs.Logger()
	host, err := pluginhost.New(context.Background(), opts)
	if err != nil {
		t.Fatalf("pluginhost.New: %v", err)
	}
	srv := httptest.NewServer(host.Handler())
	t.Cleanup(func() {
		// Closing the host first answers requests still waiting on a plugin (503), so the server
		// can then close without waiting for them.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		host.Close(ctx)
		srv.Close()
	})
	return &ourHost{host: host, addr: srv.Listener.Addr().String(), log: logs}
}

var loadedLine = regexp.MustCompile(`Loaded plugin: .* \(([a-z0-9_-]+)\)(, router empty: not mounted)?$`)

// checkSamePlugins fails unless both hosts loaded and mounted the same plugins.
func checkSamePlugins(t *testing.T, node *nodeHost, ours *ourHost) {
	t.Helper()
	var theirs, mine []string
	for _, line := range strings.Split(node.log.String(), "\n") {
		if m := loadedLine.FindStringSubmatch(line); m != nil {
			theirs = append(theirs, describeLoad(m[1], m[2] == ""))
		}
	}
	for _, p := range ours.host.Plugins() {
		if p.Loaded {
			mine = append(mine, describeLoad(p.Info.ID, p.Mounted))
		}
	}
	sort.Strings(theirs)
	sort.Strings(mine)
	if strings.Join(theirs, " ") != strings.Join(mine, " ") {
		t.Errorf("the hosts loaded different plugins\nnode: %v\nours: %v\nour log:\n%s", theirs, mine, ours.log)
	}
}

func describeLoad(id string, mounted bool) string {
	if mounted {
		return id
	}
	return id + "(not mounted)"
}
