package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// demoStore opens a new database holding Northshire's three years and two
// invented partnerships over two years, and returns it with the question
// set and Northshire's records as stored.
func demoStore(t *testing.T) (*Store, *questionnaire.Questionnaire, []assessment.Record) {
	t.Helper()
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	s := openTest(t)
	if err := s.ImportRecords(ctx, q, demo.Northshire(q, 1)); err != nil {
		t.Fatalf("ImportRecords(Northshire): %v", err)
	}
	for recs := range demo.National(q, demo.Options{Partnerships: 2, Years: 2, Seed: 3}) {
		if err := s.ImportRecords(ctx, q, recs); err != nil {
			t.Fatalf("ImportRecords(%s): %v", recs[0].Partnership.Name, err)
		}
	}
	var stored []assessment.Record
	for _, rec := range demo.Northshire(q, 1) {
		stored = append(stored, must(s.LoadRecord(ctx, rec.Assessment.ID)))
	}
	return s, q, stored
}

// checkYear compares a year with the whole record LoadRecord reads.
func checkYear(t *testing.T, y YearRecord, rec assessment.Record) {
	t.Helper()
	if !reflect.DeepEqual(y.Assessment, rec.Assessment) || !reflect.DeepEqual(y.Responses, rec.Responses) ||
		!reflect.DeepEqual(y.Actions, rec.Actions) {
		t.Errorf("%s: the year's assessment, responses or actions differ from LoadRecord's", rec.Assessment.Period)
	}
	if want := assessment.Spreads(rec.Votes); !reflect.DeepEqual(y.Spreads, want) {
		t.Errorf("%s: spreads %v; want %v", rec.Assessment.Period, y.Spreads, want)
	}
	if y.Questionnaire == nil || y.Questionnaire.Version != rec.Assessment.QuestionnaireVersion {
		t.Errorf("%s: question set %v", rec.Assessment.Period, y.Questionnaire)
	}
}

func TestTrend(t *testing.T) {
	ctx := context.Background()
	s, q, stored := demoStore(t)
	p := stored[0].Partnership
	tr, err := s.Trend(ctx, p.ID, q.ID)
	if err != nil {
		t.Fatalf("Trend: %v", err)
	}
	if !reflect.DeepEqual(tr.Partnership, p) || len(tr.Years) != len(stored) {
		t.Fatalf("Trend: partnership %q with %d years; want %q with %d", tr.Partnership.Name, len(tr.Years), p.Name, len(stored))
	}
	for i, y := range tr.Years {
		checkYear(t, y, stored[i])
	}
	recs := tr.Records()
	if len(recs) != 3 || recs[2].Partnership.ID != p.ID || len(recs[2].Actions) != len(stored[2].Actions) {
		t.Errorf("Records: %d records", len(recs))
	}
	empty, err := s.Trend(ctx, p.ID, "csprp-2023-practice")
	if err != nil || empty.Years == nil || len(empty.Years) != 0 {
		t.Errorf("Trend on an unused question set: %d years, %v; want none", len(empty.Years), err)
	}
	if _, err := s.Trend(ctx, "no-such-partnership", q.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Trend of an unknown partnership: %v; want ErrNotFound", err)
	}
}

func TestYearRecords(t *testing.T) {
	ctx := context.Background()
	s, _, stored := demoStore(t)
	years, err := s.YearRecords(ctx, stored[2].Assessment.ID, stored[1].Assessment.ID)
	if err != nil || len(years) != 2 {
		t.Fatalf("YearRecords: %d years, %v", len(years), err)
	}
	checkYear(t, years[0], stored[1])
	checkYear(t, years[1], stored[2])
	if _, err := s.YearRecords(ctx, stored[0].Assessment.ID, "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("YearRecords with an unknown id: %v; want ErrNotFound", err)
	}
}

func TestPeers(t *testing.T) {
	ctx := context.Background()
	s, q, stored := demoStore(t)
	peers, err := s.Peers(ctx, q.ID, "2025/26")
	if err != nil {
		t.Fatalf("Peers: %v", err)
	}
	var names []string
	for _, p := range peers {
		names = append(names, p.Partnership.Name)
		rec := must(s.LoadRecord(ctx, p.Assessment.ID))
		if !reflect.DeepEqual(p.Assessment, rec.Assessment) || !reflect.DeepEqual(p.Responses, rec.Responses) ||
			p.Partnership.ID != rec.Partnership.ID || p.Questionnaire.ID != q.ID {
			t.Errorf("%s: the peer's assessment or responses differ from LoadRecord's", p.Partnership.Name)
		}
	}
	if len(peers) != 3 || !slices.IsSorted(names) || !slices.Contains(names, stored[0].Partnership.Name) {
		t.Errorf("Peers: %v; want Northshire and the two invented partnerships by name", names)
	}
	if peers, err := s.Peers(ctx, q.ID, "2023/24"); err != nil || len(peers) != 1 {
		t.Errorf("Peers for 2023/24: %d, %v; want Northshire alone", len(peers), err)
	}
	if peers, err := s.Peers(ctx, q.ID, "2001/02"); err != nil || peers == nil || len(peers) != 0 {
		t.Errorf("Peers for a year nobody assessed: %v, %v; want none", peers, err)
	}
}

// TestImportRecords checks a batch is all or nothing and audits each
// assessment once, as ImportRecord does.
func TestImportRecords(t *testing.T) {
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	recs := demo.Northshire(q, 1)
	s := openTest(t)
	broken := slices.Clone(recs)
	broken[2].Assessment.ID = broken[0].Assessment.ID
	if err := s.ImportRecords(ctx, q, broken); !errors.Is(err, ErrExists) {
		t.Fatalf("ImportRecords with a repeated id: %v; want ErrExists", err)
	}
	if ps, err := s.Partnerships(ctx); err != nil || len(ps) != 0 {
		t.Fatalf("a failed batch left %d partnerships (%v)", len(ps), err)
	}
	if err := s.ImportRecords(ctx, q, recs); err != nil {
		t.Fatalf("ImportRecords: %v", err)
	}
	one := openTest(t)
	for _, rec := range recs {
		if err := one.ImportRecord(ctx, q, rec); err != nil {
			t.Fatalf("ImportRecord: %v", err)
		}
	}
	for _, rec := range recs {
		batch, single := must(s.AuditLog(ctx, rec.Assessment.ID)), must(one.AuditLog(ctx, rec.Assessment.ID))
		// Each signed-off import has its imported row and its seal.
		want := 1
		if rec.Assessment.Status == assessment.SignedOff {
			want = 2
		}
		if len(batch) != want || len(single) != want || batch[0].New != single[0].New || batch[want-1].New != single[want-1].New {
			t.Errorf("%s: audit %v in a batch, %v alone; want matching imported and seal rows", rec.Assessment.Period, batch, single)
		}
		a, b := must(s.LoadRecord(ctx, rec.Assessment.ID)), must(one.LoadRecord(ctx, rec.Assessment.ID))
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: a batch stores it differently from ImportRecord", rec.Assessment.Period)
		}
	}
}
