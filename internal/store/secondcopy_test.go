package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestSecondCopyIsDetected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "maturity.db")
	first := openAt(t, path)
	if c := first.OtherCopy(); c != nil {
		t.Fatalf("first copy sees another: %+v", c)
	}
	second := openAt(t, path)
	c := second.OtherCopy()
	if c == nil {
		t.Fatal("second copy on one database: OtherCopy() = nil; want the first copy")
	}
	if c.PID != os.Getpid() || c.Since.IsZero() || c.Program == "" {
		t.Errorf("OtherCopy = %+v; want this process, its program and when it opened", c)
	}
	if msg := c.Message(); !strings.Contains(msg, "Another copy of Partnership Maturity") ||
		!strings.Contains(msg, "later save is refused and shows both versions") {
		t.Errorf("Message() = %q; want it to say another copy is open and what happens", msg)
	}
	// The second copy can still work: both are writable.
	if _, err := second.CreatePartnership(context.Background(), assessment.Partnership{Name: "Eastshire"}); err != nil {
		t.Errorf("the second copy cannot save: %v", err)
	}
	// Edits from both copies, interleaved, keep one unbroken audit chain.
	for i, s := range []*Store{first, second, first} {
		must(s.CreatePartnership(context.Background(), assessment.Partnership{Name: fmt.Sprintf("Copy edit %d", i)}))
	}
	if h, err := CheckFile(context.Background(), path); err != nil || !h.Healthy() {
		t.Errorf("CheckFile after both copies wrote = %v, %v; want healthy", h.Problems, err)
	}
	first.Close()
	second.Close()
	if third := openAt(t, path); third.OtherCopy() != nil {
		t.Errorf("after both closed, a new copy sees another: %+v", third.OtherCopy())
	}
}

func TestLostUpdateIsRefusedWithBothValues(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	other := openAt(t, f.s.Path())
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1", Level: 2, Evidence: "first"}))
	must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", Title: "Audit", Owner: "Sam"}))

	// Both copies read the assessment.
	mine, theirs := must(f.s.LoadRecord(ctx, f.a.ID)), must(other.LoadRecord(ctx, f.a.ID))

	// The other copy changes the evidence and the action's owner.
	r := theirs.Responses[0]
	r.Evidence = "theirs: minutes of March"
	must(other.SaveResponse(ctx, r))
	y := theirs.Actions[0]
	y.Owner = "Alex"
	must(other.SaveAction(ctx, y))

	// This copy, working from what it read, changes the level and the title.
	r = mine.Responses[0]
	r.Level = 4
	_, err := f.s.SaveResponse(ctx, r)
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("saving over another copy's change: %v; want ErrChanged", err)
	}
	for _, want := range []string{"culture.1", `evidence is now "theirs: minutes of March", yours is "first"`,
		`level is now "2", yours is "4"`, "not saved"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q; want it to say %q", err, want)
		}
	}
	z := mine.Actions[0]
	z.Title = "Audit of supervision"
	_, err = f.s.SaveAction(ctx, z)
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), `owner is now "Alex", yours is "Sam"`) ||
		!strings.Contains(err.Error(), `title is now "Audit", yours is "Audit of supervision"`) {
		t.Errorf("saving an action over another copy's change: %v; want ErrChanged with both owners and titles", err)
	}

	// Nothing of the refused edits was stored; the other copy's stands.
	got := must(f.s.LoadRecord(ctx, f.a.ID))
	if got.Responses[0].Evidence != "theirs: minutes of March" || got.Responses[0].Level != 2 ||
		got.Actions[0].Owner != "Alex" || got.Actions[0].Title != "Audit" {
		t.Errorf("after refused edits: response %+v, action %+v; want the other copy's", got.Responses[0], got.Actions[0])
	}
	// Working from a fresh read, the same edit is saved.
	r = got.Responses[0]
	r.Level = 4
	if _, err := f.s.SaveResponse(ctx, r); err != nil {
		t.Errorf("saving after reading again: %v", err)
	}
}

func TestLostUpdateOfVotesScrutinyAndParticipants(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	other := openAt(t, f.s.Path())
	p := must(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Jo", Role: "Lead"}))
	v := must(f.s.SaveVote(ctx, assessment.Vote{AssessmentID: f.a.ID, QuestionID: "culture.1", ParticipantID: p.ID, Level: 2}))
	sc := must(f.s.SaveScrutiny(ctx, assessment.Scrutiny{AssessmentID: f.a.ID, QuestionID: "culture.1", Scrutineer: "S", Challenge: "Why?"}))

	// The other copy changes each; this copy then saves its own change to
	// what it read before.
	p2, v2, sc2 := p, v, sc
	p2.Role = "Chair"
	v2.Comment = "theirs"
	sc2.Challenge = "Show the audit"
	must(other.UpdateParticipant(ctx, p2))
	must(other.SaveVote(ctx, v2))
	must(other.SaveScrutiny(ctx, sc2))

	p.Name, v.Level, sc.Level = "Joanne", 4, 3
	for name, c := range map[string]struct {
		err  error
		says string
	}{
		"participant": {errOf(f.s.UpdateParticipant(ctx, p)), `role is now "Chair", yours is "Lead"`},
		"vote":        {errOf(f.s.SaveVote(ctx, v)), `comment is now "theirs", yours is ""`},
		"scrutiny":    {errOf(f.s.SaveScrutiny(ctx, sc)), `challenge is now "Show the audit", yours is "Why?"`},
	} {
		if !errors.Is(c.err, ErrChanged) || !strings.Contains(c.err.Error(), c.says) {
			t.Errorf("%s saved over another copy's change: %v; want ErrChanged saying %q", name, c.err, c.says)
		}
	}
}
