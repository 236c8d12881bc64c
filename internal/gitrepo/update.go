package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// Result is what Update did.
type Result struct {
	// Old is the commit HEAD pointed at before; New the one it points at after (Old unless Updated).
	// Both are full hashes, empty when there was no commit to read.
	Old, New string
	// Updated is true when the branch was fast-forwarded.
	Updated bool
	// Skipped says why the repository was left alone; empty when it was checked (updated or already
	// up to date).
	Skipped string
}

// Update fetches origin and fast-forwards the checked-out branch to its upstream when it is behind,
// as `git pull --ff-only` would: the branch, the index and the work tree move together.
//
// It skips (Result.Skipped, no error, work tree, index and branch untouched) a dir that is not the
// root of a work tree, a repository without an origin remote, a detached HEAD, a branch without an
// upstream on origin, an upstream branch that origin no longer has, a branch that has diverged from
// its upstream, and a dirty work tree. Dirty means a tracked file modified, deleted or staged, or an
// untracked file that is not ignored (by .gitignore, .git/info/exclude or the global excludes
// file), whether or not the update would touch it; ignored files such as node_modules never count.
// A branch that is only ahead of its upstream is up to date, as for git. The fetch itself may have
// updated origin's remote-tracking branch.
//
// An unreachable remote, a refused authentication or ctx's end is an error naming the remote
// (redacted). So is a failure while the files are written; the branch, index and changed files are
// then put back as they were, as far as the failure allows.
func Update(ctx context.Context, dir string, auth Auth) (Result, error) {
	r, err := open(dir)
	if errors.Is(err, ErrNotRepo) {
		return Result{Skipped: ErrNotRepo.Error()}, nil
	}
	if err != nil {
		return Result{}, err
	}
	u, skip, err := upstreamOf(r)
	if err != nil || skip != "" {
		return Result{Old: u.old.String(), New: u.old.String(), Skipped: skip}, err
	}
	res := Result{Old: u.old.String(), New: u.old.String()}

	if skip, err := fetch(ctx, r, u, auth); err != nil || skip != "" {
		res.Skipped = skip
		return res, err
	}
	tip, err := r.Reference(u.tracking, true)
	if err != nil {
		return res, fmt.Errorf("gitrepo: %s: %s: %w", dir, u.tracking, err)
	}
	if tip.Hash() == u.old {
		return res, nil
	}
	behind, err := isAncestor(ctx, r, u.old, tip.Hash())
	if err != nil {
		return res, fmt.Errorf("gitrepo: %s: %w", dir, err)
	}
	if !behind {
		ahead, err := isAncestor(ctx, r, tip.Hash(), u.old)
		if err != nil {
			return res, fmt.Errorf("gitrepo: %s: %w", dir, err)
		}
		if !ahead {
			res.Skipped = fmt.Sprintf("branch %s has diverged from %s", u.branch, u.tracking.Short())
		}
		return res, nil
	}

	w, err := r.Worktree()
	if err != nil {
		return res, fmt.Errorf("gitrepo: %s: %w", dir, err)
	}
	dirty, err := dirtyPaths(w)
	if err != nil {
		return res, fmt.Errorf("gitrepo: %s: status: %w", dir, err)
	}
	if len(dirty) > 0 {
		res.Skipped = "work tree has local changes: " + summarise(dirty)
		return res, nil
	}
	if err := fastForward(r, w, u.old, tip.Hash()); err != nil {
		return res, fmt.Errorf("gitrepo: %s: %w", dir, err)
	}
	res.New, res.Updated = tip.Hash().String(), true
	return res, nil
}

// upstream is what Update needs to know of a repository before fetching.
type upstream struct {
	old      plumbing.Hash // HEAD's commit
	branch   string        // the checked-out branch, short
	merge    plumbing.ReferenceName
	tracking plumbing.ReferenceName // origin's remote-tracking branch for merge
	url      string
}

// upstreamOf finds the checked-out branch's upstream, or says why there is none to update from.
func upstreamOf(r *git.Repository) (u upstream, skip string, err error) {
	head, err := r.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return u, "", fmt.Errorf("gitrepo: HEAD: %w", err)
	}
	if head.Type() != plumbing.SymbolicReference {
		u.old = head.Hash()
		return u, "HEAD is detached (no branch checked out)", nil
	}
	u.branch = head.Target().Short()
	resolved, err := r.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return u, fmt.Sprintf("branch %s has no commit yet", u.branch), nil
	}
	if err != nil {
		return u, "", fmt.Errorf("gitrepo: HEAD: %w", err)
	}
	u.old = resolved.Hash()
	remote, err := r.Remote(originName)
	if errors.Is(err, git.ErrRemoteNotFound) {
		return u, "no origin remote", nil
	}
	if err != nil {
		return u, "", fmt.Errorf("gitrepo: origin: %w", err)
	}
	rc := remote.Config()
	if len(rc.URLs) == 0 {
		return u, "origin has no URL", nil
	}
	u.url = rc.URLs[0]
	cfg, err := r.Config()
	if err != nil {
		return u, "", fmt.Errorf("gitrepo: config: %w", err)
	}
	b := cfg.Branches[u.branch]
	if b == nil || b.Merge == "" {
		return u, fmt.Sprintf("branch %s has no upstream branch", u.branch), nil
	}
	if b.Remote != originName {
		return u, fmt.Sprintf("branch %s tracks remote %q, not origin", u.branch, b.Remote), nil
	}
	u.merge = b.Merge
	u.tracking = trackingRef(rc, b.Merge)
	return u, "", nil
}

// trackingRef is where origin's fetch refspecs put merge (refs/remotes/origin/<branch> by default).
func trackingRef(rc *config.RemoteConfig, merge plumbing.ReferenceName) plumbing.ReferenceName {
	for _, spec := range rc.Fetch {
		if spec.Match(merge) {
			return spec.Dst(merge)
		}
	}
	return plumbing.NewRemoteReferenceName(originName, merge.Short())
}

// fetch brings origin's upstream branch into its remote-tracking branch.
func fetch(ctx context.Context, r *git.Repository, u upstream, auth Auth) (skip string, err error) {
	method, err := auth.method(u.url)
	if err != nil {
		return "", wrapRemote(err, "fetch", u.url, auth.secrets()...)
	}
	spec := config.RefSpec(fmt.Sprintf("+%s:%s", u.merge, u.tracking))
	err = r.FetchContext(ctx, &git.FetchOptions{
		RemoteName: originName,
		RefSpecs:   []config.RefSpec{spec},
		Auth:       method,
		CABundle:   auth.caBundle,
	})
	switch {
	case err == nil, errors.Is(err, git.NoErrAlreadyUpToDate):
		return "", nil
	case errors.Is(err, git.NoMatchingRefSpecError{}), errors.Is(err, transport.ErrEmptyRemoteRepository):
		return fmt.Sprintf("origin has no branch %s any more", u.merge.Short()), nil
	}
	return "", wrapRemote(err, "fetch", u.url, auth.secrets()...)
}

// isAncestor reports whether commit anc is desc or one of its ancestors. The walk stops at missing
// commits: the parents of a shallow clone's oldest commits.
func isAncestor(ctx context.Context, r *git.Repository, anc, desc plumbing.Hash) (bool, error) {
	seen := map[plumbing.Hash]bool{desc: true}
	queue := []plumbing.Hash{desc}
	for len(queue) > 0 {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		h := queue[0]
		queue = queue[1:]
		if h == anc {
			return true, nil
		}
		c, err := r.CommitObject(h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			continue
		}
		if err != nil {
			return false, err
		}
		for _, p := range c.ParentHashes {
			if !seen[p] {
				seen[p] = true
				queue = append(queue, p)
			}
		}
	}
	return false, nil
}

// dirtyPaths lists what makes the work tree dirty (see Update), sorted.
func dirtyPaths(w *git.Worktree) ([]string, error) {
	w.Excludes = append(w.Excludes, globalExcludes()...)
	st, err := w.Status()
	if err != nil {
		return nil, err
	}
	var out []string
	for path, fs := range st {
		if fs.Staging != git.Unmodified || fs.Worktree != git.Unmodified {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return out, nil
}

// summarise names the first few paths of a list.
func summarise(paths []string) string {
	const shown = 5
	if len(paths) <= shown {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:shown], ", "), len(paths)-shown)
}

// fastForward moves the checked-out branch, the index and the work tree from old to new (a
// descendant of old; the tree is clean). go-git moves the branch first and then writes the files; if
// that fails halfway, the branch, the index and the files that differ between the two commits are
// reset to old, so the plugin keeps the version it had. Other files (untracked, ignored) are never
// touched.
func fastForward(r *git.Repository, w *git.Worktree, old, new plumbing.Hash) error {
	changed, err := changedPaths(r, old, new)
	if err != nil {
		return err
	}
	err = w.Reset(&git.ResetOptions{Commit: new, Mode: git.MergeReset})
	if err == nil {
		return nil
	}
	// A hard reset limited to the changed files rewrites those from old and leaves everything else
	// alone; unlimited, go-git's hard reset would delete untracked files.
	if rbErr := w.Reset(&git.ResetOptions{Commit: old, Mode: git.HardReset, Files: changed}); rbErr != nil {
		return fmt.Errorf("fast-forward to %s: %w (rolling back to %s failed too: %v)", new, err, old, rbErr)
	}
	return fmt.Errorf("fast-forward to %s: %w (rolled back to %s)", new, err, old)
}

// changedPaths lists the files that differ between two commits' trees.
func changedPaths(r *git.Repository, a, b plumbing.Hash) ([]string, error) {
	ta, err := treeOf(r, a)
	if err != nil {
		return nil, err
	}
	tb, err := treeOf(r, b)
	if err != nil {
		return nil, err
	}
	changes, err := object.DiffTree(ta, tb)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, c := range changes {
		set[c.From.Name], set[c.To.Name] = true, true // a rename's both names
	}
	delete(set, "")
	return slices.Sorted(maps.Keys(set)), nil
}

func treeOf(r *git.Repository, h plumbing.Hash) (*object.Tree, error) {
	c, err := r.CommitObject(h)
	if err != nil {
		return nil, err
	}
	return c.Tree()
}
