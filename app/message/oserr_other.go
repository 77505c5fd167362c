//go:build !unix && !windows

package message

// isPlatformDiskFull has nothing to add beyond syscall.ENOSPC on other systems.
func isPlatformDiskFull(error) bool { return false }

// isReadOnly cannot tell a read-only file system apart on other systems.
func isReadOnly(error) bool { return false }
