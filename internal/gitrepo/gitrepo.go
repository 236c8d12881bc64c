// Package gitrepo is the git side of plugin management, in pure Go (go-git): no git binary is needed.
// Inspect reads a plugin folder's repository, Update fast-forwards it to its upstream, Clone installs
// one, FolderName names the folder for a URL. Credentials (Auth) never appear in errors; URLs in
// errors and Info are redacted.
package gitrepo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// ErrNotRepo reports a folder that is not the root of a git work tree: no repository at all, a bare
// one, or a folder inside some outer repository.
var ErrNotRepo = errors.New("not the root of a git repository")

// originName is the only remote Update fetches, as Luker's updater.
const originName = "origin"

// Info describes a plugin folder's repository.
type Info struct {
	// RemoteURL is origin's URL, redacted (RedactURL); empty without an origin remote.
	RemoteURL string
	// Commit is the full hash HEAD points at; empty before the first commit.
	Commit string
	// Branch is the checked-out branch's short name; empty when HEAD is detached.
	Branch string
}

// Inspect reads dir's repository. A dir that is not the root of a git work tree gives ErrNotRepo.
func Inspect(dir string) (Info, error) {
	r, err := open(dir)
	if err != nil {
		return Info{}, err
	}
	var info Info
	head, err := r.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return Info{}, fmt.Errorf("gitrepo: %s: HEAD: %w", dir, err)
	}
	if head.Type() == plumbing.SymbolicReference {
		info.Branch = head.Target().Short()
	}
	switch resolved, err := r.Head(); {
	case err == nil:
		info.Commit = resolved.Hash().String()
	case !errors.Is(err, plumbing.ErrReferenceNotFound): // else no commit yet
		return Info{}, fmt.Errorf("gitrepo: %s: HEAD: %w", dir, err)
	}
	switch remote, err := r.Remote(originName); {
	case err == nil:
		if urls := remote.Config().URLs; len(urls) > 0 {
			info.RemoteURL = RedactURL(urls[0])
		}
	case !errors.Is(err, git.ErrRemoteNotFound):
		return Info{}, fmt.Errorf("gitrepo: %s: origin: %w", dir, err)
	}
	return info, nil
}

// open opens the repository whose work tree root is dir. Its .git may be a directory or a gitfile
// (a linked worktree, a submodule).
func open(dir string) (*git.Repository, error) {
	if _, err := os.Lstat(filepath.Join(dir, git.GitDirName)); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("gitrepo: %s: %w", dir, ErrNotRepo)
		}
		return nil, fmt.Errorf("gitrepo: %s: %w", dir, err)
	}
	r, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, fmt.Errorf("gitrepo: %s: %w", dir, ErrNotRepo)
	}
	if err != nil {
		return nil, fmt.Errorf("gitrepo: open %s: %w", dir, err)
	}
	return r, nil
}
