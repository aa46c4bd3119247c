package export

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
)

// The Windows error numbers a rename over a file returns when another
// program has that file open (Excel, for one, opens a workbook or CSV so
// that nobody may replace it while it is shown) or it is read-only.
const (
	winAccessDenied     syscall.Errno = 5
	winSharingViolation syscall.Errno = 32
	winLockViolation    syscall.Errno = 33
)

// renameError explains a failed rename of a finished export onto path.
// On Windows (windows set), a rename refused because the file is open in
// another program says which program to close it in and to try again;
// any other failure is reported as it is. It takes the platform as an
// argument so that the Windows message is tested everywhere.
func renameError(path string, err error, windows bool) error {
	var errno syscall.Errno
	if windows && errors.As(err, &errno) &&
		(errno == winAccessDenied || errno == winSharingViolation || errno == winLockViolation) {
		return fmt.Errorf("cannot write %s: it is open in another program, or read-only. Close the file in %s and try again", Shorten(path, 200), holder(path))
	}
	return writeError(path, err)
}

// holder names the program most likely to have the file at path open.
func holder(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".csv":
		return "Excel (or whichever program shows it)"
	case ".pdf":
		return "your PDF reader"
	default:
		return "the program that has it open"
	}
}
