package gitrepo

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

var pluginFiles = map[string]string{
	"index.js":   "module.exports = 1;\n",
	"old.js":     "old\n",
	".gitignore": "node_modules/\nconfig.json\n",
}

func TestUpdateFastForwards(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	old := headOf(t, r)
	// Ignored files are not dirt, and the update leaves them alone.
	writeFile(t, filepath.Join(dir, "node_modules", "dep", "index.js"), "dep")
	writeFile(t, filepath.Join(dir, "config.json"), "{}")
	next := o.Commit(t, map[string]string{"index.js": "module.exports = 2;\n", "lib/new.js": "new\n", "old.js": ""})

	res, err := Update(context.Background(), dir, Auth{})
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Old: old.String(), New: next.String(), Updated: true}
	if res != want {
		t.Fatalf("Update = %+v, want %+v", res, want)
	}
	if got := readFile(t, filepath.Join(dir, "index.js")); got != "module.exports = 2;\n" {
		t.Errorf("index.js = %q", got)
	}
	if got := readFile(t, filepath.Join(dir, "lib", "new.js")); got != "new\n" {
		t.Errorf("lib/new.js = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "old.js")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old.js, deleted upstream, is still there: %v", err)
	}
	for _, kept := range []string{"node_modules/dep/index.js", "config.json"} {
		if _, err := os.Stat(filepath.Join(dir, kept)); err != nil {
			t.Errorf("ignored %s: %v", kept, err)
		}
	}
	r = reopen(t, dir)
	if got := headOf(t, r); got != next {
		t.Errorf("HEAD = %s, want %s", got, next)
	}
	assertClean(t, r)
}

// assertClean fails unless the index and the work tree match HEAD (ignored files aside).
func assertClean(t *testing.T, r *git.Repository) {
	t.Helper()
	w, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	dirty, err := dirtyPaths(w)
	if err != nil {
		t.Fatal(err)
	}
	if len(dirty) > 0 {
		t.Errorf("work tree not clean after the update: %v", dirty)
	}
}

func TestUpdateUpToDate(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	head := headOf(t, r).String()
	res, err := Update(context.Background(), dir, Auth{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Result{Old: head, New: head}); res != want {
		t.Errorf("Update = %+v, want %+v", res, want)
	}
}

// A branch with commits of its own and nothing new upstream is up to date, as for git pull.
func TestUpdateAheadIsUpToDate(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	local := commitFiles(t, r, map[string]string{"local.js": "mine\n"}).String()
	res, err := Update(context.Background(), dir, Auth{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Result{Old: local, New: local}); res != want {
		t.Errorf("Update = %+v, want %+v", res, want)
	}
}

func TestUpdateSkips(t *testing.T) {
	tests := []struct {
		name string
		// prepare changes the clone after origin got a new commit; it returns the folder to update.
		prepare func(t *testing.T, dir string, r *git.Repository) string
		reason  string
	}{
		{"plain folder", func(t *testing.T, dir string, r *git.Repository) string {
			return t.TempDir()
		}, "not the root of a git repository"},
		{"folder inside a repository", func(t *testing.T, dir string, r *git.Repository) string {
			sub := filepath.Join(dir, "sub")
			writeFile(t, filepath.Join(sub, "x.js"), "x")
			return sub
		}, "not the root of a git repository"},
		{"no origin", func(t *testing.T, dir string, r *git.Repository) string {
			if err := r.DeleteRemote("origin"); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "no origin remote"},
		{"detached HEAD", func(t *testing.T, dir string, r *git.Repository) string {
			w, _ := r.Worktree()
			if err := w.Checkout(&git.CheckoutOptions{Hash: headOf(t, r)}); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "HEAD is detached"},
		{"no upstream", func(t *testing.T, dir string, r *git.Repository) string {
			if err := r.DeleteBranch("main"); err != nil { // the branch's config, not its ref
				t.Fatal(err)
			}
			return dir
		}, "branch main has no upstream branch"},
		{"upstream on another remote", func(t *testing.T, dir string, r *git.Repository) string {
			cfg, _ := r.Config()
			cfg.Branches["main"].Remote = "fork"
			if err := r.SetConfig(cfg); err != nil {
				t.Fatal(err)
			}
			return dir
		}, `branch main tracks remote "fork", not origin`},
		{"modified file", func(t *testing.T, dir string, r *git.Repository) string {
			writeFile(t, filepath.Join(dir, "index.js"), "edited")
			return dir
		}, "work tree has local changes: index.js"},
		{"deleted file", func(t *testing.T, dir string, r *git.Repository) string {
			if err := os.Remove(filepath.Join(dir, "old.js")); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "work tree has local changes: old.js"},
		{"staged file", func(t *testing.T, dir string, r *git.Repository) string {
			writeFile(t, filepath.Join(dir, "staged.js"), "s")
			w, _ := r.Worktree()
			if _, err := w.Add("staged.js"); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "work tree has local changes: staged.js"},
		{"untracked file", func(t *testing.T, dir string, r *git.Repository) string {
			writeFile(t, filepath.Join(dir, "notes.txt"), "n")
			return dir
		}, "work tree has local changes: notes.txt"},
		{"diverged", func(t *testing.T, dir string, r *git.Repository) string {
			commitFiles(t, r, map[string]string{"local.js": "mine\n"})
			return dir
		}, "branch main has diverged from origin/main"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := newOrigin(t, pluginFiles)
			dir, r := cloneOf(t, o)
			o.Commit(t, map[string]string{"index.js": "module.exports = 2;\n"})
			target := tt.prepare(t, dir, r)
			before := snapshot(t, dir)
			head, _ := r.Head()

			res, err := Update(context.Background(), target, Auth{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(res.Skipped, tt.reason) || res.Updated {
				t.Errorf("Update = %+v, want skipped: %s", res, tt.reason)
			}
			if res.Old != res.New {
				t.Errorf("Old %s != New %s for a skip", res.Old, res.New)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("files changed by a skipped update:\nbefore %s\nafter  %s", before, after)
			}
			if now, _ := reopen(t, dir).Head(); now.Hash() != head.Hash() {
				t.Errorf("HEAD moved from %s to %s", head.Hash(), now.Hash())
			}
		})
	}
}

// snapshot lists a work tree's files (not .git) with their contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() && fi.Name() == ".git" {
			return filepath.SkipDir
		}
		if !fi.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			b.WriteString(rel + "=" + string(data) + ";")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestUpdateUpstreamGone(t *testing.T) {
	for _, otherBranch := range []bool{true, false} {
		o := newOrigin(t, pluginFiles)
		dir, _ := cloneOf(t, o)
		if otherBranch {
			o.Push(t, "refs/heads/main:refs/heads/other")
		}
		o.Push(t, ":refs/heads/main")
		res, err := Update(context.Background(), dir, Auth{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Skipped != "origin has no branch main any more" {
			t.Errorf("origin with another branch %v: Update = %+v", otherBranch, res)
		}
	}
}

func TestUpdateUnreachableRemote(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	gone := filepath.Join(t.TempDir(), "gone")
	setOrigin(t, r, gone)
	res, err := Update(context.Background(), dir, Auth{})
	if err == nil {
		t.Fatalf("Update = %+v, want an error", res)
	}
	if !strings.Contains(err.Error(), "fetch "+gone) {
		t.Errorf("error %q does not name the remote", err)
	}
}

func TestUpdateHonoursDeadline(t *testing.T) {
	srv := hangingServer(t)
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	setOrigin(t, r, srv.URL+"/owner/plugin.git")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := Update(ctx, dir, Auth{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Update error = %v, want the deadline", err)
	}
	if !strings.Contains(err.Error(), srv.URL+"/owner/plugin.git") {
		t.Errorf("error %q does not name the remote", err)
	}
}

// hangingServer never answers, until the test ends.
func hangingServer(t *testing.T) *httptest.Server {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	return srv
}

// A failure while writing the files puts the branch, the index and the files back.
func TestUpdateRollsBackAFailedCheckout(t *testing.T) {
	o := newOrigin(t, map[string]string{"index.js": "v1\n", ".gitignore": "zz-cache/\n"})
	dir, r := cloneOf(t, o)
	old := headOf(t, r)
	// Upstream adds a file where the clone has an (ignored) folder: writing it fails, after index.js
	// (sorted first) was written.
	writeFile(t, filepath.Join(dir, "zz-cache", "entry"), "cached")
	o.Commit(t, map[string]string{"index.js": "v2\n", "zz-cache": "now a file\n", ".gitignore": "other/\n"})

	res, err := Update(context.Background(), dir, Auth{})
	if err == nil {
		t.Fatalf("Update = %+v, want an error", res)
	}
	if !strings.Contains(err.Error(), "rolled back") {
		t.Errorf("error %q does not say it rolled back", err)
	}
	r = reopen(t, dir)
	if got := headOf(t, r); got != old {
		t.Errorf("HEAD = %s, want %s", got, old)
	}
	if got := readFile(t, filepath.Join(dir, "index.js")); got != "v1\n" {
		t.Errorf("index.js = %q, want the old content", got)
	}
	if got := readFile(t, filepath.Join(dir, "zz-cache", "entry")); got != "cached" {
		t.Errorf("zz-cache/entry = %q", got)
	}
	assertClean(t, r)
}

// A commit whose parent is missing (the oldest commit of a shallow clone) ends the ancestry walk.
func TestIsAncestorStopsAtMissingParents(t *testing.T) {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	base := commitFiles(t, r, map[string]string{"a": "1"})
	left := commitFiles(t, r, map[string]string{"a": "2"})
	leftChild := commitFiles(t, r, map[string]string{"a": "3"})
	w, _ := r.Worktree()
	if err := w.Reset(&git.ResetOptions{Commit: base, Mode: git.HardReset}); err != nil {
		t.Fatal(err)
	}
	right := commitFiles(t, r, map[string]string{"a": "4"})
	hex := base.String()
	if err := os.Remove(filepath.Join(dir, ".git", "objects", hex[:2], hex[2:])); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		anc, desc plumbing.Hash
		want      bool
	}{{left, leftChild, true}, {left, right, false}, {right, leftChild, false}} {
		got, err := isAncestor(context.Background(), r, tc.anc, tc.desc)
		if err != nil || got != tc.want {
			t.Errorf("isAncestor(%s, %s) = %v, %v; want %v", tc.anc, tc.desc, got, err, tc.want)
		}
	}
}
