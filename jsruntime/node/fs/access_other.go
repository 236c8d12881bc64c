//go:build !unix

package fs

import "os"

// accessPath checks existence only where the platform has no access(2).
func accessPath(p string, _ uint32) error {
	_, err := os.Stat(p)
	return err
}
