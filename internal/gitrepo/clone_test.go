package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
)

func TestClone(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	content := pluginFiles["index.js"]
	for i, url := range []string{"file://" + filepath.ToSlash(o.Dir), o.Dir} {
		dest := filepath.Join(t.TempDir(), "plugin")
		if err := Clone(context.Background(), url, dest, Auth{}); err != nil {
			t.Fatalf("Clone(%s): %v", url, err)
		}
		if got := readFile(t, filepath.Join(dest, "index.js")); got != content {
			t.Errorf("%s: index.js = %q", url, got)
		}
		info, err := Inspect(dest)
		if err != nil {
			t.Fatal(err)
		}
		want := Info{RemoteURL: url, Commit: o.Head(t).String(), Branch: "main"}
		if info != want {
			t.Errorf("Inspect = %+v, want %+v", info, want)
		}
		// The clone tracks origin, so it can be updated.
		content = fmt.Sprintf("module.exports = %d;\n", 10+i)
		next := o.Commit(t, map[string]string{"index.js": content})
		res, err := Update(context.Background(), dest, Auth{})
		if err != nil || !res.Updated || res.New != next.String() {
			t.Errorf("%s: Update after Clone = %+v, %v", url, res, err)
		}
	}
}

func TestCloneRefusesAnExistingFolder(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	dest := t.TempDir()
	writeFile(t, filepath.Join(dest, "mine.txt"), "keep")
	err := Clone(context.Background(), o.Dir, dest, Auth{})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Clone into an existing folder: %v, want fs.ErrExist", err)
	}
	if got := readFile(t, filepath.Join(dest, "mine.txt")); got != "keep" {
		t.Errorf("existing folder changed: %q", got)
	}
}

func TestCloneFailureRemovesTheFolder(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "plugin")
	gone := filepath.Join(t.TempDir(), "gone")
	err := Clone(context.Background(), gone, dest, Auth{})
	if err == nil || !strings.Contains(err.Error(), "clone "+gone) {
		t.Fatalf("Clone of a missing repository: %v", err)
	}
	if _, err := os.Lstat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("partial clone left behind: %v", err)
	}

	srv := hangingServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Clone(ctx, srv.URL+"/o/r.git", dest, Auth{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Clone with a cancelled context: %v", err)
	}
	if _, err := os.Lstat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("partial clone left behind: %v", err)
	}
}

func TestInspect(t *testing.T) {
	o := newOrigin(t, pluginFiles)
	dir, r := cloneOf(t, o)
	if _, err := Inspect(t.TempDir()); !errors.Is(err, ErrNotRepo) {
		t.Errorf("Inspect(plain folder) = %v, want ErrNotRepo", err)
	}
	writeFile(t, filepath.Join(dir, "sub", "x.js"), "x")
	if _, err := Inspect(filepath.Join(dir, "sub")); !errors.Is(err, ErrNotRepo) {
		t.Errorf("Inspect(folder inside a repository) = %v, want ErrNotRepo", err)
	}
	setOrigin(t, r, "https://x-access-token:s3cret@example.com/o/r.git")
	w, _ := r.Worktree()
	head := headOf(t, r)
	if err := w.Checkout(&git.CheckoutOptions{Hash: head}); err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Info{RemoteURL: "https://x-access-token:***@example.com/o/r.git", Commit: head.String()}
	if info != want {
		t.Errorf("Inspect = %+v, want %+v", info, want)
	}
}
