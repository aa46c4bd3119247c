package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
)

// auditRow is one audit_log row as it is hashed.
type auditRow struct {
	rowid                                            int64
	id, at, actor, entity, entityID, field, old, new string
	createdAt, updatedAt, prevHash, hash             string
}

// writeField writes s to w as its length, a colon and its bytes, so that
// no two lists of fields encode alike.
func writeField(w io.Writer, s string) {
	io.WriteString(w, strconv.Itoa(len(s)))
	io.WriteString(w, ":")
	io.WriteString(w, s)
}

// chainHash returns the SHA-256, in hex, of an audit row's content and the
// hash of the row before it.
func (r auditRow) chainHash() string {
	h := sha256.New()
	for _, f := range []string{"audit/v1", r.id, r.at, r.actor, r.entity, r.entityID, r.field, r.old, r.new,
		r.createdAt, r.updatedAt, r.prevHash} {
		writeField(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// lastAuditHash returns the hash of the newest audit row, or "" when the
// log is empty.
func lastAuditHash(ctx context.Context, q querier) (string, error) {
	var h string
	err := q.QueryRowContext(ctx, `SELECT hash FROM audit_log ORDER BY rowid DESC LIMIT 1`).Scan(&h)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return h, err
}

// auditColumns are the columns scanAuditRow reads, in order.
const auditColumns = `rowid, id, at, actor, entity, entity_id, field, old, new, created_at, updated_at, prev_hash, hash`

// scanAuditRow reads an audit row.
func scanAuditRow(row scanner) (auditRow, error) {
	var r auditRow
	err := row.Scan(&r.rowid, &r.id, &r.at, &r.actor, &r.entity, &r.entityID, &r.field, &r.old, &r.new,
		&r.createdAt, &r.updatedAt, &r.prevHash, &r.hash)
	return r, err
}

// eachAuditRow calls fn with every audit row, oldest first.
func eachAuditRow(ctx context.Context, q querier, fn func(auditRow) error) error {
	rows, err := q.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY rowid`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanAuditRow(rows)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// chainAuditLog gives every audit row written before the chain existed its
// prev_hash and hash, in one pass oldest first. The append-only trigger is
// lifted for the length of the transaction it runs in, and put back.
func chainAuditLog(ctx context.Context, t *sql.Tx) error {
	type link struct {
		rowid      int64
		prev, hash string
	}
	var links []link
	prev := ""
	err := eachAuditRow(ctx, t, func(r auditRow) error {
		r.prevHash = prev
		prev = r.chainHash()
		links = append(links, link{r.rowid, r.prevHash, prev})
		return nil
	})
	if err != nil || len(links) == 0 {
		return err
	}
	return withoutTrigger(ctx, t, "audit_log_no_update", func() error {
		stmt, err := t.PrepareContext(ctx, `UPDATE audit_log SET prev_hash = ?, hash = ? WHERE rowid = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, l := range links {
			if _, err := stmt.ExecContext(ctx, l.prev, l.hash, l.rowid); err != nil {
				return err
			}
		}
		return nil
	})
}

// withoutTrigger drops a trigger, runs fn and creates the trigger again
// from its own text, all inside the transaction t.
func withoutTrigger(ctx context.Context, t *sql.Tx, name string, fn func() error) error {
	var text string
	if err := t.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, name).Scan(&text); err != nil {
		return fmt.Errorf("trigger %s: %w", name, err)
	}
	if _, err := t.ExecContext(ctx, `DROP TRIGGER `+name); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	_, err := t.ExecContext(ctx, text)
	return err
}

// chainProblems checks every audit row's hash and its link to the row
// before it, and describes each break.
func chainProblems(ctx context.Context, q querier) (problems []string, rows int, head string, err error) {
	prev := ""
	err = eachAuditRow(ctx, q, func(r auditRow) error {
		rows++
		switch {
		case r.hash != r.chainHash():
			problems = append(problems, fmt.Sprintf("audit log row %d (%s %s %s): its content does not match its hash; "+
				"the row was changed outside the app", r.rowid, r.entity, r.entityID, r.field))
		case r.prevHash != prev:
			problems = append(problems, fmt.Sprintf("audit log row %d (%s %s %s): the chain is broken before it; "+
				"an earlier row was removed, inserted or rewritten outside the app", r.rowid, r.entity, r.entityID, r.field))
		}
		prev = r.hash
		return nil
	})
	return problems, rows, prev, err
}
