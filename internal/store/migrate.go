// Migrations: the embedded SQL files, applied in order, each in its own transaction, with a backup first.

package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles holds the schema migrations, NNNN_name.sql, applied in
// order; the newest NNNN is the schema version the app writes.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns every embedded migration in order, checking that their
// numbers rise. A number may be missing while branches that each add one
// are being merged; the schema version is the newest number applied.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	migs := make([]migration, 0, len(names))
	for _, name := range names {
		base := path.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v < 1 || v <= latestVersion(migs) {
			return nil, fmt.Errorf("migration %s: want a number above %04d", base, latestVersion(migs))
		}
		text, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		migs = append(migs, migration{version: v, name: base, sql: string(text)})
	}
	return migs, nil
}

// migrationsUpTo returns the migrations up to version max, or all of them
// when max is zero.
func migrationsUpTo(max int) ([]migration, error) {
	migs, err := migrations()
	if err != nil || max <= 0 {
		return migs, err
	}
	return pendingAfter(migs, 0, max), nil
}

// latestVersion returns the newest version among migs, or 0 for none.
func latestVersion(migs []migration) int {
	if len(migs) == 0 {
		return 0
	}
	return migs[len(migs)-1].version
}

// pendingAfter returns the migrations numbered above from and up to to.
func pendingAfter(migs []migration, from, to int) []migration {
	var out []migration
	for _, m := range migs {
		if m.version > from && m.version <= to {
			out = append(out, m)
		}
	}
	return out
}

// SchemaVersion returns the schema version this build of the app writes.
func SchemaVersion() int {
	migs, err := migrations()
	if err != nil {
		return 0
	}
	return latestVersion(migs)
}

// migrate checks the database can be used and written, then brings its
// schema up to date: a backup first when an existing database is behind,
// then each missing migration in its own transaction.
func (s *Store) migrate(ctx context.Context, migs []migration, fresh bool) error {
	current, err := s.userVersion(ctx)
	if err != nil {
		return err
	}
	known := latestVersion(migs)
	if current > known {
		return tooNew(current, known)
	}
	if err := s.checkOurs(ctx, current); err != nil {
		return err
	}
	if err := s.checkWritable(ctx); err != nil {
		return err
	}
	if current == known {
		return nil
	}
	if current > 0 && !fresh {
		if _, err := s.backup(ctx, current); err != nil {
			return fmt.Errorf("backing up before upgrading the database: %w", err)
		}
	}
	for _, m := range pendingAfter(migs, current, known) {
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// userVersion returns the schema version recorded in the database.
func (s *Store) userVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, mapErr(err)
}

// checkOurs refuses a database with no schema version that already holds
// tables: it is some other program's SQLite file.
func (s *Store) checkOurs(ctx context.Context, version int) error {
	if version > 0 {
		return nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return mapErr(err)
	}
	if n > 0 {
		return fmt.Errorf("%w: it holds another program's tables", ErrNotDatabase)
	}
	return nil
}

// checkWritable takes and releases the write lock, so that a database
// another program is writing to, or one that cannot be written, is refused
// now rather than at the user's first edit.
func (s *Store) checkWritable(ctx context.Context) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(t.Rollback())
}

// backup copies the database, as it is at version, into a new file beside
// it named like maturity.db.backup-v1-20261128T224000Z, and returns its path.
func (s *Store) backup(ctx context.Context, version int) (string, error) {
	stamp := now().Format("20060102T150405Z")
	base := fmt.Sprintf("%s.backup-v%d-%s", s.path, version, stamp)
	name := base
	for i := 2; ; i++ {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			f.Close()
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		os.Remove(name)
		return "", mapErr(err)
	}
	return name, nil
}

// upgrades are the steps, by schema version, that a migration's SQL cannot
// do alone; each runs in the migration's transaction, after its SQL.
var upgrades = map[int]func(context.Context, *sql.Tx) error{
	3: func(ctx context.Context, t *sql.Tx) error {
		if err := chainAuditLog(ctx, t); err != nil {
			return err
		}
		return sealSignedOff(ctx, t)
	},
}

// apply runs one migration and records its version, in one transaction.
func (s *Store) apply(ctx context.Context, m migration) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer t.Rollback()
	if _, err := t.ExecContext(ctx, m.sql); err != nil {
		return mapErr(err)
	}
	if up := upgrades[m.version]; up != nil {
		if err := up(ctx, t); err != nil {
			return mapErr(err)
		}
	}
	if _, err := t.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return mapErr(err)
	}
	return mapErr(t.Commit())
}
