package pluginhost

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

func TestListDescribesPlugins(t *testing.T) {
	dir := reloadTree(t)
	writeFile(t, dir, "counter/package.json", `{"name":"counter-plugin","version":"1.2.3","description":"counts","main":"index.js"}`)
	writeFile(t, dir, "broken.js", "module.exports = {};")
	th := startHost(t, dir)
	list := th.host.List()
	folders := make([]string, len(list))
	for i, m := range list {
		folders[i] = m.Folder
	}
	if !slices.Equal(folders, []string{"broken.js", "counter", "steady.js"}) {
		t.Fatalf("folders %v", folders)
	}
	counter := list[1]
	if counter.ID != "counter" || counter.Name != "Counter" || !counter.Loaded || !counter.Mounted ||
		counter.Package == nil || *counter.Package != (PackageInfo{Name: "counter-plugin", Version: "1.2.3", Description: "counts"}) {
		t.Errorf("counter: %+v", counter)
	}
	if counter.RemoteURL != "" || counter.Commit != "" {
		t.Errorf("a folder that is no repository shows git data: %+v", counter)
	}
	if broken := list[0]; broken.Loaded || broken.LoadError == "" {
		t.Errorf("broken: %+v", broken)
	}
	if _, err := th.host.Plugin("nothing"); !errors.Is(err, ErrUnknownPlugin) {
		t.Errorf("Plugin of an unknown folder: %v", err)
	}
}

func TestRemoveUnloadsAndDeletes(t *testing.T) {
	dir := reloadTree(t)
	outside := t.TempDir()
	writeFile(t, outside, "linked/index.js", `module.exports = { info: { id: 'linked', name: 'L', description: 'd' },
		init(router) { router.get('/answer', (req, res) => res.json({ answer: 'linked' })); } };`)
	if err := os.Symlink(filepath.Join(outside, "linked"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	th := startHost(t, dir)
	ctx := context.Background()

	if err := th.host.Remove(ctx, "counter"); err != nil {
		t.Fatal(err)
	}
	th.notServed(t, "/api/plugins/counter/answer")
	th.log.mustLog(t, "exit v1", "plugin=counter")
	if _, err := os.Stat(filepath.Join(dir, "counter")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("folder still there: %v", err)
	}

	if err := th.host.Remove(ctx, "linked"); err != nil {
		t.Fatal(err)
	}
	th.notServed(t, "/api/plugins/linked/answer")
	if _, err := os.Lstat(filepath.Join(dir, "linked")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("link still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(outside, "linked", "index.js")); err != nil {
		t.Errorf("removing a linked plugin touched its target: %v", err)
	}

	for _, bad := range []string{"", ".", "..", "../steady.js", "a/b", ".hidden"} {
		if err := th.host.Remove(ctx, bad); !errors.Is(err, ErrInvalidFolder) {
			t.Errorf("Remove(%q): %v, want ErrInvalidFolder", bad, err)
		}
	}
	if err := th.host.Remove(ctx, "nothing"); !errors.Is(err, ErrUnknownPlugin) {
		t.Errorf("Remove of an unknown folder: %v", err)
	}
	if status, _ := th.do(t, "GET", "/api/plugins/steady/ok", "", ""); status != 200 {
		t.Errorf("neighbour: %d", status)
	}
}

// depPackage packs a tiny npm package name@1.0.0 into a tarball in dir, so that npm installs it
// offline.
func depPackage(t *testing.T, dir, name string) string {
	t.Helper()
	src := filepath.Join(dir, name)
	writeFile(t, src, "package.json", `{"name":"`+name+`","version":"1.0.0","main":"index.js"}`)
	writeFile(t, src, "index.js", "module.exports = (s) => s.toUpperCase() + '!';")
	cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir)
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm pack: %v\n%s", err, out)
	}
	return filepath.Join(dir, name+"-1.0.0.tgz")
}

func TestDependencies(t *testing.T) {
	if _, err := exec.LookPath("npm"); err != nil && os.Getenv("CI") == "" {
		t.Skip("npm is not installed")
	}
	dir := reloadTree(t)
	packs := t.TempDir()
	tgz, devTgz := depPackage(t, packs, "shout"), depPackage(t, packs, "dev-only")
	writeFile(t, dir, "needs-dep/package.json", `{"name":"needs-dep","version":"1.0.0","main":"index.js",
		"dependencies":{"shout":"file:`+tgz+`"},"devDependencies":{"dev-only":"file:`+devTgz+`"}}`)
	writeFile(t, dir, "needs-dep/index.js", `const shout = require('shout');
module.exports = { info: { id: 'needs-dep', name: 'N', description: 'd' },
	init(router) { router.get('/answer', (req, res) => res.json({ answer: shout('hi') })); } };`)
	th := startHost(t, dir)
	th.notServed(t, "/api/plugins/needs-dep/answer")

	deps, err := th.host.DependencyStatus("needs-dep")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(deps.Missing, []string{"shout"}) || deps.Declared["shout"] != "file:"+tgz || len(deps.Installed) != 0 {
		t.Errorf("before install: %+v", deps)
	}

	if err := th.host.InstallDependencies(context.Background(), "needs-dep"); err != nil {
		t.Fatal(err)
	}
	if got, _ := th.answer(t, "needs-dep"); got != `{"answer":"HI!"}` {
		t.Errorf("after installing its dependencies: %s", got)
	}
	deps, err = th.host.DependencyStatus("needs-dep")
	if err != nil || len(deps.Missing) != 0 || deps.Installed["shout"] != "1.0.0" {
		t.Errorf("after install: %+v %v", deps, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "needs-dep/node_modules/dev-only")); err == nil {
		t.Error("devDependencies were installed")
	}

	// A single-file plugin declares nothing; a folder without package.json neither.
	if deps, err := th.host.DependencyStatus("steady.js"); err != nil || len(deps.Declared) != 0 {
		t.Errorf("single file: %+v %v", deps, err)
	}
	if _, err := th.host.DependencyStatus("nothing"); !errors.Is(err, ErrUnknownPlugin) {
		t.Errorf("unknown folder: %v", err)
	}

	t.Setenv("PATH", t.TempDir())
	if err := th.host.InstallDependencies(context.Background(), "needs-dep"); !errors.Is(err, ErrNoNPM) {
		t.Errorf("without npm: %v", err)
	}
}
