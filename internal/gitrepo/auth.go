package gitrepo

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing/transport"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// DefaultTokenUser is the user name sent with Auth.Token when Auth.Username is empty. GitHub accepts
// it for every kind of token (and requires it for app installation tokens); GitLab, Gitea and most
// other hosts accept any non-empty name with a personal access token.
const DefaultTokenUser = "x-access-token"

// Auth holds the credentials for private remotes. The method follows the remote URL's scheme:
// https remotes get Token, ssh and scp-like (git@host:path) remotes get the SSH key; file:// URLs,
// local paths, git:// and plain http remotes get none (a token is never sent in cleartext). A URL
// that carries credentials of its own keeps them. None of it ever appears in an error.
type Auth struct {
	// Username goes with Token; default DefaultTokenUser. GitLab OAuth tokens need "oauth2",
	// Bitbucket app passwords the account's user name.
	Username string
	// Token is sent as the HTTP basic-auth password to https remotes.
	Token string
	// SSHKeyFile is a private key in PEM/OpenSSH format for ssh remotes. Without it, ssh remotes use
	// the ssh agent (SSH_AUTH_SOCK), as git does.
	SSHKeyFile string
	// SSHKeyPassphrase decrypts SSHKeyFile when it is encrypted.
	SSHKeyPassphrase string
	// KnownHostsFile lists the ssh hosts' keys. Default: the files in SSH_KNOWN_HOSTS, else
	// ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts. An unknown host key is an error.
	KnownHostsFile string

	caBundle []byte // tests only: trust this CA for https
}

// method returns the go-git auth method for url, or nil when url needs none (or go-git's default: the
// ssh agent).
func (a Auth) method(url string) (transport.AuthMethod, error) {
	ep, err := transport.NewEndpoint(url)
	if err != nil {
		return nil, err
	}
	switch ep.Protocol {
	case "https":
		if a.Token == "" || ep.Password != "" {
			return nil, nil
		}
		user := a.Username
		if user == "" {
			user = DefaultTokenUser
		}
		return &githttp.BasicAuth{Username: user, Password: a.Token}, nil
	case "ssh":
		if a.SSHKeyFile == "" && a.KnownHostsFile == "" {
			return nil, nil
		}
		user := ep.User
		if user == "" {
			user = "git"
		}
		if a.SSHKeyFile == "" {
			agent, err := gitssh.NewSSHAgentAuth(user)
			if err != nil {
				return nil, fmt.Errorf("ssh agent: %w", err)
			}
			if agent.HostKeyCallback, err = gitssh.NewKnownHostsCallback(a.KnownHostsFile); err != nil {
				return nil, fmt.Errorf("known hosts %s: %w", a.KnownHostsFile, err)
			}
			return agent, nil
		}
		keys, err := gitssh.NewPublicKeysFromFile(user, a.SSHKeyFile, a.SSHKeyPassphrase)
		if err != nil {
			return nil, fmt.Errorf("ssh key %s: %w", a.SSHKeyFile, err)
		}
		if a.KnownHostsFile != "" {
			if keys.HostKeyCallback, err = gitssh.NewKnownHostsCallback(a.KnownHostsFile); err != nil {
				return nil, fmt.Errorf("known hosts %s: %w", a.KnownHostsFile, err)
			}
		}
		return keys, nil
	}
	return nil, nil
}

// secrets are the strings that must not appear in an error.
func (a Auth) secrets() []string { return []string{a.Token, a.SSHKeyPassphrase} }
