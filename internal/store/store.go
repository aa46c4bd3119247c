// Package store keeps partnerships, question sets and assessments in a local
// SQLite file (modernc.org/sqlite, no cgo).
//
// Open refuses, without changing a byte of it, a file that is not SQLite, a
// database written by a newer version of the app, a read-only file and a
// database another program is writing to; each refusal is a sentinel error
// wrapped with the path. Open applies the embedded migrations in order, one
// transaction each, after backing an older database up beside itself.
//
// Every edit runs in one immediate transaction together with its audit rows:
// one row per changed field, with the old and the new value. The audit log is
// append-only and a signed-off assessment is read-only; both are enforced by
// triggers in the database itself, so no code path can get round them.
package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/user"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors a caller can test with errors.Is. Errors from Open wrap
// them with the path of the file.
var (
	// ErrNotDatabase means the file exists but is not an SQLite database.
	ErrNotDatabase = errors.New("not a Partnership Maturity database (not an SQLite file)")
	// ErrTooNew means the database was written by a newer version of the app.
	ErrTooNew = errors.New("database was written by a newer version of Partnership Maturity; update the app to open it")
	// ErrReadOnly means the file cannot be written.
	ErrReadOnly = errors.New("database file is read-only")
	// ErrLocked means another program is writing to the database.
	ErrLocked = errors.New("database is locked by another program (is Partnership Maturity already open?)")
	// ErrSignedOff means an edit touched a signed-off assessment.
	ErrSignedOff = errors.New("assessment is signed off and read-only")
	// ErrNotFound means no row has the given id.
	ErrNotFound = errors.New("not found")
	// ErrDuplicate means a name or period that must be unique is taken.
	ErrDuplicate = errors.New("already exists")
	// ErrExists means an imported assessment's id is already in the database.
	ErrExists = errors.New("assessment already in the database")
	// ErrConflict means a question set with the same id and version but
	// different contents is already stored.
	ErrConflict = errors.New("a different question set with the same id and version is already stored")
	// ErrNotDraft means an assessment can only be deleted while a draft.
	ErrNotDraft = errors.New("only a draft assessment can be deleted")
	// ErrInvalid means a value given to the store breaks a rule of the data
	// model, such as an unknown status or a question not in the question set.
	ErrInvalid = errors.New("invalid value")
)

// Store is an open database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	mu    sync.Mutex
	actor string
	sets  map[string]*questionnaireEntry
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// SetActor sets the name written as the actor of every audit row from now
// on. The default is the operating system user name, or "unknown".
func (s *Store) SetActor(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.actor = name
}

// currentActor returns the name audit rows are written with.
func (s *Store) currentActor() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.actor
}

// defaultActor returns the operating system user name, or "unknown".
func defaultActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

// timeLayout is RFC 3339 in UTC with a fixed nine fractional digits, so that
// the text order of two timestamps is their time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// formatTime renders t as stored timestamp text.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTime reads stored timestamp text.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// now returns the current time as the store records it.
func now() time.Time { return time.Now().UTC() }

// newID returns a new UUID. Version 7 UUIDs rise with time, so rows created
// in the same transaction still sort in the order they were made.
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

// orNew returns id, or a new UUID when id is empty.
func orNew(id string) string {
	if id == "" {
		return newID()
	}
	return id
}

// tx is one write transaction with the audit rows that go with it.
type tx struct {
	*sql.Tx
	ctx   context.Context
	at    time.Time
	actor string
	// stmts keeps each statement prepared once per transaction, so a large
	// import does not parse the same INSERT thousands of times.
	stmts map[string]*sql.Stmt
}

// write runs fn in one immediate transaction and commits it, or rolls it
// back when fn or the commit fails. Errors are mapped to the sentinels.
func (s *Store) write(ctx context.Context, fn func(*tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	t := &tx{Tx: sqlTx, ctx: ctx, at: now(), actor: s.currentActor()}
	if err := fn(t); err != nil {
		_ = sqlTx.Rollback()
		return mapErr(err)
	}
	return mapErr(sqlTx.Commit())
}

// read runs fn in one read-only (deferred) transaction, so that everything
// it reads is from one snapshot.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapErr(err)
	}
	defer sqlTx.Rollback()
	return mapErr(fn(sqlTx))
}

// exec runs one statement in the transaction, preparing it the first time.
func (t *tx) exec(query string, args ...any) (sql.Result, error) {
	stmt, ok := t.stmts[query]
	if !ok {
		var err error
		if stmt, err = t.PrepareContext(t.ctx, query); err != nil {
			return nil, err
		}
		if t.stmts == nil {
			t.stmts = map[string]*sql.Stmt{}
		}
		t.stmts[query] = stmt
	}
	return stmt.ExecContext(t.ctx, args...)
}

// execOne runs one statement that must change exactly one row, and returns
// ErrNotFound (wrapped with what) when it changes none.
func (t *tx) execOne(what string, query string, args ...any) error {
	res, err := t.exec(query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}

// audit appends one audit row.
func (t *tx) audit(entity, entityID, field, oldValue, newValue string) error {
	at := formatTime(t.at)
	_, err := t.exec(`INSERT INTO audit_log (id, at, actor, entity, entity_id, field, old, new, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		newID(), at, t.actor, entity, entityID, field, oldValue, newValue, at, at)
	return err
}

// field is one named, audited value of a row, rendered as text.
type field struct {
	name  string
	value string
}

// auditChanges appends one audit row for every field whose value differs
// between before and after, which list the same fields in the same order.
func (t *tx) auditChanges(entity, entityID string, before, after []field) error {
	for i, f := range after {
		if before[i].value == f.value {
			continue
		}
		if err := t.audit(entity, entityID, f.name, before[i].value, f.value); err != nil {
			return err
		}
	}
	return nil
}

// The audit rows of a creation or deletion start with one row for the row
// itself: field "" and new value "created" or "deleted".
const (
	auditCreated = "created"
	auditDeleted = "deleted"
)

// auditCreate appends a "created" row and one row for every field the new
// row was created with.
func (t *tx) auditCreate(entity, entityID string, fields []field) error {
	if err := t.audit(entity, entityID, "", "", auditCreated); err != nil {
		return err
	}
	return t.auditChanges(entity, entityID, make([]field, len(fields)), fields)
}

// auditDelete appends a "deleted" row and one row for every field the
// deleted row held, so that what was deleted can still be read.
func (t *tx) auditDelete(entity, entityID string, fields []field) error {
	if err := t.audit(entity, entityID, "", "", auditDeleted); err != nil {
		return err
	}
	return t.auditChanges(entity, entityID, fields, blank(fields))
}

// blank returns fields with the same names and empty values.
func blank(fields []field) []field {
	out := make([]field, len(fields))
	for i, f := range fields {
		out[i].name = f.name
	}
	return out
}

// mapErr turns driver errors a user must understand into the sentinels,
// keeping the driver's text after them.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch code := se.Code(); {
	case code&0xff == sqlite3.SQLITE_BUSY || code&0xff == sqlite3.SQLITE_LOCKED:
		return &DBError{Reason: ErrLocked, Driver: err}
	case code&0xff == sqlite3.SQLITE_READONLY:
		return &DBError{Reason: ErrReadOnly, Driver: err}
	case code&0xff == sqlite3.SQLITE_NOTADB:
		return &DBError{Reason: ErrNotDatabase, Driver: err}
	case code == sqlite3.SQLITE_CONSTRAINT_TRIGGER && containsSignedOff(se.Error()):
		return &DBError{Reason: ErrSignedOff, Driver: err}
	case code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return &DBError{Reason: ErrDuplicate, Driver: err}
	case code&0xff == sqlite3.SQLITE_CONSTRAINT:
		return &DBError{Reason: ErrInvalid, Driver: err}
	}
	return err
}

// DBError is a refusal by the database, as a reason a person can read
// (one of the Err values) with the driver's own error kept for errors.As
// and logs: its text is the reason alone, so driver text such as
// "constraint failed (1811)" never reaches a person.
type DBError struct {
	Reason, Driver error
}

// Error is the reason.
func (e *DBError) Error() string { return e.Reason.Error() }

// Unwrap gives both the reason and the driver's error to errors.Is and
// errors.As.
func (e *DBError) Unwrap() []error { return []error{e.Reason, e.Driver} }

// containsSignedOff reports whether a trigger's message is the signed-off one.
func containsSignedOff(msg string) bool {
	return strings.Contains(msg, "signed off and read-only")
}

// Option changes how Open opens a database.
type Option func(*options)

// options are the settings Open works with.
type options struct {
	busyTimeout time.Duration
	// maxVersion, when above zero, stops migration at that version; tests
	// use it to make an older database.
	maxVersion int
}

// WithBusyTimeout sets how long a write waits for another program's write
// to finish before failing with ErrLocked. The default is five seconds.
func WithBusyTimeout(d time.Duration) Option {
	return func(o *options) { o.busyTimeout = d }
}

// withMaxVersion makes Open migrate no further than version v, as an older
// release of the app would have.
func withMaxVersion(v int) Option {
	return func(o *options) { o.maxVersion = v }
}

// DefaultPath returns where the database lives unless the user says
// otherwise: maturity.db in the partnership-maturity folder of the user's
// configuration directory.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the configuration folder for the database: %w", err)
	}
	return filepath.Join(dir, "partnership-maturity", "maturity.db"), nil
}

// Open opens the database at path, creating it (and its folder) when it does
// not exist, and migrates it to the newest schema. It refuses, leaving the
// file as it was, a file that is not SQLite (ErrNotDatabase), a database
// from a newer app (ErrTooNew), a read-only file (ErrReadOnly) and a
// database another program is writing to (ErrLocked).
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	o := options{busyTimeout: 5 * time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	migs, err := migrationsUpTo(o.maxVersion)
	if err != nil {
		return nil, err
	}
	fresh, err := prepareFile(abs, len(migs))
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", abs, err)
	}
	if !fresh {
		if err := inspect(ctx, abs, len(migs), o.busyTimeout); err != nil {
			return nil, fmt.Errorf("database %s: %w", abs, err)
		}
	}
	db, err := sql.Open("sqlite", dsn(abs, o.busyTimeout, true))
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", abs, err)
	}
	s := &Store{db: db, path: abs, actor: defaultActor(), sets: map[string]*questionnaireEntry{}}
	if err := s.migrate(ctx, migs, fresh); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", abs, err)
	}
	return s, nil
}

// dsn returns the driver's data source name for the file at path. Only a
// writer sets the journal mode, which changes the file; an inspection
// must not.
func dsn(path string, busy time.Duration, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	if writer {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}

// sqliteHeader is how every SQLite database file starts.
const sqliteHeader = "SQLite format 3\x00"

// prepareFile checks an existing file before the driver touches it, or
// creates a new one (and its folder) private to the user. It reports
// whether the database is new. known is the newest schema version the app
// knows.
func prepareFile(path string, known int) (fresh bool, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, createFile(path)
	}
	if err != nil {
		return false, err
	}
	if !info.Mode().IsRegular() {
		return false, fmt.Errorf("%w: not a regular file", ErrNotDatabase)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return false, ErrReadOnly
	}
	if info.Size() == 0 {
		return true, os.Chmod(path, 0o600)
	}
	return false, checkHeader(path, known)
}

// createFile creates an empty file readable and writable by its owner only,
// in a folder only its owner can enter.
func createFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// checkHeader reads the first 100 bytes of the file (the SQLite header)
// and refuses a file that is not SQLite or whose user_version, at offset
// 60, is newer than the app knows.
func checkHeader(path string, known int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != sqliteHeader {
		return ErrNotDatabase
	}
	if v := binary.BigEndian.Uint32(h[60:64]); int64(v) > int64(known) {
		return tooNew(int(v), known)
	}
	return nil
}

// tooNew returns ErrTooNew saying which versions are involved.
func tooNew(have, known int) error {
	return fmt.Errorf("%w (schema version %d, this app knows up to %d)", ErrTooNew, have, known)
}

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

// migrations returns every embedded migration in order, checking that they
// are numbered 1, 2, 3… with no gaps.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	migs := make([]migration, 0, len(names))
	for i, name := range names {
		base := path.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want number %04d", base, i+1)
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
	if err != nil || max <= 0 || max >= len(migs) {
		return migs, err
	}
	return migs[:max], nil
}

// SchemaVersion returns the schema version this build of the app writes.
func SchemaVersion() int {
	migs, err := migrations()
	if err != nil {
		return 0
	}
	return len(migs)
}

// inspect reads an existing database's schema version, without changing
// the file, and refuses one that is too new or is some other program's.
func inspect(ctx context.Context, path string, known int, busy time.Duration) error {
	db, err := sql.Open("sqlite", dsn(path, busy, false))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	s := &Store{db: db}
	current, err := s.userVersion(ctx)
	if err != nil {
		return err
	}
	if current > known {
		return tooNew(current, known)
	}
	return s.checkOurs(ctx, current)
}

// migrate checks the database can be used and written, then brings its
// schema up to date: a backup first when an existing database is behind,
// then each missing migration in its own transaction.
func (s *Store) migrate(ctx context.Context, migs []migration, fresh bool) error {
	current, err := s.userVersion(ctx)
	if err != nil {
		return err
	}
	if current > len(migs) {
		return tooNew(current, len(migs))
	}
	if err := s.checkOurs(ctx, current); err != nil {
		return err
	}
	if err := s.checkWritable(ctx); err != nil {
		return err
	}
	if current == len(migs) {
		return nil
	}
	if current > 0 && !fresh {
		if _, err := s.backup(ctx, current); err != nil {
			return fmt.Errorf("backing up before upgrading the database: %w", err)
		}
	}
	for _, m := range migs[current:] {
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
	if _, err := t.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return mapErr(err)
	}
	return mapErr(t.Commit())
}

// AuditEntry is one row of the audit log: one field of one row changed by
// one person at one time. A creation or deletion has a row with an empty
// Field and New "created" or "deleted", followed by a row for each field.
type AuditEntry struct {
	ID       string
	At       time.Time
	Actor    string
	Entity   string
	EntityID string
	Field    string
	Old      string
	New      string
}

// AuditLog returns the audit rows of one entity, oldest first. A response's
// entity id is "assessmentID/questionID".
func (s *Store) AuditLog(ctx context.Context, entityID string) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, actor, entity, entity_id, field, old, new
		FROM audit_log WHERE entity_id = ? ORDER BY at, rowid`, entityID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Entity, &e.EntityID, &e.Field, &e.Old, &e.New); err != nil {
			return nil, err
		}
		if e.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// querier is what reads need: a database, or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// scanner is a row to scan: *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// queryAll runs query and scans each row with scan, collecting the results.
// It returns an empty, non-nil slice when there are no rows.
func queryAll[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// notFound turns sql.ErrNoRows into ErrNotFound wrapped with what was
// looked for.
func notFound(err error, what string, id string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %s: %w", what, id, ErrNotFound)
	}
	return err
}

// stamps are the created_at and updated_at text of a row being scanned.
type stamps struct{ created, updated string }

// parse converts the stamps into times.
func (st stamps) parse() (created, updated time.Time, err error) {
	if created, err = parseTime(st.created); err != nil {
		return created, updated, err
	}
	updated, err = parseTime(st.updated)
	return created, updated, err
}

// nullLevel stores the level NotAssessed (0) as NULL.
func nullLevel(level int) any {
	if level == assessment.NotAssessed {
		return nil
	}
	return level
}

// levelOf reads a stored level, NULL being NotAssessed.
func levelOf(v sql.NullInt64) int {
	if !v.Valid {
		return assessment.NotAssessed
	}
	return int(v.Int64)
}

// levelText renders a level for the audit log: "" when not assessed.
func levelText(level int) string {
	if level == assessment.NotAssessed {
		return ""
	}
	return strconv.Itoa(level)
}

// nullText stores the empty string as NULL, for optional references.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// boolInt stores a flag as 0 or 1.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// boolText renders a flag for the audit log.
func boolText(b bool) string { return strconv.FormatBool(b) }

// dateText renders a calendar date as YYYY-MM-DD, or "" for the zero time.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(assessment.DateLayout)
}

// parseDate reads a stored YYYY-MM-DD date, NULL being the zero time.
func parseDate(v sql.NullString) (time.Time, error) {
	if !v.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(assessment.DateLayout, v.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", v.String, err)
	}
	return t, nil
}

// timeText renders a point in time for the audit log, or "" for zero.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

// invalid returns ErrInvalid with the reason.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrInvalid)
}
