package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// normalise returns rec with every time in UTC and every list non-nil, so
// that two loads of the same data compare equal with reflect.DeepEqual.
func normalise(rec assessment.Record) assessment.Record {
	p := &rec.Partnership
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	p.Agencies = orEmpty(p.Agencies)
	rec.Participants, rec.Responses, rec.EvidenceRefs = orEmpty(rec.Participants), orEmpty(rec.Responses), orEmpty(rec.EvidenceRefs)
	rec.Votes, rec.Scrutiny, rec.Actions, rec.SignOffs = orEmpty(rec.Votes), orEmpty(rec.Scrutiny), orEmpty(rec.Actions), orEmpty(rec.SignOffs)
	for i := range rec.Actions {
		rec.Actions[i].Updates = orEmpty(rec.Actions[i].Updates)
	}
	return rec
}

// orEmpty returns s, or an empty slice when s is nil.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// recordsEqual reports whether two records hold the same data.
func recordsEqual(a, b assessment.Record) bool {
	return reflect.DeepEqual(normalise(a), normalise(b))
}

func TestRecordRoundTrip(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	if err := f.s.SetStatus(ctx, f.a.ID, assessment.SignedOff); err != nil {
		t.Fatal(err)
	}
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if len(rec.Responses) != 18 || len(rec.Votes) != 54 || len(rec.Actions) != 5 || len(rec.Actions[0].Updates) != 1 ||
		len(rec.SignOffs) != 3 || len(rec.Participants) != 3 || len(rec.Partnership.Agencies) != 3 {
		t.Fatalf("LoadRecord did not load everything: %d responses, %d votes, %d actions, %d sign-offs",
			len(rec.Responses), len(rec.Votes), len(rec.Actions), len(rec.SignOffs))
	}
	if again := must(f.s.LoadRecord(ctx, f.a.ID)); !reflect.DeepEqual(again, rec) {
		t.Errorf("two loads of one record differ")
	}

	other := openTest(t)
	if err := other.ImportRecord(ctx, f.q, rec); err != nil {
		t.Fatalf("ImportRecord: %v", err)
	}
	got := must(other.LoadRecord(ctx, f.a.ID))
	if !recordsEqual(got, rec) {
		t.Errorf("imported record differs:\n got %+v\nwant %+v", got, rec)
	}
	if err := other.SetStatus(ctx, f.a.ID, assessment.Agreed); !errors.Is(err, ErrSignedOff) {
		t.Errorf("imported signed-off assessment: SetStatus = %v; want ErrSignedOff", err)
	}
	rows := must(other.AuditLog(ctx, f.a.ID))
	if len(rows) != 2 || rows[0].Entity != "assessment" || rows[0].New != "imported (2025/26, signed off)" ||
		rows[1].Field != "seal" || len(rows[1].New) != 64 {
		t.Errorf("import audit rows = %+v; want one imported row and the seal", rows)
	}
	if want := storedSeal(t, f.s, f.a.ID); rows[1].New != want {
		t.Errorf("imported seal = %s; want the seal it was signed off with, %s", rows[1].New, want)
	}
	if err := other.ImportRecord(ctx, f.q, rec); !errors.Is(err, ErrExists) {
		t.Errorf("importing twice: %v; want ErrExists", err)
	}
	if err := f.s.ImportRecord(ctx, f.q, rec); !errors.Is(err, ErrExists) {
		t.Errorf("importing into its own database: %v; want ErrExists", err)
	}
}

func TestImportMatchesPartnershipByName(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	rec := must(f.s.LoadRecord(ctx, f.a.ID))

	other := openTest(t)
	local := must(other.CreatePartnership(ctx, assessment.Partnership{Name: "NORTHSHIRE", Agencies: []assessment.Agency{
		{Name: "northshire police", Kind: assessment.Police}}}))
	if err := other.ImportRecord(ctx, f.q, rec); err != nil {
		t.Fatalf("ImportRecord: %v", err)
	}
	list := must(other.Partnerships(ctx))
	if len(list) != 1 || list[0].ID != local.ID || len(list[0].Agencies) != 3 {
		t.Fatalf("partnerships = %+v; want the local one with the two missing agencies added", list)
	}
	police := local.Agencies[0].ID
	got := must(other.LoadRecord(ctx, f.a.ID))
	if got.Assessment.PartnershipID != local.ID {
		t.Errorf("imported assessment partnership = %s; want local %s", got.Assessment.PartnershipID, local.ID)
	}
	if got.Participants[2].AgencyID != police || got.SignOffs[2].AgencyID != police {
		t.Errorf("police participant and sign-off agency = %s, %s; want local police %s",
			got.Participants[2].AgencyID, got.SignOffs[2].AgencyID, police)
	}
	council := rec.Partnership.Agencies[0]
	council.PartnershipID = local.ID
	if got.Participants[0].AgencyID != council.ID || list[0].Agencies[0] != council {
		t.Errorf("created agencies = %+v; want the record's %+v kept as it was", list[0].Agencies, council)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	good := must(f.s.LoadRecord(ctx, f.a.ID))
	tests := []struct {
		name   string
		change func(*assessment.Record)
		want   error
	}{
		{"vote by a missing participant", func(r *assessment.Record) { r.Votes[5].ParticipantID = "nobody" }, ErrInvalid},
		{"two responses to one question", func(r *assessment.Record) { r.Responses[1].QuestionID = r.Responses[0].QuestionID }, ErrDuplicate},
		{"another question set", func(r *assessment.Record) { r.Assessment.QuestionnaireVersion = "2.0" }, ErrInvalid},
		{"bad period", func(r *assessment.Record) { r.Assessment.Period = "last year" }, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := must(f.s.LoadRecord(ctx, f.a.ID))
			tt.change(&rec)
			other := openTest(t)
			if err := other.ImportRecord(ctx, f.q, rec); !errors.Is(err, tt.want) {
				t.Fatalf("ImportRecord: %v; want %v", err, tt.want)
			}
			var n int
			for _, table := range []string{"partnership", "agency", "questionnaire", "assessment", "response", "audit_log"} {
				var c int
				if err := other.db.QueryRow("SELECT count(*) FROM " + table).Scan(&c); err != nil {
					t.Fatal(err)
				}
				n += c
			}
			if n != 0 {
				t.Errorf("failed import left %d rows; want none", n)
			}
			if err := other.ImportRecord(ctx, f.q, good); err != nil {
				t.Errorf("importing the good record after a failure: %v", err)
			}
		})
	}
}
