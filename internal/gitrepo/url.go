package gitrepo

import (
	"fmt"
	neturl "net/url"
	"regexp"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/transport"
)

// maxFolderName bounds FolderName's result, as Luker does.
const maxFolderName = 96

var unsafeFolderChars = regexp.MustCompile(`[^a-zA-Z0-9._-]+`)

// FolderName is the folder a plugin installed from url goes into, as Luker derives it: the last path
// segment of the URL without a trailing ".git", every run of characters outside [a-zA-Z0-9._-]
// replaced by "-", cut to 96 characters. It accepts https and ssh URLs, scp-like addresses
// (git@host:owner/repo.git), file:// URLs and local paths. A URL without a usable last segment, or
// whose name would be "." or "..", is an error: the result never leaves the directory it is joined to.
func FolderName(url string) (string, error) {
	p, err := urlPath(strings.TrimSpace(url))
	if err != nil {
		return "", fmt.Errorf("gitrepo: folder name for %s: %w", RedactURL(url), err)
	}
	p = strings.TrimRight(strings.ReplaceAll(p, `\`, "/"), "/") // a Windows path
	name := p[strings.LastIndex(p, "/")+1:]
	name = unsafeFolderChars.ReplaceAllString(strings.TrimSuffix(name, ".git"), "-")
	if len(name) > maxFolderName {
		name = name[:maxFolderName]
	}
	if name == "" || name == "." || name == ".." {
		return "", fmt.Errorf("gitrepo: %s has no usable folder name", RedactURL(url))
	}
	return name, nil
}

// urlPath is the path part of a URL (decoded, without query and fragment), of an scp-like address
// (after the colon), or a local path itself.
func urlPath(s string) (string, error) {
	if strings.Contains(s, "://") {
		u, err := neturl.Parse(s)
		if err != nil {
			return "", err
		}
		return u.Path, nil
	}
	colon := strings.Index(s, ":")
	slash := strings.IndexAny(s, `/\`)
	// host:path, not C:\path
	if colon > 1 && (slash < 0 || colon < slash) {
		return s[colon+1:], nil
	}
	return s, nil
}

// RedactURL returns url fit for logs and errors: a password in its userinfo becomes "***", and so does
// a lone http(s) username, which is usually a token (https://TOKEN@github.com/...). ssh user names
// (git@host) are kept. Anything that is not a URL with userinfo comes back unchanged.
func RedactURL(url string) string {
	i := strings.Index(url, "://")
	if i < 0 {
		return url
	}
	scheme, rest := strings.ToLower(url[:i]), url[i+3:]
	authority := rest
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		authority = rest[:j]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return url
	}
	user, _, hasPassword := strings.Cut(authority[:at], ":")
	switch {
	case hasPassword:
		user += ":***"
	case scheme == "http" || scheme == "https":
		user = "***"
	}
	return url[:i+3] + user + rest[at:]
}

// redacted is an error whose message has had the secrets of one operation removed. Unwrap keeps the
// original for errors.Is (a deadline, transport.ErrAuthenticationRequired); its own message may hold
// them, so it must not be printed.
type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// wrapRemote wraps err from an operation on url: "gitrepo: <op> <redacted url>: <message>", with the
// url, its userinfo and every secret removed from the message.
func wrapRemote(err error, op, url string, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if red := RedactURL(url); red != url {
		msg = strings.ReplaceAll(msg, url, red)
	}
	if ep, perr := transport.NewEndpoint(url); perr == nil {
		secrets = append(secrets, ep.Password)
		if ep.Password == "" && (ep.Protocol == "http" || ep.Protocol == "https") {
			secrets = append(secrets, ep.User) // a lone user name there is a token
		}
	}
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "***")
		}
	}
	return &redacted{msg: fmt.Sprintf("gitrepo: %s %s: %s", op, RedactURL(url), msg), err: err}
}
