package store

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestAssessmentErrors(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	next := must(f.s.CreateAssessment(ctx, assessment.Assessment{PartnershipID: f.p.ID,
		QuestionnaireID: f.q.ID, QuestionnaireVersion: f.q.Version, Period: "2026/27"}))
	base := assessment.Assessment{PartnershipID: f.p.ID, QuestionnaireID: f.q.ID, QuestionnaireVersion: f.q.Version}
	with := func(change func(*assessment.Assessment)) assessment.Assessment {
		a := base
		change(&a)
		return a
	}
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"same period", func() error {
			_, err := f.s.CreateAssessment(ctx, with(func(a *assessment.Assessment) { a.Period = "2025/26" }))
			return err
		}, ErrDuplicate},
		{"rename to a taken period", func() error { return f.s.RenameAssessment(ctx, next.ID, "2025/26") }, ErrDuplicate},
		{"start from previous into a taken period", func() error {
			_, err := f.s.StartFromPrevious(ctx, f.a.ID, "2026/27")
			return err
		}, ErrDuplicate},
		{"malformed period", func() error {
			_, err := f.s.CreateAssessment(ctx, with(func(a *assessment.Assessment) { a.Period = "2025" }))
			return err
		}, ErrInvalid},
		{"unknown status", func() error { return f.s.SetStatus(ctx, f.a.ID, "finished") }, ErrInvalid},
		{"missing partnership", func() error {
			_, err := f.s.CreateAssessment(ctx, with(func(a *assessment.Assessment) { a.Period = "2027/28"; a.PartnershipID = "nope" }))
			return err
		}, ErrNotFound},
		{"missing question set", func() error {
			_, err := f.s.CreateAssessment(ctx, with(func(a *assessment.Assessment) { a.Period = "2027/28"; a.QuestionnaireVersion = "2.0" }))
			return err
		}, ErrNotFound},
		{"missing assessment", func() error {
			_, err := f.s.Assessment(ctx, "nope")
			return err
		}, ErrNotFound},
		{"delete a workshop", func() error {
			if err := f.s.SetStatus(ctx, next.ID, assessment.Workshop); err != nil {
				return err
			}
			return f.s.DeleteAssessment(ctx, next.ID)
		}, ErrNotDraft},
		{"question not in the set", func() error {
			_, err := f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.9", Level: 2})
			return err
		}, ErrInvalid},
		{"level off the scale", func() error {
			_, err := f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1", Level: 6})
			return err
		}, ErrInvalid},
		{"unknown confidence", func() error {
			_, err := f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1", Confidence: "total"})
			return err
		}, ErrInvalid},
		{"action theme not in the set", func() error {
			_, err := f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "money", Title: "Spend"})
			return err
		}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("got %v; want %v", err, tt.want)
			}
		})
	}
}

func TestRenameAndSetStatus(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if err := f.s.RenameAssessment(ctx, f.a.ID, "2024/25"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetStatus(ctx, f.a.ID, assessment.Agreed); err != nil {
		t.Fatal(err)
	}
	got := must(f.s.Assessment(ctx, f.a.ID))
	if got.Period != "2024/25" || got.Status != assessment.Agreed || !got.UpdatedAt.After(f.a.UpdatedAt) || !got.CreatedAt.Equal(f.a.CreatedAt) {
		t.Errorf("Assessment = %+v; want 2024/25, agreed, updated later", got)
	}
}

func TestSaveResponseCarriedForward(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	next, err := f.s.StartFromPrevious(ctx, f.a.ID, "2026/27")
	if err != nil {
		t.Fatal(err)
	}
	rec := must(f.s.LoadRecord(ctx, next.ID))
	r := rec.Responses[0]
	if !r.CarriedForward {
		t.Fatalf("carried response = %+v; want CarriedForward", r)
	}
	tests := []struct {
		name    string
		change  func(*assessment.Response)
		carried bool
	}{
		{"level only", func(r *assessment.Response) { r.Level = 4 }, true},
		{"confidence only", func(r *assessment.Response) { r.Confidence = assessment.High }, true},
		{"evidence", func(r *assessment.Response) { r.Evidence += " and the 2026 audit" }, false},
		{"strengths", func(r *assessment.Response) { r.Strengths = "" }, false},
		{"areas", func(r *assessment.Response) { r.AreasForDevelopment += "." }, false},
		{"rationale", func(r *assessment.Response) { r.Rationale = "New rationale" }, false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rec.Responses[i]
			tt.change(&r)
			got := must(f.s.SaveResponse(ctx, r))
			stored := must(responseByKey(ctx, f.s.db, r.AssessmentID, r.QuestionID))
			if got.CarriedForward != tt.carried || stored.CarriedForward != tt.carried {
				t.Errorf("CarriedForward returned %v, stored %v; want %v", got.CarriedForward, stored.CarriedForward, tt.carried)
			}
		})
	}
}

func TestStartFromPrevious(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	if err := f.s.SetStatus(ctx, f.a.ID, assessment.SignedOff); err != nil {
		t.Fatal(err)
	}
	prev := must(f.s.LoadRecord(ctx, f.a.ID))
	next, err := f.s.StartFromPrevious(ctx, f.a.ID, "2026/27")
	if err != nil {
		t.Fatal(err)
	}
	if next.PreviousID != f.a.ID || next.Status != assessment.Draft || next.PartnershipID != f.p.ID ||
		next.QuestionnaireID != f.q.ID || next.QuestionnaireVersion != f.q.Version || next.Period != "2026/27" {
		t.Fatalf("StartFromPrevious = %+v; want a draft for 2026/27 started from %s", next, f.a.ID)
	}
	rec := must(f.s.LoadRecord(ctx, next.ID))
	if len(rec.Responses) != len(prev.Responses) {
		t.Fatalf("%d responses carried; want %d", len(rec.Responses), len(prev.Responses))
	}
	carried := map[string]assessment.Response{}
	for _, r := range rec.Responses {
		carried[r.QuestionID] = r
	}
	for _, p := range prev.Responses {
		r, ok := carried[p.QuestionID]
		if !ok || r.Level != assessment.NotAssessed || r.Confidence != "" || r.Target != p.Target ||
			r.Evidence != p.Evidence || r.Strengths != p.Strengths || r.AreasForDevelopment != p.AreasForDevelopment ||
			r.Rationale != p.Rationale || !r.CarriedForward {
			t.Errorf("carried response %+v from %+v; want no level or confidence, target and text kept, carried", r, p)
		}
	}
	if len(rec.EvidenceRefs) != 1 || rec.EvidenceRefs[0].ID == prev.EvidenceRefs[0].ID ||
		rec.EvidenceRefs[0].Title != prev.EvidenceRefs[0].Title || !rec.EvidenceRefs[0].CarriedForward {
		t.Errorf("evidence refs = %+v; want a carried copy of %+v", rec.EvidenceRefs, prev.EvidenceRefs)
	}
	var open []assessment.Action
	for _, a := range prev.Actions {
		if a.Status.Open() {
			open = append(open, a)
		}
	}
	if len(rec.Actions) != len(open) || len(open) != 3 {
		t.Fatalf("%d actions carried; want the %d open ones of %d", len(rec.Actions), len(open), len(prev.Actions))
	}
	for i, a := range rec.Actions {
		o := open[i]
		if a.ID == o.ID || a.CarriedFromID != o.ID || a.Status != o.Status || a.Title != o.Title ||
			!a.Due.Equal(o.Due) || a.OwnerAgencyID != o.OwnerAgencyID || len(a.Updates) != 0 {
			t.Errorf("carried action %+v from %+v; want new id, carried_from, same status, no updates", a, o)
		}
	}
	if len(rec.Participants)+len(rec.Votes)+len(rec.Scrutiny)+len(rec.SignOffs) != 0 {
		t.Errorf("carried participants, votes, scrutiny or sign-offs: %+v", rec)
	}
	if after := must(f.s.LoadRecord(ctx, f.a.ID)); !recordsEqual(after, prev) {
		t.Errorf("previous assessment changed by StartFromPrevious")
	}
}

func TestAssessmentsSummary(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	levels := map[string]int{"culture.1": 2, "culture.2": 4, "intent.1": 3, "workforce.4": 5}
	for q, l := range levels {
		must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: q, Level: l}))
	}
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "upstream.1", Target: 4}))
	next := must(f.s.StartFromPrevious(ctx, f.a.ID, "2026/27"))
	list := must(f.s.Assessments(ctx, f.p.ID))
	if len(list) != 2 || list[0].ID != f.a.ID || list[1].ID != next.ID {
		t.Fatalf("Assessments = %+v; want 2025/26 then 2026/27", list)
	}
	got := list[0]
	want := (3.0 + 3.0 + 5.0) / 3 // culture (2+4)/2, intent 3, workforce 5
	if got.Score.Assessed != 4 || got.Score.Total != 18 || math.Abs(got.Score.Mean-want) > 1e-9 || got.QuestionnaireTitle != f.q.Title {
		t.Errorf("summary = %+v; want 4 of 18 assessed, mean %.3f", got, want)
	}
	if s := list[1].Score; s.Assessed != 0 || s.Total != 18 || s.Valid() {
		t.Errorf("carried-forward summary = %+v; want nothing assessed of 18", s)
	}
	if _, err := f.s.Assessments(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Assessments of a missing partnership: %v; want ErrNotFound", err)
	}
}

func TestDeleteDraftCascades(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	if err := f.s.DeleteAssessment(ctx, f.a.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"assessment", "participant", "response", "evidence_ref", "vote", "scrutiny", "action", "action_update", "signoff"} {
		var n int
		if err := f.s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s rows after deleting the draft = %d (%v); want 0", table, n, err)
		}
	}
	rows := must(f.s.AuditLog(ctx, f.a.ID))
	var deleted bool
	for _, r := range rows {
		deleted = deleted || (r.Field == "" && r.New == "deleted")
	}
	if !deleted {
		t.Errorf("audit rows %+v; want a deleted row", rows)
	}
	if _, err := f.s.LoadRecord(ctx, f.a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("LoadRecord after delete: %v; want ErrNotFound", err)
	}
}

func TestSignedOffIsReadOnly(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if err := f.s.SetStatus(ctx, f.a.ID, assessment.SignedOff); err != nil {
		t.Fatal(err)
	}
	rec = must(f.s.LoadRecord(ctx, f.a.ID))
	a := f.a.ID
	x, p := rec.Actions[0], rec.Participants[0]
	raw := []string{
		"UPDATE assessment SET status = 'draft' WHERE id = '" + a + "'",
		"UPDATE assessment SET facilitator = 'Someone' WHERE id = '" + a + "'",
		"DELETE FROM assessment WHERE id = '" + a + "'",
		"INSERT INTO participant (id, assessment_id, name, created_at, updated_at) VALUES ('p', '" + a + "', 'New', '', '')",
		"UPDATE participant SET name = 'Changed' WHERE assessment_id = '" + a + "'",
		"DELETE FROM participant WHERE assessment_id = '" + a + "'",
		"UPDATE response SET level = 1 WHERE assessment_id = '" + a + "'",
		"DELETE FROM response WHERE assessment_id = '" + a + "'",
		"INSERT INTO evidence_ref (id, assessment_id, question_id, title, created_at, updated_at) VALUES ('e', '" + a + "', 'culture.1', 'T', '', '')",
		"DELETE FROM evidence_ref WHERE assessment_id = '" + a + "'",
		"UPDATE vote SET level = 1 WHERE assessment_id = '" + a + "'",
		"DELETE FROM vote WHERE assessment_id = '" + a + "'",
		"UPDATE scrutiny SET level = 5 WHERE assessment_id = '" + a + "'",
		"DELETE FROM scrutiny WHERE assessment_id = '" + a + "'",
		"UPDATE action SET status = 'complete' WHERE assessment_id = '" + a + "'",
		"DELETE FROM action WHERE assessment_id = '" + a + "'",
		"INSERT INTO action_update (id, action_id, noted_on, note, created_at, updated_at) VALUES ('u', '" + x.ID + "', '', 'n', '', '')",
		"UPDATE action_update SET note = 'changed' WHERE action_id = '" + x.ID + "'",
		"DELETE FROM action_update WHERE action_id = '" + x.ID + "'",
		"INSERT INTO signoff (id, assessment_id, name, signed_at, created_at, updated_at) VALUES ('s', '" + a + "', 'Late', '', '', '')",
		"DELETE FROM signoff WHERE assessment_id = '" + a + "'",
	}
	for _, stmt := range raw {
		_, err := f.s.db.Exec(stmt)
		if err := mapErr(err); !errors.Is(err, ErrSignedOff) {
			t.Errorf("%s: %v; want ErrSignedOff", stmt, err)
		}
	}
	methods := []struct {
		name string
		do   func() error
	}{
		{"SetStatus", func() error { return f.s.SetStatus(ctx, a, assessment.Agreed) }},
		{"RenameAssessment", func() error { return f.s.RenameAssessment(ctx, a, "2030/31") }},
		{"DeleteAssessment", func() error { return f.s.DeleteAssessment(ctx, a) }},
		{"SaveResponse", func() error {
			r := rec.Responses[0]
			r.Level = 2
			return errOf(f.s.SaveResponse(ctx, r))
		}},
		{"AddParticipant", func() error {
			return errOf(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: a, Name: "Late"}))
		}},
		{"UpdateParticipant", func() error {
			q := p
			q.Name = "Changed"
			return errOf(f.s.UpdateParticipant(ctx, q))
		}},
		{"DeleteParticipant", func() error { return f.s.DeleteParticipant(ctx, p.ID) }},
		{"SaveVote", func() error {
			v := rec.Votes[0]
			v.Level = 5
			return errOf(f.s.SaveVote(ctx, v))
		}},
		{"SaveScrutiny", func() error {
			sc := rec.Scrutiny[0]
			sc.Challenge = "More"
			return errOf(f.s.SaveScrutiny(ctx, sc))
		}},
		{"SaveAction", func() error {
			y := x
			y.Title = "Changed"
			return errOf(f.s.SaveAction(ctx, y))
		}},
		{"DeleteAction", func() error { return f.s.DeleteAction(ctx, x.ID) }},
		{"AddActionUpdate", func() error {
			return errOf(f.s.AddActionUpdate(ctx, assessment.ActionUpdate{ActionID: x.ID, Note: "late"}))
		}},
		{"AddSignOff", func() error {
			return errOf(f.s.AddSignOff(ctx, assessment.SignOff{AssessmentID: a, Name: "Late"}))
		}},
		{"AddEvidenceRef", func() error {
			return errOf(f.s.AddEvidenceRef(ctx, assessment.EvidenceRef{AssessmentID: a, QuestionID: "culture.1", Title: "Late"}))
		}},
		{"DeleteEvidenceRef", func() error { return f.s.DeleteEvidenceRef(ctx, rec.EvidenceRefs[0].ID) }},
	}
	for _, m := range methods {
		if err := m.do(); !errors.Is(err, ErrSignedOff) {
			t.Errorf("%s: %v; want ErrSignedOff", m.name, err)
		} else if !strings.Contains(err.Error(), "signed off and read-only") {
			t.Errorf("%s: %q does not say the assessment is signed off", m.name, err)
		}
	}
	if after := must(f.s.LoadRecord(ctx, a)); !recordsEqual(after, rec) {
		t.Errorf("signed-off record changed")
	}
}

// errOf returns the error of a call returning a value and an error.
func errOf[T any](_ T, err error) error { return err }

func TestVoteUpsert(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	p := must(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Jo", AgencyID: f.p.Agencies[0].ID}))
	first := must(f.s.SaveVote(ctx, assessment.Vote{AssessmentID: f.a.ID, QuestionID: "intent.2", ParticipantID: p.ID, Level: 2}))
	second := must(f.s.SaveVote(ctx, assessment.Vote{AssessmentID: f.a.ID, QuestionID: "intent.2", ParticipantID: p.ID, Level: 4, Comment: "on reflection"}))
	if second.ID != first.ID || !second.CreatedAt.Equal(first.CreatedAt) {
		t.Errorf("second vote %+v; want the first (%s) changed", second, first.ID)
	}
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if len(rec.Votes) != 1 || rec.Votes[0].Level != 4 || rec.Votes[0].Comment != "on reflection" {
		t.Errorf("votes = %+v; want one at level 4", rec.Votes)
	}
	if err := f.s.DeleteParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if rec := must(f.s.LoadRecord(ctx, f.a.ID)); len(rec.Votes) != 0 || len(rec.Participants) != 0 {
		t.Errorf("after deleting the participant, votes %+v; want none", rec.Votes)
	}
}

func TestActionsAndUpdates(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	x := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "workforce", Title: "Train"}))
	if x.Status != assessment.NotStarted || x.ID == "" {
		t.Fatalf("SaveAction = %+v; want a new action not started", x)
	}
	x.Status, x.Outcome = assessment.Complete, "Done"
	must(f.s.SaveAction(ctx, x))
	must(f.s.AddActionUpdate(ctx, assessment.ActionUpdate{ActionID: x.ID, Author: "Kim", Note: "Finished"}))
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if len(rec.Actions) != 1 || rec.Actions[0].Status != assessment.Complete || len(rec.Actions[0].Updates) != 1 ||
		rec.Actions[0].Updates[0].Note != "Finished" || !rec.Actions[0].Due.IsZero() {
		t.Errorf("actions = %+v; want one complete with one update and no due date", rec.Actions)
	}
	checkAudit(t, must(f.s.AuditLog(ctx, x.ID))[6:], []AuditEntry{
		{Entity: "action", Field: "status", Old: "not started", New: "complete"},
		{Entity: "action", Field: "outcome", Old: "", New: "Done"},
	})
	if err := f.s.DeleteAction(ctx, x.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteAction(ctx, x.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v; want ErrNotFound", err)
	}
}
