package export_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/export"
)

// databaseBytes stands in for a database: an SQLite header and a page.
var databaseBytes = append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{7}, 4080)...)

// TestWriteNeverReplacesDatabaseFiles aims an export at the open database
// by every name it can be reached by, at its -wal and -shm files, at its
// backups and at other SQLite files: each is refused and left unchanged.
func TestWriteNeverReplacesDatabaseFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	other := filepath.Join(dir, "other-name")
	files := map[string][]byte{
		db:                                 databaseBytes,
		db + "-shm":                        bytes.Repeat([]byte{1}, 32768),
		db + ".backup-v1-20261128T224000Z": databaseBytes,
		filepath.Join(dir, "old.db.backup-daily-2026-12-01"): []byte("not even a database"),
		other:                       databaseBytes,
		filepath.Join(dir, "x.wal"): {0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0},
		other + "-shm":              bytes.Repeat([]byte{2}, 100),
	}
	for path, data := range files {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(db, filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, filepath.Join(dir, "hard.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	targets := []string{
		db,
		filepath.Join(dir, "sub", "..", "s.db"),
		filepath.Join(dir, ".", "s.db"),
		filepath.Join(dir, "link.pdf"),
		filepath.Join(dir, "hard.pdf"),
		db + "-wal", // not there yet: refused by its name
		db + "-shm",
		db + "-journal",
		db + ".backup-v1-20261128T224000Z",
		filepath.Join(dir, "old.db.backup-daily-2026-12-01"),
		other,
		filepath.Join(dir, "x.wal"),
		other + "-shm",
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, db); err == nil {
			targets = append(targets, rel)
		}
	}
	for _, target := range targets {
		before, _ := os.ReadFile(target)
		err := export.WriteFileAtomic(target, []byte("%PDF-1.7 an export"), db)
		if !errors.Is(err, export.ErrProtectedFile) {
			t.Errorf("writing over %s: error %v, want a refusal", target, err)
			continue
		}
		if !strings.Contains(err.Error(), "never replaces a database file") {
			t.Errorf("message %q does not say why", err)
		}
		after, _ := os.ReadFile(target)
		if !bytes.Equal(before, after) {
			t.Errorf("%s changed although the export was refused", target)
		}
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, databaseBytes) {
		t.Fatal("the database was changed")
	}
	// Without knowing the database, its header still protects it.
	if err := export.WriteFileAtomic(db, []byte("x"), ""); !errors.Is(err, export.ErrProtectedFile) {
		t.Errorf("an SQLite file with no database named: %v, want a refusal", err)
	}
	fine := filepath.Join(dir, "s.pdf")
	if err := export.WriteFileAtomic(fine, []byte("%PDF"), db); err != nil {
		t.Errorf("an ordinary name beside the database: %v", err)
	}
}

// TestWriteMessageIsShort writes to a path with a very long name: the
// error names it shortened, not at its full length.
func TestWriteMessageIsShort(t *testing.T) {
	path := filepath.Join(t.TempDir(), strings.Repeat("n", 1<<20)+".csv")
	err := export.WriteFileAtomic(path, []byte("a"), "")
	if err == nil {
		t.Fatal("a 1 MB file name was written")
	}
	if n := len(err.Error()); n > 600 {
		t.Errorf("the message is %d bytes long, want at most 600", n)
	}
	if !strings.Contains(err.Error(), "more characters") {
		t.Errorf("message %q does not say it was shortened", err)
	}
}
