package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// TestScrutinyAndWorkshopTextRefused saves text breaking a limit through
// every save of the scrutiny, sign-off and workshop features: each is
// refused as ErrInvalid and assessment.ErrText, its message naming the
// field and the limit, and nothing is stored.
func TestScrutinyAndWorkshopTextRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	tooLong := strings.Repeat("x", 10001)
	escape := "\x1b[31mred"
	qid, theme := f.q.Themes[0].Questions[0].ID, f.q.Themes[0].ID
	challenge := func(author, text string) func() error {
		return func() error {
			_, err := f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: qid,
				Kind: assessment.ChallengeMessage, Author: author, Text: text})
			return err
		}
	}
	cases := []struct {
		name string
		save func() error
		want string
	}{
		{"challenge with an ANSI escape", challenge("Sam", "Where is it?"+escape), "the challenge has an escape character (U+001B)"},
		{"challenge of 10,001 characters", challenge("Sam", tooLong), "the challenge is 10001 characters long; the most it may have is 10000"},
		{"challenge author on two lines", challenge("Sam\nScrutineer", "Why?"), "the author's name has a control character (U+000A)"},
		{"theme judgement reasons", func() error {
			_, err := f.s.SaveThemeJudgement(ctx, assessment.ThemeJudgement{AssessmentID: f.a.ID, ThemeID: theme,
				Scrutineer: "Sam", Level: 2, Reasons: tooLong})
			return err
		}, "the reasons for the theme's level is 10001 characters long; the most it may have is 10000"},
		{"theme judgement scrutineer", func() error {
			_, err := f.s.SaveThemeJudgement(ctx, assessment.ThemeJudgement{AssessmentID: f.a.ID, ThemeID: theme,
				Scrutineer: "Sam\u202Eevil", Level: 2})
			return err
		}, "the scrutineer's name has a right-to-left or left-to-right override"},
		{"assurance reasons", func() error {
			_, err := f.s.SaveAssurance(ctx, assessment.Assurance{AssessmentID: f.a.ID, Scrutineer: "Sam",
				Level: assessment.Moderate, Reasons: "Ding\a"})
			return err
		}, "the reasons for the assurance level has a bell character (U+0007)"},
		{"scrutiny statement", func() error {
			_, err := f.s.SaveAssurance(ctx, assessment.Assurance{AssessmentID: f.a.ID, Scrutineer: "Sam",
				Level: assessment.Moderate, Statement: tooLong})
			return err
		}, "the scrutiny statement is 10001 characters long; the most it may have is 10000"},
		{"not-assessed reason", func() error {
			_, err := f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: qid,
				NotAssessedReason: escape})
			return err
		}, "the reason for not assessing has an escape character"},
		{"amendment reason", func() error {
			_, err := f.s.Amend(ctx, f.a.ID, tooLong, []byte("{}"), strings.Repeat("0", 64))
			return err
		}, "the amendment's reason is 10001 characters long; the most it may have is 10000"},
		{"sign-off name, which names the trusted key", func() error {
			_, err := f.s.Sign(ctx, assessment.SignOff{AssessmentID: f.a.ID, Name: "Jo\x1b]0;title\a",
				Signature: "sig", PublicKey: "key"}, func(*questionnaire.Questionnaire, assessment.Record) error { return nil })
			return err
		}, "the signer's name has an escape character"},
		{"sign-off role", func() error {
			_, err := f.s.Sign(ctx, assessment.SignOff{AssessmentID: f.a.ID, Name: "Jo", Role: strings.Repeat("r", 201),
				Signature: "sig", PublicKey: "key"}, func(*questionnaire.Questionnaire, assessment.Record) error { return nil })
			return err
		}, "the role is 201 characters long; the most it may have is 200"},
		{"pre-workshop participant's name", func() error {
			_, err := f.s.ImportVotes(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Pat\u0085"},
				[]assessment.Vote{{QuestionID: qid, Level: 3}})
			return err
		}, "the participant's name has a C1 control character"},
		{"pre-workshop vote comment", func() error {
			_, err := f.s.ImportVotes(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Pat"},
				[]assessment.Vote{{QuestionID: qid, Level: 3, Comment: tooLong}})
			return err
		}, "the comment is 10001 characters long; the most it may have is 10000"},
		{"imported record's assurance", func() error {
			rec := must(f.s.LoadRecord(ctx, f.a.ID))
			rec.Assessment.ID, rec.Assessment.Period = "imported", "2031/32"
			rec.Assurance = &assessment.Assurance{AssessmentID: "imported", Scrutineer: "Sam", Statement: escape}
			return f.s.ImportRecord(ctx, f.q, rec)
		}, "assurance: the scrutiny statement has an escape character"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.save()
			if !errors.Is(err, ErrInvalid) || !errors.Is(err, assessment.ErrText) {
				t.Fatalf("%v; want a refusal of the text", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q lacks %q", err, c.want)
			}
		})
	}
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if len(rec.Challenges)+len(rec.Judgements)+len(rec.Participants)+len(rec.Votes)+len(rec.Responses)+len(rec.SignOffs) > 0 ||
		rec.Assurance != nil || rec.Assessment.Revision > 1 {
		t.Errorf("a refused save stored something: %+v", rec)
	}
	if as := must(f.s.Assessments(ctx, f.p.ID)); len(as) != 1 {
		t.Errorf("a refused import stored an assessment: %+v", as)
	}
	if am := must(f.s.Amendments(ctx, f.a.ID)); len(am) > 0 {
		t.Errorf("a refused amendment was stored: %+v", am)
	}
	if keys := must(f.s.TrustedKeys(ctx, f.p.ID)); len(keys) > 0 {
		t.Errorf("a refused sign-off's key was trusted: %+v", keys)
	}
}
