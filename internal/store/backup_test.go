package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestBackupDailyKeepsSeven(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	path := f.s.Path()
	// Nine older daily copies, as nine earlier days would have left.
	for _, day := range []string{"2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05",
		"2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"} {
		writeFile(t, path+".backup-daily-"+day, []byte("old"))
	}
	made, err := f.s.BackupDaily(ctx)
	if err != nil || !strings.HasSuffix(made, now().Format("2006-01-02")) {
		t.Fatalf("BackupDaily = %q, %v; want today's copy", made, err)
	}
	if info, err := os.Stat(made); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("today's copy: %v, %v; want mode 0600", info, err)
	}
	again, err := f.s.BackupDaily(ctx)
	if err != nil || again != "" {
		t.Errorf("second BackupDaily the same day = %q, %v; want none made", again, err)
	}
	kept, _ := filepath.Glob(path + ".backup-daily-*")
	if len(kept) != DailyBackupsKept || filepath.Base(kept[0]) != "maturity.db.backup-daily-2026-01-04" {
		t.Errorf("daily copies kept = %v; want the newest %d, from 2026-01-04", kept, DailyBackupsKept)
	}
	copyStore := openAt(t, made)
	if got, err := copyStore.Partnership(ctx, f.p.ID); err != nil || got.Name != "Northshire" {
		t.Errorf("today's copy holds %+v, %v; want Northshire", got, err)
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	path := f.s.Path()
	saved := filepath.Join(t.TempDir(), "saved.db")
	if err := f.s.Backup(ctx, saved); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Backup(ctx, saved); err == nil {
		t.Errorf("Backup over an existing file succeeded; want refused")
	}
	if err := f.s.Backup(ctx, path); err == nil {
		t.Errorf("Backup over the database succeeded; want refused")
	}
	must(f.s.CreatePartnership(ctx, assessment.Partnership{Name: "Added after the backup"}))

	if _, err := Restore(ctx, path, saved); err == nil || !strings.Contains(err.Error(), "open") {
		t.Errorf("Restore while the database is open: %v; want refused", err)
	}
	f.s.Close()

	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	writeFile(t, text, []byte("not a database at all, just some notes\n"))
	damaged := filepath.Join(dir, "damaged.db")
	copyFile(t, saved, damaged)
	corruptPage(t, damaged, 3)
	tampered := filepath.Join(dir, "tampered.db")
	copyFile(t, saved, tampered)
	db := rawDB(t, tampered)
	dropTriggers(t, db)
	execSQL(t, db, `UPDATE audit_log SET actor = 'forger' WHERE rowid = 2`)
	db.Close()
	for name, bad := range map[string]string{"text file": text, "damaged": damaged, "tampered": tampered} {
		before := snap(t, path)
		if _, err := Restore(ctx, path, bad); err == nil {
			t.Errorf("Restore from a %s file succeeded; want refused", name)
		} else if after := snap(t, path); string(after.data) != string(before.data) {
			t.Errorf("refused Restore from a %s file changed the database", name)
		}
	}

	kept, err := Restore(ctx, path, saved)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !strings.HasPrefix(kept, path+".backup-before-restore-") {
		t.Errorf("kept the old database as %q; want beside it", kept)
	}
	s := openAt(t, path)
	names := func(s *Store) (out []string) {
		for _, p := range must(s.Partnerships(ctx)) {
			out = append(out, p.Name)
		}
		return out
	}
	if got := names(s); len(got) != 1 || got[0] != "Northshire" {
		t.Errorf("after Restore the database holds %v; want only Northshire, as backed up", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("restored database mode %v; want 0600", info.Mode())
	}
	if old := openAt(t, kept); len(names(old)) != 2 {
		t.Errorf("the kept database holds %v; want both partnerships", names(old))
	}
	if _, err := Restore(ctx, filepath.Join(t.TempDir(), "new.db"), filepath.Join(dir, "missing.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Restore from a missing file: %v; want not exist", err)
	}
}

// copyFile copies a file's bytes.
func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		tb.Fatal(err)
	}
}

func TestIsDatabaseFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "maturity.db")
	for path, want := range map[string]bool{
		db: true, db + "-wal": true, db + "-shm": true, db + ".lock": true, db + ".backup-daily-2026-01-01": true,
		db + ".backup-v1-20261128T224000Z": true, filepath.Join(dir, "sub", "..", "maturity.db"): true,
		filepath.Join(dir, "report.pdf"): false, db + ".pdf": false,
	} {
		if got := IsDatabaseFile(db, path); got != want {
			t.Errorf("IsDatabaseFile(%s) = %v; want %v", path, got, want)
		}
	}
}
