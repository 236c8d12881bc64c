package url

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// FileURL returns the file: URL of an absolute path, percent-encoded as Node's pathToFileURL does.
// A trailing separator is kept.
func FileURL(path string) string {
	if rec, ok := fileRecord(path); ok {
		return rec.href()
	}
	// Only a Windows UNC path with an invalid server name gets here.
	return "file:" + filepath.ToSlash(path)
}

// fileRecord parses the file: URL of an absolute path. Like Node, it escapes the characters that the
// URL parser would otherwise read as syntax (% ? # and, off Windows, \) or drop (tab, newline), and a
// few more that Node escapes for compatibility, then lets the parser encode the rest.
func fileRecord(path string) (*record, bool) {
	windows := runtime.GOOS == "windows"
	var b strings.Builder
	for _, r := range path {
		switch r {
		case '%', '\t', '\n', '\r', ' ', '"', '#', '?', '[', ']', '^', '|', '~':
			fmt.Fprintf(&b, "%%%02X", r)
		case '\\':
			if windows {
				b.WriteRune(r) // a separator: the parser reads it as '/'
			} else {
				b.WriteString("%5C")
			}
		default:
			b.WriteRune(r)
		}
	}
	prefix := "file://"
	if windows && strings.HasPrefix(path, `\\`) {
		prefix = "file:" // \\server\share: the server becomes the host
	}
	return parse(prefix+b.String(), nil)
}

// Errors of FilePath, with the codes Node gives them.
var (
	ErrNotFileURL     = errors.New("The URL must be of scheme file")                                // ERR_INVALID_URL_SCHEME
	ErrFileURLHost    = errors.New(`File URL host must be "localhost" or empty on ` + runtime.GOOS) // ERR_INVALID_FILE_URL_HOST
	ErrEncodedSlashes = errors.New("File URL path must not include encoded / characters")           // ERR_INVALID_FILE_URL_PATH
	ErrNotAbsolute    = errors.New("File URL path must be absolute")                                // ERR_INVALID_FILE_URL_PATH, Windows only
)

// FilePath converts a file: URL to a path, as Node's fileURLToPath does.
func FilePath(href string) (string, error) {
	rec, ok := parse(href, nil)
	if !ok {
		return "", fmt.Errorf("invalid URL %q", href)
	}
	return filePath(rec)
}

func filePath(u *record) (string, error) {
	if u.scheme != "file" {
		return "", ErrNotFileURL
	}
	pathname := u.pathname()
	lower := strings.ToLower(pathname)
	if runtime.GOOS != "windows" {
		if u.host != "" {
			return "", ErrFileURLHost
		}
		if strings.Contains(lower, "%2f") {
			return "", ErrEncodedSlashes
		}
		return decodeUTF8(percentDecode(pathname)), nil
	}
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") {
		return "", ErrEncodedSlashes
	}
	p := filepath.FromSlash(decodeUTF8(percentDecode(pathname)))
	if u.host != "" {
		return `\\` + domainToUnicode(u.host) + p, nil // UNC path
	}
	if len(p) < 3 || !isDriveLetter(p[1:3]) || p[2] != ':' {
		return "", ErrNotAbsolute
	}
	return p[1:], nil
}
