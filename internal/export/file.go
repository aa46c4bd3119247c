package export

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// ErrProtectedFile is the error for an export aimed at the database, one of
// its files or a backup of it: an export never replaces one.
var ErrProtectedFile = errors.New("an export never replaces a database file: choose another name")

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// walMagic are the two first words an SQLite write-ahead log may start with.
var walMagic = [][]byte{{0x37, 0x7f, 0x06, 0x82}, {0x37, 0x7f, 0x06, 0x83}}

// databaseSuffixes are the files SQLite keeps beside a database.
var databaseSuffixes = []string{"-wal", "-shm", "-journal"}

// CheckTarget refuses path, wrapping ErrProtectedFile, when writing an
// export there would destroy data: the open database db (when db is not
// empty), its -wal, -shm or -journal file, a backup of it (named like
// maturity.db.backup-…), or any file that is itself an SQLite database, an
// SQLite write-ahead log or the -shm of a database. The same file reached by
// another name (a relative path, a symbolic or hard link) is caught both by
// os.SameFile and by comparing resolved paths.
func CheckTarget(path, db string) error {
	target := resolve(path)
	if db != "" {
		for _, suffix := range append([]string{""}, databaseSuffixes...) {
			if samePath(target, resolve(db+suffix)) || sameFile(path, db+suffix) {
				what := "the open database"
				if suffix != "" {
					what = "the open database's " + suffix + " file"
				}
				return refuse(path, what)
			}
		}
		home := resolve(db)
		if samePath(filepath.Dir(target), filepath.Dir(home)) && strings.HasPrefix(filepath.Base(target), filepath.Base(home)+".backup-") {
			return refuse(path, "a backup of the open database")
		}
	}
	if strings.Contains(filepath.Base(target), ".db.backup-") {
		return refuse(path, "a database backup")
	}
	if what := databaseKind(path); what != "" {
		return refuse(path, what)
	}
	for _, suffix := range databaseSuffixes {
		if stem, ok := strings.CutSuffix(path, suffix); ok && databaseKind(stem) == "an SQLite database" {
			return refuse(path, "the "+suffix+" file of the database "+Shorten(filepath.Base(stem), 100))
		}
	}
	return nil
}

// refuse is the error for writing an export over what.
func refuse(path, what string) error {
	return fmt.Errorf("%s is %s: %w", Shorten(path, 200), what, ErrProtectedFile)
}

// databaseKind says what SQLite file path is, from its first bytes, or ""
// when it is not one (or cannot be read). Only a regular file is opened: a
// named pipe would block.
func databaseKind(path string) string {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.Equal(head, sqliteHeader) {
		return "an SQLite database"
	}
	for _, m := range walMagic {
		if bytes.HasPrefix(head, m) {
			return "an SQLite write-ahead log"
		}
	}
	return ""
}

// resolve returns path made absolute with every symbolic link followed, as
// far as the path exists.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// samePath compares resolved paths, ignoring letter case where the file
// system usually does.
func samePath(a, b string) bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// sameFile reports whether a and b both exist and are the same file.
func sameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}

// WriteFileAtomic writes data to a temporary file beside path and renames
// it into place, so a failed write (a read-only folder, a full disk) leaves
// no half-written file behind. It first refuses a path CheckTarget refuses
// (db is the open database, or ""). A new file gets mode 0666 less the
// umask; a file replaced keeps no permission it did not have.
func WriteFileAtomic(path string, data []byte, db string) error {
	if err := CheckTarget(path, db); err != nil {
		return err
	}
	tmp, err := createTemp(filepath.Dir(path))
	if err != nil {
		return writeError(path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = keepNarrowerMode(tmp.Name(), path)
	}
	if err != nil {
		return writeError(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return renameError(path, err, runtime.GOOS == "windows")
	}
	return nil
}

// createTemp creates a new, empty temporary file in dir with mode 0666 less
// the umask (os.CreateTemp would make it 0600 whatever the umask).
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, ".export-"+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("cannot find a free temporary file name")
}

// keepNarrowerMode takes away from tmp any permission that the file it
// replaces at path lacks, so replacing a 0600 file never widens it.
func keepNarrowerMode(tmp, path string) error {
	old, err := os.Stat(path)
	if err != nil || !old.Mode().IsRegular() {
		return nil
	}
	cur, err := os.Stat(tmp)
	if err != nil {
		return err
	}
	if want := cur.Mode().Perm() & old.Mode().Perm(); want != cur.Mode().Perm() {
		return os.Chmod(tmp, want)
	}
	return nil
}

// writeError says a file could not be written, naming the path once and
// not at any length.
func writeError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", Shorten(path, 200), err)
}

// Shorten returns s cut to at most n characters, the cut marked with "…"
// and how much was left out, so that no message grows with its input.
func Shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return fmt.Sprintf("%s… (%d more characters)", string(r[:n]), len(r)-n)
}
