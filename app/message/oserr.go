package message

import (
	"errors"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// isDiskFull reports a write that failed for lack of space, whether the operating system said
// so directly or SQLite did (SQLite's own error type does not unwrap to the system error).
func isDiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || isPlatformDiskFull(err) {
		return true
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrFull || se.SystemErrno == syscall.ENOSPC
	}
	return false
}
