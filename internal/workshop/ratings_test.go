package workshop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
)

func TestVotesFromBundle(t *testing.T) {
	ctx := context.Background()
	r := newRoom(t, Options{})
	for qid, level := range map[string]int{"culture.1": 2, "intent.2": 4} {
		if _, err := r.st.SaveResponse(ctx, assessment.Response{AssessmentID: r.a.ID, QuestionID: qid, Level: level, Rationale: "Own view on " + qid}); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := r.st.LoadRecord(ctx, r.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := bundle.Encode(r.w.q, rec, bundle.Meta{ExportedAt: time.Now(), Generator: "test"})
	if err != nil {
		t.Fatal(err)
	}
	votes, err := VotesFromBundle(data, r.w.q)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]assessment.Vote{}
	for _, v := range votes {
		got[v.QuestionID] = v
	}
	if len(votes) != 2 || got["culture.1"].Level != 2 || got["intent.2"].Level != 4 || got["intent.2"].Comment != "Own view on intent.2" {
		t.Errorf("votes %+v; want the two rated questions with their rationale", votes)
	}
	if _, err := VotesFromBundle(append(data[:len(data)-20:len(data)-20], "}"...), r.w.q); err == nil {
		t.Error("a truncated bundle was accepted")
	}
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, make([]byte, MaxRatingsFile+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := VotesFromFile(big, r.w.q); err == nil || !strings.Contains(err.Error(), "over 32 MB") {
		t.Errorf("a file over the limit: %v", err)
	}
	p, err := r.st.ImportVotes(ctx, assessment.Participant{AssessmentID: r.a.ID, Name: "Sam Okafor", AgencyID: r.p.Agencies[2].ID}, votes)
	if err != nil {
		t.Fatal(err)
	}
	w, err := Open(ctx, r.st, r.a.ID, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := w.Snapshot(); s.Voted != 1 || s.Ballots[0].Participant.ID != p.ID || s.Ballots[0].Level != 2 || !strings.Contains(s.Question.ID, "culture.1") {
		t.Errorf("a workshop opened after the import: %+v; want Sam's imported 2 on culture.1", s.Ballots)
	}
}
