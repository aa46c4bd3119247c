package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// TestTextLimitsRefusedByEverySave saves text breaking a limit through
// every method that takes text: each is refused as ErrInvalid and
// assessment.ErrText, saying which limit, and nothing is stored.
func TestTextLimitsRefusedByEverySave(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	long := strings.Repeat("x", 301)
	escape := "\x1b[31mred"
	qid := f.q.Themes[0].Questions[0].ID
	saves := map[string]func() error{
		"CreatePartnership": func() error {
			_, err := f.s.CreatePartnership(ctx, assessment.Partnership{Name: "Bad\u202Eevil", Agencies: []assessment.Agency{{Name: "Police", Kind: assessment.Police}}})
			return err
		},
		"UpdatePartnership": func() error {
			p := f.p
			p.Area = escape
			_, err := f.s.UpdatePartnership(ctx, p)
			return err
		},
		"AddAgency": func() error {
			_, err := f.s.AddAgency(ctx, assessment.Agency{PartnershipID: f.p.ID, Name: "\u200B", Kind: assessment.RelevantAgency})
			return err
		},
		"CreateAssessment": func() error {
			a := f.a
			a.ID, a.Period, a.Facilitator = "", "2031/32", "Ding\a"
			_, err := f.s.CreateAssessment(ctx, a)
			return err
		},
		"AddParticipant": func() error {
			_, err := f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Two\nlines"})
			return err
		},
		"SaveResponse": func() error {
			_, err := f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: qid, Evidence: strings.Repeat("e", 10001)})
			return err
		},
		"AddEvidenceRef": func() error {
			_, err := f.s.AddEvidenceRef(ctx, assessment.EvidenceRef{AssessmentID: f.a.ID, QuestionID: qid, Title: long})
			return err
		},
		"SaveScrutiny": func() error {
			_, err := f.s.SaveScrutiny(ctx, assessment.Scrutiny{AssessmentID: f.a.ID, QuestionID: qid, Scrutineer: escape})
			return err
		},
		"SaveAction": func() error {
			_, err := f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: f.q.Themes[0].ID, Title: long, Owner: "o"})
			return err
		},
	}
	before, err := f.s.LoadRecord(ctx, f.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for name, save := range saves {
		err := save()
		if !errors.Is(err, ErrInvalid) || !errors.Is(err, assessment.ErrText) {
			t.Errorf("%s: %v, want a refusal of the text", name, err)
		}
	}
	after, err := f.s.LoadRecord(ctx, f.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Actions) != len(before.Actions) || len(after.Participants) != len(before.Participants) ||
		len(after.EvidenceRefs) != len(before.EvidenceRefs) || after.Partnership.Area != before.Partnership.Area {
		t.Errorf("a refused save changed the assessment")
	}
	_, err = f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: f.q.Themes[0].ID, Title: long, Owner: "o"})
	if err == nil || !strings.Contains(err.Error(), "the action's title is 301 characters long; the most it may have is 300") {
		t.Errorf("message %q does not give the limit", err)
	}
}
