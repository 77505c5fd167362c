//go:build windows

package message

import (
	"errors"
	"syscall"
)

// Windows error codes for a full disk (winerror.h); Go's syscall.ENOSPC is never returned there.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
	errorWriteProtect   syscall.Errno = 19
)

// isPlatformDiskFull reports Windows' own "disk full" codes.
func isPlatformDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}

// isReadOnly reports a write to write-protected media.
func isReadOnly(err error) bool { return errors.Is(err, errorWriteProtect) }
