package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Source is what Load reads from: a Store, or a stand-in in tests.
type Source interface {
	LoadRecord(ctx context.Context, assessmentID string) (assessment.Record, error)
	Questionnaire(ctx context.Context, id, version string) (*questionnaire.Questionnaire, error)
}

// Loaded is an assessment with everything under it, the question set it
// answers and, when it was started from one still in the database, the
// previous assessment.
type Loaded struct {
	Questionnaire *questionnaire.Questionnaire
	Record        assessment.Record
	Previous      *assessment.Record
}

// Load reads an assessment, its question set and the assessment it was
// started from: the one loader the desktop app and the command line share.
// Its errors name the assessment once ("assessment nope: not found").
func Load(ctx context.Context, s Source, id string) (Loaded, error) {
	rec, err := s.LoadRecord(ctx, id)
	if err != nil {
		return Loaded{}, err
	}
	a := rec.Assessment
	q, err := s.Questionnaire(ctx, a.QuestionnaireID, a.QuestionnaireVersion)
	if err != nil {
		return Loaded{}, fmt.Errorf("question set %s %s of the %s assessment: %w", a.QuestionnaireID, a.QuestionnaireVersion, a.Period, err)
	}
	l := Loaded{Questionnaire: q, Record: rec}
	if a.PreviousID != "" {
		prev, err := s.LoadRecord(ctx, a.PreviousID)
		switch {
		case err == nil:
			l.Previous = &prev
		case !errors.Is(err, ErrNotFound): // deleted since: compare with nothing
			return Loaded{}, fmt.Errorf("the assessment %s was started from: %w", a.Period, err)
		}
	}
	return l, nil
}
