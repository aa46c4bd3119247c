package workshop

import (
	"context"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Summary is what the facilitator sees when the workshop ends.
type Summary struct {
	// Agreed counts the questions with an agreed level, of Total.
	Agreed, Total int
	// Disagreements lists the questions voted on, widest spread first.
	Disagreements []assessment.Disagreement
	// TookPart is everyone who voted at least once, in the order they
	// were added, and the facilitator.
	TookPart []assessment.Participant
	// Agencies names the partnership's agencies by id.
	Agencies map[string]string
}

// SummaryOf sums up a workshop's record.
func SummaryOf(q *questionnaire.Questionnaire, rec assessment.Record) Summary {
	s := Summary{Total: q.QuestionCount(), Disagreements: assessment.Disagreements(rec.Participants, rec.Votes),
		Agencies: map[string]string{}}
	for _, a := range rec.Partnership.Agencies {
		s.Agencies[a.ID] = a.Name
	}
	for _, r := range rec.Responses {
		if r.Level != assessment.NotAssessed {
			s.Agreed++
		}
	}
	voted := map[string]bool{}
	for _, v := range rec.Votes {
		voted[v.ParticipantID] = true
	}
	for _, p := range rec.Participants {
		if voted[p.ID] || p.Facilitator {
			s.TookPart = append(s.TookPart, p)
		}
	}
	return s
}

// Summary loads the assessment and sums up the workshop so far.
func (w *Workshop) Summary(ctx context.Context) (Summary, error) {
	rec, err := w.st.LoadRecord(ctx, w.assessment.ID)
	if err != nil {
		return Summary{}, err
	}
	return SummaryOf(w.q, rec), nil
}

// Line says the summary in one line.
func (s Summary) Line() string {
	line := fmt.Sprintf("ended: %d of %d questions agreed, %d took part", s.Agreed, s.Total, len(s.TookPart))
	if len(s.Disagreements) > 0 && s.Disagreements[0].Spread.Width() > 0 {
		d := s.Disagreements[0]
		line += fmt.Sprintf("; widest spread %s (levels %d–%d)", d.QuestionID, d.Spread.Min, d.Spread.Max)
	}
	return line
}
