package store

import (
	"errors"
	"os"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Code is the kind of a store error. Two errors with the same code are the
// same for errors.Is, so a caller tests errors.Is(err, ErrDiskFull) whatever
// detail the message carries.
type Code string

// The codes of the store's errors, one for each cause a person must tell
// apart because the advice differs.
const (
	CodeNotDatabase Code = "not a database"
	CodeDamaged     Code = "damaged"
	CodeTooNew      Code = "too new"
	CodeReadOnly    Code = "read-only"
	CodeLocked      Code = "locked"
	CodeDiskFull    Code = "disk full"
	CodeIO          Code = "input/output"
	CodeSignedOff   Code = "signed off"
	CodeNotFound    Code = "not found"
	CodeDuplicate   Code = "duplicate"
	CodeExists      Code = "exists"
	CodeConflict    Code = "conflict"
	CodeNotDraft    Code = "not draft"
	CodeInvalid     Code = "invalid"
	CodeTampered    Code = "tampered"
	CodeChanged     Code = "changed elsewhere"
	CodeClash       Code = "identifier clash"
	CodeInternal    Code = "internal"
)

// Error is a store error a person can read: a code for the program and a
// message, with the advice that fits the cause, for the person. The driver's
// own error, when there is one, is kept for errors.As but never shown.
type Error struct {
	Code    Code
	Message string
	cause   error
}

// Error returns the message; never the driver's text.
func (e *Error) Error() string { return e.Message }

// Is reports whether target is a store error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Unwrap returns the driver's error behind this one, if any.
func (e *Error) Unwrap() error { return e.cause }

// because returns a copy of e caused by err.
func (e *Error) because(err error) *Error {
	c := *e
	c.cause = err
	return &c
}

// newError returns an error with a code and a message.
func newError(code Code, message string) *Error { return &Error{Code: code, Message: message} }

// The store's errors, to test with errors.Is. Errors from Open wrap them
// with the path of the file.
var (
	// ErrNotDatabase means the file exists but is not an SQLite database.
	ErrNotDatabase = newError(CodeNotDatabase, "not a Partnership Maturity database (not an SQLite file)")
	// ErrDamaged means the file is an SQLite database but parts of it are
	// damaged.
	ErrDamaged = newError(CodeDamaged, "the database file is damaged; restore the latest backup (maturityctl restore FILE) "+
		"or ask for help before using it")
	// ErrTooNew means the database was written by a newer version of the app.
	ErrTooNew = newError(CodeTooNew, "database was written by a newer version of Partnership Maturity")
	// ErrReadOnly means the file cannot be written.
	ErrReadOnly = newError(CodeReadOnly, "database file is read-only")
	// ErrLocked means another program is writing to the database.
	ErrLocked = newError(CodeLocked, "database is locked by another program (is Partnership Maturity already open?)")
	// ErrDiskFull means the disk holding the database has no room left.
	ErrDiskFull = newError(CodeDiskFull, "the disk is full, so the change was not saved; free some space and try again "+
		"(nothing already saved is lost)")
	// ErrIO means the disk could not be read or written.
	ErrIO = newError(CodeIO, "the database file could not be read or written (the disk may be failing, full or "+
		"disconnected); nothing already saved is lost, check the disk and try again")
	// ErrSignedOff means an edit touched a signed-off assessment.
	ErrSignedOff = newError(CodeSignedOff, "assessment is signed off and read-only")
	// ErrNotFound means no row has the given id.
	ErrNotFound = newError(CodeNotFound, "not found")
	// ErrDuplicate means a name or period that must be unique is taken.
	ErrDuplicate = newError(CodeDuplicate, "already exists")
	// ErrExists means an imported assessment's id is already in the database.
	ErrExists = newError(CodeExists, "assessment already in the database")
	// ErrConflict means a question set with the same id and version but
	// different contents is already stored.
	ErrConflict = newError(CodeConflict, "a different question set with the same id and version is already stored")
	// ErrNotDraft means an assessment can only be deleted while a draft.
	ErrNotDraft = newError(CodeNotDraft, "only a draft assessment can be deleted")
	// ErrInvalid means a value given to the store breaks a rule of the data
	// model, such as an unknown status or a question not in the question set.
	ErrInvalid = newError(CodeInvalid, "invalid value")
	// ErrTampered means stored data no longer matches the hash it was
	// stored with: it was changed outside the app.
	ErrTampered = newError(CodeTampered, "changed outside the app since it was stored (its SHA-256 no longer matches); "+
		"run maturityctl check-db and restore a backup")
	// ErrChanged means another copy of the app changed a row after this
	// one read it, so saving would silently undo that change.
	ErrChanged = newError(CodeChanged, "changed by another copy of the app since you opened it")
	// ErrClash means an import names, by id, something in the database
	// that is not what the import says it is.
	ErrClash = newError(CodeClash, "the import's identifiers clash with the database")
	// ErrInternal means the database failed in a way the app does not
	// expect.
	ErrInternal = newError(CodeInternal, "the database failed unexpectedly; nothing already saved is lost, "+
		"run maturityctl check-db")
)

// triggerMessages are the texts the schema's triggers raise; a refused
// statement reports the one it hit.
var triggerMessages = []string{
	"assessment is signed off and read-only",
	"clashes with a row of a signed-off assessment",
	"audit log is append-only",
	"a seal is permanent",
	"question set is in use by an assessment and cannot change",
}

// mapErr turns a driver error into a store error with a plain message; any
// other error is returned as it is.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	var mine *Error
	if errors.As(err, &mine) {
		return err
	}
	code := se.Code()
	switch code & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return ErrLocked.because(err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return ErrReadOnly.because(err)
	case sqlite3.SQLITE_NOTADB:
		return ErrNotDatabase.because(err)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FORMAT:
		return ErrDamaged.because(err)
	case sqlite3.SQLITE_FULL:
		return ErrDiskFull.because(err)
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOLFS:
		return ErrIO.because(err)
	case sqlite3.SQLITE_CONSTRAINT:
		return constraintErr(code, se.Error(), err)
	}
	return ErrInternal.because(err)
}

// constraintErr names a refused constraint in the store's words.
func constraintErr(code int, text string, err error) error {
	switch code {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return ErrDuplicate.because(err)
	case sqlite3.SQLITE_CONSTRAINT_TRIGGER:
		for _, m := range triggerMessages {
			if !strings.Contains(text, m) {
				continue
			}
			switch m {
			case triggerMessages[0]:
				return ErrSignedOff.because(err)
			case triggerMessages[1]:
				// The app never replaces a row, so for it a clash is a duplicate.
				return ErrDuplicate.because(err)
			}
			return &Error{Code: CodeInvalid, Message: m, cause: err}
		}
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return (&Error{Code: CodeInvalid, Message: "refers to something that is not in the database"}).because(err)
	}
	return ErrInvalid.because(err)
}

// diskFullIn returns ErrDiskFull in place of an input/output error when the
// disk holding dir has no room: SQLite reports a full disk as SQLITE_FULL
// only when the database itself cannot grow, and as an I/O error when its
// shared-memory file cannot. Other errors are returned as they are.
func diskFullIn(dir string, err error) error {
	if !errors.Is(err, ErrIO) {
		return err
	}
	f, ferr := os.CreateTemp(dir, ".space-check-*")
	if ferr != nil {
		if errors.Is(ferr, syscall.ENOSPC) {
			return ErrDiskFull.because(err)
		}
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if _, werr := f.Write(make([]byte, 64<<10)); errors.Is(werr, syscall.ENOSPC) {
		return ErrDiskFull.because(err)
	}
	return err
}
