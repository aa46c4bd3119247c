package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// openTest opens a new database in a temporary folder and closes it when
// the test ends.
func openTest(tb testing.TB, opts ...Option) *Store {
	tb.Helper()
	return openAt(tb, filepath.Join(tb.TempDir(), "maturity.db"), opts...)
}

// openAt opens the database at path and closes it when the test ends.
func openAt(tb testing.TB, path string, opts ...Option) *Store {
	tb.Helper()
	s, err := Open(context.Background(), path, opts...)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// testQuestionnaire parses the question set in testdata: the default
// question ids on a 1–5 scale.
func testQuestionnaire(tb testing.TB) *questionnaire.Questionnaire {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "questionnaire.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	q, err := questionnaire.Parse("questionnaire.yaml", data)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return q
}

// questionIDs are the question ids of the test question set, in order.
var questionIDs = []string{
	"culture.1", "culture.2", "culture.3", "intent.1", "intent.2", "intent.3",
	"delivery.1", "delivery.2", "effectiveness.1", "effectiveness.2", "effectiveness.3",
	"upstream.1", "upstream.2", "upstream.3", "workforce.1", "workforce.2", "workforce.3", "workforce.4",
}

// fixture is a store holding the test question set, one partnership with
// three agencies and one draft assessment of it.
type fixture struct {
	s *Store
	q *questionnaire.Questionnaire
	p assessment.Partnership
	a assessment.Assessment
}

// newFixture opens a database and fills it with a fixture.
func newFixture(tb testing.TB) fixture {
	tb.Helper()
	ctx := context.Background()
	f := fixture{s: openTest(tb), q: testQuestionnaire(tb)}
	f.s.SetActor("tester")
	if err := f.s.SaveQuestionnaire(ctx, f.q); err != nil {
		tb.Fatalf("SaveQuestionnaire: %v", err)
	}
	var err error
	f.p, err = f.s.CreatePartnership(ctx, assessment.Partnership{Name: "Northshire", Area: "Northshire County", Agencies: []assessment.Agency{
		{Name: "Northshire County Council", Kind: assessment.LocalAuthority},
		{Name: "Northshire ICB", Kind: assessment.IntegratedCareBoard},
		{Name: "Northshire Police", Kind: assessment.Police},
	}})
	if err != nil {
		tb.Fatalf("CreatePartnership: %v", err)
	}
	f.a, err = f.s.CreateAssessment(ctx, assessment.Assessment{PartnershipID: f.p.ID,
		QuestionnaireID: f.q.ID, QuestionnaireVersion: f.q.Version, Period: "2025/26", Facilitator: "Sam"})
	if err != nil {
		tb.Fatalf("CreateAssessment: %v", err)
	}
	return f
}

// must returns v, or panics (failing the test) when err is not nil. It is
// for fixture steps that cannot fail unless something else is broken.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// fill adds to the fixture's assessment a participant per agency voting on
// every question, a response to every question, evidence, scrutiny, one
// action in each status with a progress note, and a sign-off per agency.
func (f fixture) fill(tb testing.TB) {
	tb.Helper()
	ctx := context.Background()
	var people []assessment.Participant
	for _, ag := range f.p.Agencies {
		people = append(people, must(f.s.AddParticipant(ctx, assessment.Participant{
			AssessmentID: f.a.ID, Name: "Lead for " + ag.Name, Role: "Lead", AgencyID: ag.ID})))
	}
	for i, qid := range questionIDs {
		must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: qid,
			Level: 1 + i%5, Target: 5, Confidence: assessment.Medium, Evidence: "Audit of " + qid,
			Strengths: "Strong " + qid, AreasForDevelopment: "Develop " + qid, Rationale: "Agreed " + qid}))
		for j, p := range people {
			must(f.s.SaveVote(ctx, assessment.Vote{AssessmentID: f.a.ID, QuestionID: qid,
				ParticipantID: p.ID, Level: 1 + (i+j)%5, Comment: "view"}))
		}
	}
	must(f.s.AddEvidenceRef(ctx, assessment.EvidenceRef{AssessmentID: f.a.ID, QuestionID: "culture.1",
		Title: "Annual report", Location: "https://example.org/report.pdf"}))
	must(f.s.SaveScrutiny(ctx, assessment.Scrutiny{AssessmentID: f.a.ID, QuestionID: "culture.1",
		Scrutineer: "Independent Scrutineer", Level: 2, Challenge: "Show me", EvidenceSeen: "Minutes"}))
	for i, st := range assessment.ActionStatuses {
		x := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture",
			QuestionID: "culture.2", Title: "Action " + string(st), Owner: "Owner", OwnerAgencyID: f.p.Agencies[0].ID,
			Due: time.Date(2026, 3, 1+i, 0, 0, 0, 0, time.UTC), SuccessMeasure: "Audit shows it", Status: st}))
		must(f.s.AddActionUpdate(ctx, assessment.ActionUpdate{ActionID: x.ID, Author: "Owner", Note: "Progress on " + x.Title}))
	}
	for _, ag := range f.p.Agencies {
		must(f.s.AddSignOff(ctx, assessment.SignOff{AssessmentID: f.a.ID, AgencyID: ag.ID, Name: "Chief of " + ag.Name, Role: "Chief"}))
	}
}

// snapshot is a file's bytes and modification time.
type snapshot struct {
	data  []byte
	mtime time.Time
	mode  os.FileMode
}

// snap reads a file's snapshot.
func snap(tb testing.TB, path string) snapshot {
	tb.Helper()
	info, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return snapshot{data: data, mtime: info.ModTime(), mode: info.Mode()}
}

// rawDB opens the file with the driver directly, for tests that go behind
// the store's back.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// userVersion reads PRAGMA user_version.
func userVersion(tb testing.TB, db *sql.DB) int {
	tb.Helper()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestOpenNewDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "partnership-maturity")
	path := filepath.Join(dir, "maturity.db")
	s := openAt(t, path)
	if got := s.Path(); got != path {
		t.Errorf("Path() = %q; want %q", got, path)
	}
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	newest, _ := strconv.Atoi(strings.TrimPrefix(names[len(names)-1], "migrations/")[:4])
	if got, want := userVersion(t, s.db), SchemaVersion(); got != want || want != newest {
		t.Errorf("user_version = %d, SchemaVersion() = %d; want both %d (the newest migration)", got, want, newest)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700 | os.ModeDir} {
		if info, err := os.Stat(p); err != nil || info.Mode() != want {
			t.Errorf("mode of %s = %v (%v); want %v", p, info.Mode(), err, want)
		}
	}
	var fk int
	var mode string
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v); want 1", fk, err)
	}
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v); want wal", mode, err)
	}
	for _, table := range []string{"partnership", "agency", "questionnaire", "assessment", "participant", "response",
		"evidence_ref", "vote", "scrutiny", "action", "action_update", "signoff", "audit_log"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: found %d (%v); want 1", table, n, err)
		}
	}
	if matches, _ := filepath.Glob(path + ".backup-*"); len(matches) != 0 {
		t.Errorf("backups of a new database: %v; want none", matches)
	}
}

func TestOpenEmptyFileIsNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "maturity.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path)
	if got := userVersion(t, s.db); got != SchemaVersion() {
		t.Errorf("user_version = %d; want %d", got, SchemaVersion())
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v; want 0600", info.Mode())
	}
}

func TestOpenTwiceKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "maturity.db")
	s := openAt(t, path)
	p := must(s.CreatePartnership(context.Background(), assessment.Partnership{Name: "Eastshire"}))
	s.Close()
	s = openAt(t, path)
	got, err := s.Partnership(context.Background(), p.ID)
	if err != nil || got.Name != "Eastshire" {
		t.Errorf("after reopening, Partnership = %+v, %v; want Eastshire", got, err)
	}
	if matches, _ := filepath.Glob(path + ".backup-*"); len(matches) != 0 {
		t.Errorf("backups of an up-to-date database: %v; want none", matches)
	}
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name string
		// setup makes the file at path and returns a function undoing
		// anything still holding it.
		setup func(t *testing.T, path string) func()
		want  error
	}{
		{"text file", func(t *testing.T, path string) func() {
			writeFile(t, path, []byte("name,area\nNorthshire,North\n"+strings.Repeat("x", 200)))
			return func() {}
		}, ErrNotDatabase},
		{"short file", func(t *testing.T, path string) func() {
			writeFile(t, path, []byte("SQLite format 3\x00"))
			return func() {}
		}, ErrNotDatabase},
		{"another program's database", func(t *testing.T, path string) func() {
			writeFile(t, path, nil)
			db := rawDB(t, path)
			if _, err := db.Exec("CREATE TABLE notes (body TEXT)"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			return func() {}
		}, ErrNotDatabase},
		{"newer schema", func(t *testing.T, path string) func() {
			s := openAt(t, path)
			if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
				t.Fatal(err)
			}
			s.Close()
			return func() {}
		}, ErrTooNew},
		{"read-only file", func(t *testing.T, path string) func() {
			openAt(t, path).Close()
			if err := os.Chmod(path, 0o400); err != nil {
				t.Fatal(err)
			}
			return func() {}
		}, ErrReadOnly},
		{"locked by another writer", func(t *testing.T, path string) func() {
			openAt(t, path).Close()
			db := rawDB(t, path)
			conn, err := db.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			return func() {
				conn.ExecContext(context.Background(), "ROLLBACK")
				conn.Close()
			}
		}, ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "maturity.db")
			release := tt.setup(t, path)
			defer release()
			before := snap(t, path)
			s, err := Open(context.Background(), path, WithBusyTimeout(50*time.Millisecond))
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open: %v; want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file %s", err, path)
			}
			after := snap(t, path)
			if !bytes.Equal(before.data, after.data) || !before.mtime.Equal(after.mtime) || before.mode != after.mode {
				t.Errorf("file changed: %d bytes at %v mode %v, now %d bytes at %v mode %v",
					len(before.data), before.mtime, before.mode, len(after.data), after.mtime, after.mode)
			}
		})
	}
}

// writeFile writes a file readable and writable by its owner.
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateBacksUpOlderDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "maturity.db")
	old := openAt(t, path, withMaxVersion(1))
	if got := userVersion(t, old.db); got != 1 {
		t.Fatalf("user_version with withMaxVersion(1) = %d; want 1", got)
	}
	// The schema of version 1 has no audit chain, so write as that version did.
	p := assessment.Partnership{ID: newID(), Name: "Westshire"}
	at := formatTime(now())
	for _, stmt := range []string{
		`INSERT INTO partnership (id, name, area, created_at, updated_at) VALUES (?1, 'Westshire', '', ?2, ?2)`,
		`INSERT INTO audit_log (id, at, actor, entity, entity_id, field, old, new, created_at, updated_at)
			VALUES (?1 || 'a', ?2, 'old app', 'partnership', ?1, '', '', 'created', ?2, ?2)`,
		`INSERT INTO audit_log (id, at, actor, entity, entity_id, field, old, new, created_at, updated_at)
			VALUES (?1 || 'b', ?2, 'old app', 'partnership', ?1, 'name', '', 'Westshire', ?2, ?2)`,
	} {
		if _, err := old.db.Exec(stmt, p.ID, at); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := openAt(t, path)
	if got := userVersion(t, s.db); got != SchemaVersion() {
		t.Errorf("user_version after upgrade = %d; want %d", got, SchemaVersion())
	}
	if got, err := s.Partnership(ctx, p.ID); err != nil || got.Name != "Westshire" {
		t.Errorf("after upgrade, Partnership = %+v, %v; want Westshire", got, err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'agency_partnership'").Scan(&n); err != nil || n != 1 {
		t.Errorf("index from 0002 found %d times (%v); want 1", n, err)
	}
	if h, err := CheckFile(ctx, path); err != nil || !h.Healthy() || h.AuditRows != 2 {
		t.Errorf("CheckFile after upgrade = %+v, %v; want healthy with the 2 old audit rows chained", h, err)
	}
	must(s.UpdatePartnership(ctx, assessment.Partnership{ID: p.ID, Name: "West Shire"}))
	if h, err := CheckFile(ctx, path); err != nil || !h.Healthy() || h.AuditRows != 3 {
		t.Errorf("CheckFile after an edit = %+v, %v; want healthy with 3 audit rows chained", h, err)
	}
	matches, _ := filepath.Glob(path + ".backup-v1-*")
	if len(matches) != 1 {
		t.Fatalf("backups = %v; want one maturity.db.backup-v1-*", matches)
	}
	if info, _ := os.Stat(matches[0]); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v; want 0600", info.Mode())
	}
	backup := rawDB(t, matches[0])
	if got := userVersion(t, backup); got != 1 {
		t.Errorf("backup user_version = %d; want 1", got)
	}
	var name string
	if err := backup.QueryRow("SELECT name FROM partnership WHERE id = ?", p.ID).Scan(&name); err != nil || name != "Westshire" {
		t.Errorf("backup partnership = %q, %v; want Westshire", name, err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/home/someone/.config")
	t.Setenv("HOME", "/home/someone")
	got, err := DefaultPath()
	want := filepath.Join("/home/someone/.config", "partnership-maturity", "maturity.db")
	if err != nil || got != want {
		t.Errorf("DefaultPath() = %q, %v; want %q", got, err, want)
	}
}

func TestAuditLogRecordsEdits(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.s.SetActor("Alex")
	p := f.p
	p.Name, p.Area = "North Shire", "North"
	must(f.s.UpdatePartnership(ctx, p))
	r := must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1", Level: 2, Evidence: "first"}))
	r.Level, r.Evidence = 3, "second"
	must(f.s.SaveResponse(ctx, r))
	must(f.s.SaveResponse(ctx, r)) // unchanged: no rows

	got := must(f.s.AuditLog(ctx, p.ID))
	wantRows := []AuditEntry{
		{Actor: "tester", Entity: "partnership", EntityID: p.ID, Field: "", New: "created"},
		{Actor: "tester", Entity: "partnership", EntityID: p.ID, Field: "name", New: "Northshire"},
		{Actor: "tester", Entity: "partnership", EntityID: p.ID, Field: "area", New: "Northshire County"},
		{Actor: "Alex", Entity: "partnership", EntityID: p.ID, Field: "name", Old: "Northshire", New: "North Shire"},
		{Actor: "Alex", Entity: "partnership", EntityID: p.ID, Field: "area", Old: "Northshire County", New: "North"},
	}
	checkAudit(t, got, wantRows)

	got = must(f.s.AuditLog(ctx, f.a.ID+"/culture.1"))
	wantRows = []AuditEntry{
		{Entity: "response", Field: "", New: "created"},
		{Entity: "response", Field: "level", New: "2"},
		{Entity: "response", Field: "evidence", New: "first"},
		{Entity: "response", Field: "carried_forward", New: "false"},
		{Entity: "response", Field: "level", Old: "2", New: "3"},
		{Entity: "response", Field: "evidence", Old: "first", New: "second"},
	}
	checkAudit(t, got, wantRows)

	if err := f.s.SetStatus(ctx, f.a.ID, assessment.Workshop); err != nil {
		t.Fatal(err)
	}
	got = must(f.s.AuditLog(ctx, f.a.ID))
	last := got[len(got)-1]
	if last.Field != "status" || last.Old != "draft" || last.New != "workshop" || last.Actor != "Alex" || last.At.IsZero() {
		t.Errorf("last assessment audit row = %+v; want status draft → workshop by Alex", last)
	}
}

// checkAudit compares audit rows on their entity, field, values and (when
// wanted) actor.
func checkAudit(t *testing.T, got, want []AuditEntry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d audit rows %+v; want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Entity != w.Entity || g.Field != w.Field || g.Old != w.Old || g.New != w.New ||
			(w.Actor != "" && g.Actor != w.Actor) || (w.EntityID != "" && g.EntityID != w.EntityID) {
			t.Errorf("audit row %d = %+v; want %+v", i, g, w)
		}
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	f := newFixture(t)
	for _, stmt := range []string{
		"UPDATE audit_log SET new = 'forged'",
		"DELETE FROM audit_log",
		"DELETE FROM audit_log WHERE entity = 'partnership'",
	} {
		_, err := f.s.db.Exec(stmt)
		if err == nil || !strings.Contains(err.Error(), "audit log is append-only") {
			t.Errorf("%s: %v; want audit log is append-only", stmt, err)
		}
	}
	if got := must(f.s.AuditLog(context.Background(), f.p.ID)); len(got) == 0 || got[1].New != "Northshire" {
		t.Errorf("audit rows after refused edits = %+v; want unchanged", got)
	}
}

func TestWriteLockedByAnotherWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "maturity.db")
	s := openAt(t, path, WithBusyTimeout(50*time.Millisecond))
	conn, err := rawDB(t, path).Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	_, err = s.CreatePartnership(context.Background(), assessment.Partnership{Name: "Southshire"})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("CreatePartnership while locked: %v; want ErrLocked", err)
	}
}

func TestLoginNameDropsTheWindowsDomain(t *testing.T) {
	for in, want := range map[string]string{`NORTHSHIRE\priya`: "priya", `VM\root`: "root", "root": "root", `a\b\c`: "c", "": ""} {
		if got := LoginName(in); got != want {
			t.Errorf("LoginName(%q) = %q; want %q", in, got, want)
		}
	}
}
