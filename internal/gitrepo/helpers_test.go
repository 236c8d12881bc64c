package gitrepo

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

// origin is a bare repository and the work repository that commits and pushes to it, both made with
// go-git in temporary folders.
type origin struct {
	dir  string // the bare repository
	seed *git.Repository
	work string // seed's work tree
}

// newOrigin makes a bare origin whose main branch holds files (path → content).
func newOrigin(t *testing.T, files map[string]string) *origin {
	t.Helper()
	o := &origin{dir: t.TempDir(), work: t.TempDir()}
	if _, err := git.PlainInitWithOptions(o.dir, &git.PlainInitOptions{
		Bare:        true,
		InitOptions: git.InitOptions{DefaultBranch: plumbing.Main},
	}); err != nil {
		t.Fatal(err)
	}
	seed, err := git.PlainInitWithOptions(o.work, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.Main},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seed.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{o.dir}}); err != nil {
		t.Fatal(err)
	}
	o.seed = seed
	o.commit(t, files)
	return o
}

// commit writes files into the seed (an empty content deletes the file), commits and pushes to
// origin. It returns the new commit.
func (o *origin) commit(t *testing.T, files map[string]string) plumbing.Hash {
	t.Helper()
	h := commitFiles(t, o.seed, o.work, files)
	if err := o.seed.Push(&git.PushOptions{RemoteName: "origin"}); err != nil {
		t.Fatalf("push: %v", err)
	}
	return h
}

// push pushes one refspec from the seed to origin.
func (o *origin) push(t *testing.T, spec string) {
	t.Helper()
	if err := o.seed.Push(&git.PushOptions{RemoteName: "origin", RefSpecs: []config.RefSpec{config.RefSpec(spec)}}); err != nil {
		t.Fatalf("push %s: %v", spec, err)
	}
}

// commitFiles writes files into the work tree of r at dir and commits them (without pushing).
func commitFiles(t *testing.T, r *git.Repository, dir string, files map[string]string) plumbing.Hash {
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
		writeFile(t, filepath.Join(dir, name), content)
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

// clone clones origin into a new folder with go-git (a full clone whose main tracks origin/main).
func (o *origin) clone(t *testing.T) (string, *git.Repository) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plugin")
	r, err := git.PlainClone(dir, false, &git.CloneOptions{URL: o.dir})
	if err != nil {
		t.Fatalf("clone: %v", err)
	}
	return dir, r
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func headOf(t *testing.T, r *git.Repository) plumbing.Hash {
	t.Helper()
	h, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	return h.Hash()
}
