// Package gittest makes git repositories for tests, with go-git in temporary folders: a bare origin,
// commits pushed to it, clones of it. No git binary is used. Pushing and cloning go through go-git's
// file transport, which internal/gitrepo replaces with an in-process one: the package under test
// must link gitrepo (every user of this package does).
package gittest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Origin is a bare repository, and the work repository that commits and pushes to it.
type Origin struct {
	// Dir is the bare repository; its path is a URL for it.
	Dir  string
	seed *git.Repository
}

// NewOrigin makes a bare origin whose main branch (also its HEAD) holds files (path → content).
func NewOrigin(t testing.TB, files map[string]string) *Origin {
	t.Helper()
	o := &Origin{Dir: t.TempDir()}
	main := git.InitOptions{DefaultBranch: plumbing.Main}
	if _, err := git.PlainInitWithOptions(o.Dir, &git.PlainInitOptions{Bare: true, InitOptions: main}); err != nil {
		t.Fatal(err)
	}
	seed, err := git.PlainInitWithOptions(t.TempDir(), &git.PlainInitOptions{InitOptions: main})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seed.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{o.Dir}}); err != nil {
		t.Fatal(err)
	}
	o.seed = seed
	o.Commit(t, files)
	return o
}

// Commit commits files to origin's main branch (an empty content deletes the file) and returns the
// new commit.
func (o *Origin) Commit(t testing.TB, files map[string]string) plumbing.Hash {
	t.Helper()
	h := CommitFiles(t, o.seed, files)
	o.Push(t, "refs/heads/main:refs/heads/main")
	return h
}

// Push pushes one refspec from the work repository to origin (":refs/heads/x" deletes branch x).
func (o *Origin) Push(t testing.TB, spec string) {
	t.Helper()
	err := o.seed.Push(&git.PushOptions{RemoteName: "origin", RefSpecs: []config.RefSpec{config.RefSpec(spec)}})
	if err != nil {
		t.Fatalf("push %s: %v", spec, err)
	}
}

// Head is the commit last pushed to main.
func (o *Origin) Head(t testing.TB) plumbing.Hash { return Head(t, o.seed) }

// Clone clones origin (in full) into dest, whose main branch then tracks origin/main.
func (o *Origin) Clone(t testing.TB, dest string) *git.Repository {
	t.Helper()
	r, err := git.PlainClone(dest, false, &git.CloneOptions{URL: o.Dir})
	if err != nil {
		t.Fatalf("clone: %v", err)
	}
	return r
}

// CommitFiles writes files into r's work tree and commits them (an empty content deletes the file),
// without pushing.
func CommitFiles(t testing.TB, r *git.Repository, files map[string]string) plumbing.Hash {
	t.Helper()
	w, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if content == "" {
			if _, err := w.Remove(name); err != nil {
				t.Fatalf("remove %s: %v", name, err)
			}
			continue
		}
		WriteFile(t, filepath.Join(w.Filesystem.Root(), name), content)
		if _, err := w.Add(name); err != nil {
			t.Fatalf("add %s: %v", name, err)
		}
	}
	h, err := w.Commit("change", &git.CommitOptions{
		Author: &object.Signature{Name: "test", Email: "test@example.com", When: time.Now()},
	})
	if err != nil {
		t.Fatalf("commit: %v", err)
	}
	return h
}

// Open opens the repository whose work tree is dir. Open it anew after another Repository value
// fetched into it: a Repository does not see packs written by another.
func Open(t testing.TB, dir string) *git.Repository {
	t.Helper()
	r, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Head is the commit r's HEAD points at.
func Head(t testing.TB, r *git.Repository) plumbing.Hash {
	t.Helper()
	h, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	return h.Hash()
}

// SetOrigin points r's origin remote at url.
func SetOrigin(t testing.TB, r *git.Repository, url string) {
	t.Helper()
	cfg, err := r.Config()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Remotes["origin"].URLs = []string{url}
	if err := r.SetConfig(cfg); err != nil {
		t.Fatal(err)
	}
}

// WriteFile writes content to path, making its folder.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
