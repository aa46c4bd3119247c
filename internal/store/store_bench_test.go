package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// BenchmarkOpenNew opens and migrates a new database: what the user waits
// for on first start. Closing it (a WAL checkpoint, timed by
// BenchmarkOpenNewAndClose) is left out. Target: under 50 ms.
func BenchmarkOpenNew(b *testing.B) {
	benchmarkOpenNew(b, false)
}

// BenchmarkOpenNewAndClose is BenchmarkOpenNew with the close timed too.
func BenchmarkOpenNewAndClose(b *testing.B) {
	benchmarkOpenNew(b, true)
}

// benchmarkOpenNew opens and migrates a new database each iteration.
func benchmarkOpenNew(b *testing.B, timeClose bool) {
	dir := b.TempDir()
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		s, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("maturity-%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if !timeClose {
			b.StopTimer()
		}
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkLoadRecord loads one assessment of 18 responses, 10 participants
// each voting on all 18 questions and 40 actions with an update each.
// Target: under 5 ms.
func BenchmarkLoadRecord(b *testing.B) {
	ctx := context.Background()
	f := newFixture(b)
	rec := benchRecord(f)
	if err := f.s.ImportRecord(ctx, f.q, rec); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := f.s.LoadRecord(ctx, rec.Assessment.ID)
		if err != nil || len(got.Votes) != 180 || len(got.Actions) != 40 {
			b.Fatalf("LoadRecord: %d votes, %d actions, %v", len(got.Votes), len(got.Actions), err)
		}
	}
}

// benchRecord builds, in memory, a full assessment of the fixture's
// partnership for 2026/27.
func benchRecord(f fixture) assessment.Record {
	at := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	a := assessment.Assessment{ID: newID(), PartnershipID: f.p.ID, QuestionnaireID: f.q.ID,
		QuestionnaireVersion: f.q.Version, Period: "2026/27", Status: assessment.Agreed, CreatedAt: at, UpdatedAt: at}
	rec := assessment.Record{Partnership: f.p, Assessment: a}
	for i := range 10 {
		rec.Participants = append(rec.Participants, assessment.Participant{ID: newID(), AssessmentID: a.ID,
			Name: fmt.Sprintf("Person %d", i), Role: "Lead", AgencyID: f.p.Agencies[i%3].ID, CreatedAt: at, UpdatedAt: at})
	}
	for i, q := range questionIDs {
		rec.Responses = append(rec.Responses, assessment.Response{AssessmentID: a.ID, QuestionID: q, Level: 1 + i%5,
			Target: 5, Confidence: assessment.High, Evidence: "Evidence for " + q, Strengths: "Strengths",
			AreasForDevelopment: "Areas", Rationale: "Rationale", CreatedAt: at, UpdatedAt: at})
		for j, p := range rec.Participants {
			rec.Votes = append(rec.Votes, assessment.Vote{ID: newID(), AssessmentID: a.ID, QuestionID: q,
				ParticipantID: p.ID, Level: 1 + (i+j)%5, Comment: "Comment", CreatedAt: at, UpdatedAt: at})
		}
	}
	for i := range 40 {
		x := assessment.Action{ID: newID(), AssessmentID: a.ID, ThemeID: "culture", Title: fmt.Sprintf("Action %d", i),
			Owner: "Owner", OwnerAgencyID: f.p.Agencies[0].ID, Due: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC),
			SuccessMeasure: "Measure", Status: assessment.InProgress, CreatedAt: at, UpdatedAt: at}
		x.Updates = []assessment.ActionUpdate{{ID: newID(), ActionID: x.ID, On: at, Author: "Owner", Note: "Progress",
			CreatedAt: at, UpdatedAt: at}}
		rec.Actions = append(rec.Actions, x)
	}
	return rec
}
