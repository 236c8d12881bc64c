package modules

import (
	"errors"
	"os"
)

// ResolvePath resolves an absolute path the way require(path) does: the file itself, the file with
// one of the known extensions, or a directory through its package.json "main" and index files. The
// host uses it for a plugin's package.json main, which may omit the extension or name a folder.
func ResolvePath(path string) (string, error) {
	s := &System{pkgs: map[string]*packageJSON{}}
	if f := s.loadAsFile(path); f != "" {
		return f, nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		f, err := s.loadAsDirectory(path)
		if err != nil {
			return "", err
		}
		if f != "" {
			return f, nil
		}
	}
	return "", errors.New("no such file")
}
