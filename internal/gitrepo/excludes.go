package gitrepo

import (
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// globalExcludes are the ignore patterns of the user's and the system's core.excludesFile, which git
// honours besides .gitignore and .git/info/exclude (which go-git's Status reads itself). Unreadable
// files add nothing, as for git.
func globalExcludes() []gitignore.Pattern {
	root := osfs.New("/")
	user, _ := gitignore.LoadGlobalPatterns(root)
	system, _ := gitignore.LoadSystemPatterns(root)
	return append(user, system...)
}
