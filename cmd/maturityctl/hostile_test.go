package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportNeverReplacesTheDatabase aims every format at the database, its
// -wal and -shm and a backup, by several names: each exits 1 with a plain
// message, and the database still lists its assessments.
func TestExportNeverReplacesTheDatabase(t *testing.T) {
	db, id := demoDB(t)
	dir := filepath.Dir(db)
	want := mustCtl(t, "--db", db, "list")
	targets := []string{db, db + "-wal", db + "-shm", filepath.Join(dir, ".", "demo.db"), db + ".backup-v1-20260101T000000Z"}
	for _, format := range []string{"pdf", "xlsx", "csv", "json"} {
		for _, target := range targets {
			before := fileState(t, target)
			r := ctl(t, "--db", db, "export", "--format", format, "--assessment", id, "-o", target)
			if r.code != exitBad || !strings.Contains(r.stderr, "never replaces a database file") {
				t.Errorf("export %s -o %s: exit %d, %q; want 1 and a refusal", format, target, r.code, r.stderr)
			}
			if !bytes.Equal(before, fileState(t, target)) && !strings.HasSuffix(target, "-shm") && !strings.HasSuffix(target, "-wal") {
				t.Errorf("export %s -o %s changed the file", format, target)
			}
		}
	}
	if got := mustCtl(t, "--db", db, "list"); got != want {
		t.Errorf("after the refused exports the database lists\n%s\nwant\n%s", got, want)
	}
}
