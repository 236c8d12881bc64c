package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pluginhost/pluginhost/internal/gitrepo"
)

// UpdateResult is what Update did to a plugin's git repository.
type UpdateResult struct {
	// Old and New are the commits before and after (equal unless Updated).
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Updated is true when the branch was fast-forwarded and the plugin reloaded.
	Updated bool `json:"updated"`
	// Skipped says why the repository was left alone (not a repository, no upstream, local changes,
	// diverged…); empty when it was checked.
	Skipped string `json:"skipped,omitempty"`
	// ReloadError is why the updated plugin did not load; the previous version, if it was loaded,
	// keeps serving.
	ReloadError string `json:"reloadError,omitempty"`
}

// Install clones the git repository at url into a new folder of the plugins directory and loads the
// plugin. The folder is named as Luker names it: the URL's last path element without ".git", with
// runs of characters other than letters, digits, '.', '_' and '-' replaced by '-', at most 96
// characters. An existing folder is refused with ErrExists; a failed clone leaves no folder behind.
// The clone is shallow for remote URLs. A plugin that was cloned but did not load is still installed:
// the returned ManagedPlugin's LoadError says why, and the error is nil. Its npm dependencies are not
// installed: see DependencyStatus and InstallDependencies.
func (h *Host) Install(ctx context.Context, url string) (ManagedPlugin, error) {
	if !h.opts.EnableServerPlugins {
		return ManagedPlugin{}, ErrDisabled
	}
	folder, err := gitrepo.FolderName(url)
	if err != nil {
		return ManagedPlugin{}, fmt.Errorf("%w: %v", ErrInvalidURL, err)
	}
	if err := h.checkManaged(folder); err != nil {
		return ManagedPlugin{}, err
	}
	dest := filepath.Join(h.opts.PluginsDir, folder)
	if _, err := os.Lstat(dest); err == nil {
		return ManagedPlugin{}, fmt.Errorf("%w: %s", ErrExists, folder)
	}
	defer h.pauseWatch(folder)()
	h.log.Info("[Plugin Loader] Installing plugin", "entry", folder, "url", gitrepo.RedactURL(url))
	if err := gitrepo.Clone(ctx, url, dest, h.opts.GitAuth.repoAuth()); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ManagedPlugin{}, fmt.Errorf("%w: %s", ErrExists, folder)
		}
		h.log.Error("[Plugin Loader] Could not install plugin", "entry", folder, "err", err)
		return ManagedPlugin{}, fmt.Errorf("pluginhost: install %s: %w", folder, err)
	}
	if err := h.refresh(ctx, folder); errors.Is(err, ErrClosed) {
		return ManagedPlugin{}, err
	}
	return h.Plugin(folder)
}

// Update fetches the plugin folder's git remote and, when its branch is behind, fast-forwards it and
// reloads the plugin, as auto-update does at start-up. A repository that cannot be updated safely
// (local changes, diverged, detached, no upstream, not a repository) is left alone and the result
// says why. A failed reload keeps the previous version serving; the result's ReloadError says why.
// The fetch is bounded by GitTimeout as well as ctx.
func (h *Host) Update(ctx context.Context, folder string) (UpdateResult, error) {
	if err := h.checkManaged(folder); err != nil {
		return UpdateResult{}, err
	}
	dir := filepath.Join(h.opts.PluginsDir, folder)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return UpdateResult{}, fmt.Errorf("%w: %q has no folder", ErrUnknownPlugin, folder)
	}
	defer h.pauseWatch(folder)()
	gitCtx, cancel := context.WithTimeout(ctx, h.opts.GitTimeout)
	res, err := gitrepo.Update(gitCtx, dir, h.opts.GitAuth.repoAuth())
	cancel()
	out := UpdateResult{Old: res.Old, New: res.New, Updated: res.Updated, Skipped: res.Skipped}
	if err != nil {
		h.log.Error("[Plugin Loader] Could not update plugin", "entry", folder, "err", err)
		return out, fmt.Errorf("pluginhost: update %s: %w", folder, err)
	}
	if !res.Updated {
		return out, nil
	}
	h.log.Info(fmt.Sprintf("Plugin %s updated to commit %s", folder, res.New), "entry", folder)
	if err := h.refresh(ctx, folder); err != nil {
		out.ReloadError = err.Error()
	}
	return out, nil
}
