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
	"time"
)

// OtherCopy describes another copy of the app (or of maturityctl) that had
// the database open when this one opened it.
type OtherCopy struct {
	// Program is the other copy's program name, PID its process id, Host
	// the computer it runs on, and Since when it opened the database. They
	// are zero when the other copy had not yet said who it is.
	Program string
	PID     int
	Host    string
	Since   time.Time
}

// Message says, in plain words for a person, that another copy has the
// database open and what that means.
func (c *OtherCopy) Message() string {
	who := "Another copy of Partnership Maturity"
	if c.PID != 0 {
		who += fmt.Sprintf(" (%s, process %d on %s, open since %s)", c.Program, c.PID, c.Host,
			c.Since.Local().Format("2 January 2006 15:04"))
	}
	return who + " has this database open. You can keep working: if both copies change the same thing, " +
		"the later save is refused and shows both versions, so nothing is silently lost. " +
		"To be safe, close one of the copies."
}

// OtherCopy returns the other copy of the app that had the database open
// when this Store opened it, or nil when there was none.
func (s *Store) OtherCopy() *OtherCopy { return s.other }

// instanceLock is this copy's hold on the database's lock file: a small
// SQLite file beside it (maturity.db.lock) in which an open write
// transaction is kept for as long as the database is open. The operating
// system releases it when the process ends, however it ends, so a crashed
// copy never leaves a stale lock.
type instanceLock struct {
	db   *sql.DB
	conn *sql.Conn
}

// lockPath is the lock file of the database at path.
func lockPath(path string) string { return path + ".lock" }

// lockInstance takes the lock file of the database at path. When another
// copy holds it, it returns that copy and no lock.
func lockInstance(ctx context.Context, path string) (*instanceLock, *OtherCopy, error) {
	lp := lockPath(path)
	if f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, nil, err
	}
	// What the lock file holds is only who holds it, so it is written
	// without syncing to disk: the lock itself is the operating system's.
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(0)")
	q.Add("_pragma", "synchronous(0)")
	q.Add("_pragma", "journal_mode(MEMORY)")
	db, err := sql.Open("sqlite", localURI(lp, q.Encode()))
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	l := &instanceLock{db: db, conn: conn}
	other, err := l.take(ctx)
	if err != nil || other != nil {
		l.close()
		return nil, other, err
	}
	return l, nil, nil
}

// take tries to hold the lock: it writes who this copy is, then keeps a
// write transaction open. It returns the holder when another copy has it.
func (l *instanceLock) take(ctx context.Context) (*OtherCopy, error) {
	if _, err := l.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return l.holder(ctx, err)
	}
	host, _ := os.Hostname()
	steps := []struct {
		query string
		args  []any
	}{
		{`CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), program TEXT NOT NULL,
			pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL)`, nil},
		{`INSERT OR REPLACE INTO holder (id, program, pid, host, since) VALUES (1, ?, ?, ?, ?)`,
			[]any{filepath.Base(os.Args[0]), os.Getpid(), host, formatTime(now())}},
		// A reader of the holder row may briefly hold the file; wait for it.
		{`PRAGMA busy_timeout = 2000`, nil},
		{`COMMIT`, nil},
		{`PRAGMA busy_timeout = 0`, nil},
	}
	for _, st := range steps {
		if _, err := l.conn.ExecContext(ctx, st.query, st.args...); err != nil {
			l.conn.ExecContext(ctx, "ROLLBACK")
			return nil, mapErr(err)
		}
	}
	if _, err := l.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return l.holder(ctx, err)
	}
	return nil, nil
}

// holder reads who holds the lock after taking it failed with err; an
// error other than the lock being held is returned as it is.
func (l *instanceLock) holder(ctx context.Context, err error) (*OtherCopy, error) {
	if !errors.Is(mapErr(err), ErrLocked) {
		return nil, mapErr(err)
	}
	c := &OtherCopy{}
	var since string
	row := l.conn.QueryRowContext(ctx, `SELECT program, pid, host, since FROM holder WHERE id = 1`)
	if row.Scan(&c.Program, &c.PID, &c.Host, &since) == nil {
		c.Since, _ = parseTime(since)
	}
	return c, nil
}

// close lets go of the lock.
func (l *instanceLock) close() {
	if l == nil {
		return
	}
	l.conn.ExecContext(context.Background(), "ROLLBACK")
	l.conn.Close()
	l.db.Close()
}
