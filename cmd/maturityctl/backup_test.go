package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupAndRestore(t *testing.T) {
	db, id := demoDB(t)
	saved := filepath.Join(t.TempDir(), "saved.db")
	out := mustCtl(t, "--db", db, "backup", "-o", saved)
	if !strings.Contains(out, "to "+saved) {
		t.Errorf("backup said %q", out)
	}
	if info, err := os.Stat(saved); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v; want mode 0600", info, err)
	}
	if out := mustCtl(t, "--db", db, "backup"); !strings.Contains(out, db+".backup-") {
		t.Errorf("backup without -o said %q; want a file beside the database", out)
	}

	notDB := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notDB, []byte("shopping list\n"), 0o600)
	before := fileState(t, db)
	r := ctl(t, "--db", db, "restore", notDB)
	if r.code != exitBad || !strings.Contains(r.stderr, "not a Partnership Maturity database") {
		t.Errorf("restore from a text file: exit %d %q; want 1 saying it is not a database", r.code, r.stderr)
	}
	if string(fileState(t, db)) != string(before) {
		t.Errorf("a refused restore changed the database")
	}

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	mustCtl(t, "--db", fresh, "list")
	out = mustCtl(t, "--db", fresh, "restore", saved)
	if !strings.Contains(out, "kept at "+fresh+".backup-before-restore-") {
		t.Errorf("restore said %q; want where the old database is kept", out)
	}
	if got := strings.TrimSpace(mustCtl(t, "--db", fresh, "list", "--latest")); got != id {
		t.Errorf("after restore, latest assessment = %q; want %q from the backup", got, id)
	}
	if r := ctl(t, "--db", fresh, "check-db"); r.code != exitOK {
		t.Errorf("check-db after restore: exit %d\n%s", r.code, r.stdout)
	}
}
