package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// testClock is the fixed "now" of UI tests.
var testClock = time.Date(2026, time.March, 2, 10, 0, 0, 0, time.UTC)

// openTestStore opens a new database in the test's temporary folder.
func openTestStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sessionFor loads the assessment id into a session with a test window and
// the fixed clock.
func sessionFor(t *testing.T, s Store, id string) *session {
	t.Helper()
	sess, err := loadSession(context.Background(), s, id)
	if err != nil {
		t.Fatal(err)
	}
	sess.win = test.NewTempWindow(t, nil)
	sess.now = func() time.Time { return testClock }
	return sess
}

// demoSession is the demo's latest assessment (2025/26, agreed, started
// from 2024/25), in a new database.
func demoSession(t *testing.T) (*session, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	s := openTestStore(t)
	return sessionFor(t, s, importDemo(t, s)), s
}

// importDemo adds the demo's three assessments to s and returns the id of
// the latest (2025/26).
func importDemo(tb testing.TB, s *store.Store) string {
	tb.Helper()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	recs := demo.Northshire(q, 1)
	for _, rec := range recs {
		if err := s.ImportRecord(context.Background(), q, rec); err != nil {
			tb.Fatal(err)
		}
	}
	return recs[len(recs)-1].Assessment.ID
}

// blankSession is a new draft assessment of the default question set, with
// nothing answered, for a partnership with the three statutory partners.
func blankSession(t *testing.T) (*session, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	s := openTestStore(t)
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveQuestionnaire(ctx, q); err != nil {
		t.Fatal(err)
	}
	p, err := s.CreatePartnership(ctx, assessment.Partnership{Name: "Westvale Safeguarding Children Partnership", Area: "Westvale",
		Agencies: []assessment.Agency{
			{Name: "Westvale Council", Kind: assessment.LocalAuthority},
			{Name: "NHS Westvale Integrated Care Board", Kind: assessment.IntegratedCareBoard},
			{Name: "Westvale Police", Kind: assessment.Police},
		}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAssessment(ctx, assessment.Assessment{PartnershipID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, Period: "2025/26", Status: assessment.Draft})
	if err != nil {
		t.Fatal(err)
	}
	return sessionFor(t, s, a.ID), s
}

func TestSessionSaveKeepsRecordInStep(t *testing.T) {
	sess, s := blankSession(t)
	changes := 0
	sess.onChange(func() { changes++ })
	r := sess.response("culture.2")
	r.Level, r.Evidence = 3, "Minutes of the June executive"
	if err := sess.saveResponse(r); err != nil {
		t.Fatalf("save failed: %v (%s)", err, sess.saved.Label.Text)
	}
	if sess.response("culture.2").Level != 3 || sess.saved.Label.Text != "Saved" || changes != 1 {
		t.Errorf("after save: level %d, status %q, %d changes", sess.response("culture.2").Level, sess.saved.Label.Text, changes)
	}
	rec, err := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if err != nil || len(rec.Responses) == 0 {
		t.Fatalf("LoadRecord: %v, %d responses", err, len(rec.Responses))
	}
	r.Level = 9 // off the scale: the store refuses it
	if err := sess.saveResponse(r); err == nil || !sess.saved.Failed || changes != 1 || sess.response("culture.2").Level != 3 {
		t.Errorf("a refused save: status %q failed %v changes %d level %d", sess.saved.Label.Text, sess.saved.Failed, changes, sess.response("culture.2").Level)
	}
}

func TestDemoSessionHasPrevious(t *testing.T) {
	sess, _ := demoSession(t)
	if sess.prev == nil || sess.prev.Assessment.Period != "2024/25" {
		t.Fatalf("previous assessment not loaded")
	}
	if _, ok := sess.previousResponse("culture.1"); !ok {
		t.Errorf("no previous response for culture.1")
	}
	if sess.readOnly() {
		t.Errorf("the agreed demo assessment is read-only")
	}
}
