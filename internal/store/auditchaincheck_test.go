package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestCheckAuditChainOfTheOpenDatabase(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	var rows int
	f.s.db.QueryRow(`SELECT count(*) FROM audit_log`).Scan(&rows)
	healthy, words, err := f.s.CheckAuditChain(ctx)
	if err != nil || !healthy || !strings.Contains(words, fmt.Sprintf("%d audit rows chained", rows)) {
		t.Fatalf("CheckAuditChain = %v, %q, %v; want whole, with its %d rows", healthy, words, err, rows)
	}
	db := rawDB(t, f.s.Path())
	dropTriggers(t, db)
	for _, id := range []int{3, 5, 7, 9, 11} {
		execSQL(t, db, `UPDATE audit_log SET new = 'forged' WHERE rowid = ?`, id)
	}
	healthy, words, err = f.s.CheckAuditChain(ctx)
	if err != nil || healthy || !strings.Contains(words, "5 problems in") || !strings.Contains(words, "audit log row 3 ") ||
		!strings.Contains(words, "and 2 more") || strings.Contains(words, "row 9 ") {
		t.Errorf("CheckAuditChain after five rows were rewritten = %v, %q, %v; want broken, the first three named and 2 more counted",
			healthy, words, err)
	}
}
