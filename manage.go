package pluginhost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pluginhost/pluginhost/internal/gitrepo"
)

var (
	// ErrExists is returned by Install when the folder it would clone into is already there.
	ErrExists = errors.New("pluginhost: plugin folder already exists")
	// ErrInvalidURL is returned by Install for a URL no folder name can be derived from.
	ErrInvalidURL = errors.New("pluginhost: invalid repository URL")
	// ErrInvalidFolder is returned for a folder name that is not a plain name inside the plugins
	// directory.
	ErrInvalidFolder = errors.New("pluginhost: invalid plugin folder name")
)

// ManagedPlugin describes one entry of the plugins directory for the management API.
type ManagedPlugin struct {
	// Folder is the entry's name in the plugins directory (a folder, or a single-file plugin).
	Folder string `json:"folder"`
	// RemoteURL, Branch and Commit describe the git repository the folder is the root of, if any.
	// The URL never carries credentials.
	RemoteURL string `json:"remoteUrl,omitempty"`
	Branch    string `json:"branch,omitempty"`
	Commit    string `json:"commit,omitempty"`
	// Package is the folder's package.json name, version and description, when it has one.
	Package *PackageInfo `json:"package,omitempty"`
	// ID and Name are the plugin's info, once its module has loaded.
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Loaded is true when the plugin's init succeeded; Mounted when its router is served.
	Loaded  bool `json:"loaded"`
	Mounted bool `json:"mounted"`
	// LoadError is why the plugin is not loaded; ReloadError why its last reload failed while the
	// previous version kept serving.
	LoadError   string `json:"loadError,omitempty"`
	ReloadError string `json:"reloadError,omitempty"`
}

// PackageInfo is what the management API shows of a plugin's package.json.
type PackageInfo struct {
	Name        string `json:"name,omitempty"`
	Version     string `json:"version,omitempty"`
	Description string `json:"description,omitempty"`
}

// List describes every plugin in the plugins directory, in load order: its git remote and commit,
// its package.json, and whether it is loaded.
func (h *Host) List() []ManagedPlugin {
	h.mu.RLock()
	plugins := h.plugins
	h.mu.RUnlock()
	out := make([]ManagedPlugin, 0, len(plugins))
	for _, p := range plugins {
		out = append(out, h.describe(p))
	}
	return out
}

// Plugin describes the plugin in folder, or returns ErrUnknownPlugin.
func (h *Host) Plugin(folder string) (ManagedPlugin, error) {
	if err := checkFolder(folder); err != nil {
		return ManagedPlugin{}, err
	}
	p := h.pluginByEntry(folder)
	if p == nil {
		return ManagedPlugin{}, fmt.Errorf("%w: %q", ErrUnknownPlugin, folder)
	}
	return h.describe(p), nil
}

// describe reads what List shows of p.
func (h *Host) describe(p *plugin) ManagedPlugin {
	st := p.status()
	m := ManagedPlugin{Folder: st.Entry, ID: st.Info.ID, Name: st.Info.Name, Loaded: st.Loaded, Mounted: st.Mounted}
	if st.Err != nil {
		m.LoadError = st.Err.Error()
	}
	if st.ReloadErr != nil {
		m.ReloadError = st.ReloadErr.Error()
	}
	if !p.entry.dir {
		return m
	}
	if info, err := gitrepo.Inspect(p.entry.root); err == nil {
		m.RemoteURL, m.Branch, m.Commit = info.RemoteURL, info.Branch, info.Commit
	}
	m.Package = readPackageInfo(p.entry.root)
	return m
}

// readPackageInfo reads dir/package.json's name, version and description; nil when there is none or
// it is malformed (the load error says so).
func readPackageInfo(dir string) *PackageInfo {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil
	}
	var pkg struct {
		Name, Version, Description any
	}
	if json.Unmarshal(data, &pkg) != nil {
		return nil
	}
	str := func(v any) string { s, _ := v.(string); return s }
	return &PackageInfo{Name: str(pkg.Name), Version: str(pkg.Version), Description: str(pkg.Description)}
}

// Remove unloads the plugin in folder (its path answers as an unmatched route; once its requests in
// flight have finished, its exit() runs) and then deletes the folder, or the file of a single-file
// plugin. A plugin folder that is a symlink loses the link, never the target. ctx bounds the wait for
// the plugin to stop; when it ends first, nothing is deleted.
func (h *Host) Remove(ctx context.Context, folder string) error {
	if err := h.checkManaged(folder); err != nil {
		return err
	}
	path := filepath.Join(h.opts.PluginsDir, folder)
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %q", ErrUnknownPlugin, folder)
	}
	if err != nil {
		return fmt.Errorf("pluginhost: remove %s: %w", folder, err)
	}
	defer h.pauseWatch(folder)()
	taskCtx, ok := h.tasks.start()
	if !ok {
		return ErrClosed
	}
	defer h.tasks.done()
	h.changes.Lock()
	defer h.changes.Unlock()
	if p := h.pluginByEntry(folder); p != nil {
		select {
		case <-h.unload(taskCtx, p):
		case <-ctx.Done():
			return fmt.Errorf("pluginhost: remove %s: waiting for the plugin to stop: %w", folder, ctx.Err())
		}
	}
	if fi.Mode()&fs.ModeSymlink != 0 || !fi.IsDir() {
		err = os.Remove(path)
	} else {
		err = os.RemoveAll(path)
	}
	if err != nil {
		h.log.Error("[Plugin Loader] Could not delete the plugin's files", "entry", folder, "err", err)
		return fmt.Errorf("pluginhost: remove %s: %w", folder, err)
	}
	h.log.Info("[Plugin Loader] Plugin deleted", "entry", folder)
	return nil
}

// checkManaged refuses management calls that cannot be made: plugins disabled, the host closing, a
// folder name that is not a plain name.
func (h *Host) checkManaged(folder string) error {
	if !h.opts.EnableServerPlugins {
		return ErrDisabled
	}
	if h.isClosing() {
		return ErrClosed
	}
	return checkFolder(folder)
}

// checkFolder accepts only a plain entry name: one path element, not "." or "..", not hidden.
func checkFolder(folder string) error {
	if folder == "" || folder == "." || folder == ".." || strings.HasPrefix(folder, ".") ||
		strings.ContainsAny(folder, `/\`) || strings.ContainsRune(folder, 0) || folder != filepath.Base(folder) {
		return fmt.Errorf("%w: %q", ErrInvalidFolder, folder)
	}
	return nil
}

// pauseWatch keeps the watcher from reloading folder while a management call changes it; the call
// reloads it itself. It returns the function that resumes watching.
func (h *Host) pauseWatch(folder string) (resume func()) {
	if h.watcher == nil {
		return func() {}
	}
	return h.watcher.pause(folder)
}
