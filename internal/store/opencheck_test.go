package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// driverText matches what the SQLite driver puts in its messages: a result
// code in brackets or an SQLITE_ name.
var driverText = regexp.MustCompile(`\(\d+\)|SQLITE_|sqlite3|constraint failed`)

func TestOpenSaysWhatIsWrong(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, path string)
		want    error
		says    string
		notSays string
	}{
		{"random bytes after a valid header", func(t *testing.T, path string) {
			data := []byte(sqliteHeader)
			for i := 0; len(data) < 8192; i++ {
				data = append(data, byte(i*7919>>3))
			}
			writeFile(t, path, data)
		}, ErrDamaged, "damaged", "newer"},
		{"negative schema version", func(t *testing.T, path string) {
			s := openAt(t, path)
			if _, err := s.db.Exec("PRAGMA user_version = -1"); err != nil {
				t.Fatal(err)
			}
			s.Close()
		}, ErrDamaged, "schema version is -1", "4294967295"},
		{"newer version of the app", func(t *testing.T, path string) {
			s := openAt(t, path)
			if _, err := s.db.Exec("PRAGMA user_version = 42"); err != nil {
				t.Fatal(err)
			}
			s.Close()
		}, ErrTooNew, "newer version of Partnership Maturity (the file is at schema version 42", "migration"},
		{"a damaged page", func(t *testing.T, path string) {
			f := newFixtureAt(t, path)
			f.fill(t)
			f.s.Close()
			corruptPage(t, path, 3)
		}, ErrDamaged, "restore the latest backup", "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "maturity.db")
			tt.setup(t, path)
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open: %v; want %v", err, tt.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.says) || strings.Contains(msg, tt.notSays) || driverText.MatchString(msg) {
				t.Errorf("Open: %q; want it to say %q, not %q, and no driver text", msg, tt.says, tt.notSays)
			}
		})
	}
}

// newFixtureAt is newFixture on the database at path.
func newFixtureAt(tb testing.TB, path string) fixture {
	tb.Helper()
	ctx := context.Background()
	f := fixture{s: openAt(tb, path), q: testQuestionnaire(tb)}
	must(0, f.s.SaveQuestionnaire(ctx, f.q))
	f.p = must(f.s.CreatePartnership(ctx, assessment.Partnership{Name: "Northshire", Agencies: []assessment.Agency{
		{Name: "Northshire County Council", Kind: assessment.LocalAuthority}}}))
	f.a = must(f.s.CreateAssessment(ctx, assessment.Assessment{PartnershipID: f.p.ID,
		QuestionnaireID: f.q.ID, QuestionnaireVersion: f.q.Version, Period: "2025/26"}))
	return f
}

// corruptPage overwrites the middle of one page of the database file with
// bytes no b-tree page holds, after checkpointing the WAL into it.
func corruptPage(tb testing.TB, path string, page int) {
	tb.Helper()
	db := rawDB(tb, path)
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		tb.Fatal(err)
	}
	var size int
	db.QueryRow("PRAGMA page_size").Scan(&size)
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, size)
	for i := range junk {
		junk[i] = 0xA5
	}
	if _, err := f.WriteAt(junk, int64((page-1)*size)); err != nil {
		tb.Fatal(err)
	}
}

func TestStoreErrorsCarryNoDriverText(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	dup := assessment.Assessment{PartnershipID: f.p.ID, QuestionnaireID: f.q.ID, QuestionnaireVersion: f.q.Version, Period: "2025/26"}
	_, errDup := f.s.CreateAssessment(ctx, dup)
	_, errFK := f.s.CreateAssessment(ctx, assessment.Assessment{PartnershipID: "nobody", QuestionnaireID: f.q.ID,
		QuestionnaireVersion: f.q.Version, Period: "2026/27"})
	path := filepath.Join(t.TempDir(), "locked.db")
	openAt(t, path).Close()
	conn, err := rawDB(t, path).Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.ExecContext(ctx, "BEGIN IMMEDIATE")
	defer conn.ExecContext(ctx, "ROLLBACK")
	_, errLocked := Open(ctx, path, WithBusyTimeout(20*time.Millisecond))
	for name, c := range map[string]struct {
		err  error
		want error
	}{
		"duplicate period": {errDup, ErrDuplicate},
		"missing partner":  {errFK, ErrNotFound},
		"locked":           {errLocked, ErrLocked},
	} {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: %v; want %v", name, c.err, c.want)
		} else if driverText.MatchString(c.err.Error()) {
			t.Errorf("%s: %q carries the driver's text", name, c.err)
		}
	}
}
