package main

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

func TestCheckDB(t *testing.T) {
	db, _ := demoDB(t)
	r := ctl(t, "--db", db, "check-db")
	if r.code != exitOK || r.stdout != "" || !strings.Contains(r.stderr, "is healthy") ||
		!strings.Contains(r.stderr, "2 signed-off assessments sealed") {
		t.Fatalf("check-db on the demo: exit %d\nstdout %q\nstderr %q; want 0, nothing on stdout, healthy with 2 seals", r.code, r.stdout, r.stderr)
	}

	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// Someone with the sqlite3 shell drops the triggers first.
	dropAllTriggers(t, raw)
	for _, stmt := range []string{
		`UPDATE response SET evidence = 'forged' WHERE assessment_id = (SELECT min(id) FROM assessment WHERE status = 'signed off')`,
		`UPDATE questionnaire SET yaml = yaml || ' '`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	r = ctl(t, "--db", db, "check-db")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitBad || len(lines) < 2 || !strings.Contains(r.stderr, fmt.Sprintf("%d problems found", len(lines))) {
		t.Fatalf("check-db after tampering: exit %d\nstdout %q\nstderr %q; want 1 and a line per problem", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"its text does not match its SHA-256", "its content changed after it was signed off"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check-db said:\n%s\nwant a line saying %q", r.stdout, want)
		}
	}

	r = ctl(t, "--db", db+".missing", "check-db")
	if r.code != exitBad || !strings.Contains(r.stdout, ".missing") {
		t.Errorf("check-db on a missing file: exit %d %q; want 1 naming the file", r.code, r.stdout)
	}
}

// dropAllTriggers drops every trigger in the database.
func dropAllTriggers(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		if _, err := db.Exec("DROP TRIGGER " + n); err != nil {
			t.Fatal(err)
		}
	}
}
