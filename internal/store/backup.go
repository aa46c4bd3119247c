package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DailyBackupsKept is how many daily copies BackupDaily keeps.
const DailyBackupsKept = 7

// backupInfix is in the name of every backup of a database: its path, then
// this, then what made it (maturity.db.backup-daily-2026-12-07).
const backupInfix = ".backup-"

// IsDatabaseFile reports whether path is the database at dbPath or one of
// the files that belong with it: its WAL, shared-memory and journal files,
// its lock file and its backups. Nothing but the store may write to them.
func IsDatabaseFile(dbPath, path string) bool {
	db, err1 := filepath.Abs(dbPath)
	p, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	if sameFile(db, p) {
		return true
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal", ".lock", ".lock-journal"} {
		if p == db+suffix {
			return true
		}
	}
	return strings.HasPrefix(p, db+backupInfix)
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// BackupDaily keeps one copy of the database a day beside it, named
// maturity.db.backup-daily-YYYY-MM-DD (readable by its owner only), and
// deletes all but the newest DailyBackupsKept of them. It returns the new
// copy's path, or "" when today's copy was already there. The app calls it
// each time it opens a database.
func (s *Store) BackupDaily(ctx context.Context) (string, error) {
	name := s.path + backupInfix + "daily-" + now().Format("2006-01-02")
	if _, err := os.Stat(name); err == nil {
		return "", s.pruneDaily()
	}
	if err := s.Backup(ctx, name); err != nil {
		return "", err
	}
	return name, s.pruneDaily()
}

// pruneDaily deletes all but the newest DailyBackupsKept daily copies.
func (s *Store) pruneDaily() error {
	names, err := filepath.Glob(s.path + backupInfix + "daily-*")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for len(names) > DailyBackupsKept {
		if err := os.Remove(names[0]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		names = names[1:]
	}
	return nil
}

// DefaultBackupPath is where `maturityctl backup` writes without -o: beside
// the database, named with the time.
func (s *Store) DefaultBackupPath() string {
	return s.path + backupInfix + now().Format("20060102T150405Z")
}

// Backup writes a consistent copy of the whole database, as of one moment,
// to a new file at path, readable by its owner only. It refuses a path that
// exists or is the database itself.
func (s *Store) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if sameFile(abs, s.path) {
		return invalid("a backup cannot be written over the database itself")
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup %s: %w", abs, err)
	}
	f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
		return fmt.Errorf("backup %s: %w", abs, s.writeErr(err))
	}
	return os.Chmod(abs, 0o600)
}

// Restore puts the copy at from in place of the database at dbPath. It
// refuses a file that is not a healthy database of this app (damaged,
// tampered with, another program's, or from a newer version), and refuses
// while a copy of the app has the database open. The database as it was is
// kept first, beside it, as maturity.db.backup-before-restore-…, whose path
// it returns ("" when there was no database).
func Restore(ctx context.Context, dbPath, from string) (kept string, err error) {
	db, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	src, err := filepath.Abs(from)
	if err != nil {
		return "", err
	}
	if sameFile(db, src) {
		return "", invalid("%s is the database itself", src)
	}
	if err := checkRestorable(ctx, src); err != nil {
		return "", fmt.Errorf("cannot restore %s: %w", src, err)
	}
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		return "", err
	}
	lock, other, err := lockInstance(ctx, db)
	if err != nil {
		return "", err
	}
	if other != nil {
		return "", fmt.Errorf("cannot restore while the database is open: %s", other.Message())
	}
	defer lock.close()
	tmp := db + backupInfix + "restoring-" + now().Format("20060102T150405Z")
	if err := copyDatabase(ctx, src, tmp); err != nil {
		return "", fmt.Errorf("cannot restore %s: %w", src, err)
	}
	if kept, err = setAside(db); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, db); err != nil {
		return kept, err
	}
	return kept, nil
}

// checkRestorable refuses a file that is not a healthy database of this
// app. A copy made by an older version is allowed (opening it upgrades it)
// when SQLite finds it sound; one of this version must also pass every
// check of CheckFile.
func checkRestorable(ctx context.Context, path string) error {
	if err := checkHeader(path, SchemaVersion()); err != nil {
		return err
	}
	h, err := CheckFile(ctx, path)
	if err != nil {
		return err
	}
	if h.Healthy() {
		return nil
	}
	if version, err := fileVersion(ctx, path); err != nil || version < 1 || version >= SchemaVersion() {
		return fmt.Errorf("%w: %s", ErrDamaged, strings.Join(h.Problems, "; "))
	}
	return nil
}

// readOnlyDB opens the database file at path for reading only.
func readOnlyDB(path string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	db, err := sql.Open("sqlite", localURI(path, q.Encode()))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// fileVersion reads the schema version of an older database, after SQLite's
// integrity check and a look for the app's tables; an error when it is not
// sound or not the app's.
func fileVersion(ctx context.Context, path string) (int, error) {
	db, err := readOnlyDB(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if lines, err := integrityProblems(ctx, db); err != nil || len(lines) > 0 {
		return 0, ErrDamaged
	}
	var version, tables int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, mapErr(err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table'
		AND name IN ('partnership', 'assessment', 'audit_log')`).Scan(&tables); err != nil || tables != 3 {
		return 0, ErrNotDatabase
	}
	return version, nil
}

// copyDatabase writes a consistent copy of the database at src (with its
// WAL, if any) to a new file at dst, readable by its owner only.
func copyDatabase(ctx context.Context, src, dst string) error {
	db, err := readOnlyDB(src)
	if err != nil {
		return err
	}
	defer db.Close()
	f, err := os.OpenFile(dst, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		os.Remove(dst)
		return diskFullIn(filepath.Dir(dst), mapErr(err))
	}
	return os.Chmod(dst, 0o600)
}

// setAside renames the database at path, with its WAL, to a backup beside
// it and removes its shared-memory file, returning the backup's path, or ""
// when there is no database.
func setAside(path string) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	kept := path + backupInfix + "before-restore-" + now().Format("20060102T150405.000Z")
	if err := os.Rename(path, kept); err != nil {
		return "", err
	}
	if err := os.Rename(path+"-wal", kept+"-wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return kept, err
	}
	if err := os.Remove(path + "-shm"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return kept, err
	}
	return kept, nil
}
