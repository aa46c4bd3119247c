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
// triggers in the database itself, so no code path can get round them, and
// REPLACE statements are refused too. Tampering by someone who drops the
// triggers still shows: the audit log is a SHA-256 hash chain (chain.go),
// each signed-off revision of an assessment is sealed with a hash of its
// content, scrutiny and signatures included (seal.go), and CheckFile
// verifies both (health.go).
//
// Errors a person may see are *Error values with a code and a plain message
// (errors.go); the SQLite driver's text never reaches a person. A second
// copy of the app on one database is detected (secondcopy.go) and an edit
// that would overwrite another copy's change is refused (lostupdate.go).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/partnership-maturity/maturity/internal/assessment"
)

// Store is an open database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	mu    sync.Mutex
	actor string
	sets  map[string]*questionnaireEntry

	// lock is this copy's hold on the lock file; other is the copy that
	// held it instead, if any (secondcopy.go).
	lock  *instanceLock
	other *OtherCopy
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database and lets go of its lock file.
func (s *Store) Close() error {
	err := s.db.Close()
	s.lock.close()
	s.lock = nil
	return err
}

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
		return LoginName(u.Username)
	}
	return "unknown"
}

// LoginName is a login name without the Windows domain or computer name
// before it ("NORTHSHIRE\priya" is "priya"), so that the audit log and the
// reports name a person the same way on every system.
func LoginName(username string) string {
	return username[strings.LastIndexByte(username, '\\')+1:]
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
	// lastHash is the hash of the newest audit row, read once (chained
	// set) and then kept as rows are appended.
	lastHash string
	chained  bool
}

// write runs fn in one immediate transaction and commits it, or rolls it
// back when fn or the commit fails. Errors are mapped to the sentinels.
func (s *Store) write(ctx context.Context, fn func(*tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeErr(err)
	}
	t := &tx{Tx: sqlTx, ctx: ctx, at: now(), actor: actorOf(ctx, s.currentActor())}
	if err := fn(t); err != nil {
		_ = sqlTx.Rollback()
		return s.writeErr(err)
	}
	return s.writeErr(sqlTx.Commit())
}

// writeErr maps a failed write's error, telling a full disk from other
// input/output errors.
func (s *Store) writeErr(err error) error {
	return diskFullIn(filepath.Dir(s.path), mapErr(err))
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

// audit appends one audit row, chained to the row before it: it carries
// that row's hash and its own (chain.go).
func (t *tx) audit(entity, entityID, field, oldValue, newValue string) error {
	if !t.chained {
		var err error
		if t.lastHash, err = lastAuditHash(t.ctx, t); err != nil {
			return err
		}
		t.chained = true
	}
	at := formatTime(t.at)
	r := auditRow{id: newID(), at: at, actor: t.actor, entity: entity, entityID: entityID, field: field,
		old: oldValue, new: newValue, createdAt: at, updatedAt: at, prevHash: t.lastHash}
	r.hash = r.chainHash()
	_, err := t.exec(`INSERT INTO audit_log (id, at, actor, entity, entity_id, field, old, new, created_at, updated_at, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.id, r.at, r.actor, r.entity, r.entityID, r.field, r.old, r.new, r.createdAt, r.updatedAt, r.prevHash, r.hash)
	if err == nil {
		t.lastHash = r.hash
	}
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
	fresh, err := prepareFile(abs, latestVersion(migs))
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", abs, diskFullIn(filepath.Dir(abs), err))
	}
	if !fresh {
		if err := inspect(ctx, abs, latestVersion(migs), o.busyTimeout); err != nil {
			return nil, fmt.Errorf("database %s: %w", abs, diskFullIn(filepath.Dir(abs), err))
		}
	}
	db, err := sql.Open("sqlite", dsn(abs, o.busyTimeout, true))
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", abs, diskFullIn(filepath.Dir(abs), err))
	}
	s := &Store{db: db, path: abs, actor: defaultActor(), sets: map[string]*questionnaireEntry{}}
	if err := s.migrate(ctx, migs, fresh); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", abs, diskFullIn(filepath.Dir(abs), err))
	}
	if s.lock, s.other, err = lockInstance(ctx, abs); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: lock file: %w", abs, diskFullIn(filepath.Dir(abs), err))
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
	// A REPLACE then fires the delete triggers of the row it replaces.
	q.Add("_pragma", "recursive_triggers(1)")
	if writer {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Set("_txlock", "immediate")
	}
	return localURI(path, q.Encode())
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
	if err := s.checkOurs(ctx, current); err != nil {
		return err
	}
	return s.quickCheck(ctx)
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
