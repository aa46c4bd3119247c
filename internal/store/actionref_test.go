package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// refsOf lists the refs of an assessment's actions as the store reads them.
func refsOf(tb testing.TB, s *Store, id string) []string {
	tb.Helper()
	var out []string
	for _, a := range must(s.LoadRecord(context.Background(), id)).Actions {
		out = append(out, a.Ref.String())
	}
	return out
}

// checkRefs fails unless got is want, in order.
func checkRefs(tb testing.TB, what string, got []string, want ...string) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("%s: refs %q; want %q", what, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			tb.Fatalf("%s: refs %q; want %q", what, got, want)
		}
	}
}

// TestActionRefsOnCreate checks that actions saved one after the other
// (within a millisecond, so their time-ordered ids start alike) get refs
// that creation audits the ref, that a change keeps it and
// that a new action takes the number after the highest in use.
func TestActionRefsOnCreate(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	first := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", Title: "First"}))
	second := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", Title: "Second"}))
	if first.Ref.String() != "A-01" || second.Ref.String() != "A-02" {
		t.Fatalf("refs %q and %q; want A-01 and A-02", first.Ref, second.Ref)
	}
	found := false
	for _, e := range must(f.s.AuditLog(ctx, second.ID)) {
		found = found || (e.Field == "ref" && e.Old == "" && e.New == "A-02")
	}
	if !found {
		t.Errorf("the audit log of the second action has no ref A-02: %+v", must(f.s.AuditLog(ctx, second.ID)))
	}
	first.Title, first.Ref = "First, renamed", 9
	if got := must(f.s.SaveAction(ctx, first)); got.Ref.String() != "A-01" {
		t.Errorf("a changed action has ref %q; want A-01 kept", got.Ref)
	}
	third := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", Title: "Third"}))
	if err := f.s.DeleteAction(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	fourth := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", Title: "Fourth"}))
	if third.Ref.String() != "A-03" || fourth.Ref.String() != "A-04" {
		t.Errorf("refs %q, then after deleting A-02 %q; want A-03, A-04", third.Ref, fourth.Ref)
	}
	checkRefs(t, "stored", refsOf(t, f.s, f.a.ID), "A-01", "A-03", "A-04")
	if _, err := f.s.db.Exec(`UPDATE action SET ref = 1 WHERE id = ?`, third.ID); err == nil {
		t.Error("two actions of one assessment could share a ref")
	}
}

// TestCarryForwardKeepsRefs checks that an action carried into next year's
// assessment keeps its ref, that a new action there takes a number no
// action of either year has, and that the carry is audited with the ref.
func TestCarryForwardKeepsRefs(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for _, st := range []assessment.ActionStatus{assessment.InProgress, assessment.Complete, assessment.AtRisk} {
		must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", Title: "Action " + string(st), Status: st}))
	}
	next := must(f.s.StartFromPrevious(ctx, f.a.ID, "2026/27"))
	checkRefs(t, "carried", refsOf(t, f.s, next.ID), "A-01", "A-03")
	added := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: next.ID, ThemeID: "culture", Title: "New"}))
	if added.Ref.String() != "A-04" {
		t.Errorf("a new action next year has ref %q; want A-04 (A-02 names last year's completed action)", added.Ref)
	}
	carried := must(f.s.LoadRecord(ctx, next.ID)).Actions[1]
	found := false
	for _, e := range must(f.s.AuditLog(ctx, carried.ID)) {
		found = found || (e.Field == "ref" && e.New == "A-03")
	}
	if !found {
		t.Errorf("the carried action's audit log has no ref A-03: %+v", must(f.s.AuditLog(ctx, carried.ID)))
	}
}

// TestImportAssignsMissingRefs checks that records without refs, as in a
// bundle written before refs, get them on import: in the order given, even
// for actions added at the same instant, after any ref an action has.
func TestImportAssignsMissingRefs(t *testing.T) {
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	recs := demo.Northshire(q, 1)
	first := recs[0].Actions
	if len(first) < 3 || !first[0].CreatedAt.Equal(first[1].CreatedAt) {
		t.Fatalf("the demo's first year has %d actions; want at least 3 added at one instant", len(first))
	}
	for _, rec := range recs {
		for i := range rec.Actions {
			rec.Actions[i].Ref = 0
		}
	}
	first[1].Ref = 7
	s := openTest(t)
	if err := s.ImportRecords(ctx, q, recs); err != nil {
		t.Fatal(err)
	}
	got := refsOf(t, s, recs[0].Assessment.ID)
	if got[0] != "A-07" || got[1] != "A-08" || got[2] != "A-09" {
		t.Errorf("imported refs %q; want A-07 kept first, then A-08, A-09 for those without", got)
	}
	for _, rec := range recs[1:] {
		seen := map[string]bool{}
		for _, r := range refsOf(t, s, rec.Assessment.ID) {
			if r == "" || seen[r] {
				t.Errorf("%s: ref %q is empty or repeated", rec.Assessment.Period, r)
			}
			seen[r] = true
		}
	}
}

// TestMigrationNumbersActions checks that upgrading a database of schema
// 0005 numbers each assessment's actions by when they were added (by id when
// added at the same instant), signed-off ones too, and keeps the signed-off
// lock on actions.
func TestMigrationNumbersActions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "maturity.db")
	old, err := Open(ctx, path, withMaxVersion(5))
	if err != nil {
		t.Fatal(err)
	}
	q := testQuestionnaire(t)
	must(0, old.SaveQuestionnaire(ctx, q))
	p := must(old.CreatePartnership(ctx, assessment.Partnership{Name: "Northshire"}))
	var ids []string
	for _, period := range []string{"2024/25", "2025/26"} {
		ids = append(ids, must(old.CreateAssessment(ctx, assessment.Assessment{PartnershipID: p.ID,
			QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, Period: period})).ID)
	}
	for _, row := range [][3]string{
		{"c", ids[1], "2026-01-02T10:00:00Z"}, {"b", ids[1], "2026-01-02T10:00:00Z"},
		{"a", ids[1], "2026-01-03T10:00:00Z"}, {"z", ids[0], "2025-01-02T10:00:00Z"},
	} {
		if _, err := old.db.Exec(`INSERT INTO action (id, assessment_id, theme_id, title, created_at, updated_at)
			VALUES (?, ?, 'culture', 'Old action', ?, ?)`, row[0], row[1], row[2], row[2]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.db.Exec(`UPDATE assessment SET status = 'signed off' WHERE id = ?`, ids[0]); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s := openAt(t, path)
	checkRefs(t, "draft", refsOf(t, s, ids[1]), "A-01", "A-02", "A-03")
	var order []string
	for _, a := range must(s.LoadRecord(ctx, ids[1])).Actions {
		order = append(order, a.ID)
	}
	checkRefs(t, "draft ids by ref", order, "b", "c", "a")
	checkRefs(t, "signed off", refsOf(t, s, ids[0]), "A-01")
	if _, err := s.db.Exec(`UPDATE action SET ref = 5 WHERE id = 'z'`); err == nil {
		t.Error("after the upgrade a signed-off assessment's action could be changed")
	}
}
