//go:build unix

package message

import (
	"errors"
	"syscall"
)

// isPlatformDiskFull adds the Unix ways of saying "no space": a user's disk quota is used up.
func isPlatformDiskFull(err error) bool { return errors.Is(err, syscall.EDQUOT) }

// isReadOnly reports a write refused because the file system is mounted read-only, which no
// change of permissions will fix.
func isReadOnly(err error) bool { return errors.Is(err, syscall.EROFS) }
