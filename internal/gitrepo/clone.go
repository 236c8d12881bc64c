package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// Clone clones url's default branch into dest, which must not exist yet (its parent must). Remote
// repositories are cloned shallow (depth 1, that branch only); local ones (file:// URLs and paths) in
// full, as the in-process server that serves them cannot cut history. The branch tracks origin, so
// Update can fast-forward it later. On any failure, including ctx's end, dest is removed entirely.
func Clone(ctx context.Context, url, dest string, auth Auth) (err error) {
	if err := os.Mkdir(dest, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("gitrepo: clone into %s: %w", dest, fs.ErrExist)
		}
		return fmt.Errorf("gitrepo: clone into %s: %w", dest, err)
	}
	defer func() {
		if err != nil {
			if rmErr := os.RemoveAll(dest); rmErr != nil {
				err = errors.Join(err, fmt.Errorf("gitrepo: remove partial clone: %w", rmErr))
			}
		}
	}()
	ep, err := transport.NewEndpoint(url)
	if err != nil {
		return wrapRemote(err, "clone", url, auth.secrets()...)
	}
	method, err := auth.method(url)
	if err != nil {
		return wrapRemote(err, "clone", url, auth.secrets()...)
	}
	opts := &git.CloneOptions{
		URL:          url,
		Auth:         method,
		SingleBranch: true,
		Depth:        1,
		CABundle:     auth.caBundle,
	}
	if ep.Protocol == "file" {
		opts.Depth = 0
	}
	if _, err := git.PlainCloneContext(ctx, dest, false, opts); err != nil {
		return wrapRemote(err, "clone", url, auth.secrets()...)
	}
	return nil
}
