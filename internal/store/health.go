package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/partnership-maturity/maturity/internal/english"
)

// Health is what CheckFile found: every problem, one line each, and what it
// checked.
type Health struct {
	// Problems are the problems found, each one line in plain words; none
	// when the database is healthy.
	Problems []string
	// AuditRows is the number of audit rows whose chain was checked, and
	// AuditHead the hash of the newest: noting it somewhere else lets a
	// later check show that rows were removed from the end.
	AuditRows int
	AuditHead string
	// Seals is the number of signed-off assessments whose seal (of the
	// current revision) was recomputed and checked; an earlier revision's
	// seal is checked only for the amendment that superseded it.
	Seals int
	// QuestionSets is the number of stored question sets whose SHA-256 was
	// checked.
	QuestionSets int
}

// Healthy reports whether no problem was found.
func (h Health) Healthy() bool { return len(h.Problems) == 0 }

// CheckFile checks the database at path without changing it: SQLite's own
// integrity check, foreign keys, every stored question set against its
// SHA-256, the audit log's hash chain, and the seals of every assessment
// signed off now or before an amendment. A file that cannot be checked at all is one problem. The error
// is only for a failure to run the checks.
func CheckFile(ctx context.Context, path string) (Health, error) {
	var h Health
	abs, err := filepath.Abs(path)
	if err != nil {
		return h, err
	}
	if err := checkHeader(abs, SchemaVersion()); err != nil {
		h.Problems = append(h.Problems, fmt.Sprintf("%s: %v", abs, err))
		return h, nil
	}
	db, err := readOnlyDB(abs)
	if err != nil {
		return h, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return h, mapErr(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		h.Problems = append(h.Problems, fmt.Sprintf("%s: %v", abs, mapErr(err)))
		return h, nil
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		h.Problems = append(h.Problems, fmt.Sprintf("%s: %v", abs, mapErr(err)))
		return h, nil
	}
	if version != SchemaVersion() {
		h.Problems = append(h.Problems, fmt.Sprintf("%s: the database is at schema version %d, this app's is %d; "+
			"open it once with this version of the app, which upgrades it, then check it", abs, version, SchemaVersion()))
		return h, nil
	}
	if err := h.check(ctx, tx); err != nil {
		if me := mapErr(err); me != err {
			h.Problems = append(h.Problems, fmt.Sprintf("%s: %v", abs, me))
			return h, nil
		}
		return h, err
	}
	return h, nil
}

// check runs every check inside one read transaction.
func (h *Health) check(ctx context.Context, q querier) error {
	lines, err := integrityProblems(ctx, q)
	if err != nil {
		return err
	}
	if len(lines) > 0 {
		for _, l := range lines {
			h.Problems = append(h.Problems, "integrity check: "+l)
		}
		// A damaged file cannot be trusted further.
		return nil
	}
	if err := h.checkForeignKeys(ctx, q); err != nil {
		return err
	}
	if err := h.checkQuestionSets(ctx, q); err != nil {
		return err
	}
	problems, rows, head, err := chainProblems(ctx, q)
	if err != nil {
		return err
	}
	h.Problems, h.AuditRows, h.AuditHead = append(h.Problems, problems...), rows, head
	problems, sealed, err := sealProblems(ctx, q)
	if err != nil {
		return err
	}
	h.Problems, h.Seals = append(h.Problems, problems...), sealed
	return nil
}

// integrityProblems runs SQLite's integrity check and returns what it
// found wrong; none when the file is sound.
func integrityProblems(ctx context.Context, q querier) ([]string, error) {
	lines, err := pragmaLines(ctx, q, "PRAGMA integrity_check")
	if err != nil || (len(lines) == 1 && lines[0] == "ok") {
		return nil, err
	}
	return lines, nil
}

// pragmaLines runs a pragma that returns one text column and collects it.
func pragmaLines(ctx context.Context, q querier, pragma string) ([]string, error) {
	return queryAll(ctx, q, func(r scanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	}, pragma)
}

// checkForeignKeys reports every row that refers to a row that is not there.
func (h *Health) checkForeignKeys(ctx context.Context, q querier) error {
	type orphan struct {
		table, parent string
		rowid         sql.NullInt64
	}
	list, err := queryAll(ctx, q, func(r scanner) (orphan, error) {
		var o orphan
		var fkid int
		return o, r.Scan(&o.table, &o.rowid, &o.parent, &fkid)
	}, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	for _, o := range list {
		h.Problems = append(h.Problems, fmt.Sprintf("%s row %d refers to a %s that is not in the database; "+
			"a row was deleted outside the app", o.table, o.rowid.Int64, o.parent))
	}
	return nil
}

// checkQuestionSets reports every stored question set whose text no longer
// matches its SHA-256.
func (h *Health) checkQuestionSets(ctx context.Context, q querier) error {
	type set struct{ id, version, text, sum string }
	list, err := queryAll(ctx, q, func(r scanner) (set, error) {
		var s set
		return s, r.Scan(&s.id, &s.version, &s.text, &s.sum)
	}, `SELECT id, version, yaml, sha256 FROM questionnaire ORDER BY id, version`)
	if err != nil {
		return err
	}
	for _, s := range list {
		h.QuestionSets++
		if textSHA256(s.text) != s.sum {
			h.Problems = append(h.Problems, fmt.Sprintf("question set %s: its text does not match its SHA-256; "+
				"it was changed outside the app", questionnaireKey(s.id, s.version)))
		}
	}
	return nil
}

// textSHA256 returns the SHA-256 of text in hex, as question sets are
// hashed.
func textSHA256(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Summary is one line saying what a healthy check covered.
func (h Health) Summary() string {
	return fmt.Sprintf("%d audit rows chained (newest %s), %d signed-off assessments sealed, %d question sets verified",
		h.AuditRows, strings.TrimSpace(h.AuditHead), h.Seals, h.QuestionSets)
}

// maxChainWords is how many of the audit chain's problems CheckAuditChain
// spells out; it counts the rest.
const maxChainWords = 3

// CheckAuditChain checks the open database's audit chain, as check-db
// does, and says in words what it found: how many rows are chained and
// the newest hash when it is whole, else its first problems, each naming
// the row, and how many more there are.
func (s *Store) CheckAuditChain(ctx context.Context) (healthy bool, words string, err error) {
	err = s.read(ctx, func(q *sql.Tx) error {
		problems, rows, head, err := chainProblems(ctx, q)
		if err != nil {
			return err
		}
		healthy = len(problems) == 0
		if healthy {
			words = fmt.Sprintf("%d audit rows chained, newest %.12s…", rows, head)
			return nil
		}
		shown := problems[:min(len(problems), maxChainWords)]
		words = fmt.Sprintf("%s in %d audit rows: %s", english.Count(len(problems), "problem"), rows, strings.Join(shown, "; "))
		if more := len(problems) - len(shown); more > 0 {
			words += fmt.Sprintf("; and %d more (maturityctl check-db lists them all)", more)
		}
		return nil
	})
	return healthy, words, err
}
