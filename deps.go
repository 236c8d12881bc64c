package pluginhost

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// ErrNoNPM is returned by InstallDependencies when npm is not on PATH.
var ErrNoNPM = errors.New("pluginhost: npm is not installed (not found on PATH); install Node.js and npm to install plugin dependencies")

// Dependencies compares what a plugin's package.json declares with what its node_modules holds.
type Dependencies struct {
	// Declared maps each package of package.json "dependencies" to its version range.
	Declared map[string]string `json:"declared"`
	// Installed maps each declared package found in the plugin's node_modules to its version.
	Installed map[string]string `json:"installed"`
	// Missing lists, sorted, the declared packages that are not installed.
	Missing []string `json:"missing"`
}

// DependencyStatus reads the plugin folder's package.json dependencies and checks each against the
// folder's node_modules. A folder without package.json declares nothing. Only the plugin's own
// node_modules counts: packages it may find in SharedModules are the host's, not its declared ones.
func (h *Host) DependencyStatus(folder string) (Dependencies, error) {
	if err := checkFolder(folder); err != nil {
		return Dependencies{}, err
	}
	dir := filepath.Join(h.opts.PluginsDir, folder)
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return Dependencies{}, fmt.Errorf("%w: %q", ErrUnknownPlugin, folder)
	}
	if err != nil {
		return Dependencies{}, fmt.Errorf("pluginhost: dependencies of %s: %w", folder, err)
	}
	deps := Dependencies{Declared: map[string]string{}, Installed: map[string]string{}, Missing: []string{}}
	if !fi.IsDir() {
		return deps, nil
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return deps, nil
	}
	if err != nil {
		return Dependencies{}, fmt.Errorf("pluginhost: dependencies of %s: %w", folder, err)
	}
	var pkg struct {
		Dependencies map[string]any `json:"dependencies"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return Dependencies{}, fmt.Errorf("pluginhost: dependencies of %s: malformed package.json: %w", folder, err)
	}
	for name, v := range pkg.Dependencies {
		rng, _ := v.(string)
		deps.Declared[name] = rng
		if version, ok := installedVersion(dir, name); ok {
			deps.Installed[name] = version
		} else {
			deps.Missing = append(deps.Missing, name)
		}
	}
	sort.Strings(deps.Missing)
	return deps, nil
}

// installedVersion reads dir/node_modules/<name>/package.json's version.
func installedVersion(dir, name string) (string, bool) {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", filepath.FromSlash(name), "package.json"))
	if err != nil {
		return "", false
	}
	var pkg struct {
		Version string `json:"version"`
	}
	_ = json.Unmarshal(data, &pkg)
	return pkg.Version, true
}

// npmOutputTail is how much of npm's output a failure carries.
const npmOutputTail = 4 << 10

// InstallDependencies runs `npm install --omit=dev --ignore-scripts` in the plugin folder (package
// scripts never run: a plugin's dependencies are not trusted to execute code at install time), then
// reloads the plugin so that it sees them. It returns ErrNoNPM when npm is not on PATH, and npm's
// failure with the end of its output. ctx bounds npm and the reload.
func (h *Host) InstallDependencies(ctx context.Context, folder string) error {
	if err := h.checkManaged(folder); err != nil {
		return err
	}
	dir := filepath.Join(h.opts.PluginsDir, folder)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%w: %q has no folder", ErrUnknownPlugin, folder)
	}
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		return fmt.Errorf("pluginhost: install dependencies of %s: no package.json", folder)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return ErrNoNPM
	}
	cmd := exec.CommandContext(ctx, npm, "install", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	h.log.Info("[Plugin Loader] Installing plugin dependencies with npm", "entry", folder)
	if err := cmd.Run(); err != nil {
		tail := out.Bytes()
		if len(tail) > npmOutputTail {
			tail = tail[len(tail)-npmOutputTail:]
		}
		h.log.Error("[Plugin Loader] npm install failed", "entry", folder, "err", err, "output", string(tail))
		return fmt.Errorf("pluginhost: npm install in %s: %w: %s", folder, err, bytes.TrimSpace(tail))
	}
	return h.refresh(ctx, folder)
}
