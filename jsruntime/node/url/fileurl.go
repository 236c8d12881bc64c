package url

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
)

// FileURL returns the file: URL of an absolute path, percent-encoded as Node's pathToFileURL does.
func FileURL(path string) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// Errors of FilePath, with the codes Node gives them.
var (
	ErrNotFileURL     = errors.New("The URL must be of scheme file")                      // ERR_INVALID_URL_SCHEME
	ErrFileURLHost    = errors.New(`File URL host must be "localhost" or empty`)          // ERR_INVALID_FILE_URL_HOST
	ErrEncodedSlashes = errors.New("File URL path must not include encoded / characters") // ERR_INVALID_FILE_URL_PATH
)

// FilePath converts a file: URL to a path, as Node's fileURLToPath does.
func FilePath(href string) (string, error) {
	u, err := url.Parse(href)
	if err != nil {
		return "", fmt.Errorf("invalid URL %q: %w", href, err)
	}
	if u.Scheme != "file" {
		return "", ErrNotFileURL
	}
	raw := u.EscapedPath()
	if strings.Contains(strings.ToLower(raw), "%2f") {
		return "", ErrEncodedSlashes
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		if u.Host != "" && u.Host != "localhost" {
			return filepath.FromSlash("//" + u.Host + p), nil // UNC path
		}
		return filepath.FromSlash(strings.TrimPrefix(p, "/")), nil
	}
	if u.Host != "" && u.Host != "localhost" {
		return "", ErrFileURLHost
	}
	return p, nil
}
