//go:build !unix

package os

// ownPriority is reported as normal where Go offers no getpriority.
func ownPriority() int { return 0 }
