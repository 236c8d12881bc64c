package gitrepo

import (
	"os"
	"path/filepath"
	"testing"

	git "github.com/go-git/go-git/v5"

	"github.com/pluginhost/pluginhost/internal/gittest"
)

// Short names for the gittest helpers these tests use most.
var (
	newOrigin   = gittest.NewOrigin
	commitFiles = gittest.CommitFiles
	headOf      = gittest.Head
	setOrigin   = gittest.SetOrigin
	writeFile   = gittest.WriteFile
	reopen      = gittest.Open
)

// cloneOf clones o into a new folder and returns the folder and the repository.
func cloneOf(t *testing.T, o *gittest.Origin) (string, *git.Repository) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plugin")
	return dir, o.Clone(t, dir)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
