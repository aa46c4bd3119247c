package ui

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// tamperAuditLog rewrites an audit row of the database at path as someone
// with the sqlite3 shell would: triggers dropped first.
func tamperAuditLog(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
	if err != nil {
		t.Fatal(err)
	}
	var triggers []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		triggers = append(triggers, n)
	}
	rows.Close()
	for _, n := range triggers {
		if _, err := db.Exec("DROP TRIGGER " + n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`UPDATE audit_log SET actor = 'Someone Else' WHERE rowid = 4`); err != nil {
		t.Fatal(err)
	}
}

func TestAuditScreenShowsTheChainsHealth(t *testing.T) {
	s, sess, _ := scrutinySession(t)
	c := NewAuditScreen(sess, s)
	sess.win.SetContent(c.Content())
	if !strings.HasPrefix(c.Chain.Text, "Audit chain: whole — ") || !strings.Contains(c.Chain.Text, "audit rows chained") ||
		c.Chain.Importance != widget.SuccessImportance {
		t.Errorf("healthy database: chain shown as %q (importance %v); want whole, with its rows counted", c.Chain.Text, c.Chain.Importance)
	}
	tamperAuditLog(t, s.Path())
	if healthy, _, err := s.CheckAuditChain(context.Background()); err != nil || healthy {
		t.Fatalf("the tampered chain checks as healthy %v (%v)", healthy, err)
	}
	c = NewAuditScreen(sess, s)
	sess.win.SetContent(c.Content())
	if !strings.HasPrefix(c.Chain.Text, "Audit chain: BROKEN — 1 problem in ") || !strings.Contains(c.Chain.Text, "audit log row 4 ") ||
		!strings.Contains(c.Chain.Text, "changed outside the app") || c.Chain.Importance != widget.DangerImportance {
		t.Errorf("tampered database: chain shown as %q (importance %v); want BROKEN, naming row 4", c.Chain.Text, c.Chain.Importance)
	}
}
