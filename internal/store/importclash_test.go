package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestImportRefusesClashingIdentifiers(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	rec := must(f.s.LoadRecord(ctx, f.a.ID))

	// foreign returns the record as another partnership's, new in every id
	// but the ones a test sets.
	foreign := func() assessment.Record {
		r := rec
		r.Assessment.ID, r.Assessment.Period = newID(), "2026/27"
		r.Partnership = assessment.Partnership{ID: newID(), Name: "Westshire"}
		for i := 0; i < 6; i++ {
			r.Partnership.Agencies = append(r.Partnership.Agencies, assessment.Agency{ID: newID(),
				Name: "Foreign agency " + string(rune('A'+i)), Kind: assessment.RelevantAgency})
		}
		r.Participants, r.Votes, r.SignOffs, r.Scrutiny, r.EvidenceRefs, r.Actions = nil, nil, nil, nil, nil, nil
		r.Assessment.Status = assessment.Draft
		return r
	}
	tests := []struct {
		name   string
		change func(r *assessment.Record)
		says   []string
	}{
		{"an existing partnership's id with another name", func(r *assessment.Record) {
			r.Partnership.ID = f.p.ID
		}, []string{`"Westshire"`, f.p.ID, `"Northshire"`}},
		{"an agency id of another partnership", func(r *assessment.Record) {
			r.Partnership.Agencies[0].ID = f.p.Agencies[1].ID
		}, []string{`"Foreign agency A"`, `"Northshire ICB" of another partnership`}},
		{"a previous assessment of another partnership", func(r *assessment.Record) {
			r.Assessment.PreviousID = f.a.ID
		}, []string{"2026/27", "started from assessment " + f.a.ID, `another partnership, "Northshire"`}},
		{"an action carried from another partnership's", func(r *assessment.Record) {
			r.Actions = []assessment.Action{{ID: newID(), ThemeID: "culture", Title: "Borrowed", Status: assessment.NotStarted,
				CarriedFromID: rec.Actions[0].ID}}
		}, []string{`"Borrowed"`, "carried from action " + rec.Actions[0].ID, `"Northshire"`}},
	}
	countRows := func() (n int) {
		f.s.db.QueryRow(`SELECT (SELECT count(*) FROM partnership) + (SELECT count(*) FROM agency) + (SELECT count(*) FROM assessment)`).Scan(&n)
		return n
	}
	before := countRows()
	for _, tt := range tests {
		r := foreign()
		tt.change(&r)
		err := f.s.ImportRecord(ctx, f.q, r)
		if !errors.Is(err, ErrClash) {
			t.Errorf("%s: %v; want ErrClash", tt.name, err)
			continue
		}
		for _, want := range tt.says {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q does not say %q", tt.name, err, want)
			}
		}
	}
	if after := countRows(); after != before {
		t.Errorf("refused imports changed the database: %d partnerships, agencies and assessments, was %d", after, before)
	}
	// The same record without the clash imports.
	if err := f.s.ImportRecord(ctx, f.q, foreign()); err != nil {
		t.Errorf("importing another partnership's record with no clash: %v", err)
	}
}
