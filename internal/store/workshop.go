package store

import (
	"context"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// actorKey is the context key under which WithActor keeps a name.
type actorKey struct{}

// WithActor returns a context under which edits are audited as made by
// name instead of the store's actor: a participant voting from their own
// phone in a workshop is named as the author of their vote.
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

// actorOf returns the actor WithActor put in ctx, or fallback.
func actorOf(ctx context.Context, fallback string) string {
	if name, ok := ctx.Value(actorKey{}).(string); ok && strings.TrimSpace(name) != "" {
		return name
	}
	return fallback
}

// ImportVotes adds a participant who rated the questions on their own
// before the workshop, with those ratings as their first-round votes, in
// one transaction: all of them or none. Votes for questions the
// assessment's question set does not hold, or with levels off its scale,
// are refused. It returns the participant as stored.
func (s *Store) ImportVotes(ctx context.Context, p assessment.Participant, votes []assessment.Vote) (assessment.Participant, error) {
	if err := checkText(p); err != nil {
		return assessment.Participant{}, err
	}
	for _, v := range votes {
		if err := checkText(v); err != nil {
			return assessment.Participant{}, err
		}
	}
	if strings.TrimSpace(p.Name) == "" {
		return assessment.Participant{}, invalid("participant has no name")
	}
	p.JoinedBy = assessment.JoinedByBundle
	err := s.write(ctx, func(t *tx) (err error) {
		if p, err = t.addParticipant(p); err != nil {
			return err
		}
		for _, v := range votes {
			if err := s.checkQuestion(ctx, t, p.AssessmentID, v.QuestionID, v.Level); err != nil {
				return err
			}
			v.ID, v.AssessmentID, v.ParticipantID, v.Round = newID(), p.AssessmentID, p.ID, assessment.FirstRound
			v.CreatedAt, v.UpdatedAt = t.at, t.at
			if err := t.insertVote(v); err != nil {
				return err
			}
			if err := t.auditCreate("vote", v.ID, voteFields(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return assessment.Participant{}, err
	}
	return p, nil
}
