package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pluginhost/pluginhost/internal/gitrepo"
)

// DefaultGitTimeout bounds the update of each plugin repository at start-up.
const DefaultGitTimeout = 30 * time.Second

// gitUpdateWorkers is how many repositories are updated at once: enough to hide network latency,
// few enough not to flood a git host.
const gitUpdateWorkers = 4

// GitAuth holds the credentials for plugins' private git remotes. Which one applies follows each
// remote's URL: Token goes to https remotes (never to plain http, where it would travel in
// cleartext), the SSH key to ssh and scp-like (git@host:owner/repo) remotes; local paths and file://
// URLs need none, and a URL carrying credentials of its own keeps them. The token is sent to every
// https remote of every plugin: set it only when you trust all of their hosts with it. Credentials
// never appear in logs or errors; String and LogValue hide them.
type GitAuth struct {
	// Username goes with Token. Default "x-access-token", which GitHub accepts for every token kind;
	// GitLab, Gitea and most others accept any name with a personal access token (GitLab OAuth
	// tokens need "oauth2").
	Username string
	// Token is a personal or app access token, sent as the HTTP basic-auth password.
	Token string
	// SSHKeyFile is a private key file (OpenSSH or PEM). Without it, ssh remotes use the ssh agent
	// (SSH_AUTH_SOCK), as git does.
	SSHKeyFile string
	// SSHKeyPassphrase decrypts SSHKeyFile when it is encrypted.
	SSHKeyPassphrase string
	// KnownHostsFile lists the ssh hosts' keys. Default: SSH_KNOWN_HOSTS, else ~/.ssh/known_hosts
	// and /etc/ssh/ssh_known_hosts. An unknown host is refused.
	KnownHostsFile string
}

// String describes a without its secrets, so that printing Options shows none.
func (a GitAuth) String() string {
	set := func(s string) string {
		if s == "" {
			return "none"
		}
		return "set"
	}
	return fmt.Sprintf("GitAuth{Username: %q, Token: %s, SSHKeyFile: %q, SSHKeyPassphrase: %s, KnownHostsFile: %q}",
		a.Username, set(a.Token), a.SSHKeyFile, set(a.SSHKeyPassphrase), a.KnownHostsFile)
}

// LogValue logs a as String does, whatever the slog handler.
func (a GitAuth) LogValue() slog.Value { return slog.StringValue(a.String()) }

func (a GitAuth) repoAuth() gitrepo.Auth {
	return gitrepo.Auth{
		Username:         a.Username,
		Token:            a.Token,
		SSHKeyFile:       a.SSHKeyFile,
		SSHKeyPassphrase: a.SSHKeyPassphrase,
		KnownHostsFile:   a.KnownHostsFile,
	}
}

// autoUpdate fast-forwards the plugin folders that are git repositories before they load, as Luker
// does on start-up: every non-hidden folder of the plugins directory (a linked folder counts as its
// target, once) that is the root of a git work tree is fetched from origin and fast-forwarded when
// behind (gitrepo.Update says what is skipped and why). Repositories are updated concurrently, each
// within GitTimeout. Skips and failures are logged and never stop start-up.
func (h *Host) autoUpdate(ctx context.Context) {
	folders := pluginFolders(h.opts.PluginsDir)
	if len(folders) == 0 {
		return
	}
	h.log.Info("Auto-updating server plugins... Set enableServerPluginsAutoUpdate: false in config.yaml to disable this feature.")
	timeout := h.opts.GitTimeout
	var updated atomic.Int32
	slots := make(chan struct{}, gitUpdateWorkers)
	var wg sync.WaitGroup
	for _, name := range folders {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			if h.updatePlugin(ctx, name, timeout) {
				updated.Add(1)
			}
		})
	}
	wg.Wait()
	if updated.Load() == 0 {
		h.log.Info("All plugins are up to date.")
	}
}

// updatePlugin updates one plugin folder and logs the outcome; it reports whether the folder moved.
// A folder that is not a git repository is left alone silently, as Luker does.
func (h *Host) updatePlugin(ctx context.Context, name string, timeout time.Duration) bool {
	dir := filepath.Join(h.opts.PluginsDir, name)
	if _, err := gitrepo.Inspect(dir); errors.Is(err, gitrepo.ErrNotRepo) {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, err := gitrepo.Update(ctx, dir, h.opts.GitAuth.repoAuth())
	switch {
	case err != nil:
		h.log.Error(fmt.Sprintf("Failed to update plugin %s: %v", name, err), "entry", name)
	case res.Skipped != "":
		h.log.Warn(fmt.Sprintf("Plugin %s not updated: %s", name, res.Skipped), "entry", name)
	case res.Updated:
		h.log.Info(fmt.Sprintf("Plugin %s updated to commit %s", name, res.New), "entry", name)
		return true
	}
	return false
}

// pluginFolders lists the non-hidden folders of dir (following links), in name order; two names for
// one folder (links) give the first name only, so that no repository is updated twice at once. A
// missing or unreadable dir gives none: loading reports it.
func pluginFolders(dir string) []string {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, de := range des {
		if strings.HasPrefix(de.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, de.Name())
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			continue
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil || seen[real] {
			continue
		}
		seen[real] = true
		out = append(out, de.Name())
	}
	return out
}
