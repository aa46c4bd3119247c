package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/store"
)

// session is one open assessment, shared by the screens that show it. It
// keeps rec in step with the database: a screen changes rec only after the
// store has saved the change.
type session struct {
	ctx   context.Context
	store Store
	win   fyne.Window
	q     *questionnaire.Questionnaire
	rec   assessment.Record
	// prev is the assessment this one was started from, or nil.
	prev  *assessment.Record
	saved *SaveStatus
	// author is the person's name, written on progress notes.
	author string
	// now is the clock; tests replace it.
	now       func() time.Time
	listeners []func()
}

// loadSession reads an assessment with everything under it, its question
// set and, when it was started from one, the previous assessment. It does
// not touch widgets, so it may run off the UI goroutine.
func loadSession(ctx context.Context, s Store, id string) (*session, error) {
	l, err := store.Load(ctx, s, id)
	if err != nil {
		return nil, err
	}
	return &session{ctx: ctx, store: s, q: l.Questionnaire, rec: l.Record, prev: l.Previous,
		saved: NewSaveStatus(), now: time.Now}, nil
}

// readOnly reports whether the assessment is signed off and so cannot change.
func (s *session) readOnly() bool { return s.rec.Assessment.Status == assessment.SignedOff }

// response returns the response to a question, or a blank one for it.
func (s *session) response(questionID string) assessment.Response {
	for _, r := range s.rec.Responses {
		if r.QuestionID == questionID {
			return r
		}
	}
	return assessment.Response{AssessmentID: s.rec.Assessment.ID, QuestionID: questionID}
}

// previousResponse returns last year's response to a question, if any.
func (s *session) previousResponse(questionID string) (assessment.Response, bool) {
	if s.prev == nil {
		return assessment.Response{}, false
	}
	for _, r := range s.prev.Responses {
		if r.QuestionID == questionID {
			return r, true
		}
	}
	return assessment.Response{}, false
}

// saveResponse stores r and, once stored, puts it into rec.
func (s *session) saveResponse(r assessment.Response) error {
	return s.save(func(ctx context.Context) error {
		saved, err := s.store.SaveResponse(ctx, r)
		if err != nil {
			return err
		}
		for i := range s.rec.Responses {
			if s.rec.Responses[i].QuestionID == saved.QuestionID {
				s.rec.Responses[i] = saved
				return nil
			}
		}
		s.rec.Responses = append(s.rec.Responses, saved)
		return nil
	})
}

// save runs one edit against the store on the UI goroutine (each is one
// short transaction), shows the outcome in the save status, and tells the
// listeners when it succeeded. It returns the edit's error, nil when saved.
func (s *session) save(edit func(ctx context.Context) error) error {
	s.saved.Saving()
	err := edit(s.ctx)
	s.saved.Done(err)
	if err != nil {
		return err
	}
	for _, l := range s.listeners {
		l()
	}
	return nil
}

// onChange registers f to run after every saved edit.
func (s *session) onChange(f func()) { s.listeners = append(s.listeners, f) }

// agencyName names the agency with the given id, or "" when unknown.
func (s *session) agencyName(id string) string {
	for _, a := range s.rec.Partnership.Agencies {
		if a.ID == id {
			return a.Name
		}
	}
	return ""
}
