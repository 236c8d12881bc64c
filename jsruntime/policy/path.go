package policy

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Path is one path argument of a file system call.
type Path struct {
	// Name is the path as the plugin gave it (relative paths are taken from the working directory);
	// a refusal's message names it.
	Name string
	// Check is what to check when it differs from Name: a new symbolic link's target, taken from the
	// link's folder (LinkTarget).
	Check string
	// Write says the call creates, changes or removes what the path leads to; else it only reads.
	Write bool
	// Link says the call acts on a symbolic link in the last component itself, not on where it leads.
	Link bool
}

// Read is a path the call reads (stat, open for reading, readdir...).
func Read(name string) Path { return Path{Name: name} }

// Write is a path the call creates, changes or removes.
func Write(name string) Path { return Path{Name: name, Write: true} }

// NoFollow marks a path whose last component the call does not follow when it is a symbolic link
// (lstat, unlink, rename...).
func (p Path) NoFollow() Path {
	p.Link = true
	return p
}

// LinkTarget is the path a symbolic link at link with the given target leads to, as the kernel reads
// it: target itself when absolute, else target taken from the folder that holds link. The folder is
// link without its last component, not cleaned, so that ".." in either is resolved where it really
// leads.
func LinkTarget(link, target string) string {
	if filepath.IsAbs(target) {
		return target
	}
	dir := strings.TrimRight(link, "/")
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i+1] + target
	}
	return target
}

// CheckFile checks a file system call named syscall ("open", "rename") on its paths: one, or a source
// and a destination, as Node's error names them. The first path that the policy refuses fails the
// call.
func (g *Gate) CheckFile(syscall string, paths ...Path) error {
	if !g.Restricted() {
		return nil
	}
	for _, p := range paths {
		check := p.Check
		if check == "" {
			check = p.Name
		}
		real, err := realPath(check, !p.Link)
		n := g.denial("fs", func(r *rule) bool { return err == nil && r.allowsFile(real, p.Write, g.own) })
		if n != "" {
			dest := ""
			if len(paths) > 1 {
				dest = paths[1].Name
			}
			return fileDenied(syscall, paths[0].Name, dest, n)
		}
	}
	return nil
}

// allowsFile reports whether real (a resolved path) is inside a root, or, for reading, inside one of
// own.
func (r *rule) allowsFile(real string, write bool, own []string) bool {
	for _, root := range r.roots {
		if within(real, root) {
			return true
		}
	}
	if !write {
		for _, o := range own {
			if within(real, o) {
				return true
			}
		}
	}
	return false
}

// within reports whether p is root or below it; both are clean absolute paths.
func within(p, root string) bool {
	return p == root || root == "/" || strings.HasPrefix(p, root+"/")
}

// maxLinks is how many symbolic links one resolution follows before giving up, as Linux's MAXSYMLINKS.
const maxLinks = 40

// realPath is where p leads: each component in turn, a symbolic link replaced by its target and ".."
// taken from the real path reached so far, as the kernel walks a path. Once a component does not
// exist, the rest is appended as it would be created (a later ".." removes what it appended, as
// mkdir -p would create it). follow says whether a link in the last component is followed (a final
// "/" always follows, as in the kernel). It fails only when links loop.
func realPath(p string, follow bool) (string, error) {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + "/" + p
	}
	dest, rest, links := "/", p, 0
	for rest != "" {
		var comp string
		var more bool
		comp, rest, more = strings.Cut(rest, "/")
		switch comp {
		case "", ".":
			continue
		case "..":
			dest = filepath.Dir(dest)
			continue
		}
		next := filepath.Join(dest, comp)
		if rest == "" && !more && !follow {
			dest = next
			break
		}
		info, err := os.Lstat(next)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			dest = next
			continue
		}
		if links++; links > maxLinks {
			return "", syscall.ELOOP
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			dest = "/"
		}
		rest = target + "/" + rest
	}
	return dest, nil
}

// realOrClean is p's real path, or p cleaned when it cannot be resolved.
func realOrClean(p string) string {
	if real, err := realPath(p, true); err == nil {
		return real
	}
	return filepath.Clean(p)
}
