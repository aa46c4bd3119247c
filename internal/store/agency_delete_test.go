package store

import (
	"context"
	"errors"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestDeleteAgencyOnlyWhenUnused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	used, unused := f.p.Agencies[0], f.p.Agencies[2]
	must(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Ana", AgencyID: used.ID}))

	err := f.s.DeleteAgency(ctx, used.ID)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("deleting an agency a participant names: %v; want ErrInUse", err)
	}
	if p := must(f.s.Partnership(ctx, f.p.ID)); len(p.Agencies) != 3 {
		t.Fatalf("a refused delete changed the agencies: %+v", p.Agencies)
	}
	if err := f.s.DeleteAgency(ctx, unused.ID); err != nil {
		t.Fatal(err)
	}
	if p := must(f.s.Partnership(ctx, f.p.ID)); len(p.Agencies) != 2 {
		t.Errorf("after deleting: %d agencies; want 2", len(p.Agencies))
	}
	log := must(f.s.AuditLog(ctx, unused.ID))
	deleted := false
	for _, e := range log {
		deleted = deleted || (e.Entity == "agency" && e.Old == unused.Name && e.New == "")
	}
	if !deleted {
		t.Errorf("no audit row for the deleted agency: %+v", log)
	}
	if err := f.s.DeleteAgency(ctx, unused.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v; want ErrNotFound", err)
	}
}
