package store

import (
	"context"
	"errors"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestCreatePartnership(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if f.p.ID == "" || f.p.CreatedAt.IsZero() || len(f.p.Agencies) != 3 || f.p.Agencies[2].ID == "" ||
		f.p.Agencies[2].PartnershipID != f.p.ID {
		t.Fatalf("CreatePartnership returned %+v; want ids, timestamps and three agencies", f.p)
	}
	got, err := f.s.Partnership(ctx, f.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Northshire" || got.Area != "Northshire County" || len(got.Agencies) != 3 ||
		got.Agencies[0].Name != "Northshire County Council" || got.Agencies[1].Kind != assessment.IntegratedCareBoard ||
		!got.CreatedAt.Equal(f.p.CreatedAt) {
		t.Errorf("Partnership = %+v; want it as created, agencies in order", got)
	}
}

func TestPartnershipsByName(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, name := range []string{"Westshire", "eastshire", "Northshire"} {
		must(s.CreatePartnership(ctx, assessment.Partnership{Name: name, Agencies: []assessment.Agency{
			{Name: name + " Police", Kind: assessment.Police}}}))
	}
	list, err := s.Partnerships(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range list {
		names = append(names, p.Name)
		if len(p.Agencies) != 1 || p.Agencies[0].Name != p.Name+" Police" {
			t.Errorf("%s agencies = %+v; want its police", p.Name, p.Agencies)
		}
	}
	if want := []string{"eastshire", "Northshire", "Westshire"}; !equalStrings(names, want) {
		t.Errorf("Partnerships names = %v; want %v", names, want)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPartnershipErrors(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	other := must(f.s.CreatePartnership(ctx, assessment.Partnership{Name: "Southshire"}))
	renamed := other
	renamed.Name = "NORTHSHIRE"
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"same name", func() error {
			_, err := f.s.CreatePartnership(ctx, assessment.Partnership{Name: "Northshire"})
			return err
		}, ErrDuplicate},
		{"same name other case", func() error {
			_, err := f.s.CreatePartnership(ctx, assessment.Partnership{Name: "northSHIRE"})
			return err
		}, ErrDuplicate},
		{"rename to a taken name", func() error {
			_, err := f.s.UpdatePartnership(ctx, renamed)
			return err
		}, ErrDuplicate},
		{"no name", func() error {
			_, err := f.s.CreatePartnership(ctx, assessment.Partnership{Name: "  "})
			return err
		}, ErrInvalid},
		{"unknown agency kind", func() error {
			_, err := f.s.AddAgency(ctx, assessment.Agency{PartnershipID: f.p.ID, Name: "School", Kind: "school"})
			return err
		}, ErrInvalid},
		{"agency name taken", func() error {
			_, err := f.s.AddAgency(ctx, assessment.Agency{PartnershipID: f.p.ID, Name: "northshire police", Kind: assessment.Police})
			return err
		}, ErrDuplicate},
		{"agency of missing partnership", func() error {
			_, err := f.s.AddAgency(ctx, assessment.Agency{PartnershipID: "missing", Name: "X", Kind: assessment.Police})
			return err
		}, ErrNotFound},
		{"missing partnership", func() error {
			_, err := f.s.Partnership(ctx, "missing")
			return err
		}, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("got %v; want %v", err, tt.want)
			}
		})
	}
	if list := must(f.s.Partnerships(ctx)); len(list) != 2 {
		t.Errorf("after refused edits, %d partnerships; want 2", len(list))
	}
}

func TestAgencies(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	a := must(f.s.AddAgency(ctx, assessment.Agency{PartnershipID: f.p.ID, Name: "Northshire Schools", Kind: assessment.RelevantAgency}))
	a.Name, a.Kind = "Northshire Education", assessment.LocalAuthority
	got, err := f.s.UpdateAgency(ctx, a)
	if err != nil || got.Name != "Northshire Education" || got.PartnershipID != f.p.ID || !got.UpdatedAt.After(got.CreatedAt) {
		t.Fatalf("UpdateAgency = %+v, %v; want renamed, updated later", got, err)
	}
	p := must(f.s.Partnership(ctx, f.p.ID))
	if len(p.Agencies) != 4 || p.Agencies[3].Name != "Northshire Education" || p.Agencies[3].Kind != assessment.LocalAuthority {
		t.Errorf("agencies = %+v; want the fourth renamed", p.Agencies)
	}
	checkAudit(t, must(f.s.AuditLog(ctx, a.ID))[4:], []AuditEntry{
		{Entity: "agency", Field: "name", Old: "Northshire Schools", New: "Northshire Education"},
		{Entity: "agency", Field: "kind", Old: "relevant agency", New: "local authority"},
	})
}
