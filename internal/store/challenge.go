package store

import (
	"context"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// challengeFields are the audited fields of a thread message.
func challengeFields(c assessment.Challenge) []field {
	return []field{
		{"assessment_id", c.AssessmentID},
		{"question_id", c.QuestionID},
		{"kind", string(c.Kind)},
		{"author", c.Author},
		{"text", c.Text},
		{"at", timeText(c.At)},
	}
}

// AddChallenge adds a message to the thread on one question: a
// scrutineer's challenge, the partnership's response or the scrutineer's
// reply, named and dated (a zero At is now). A response must follow a
// challenge, and a reply a response. It returns the message as stored.
func (s *Store) AddChallenge(ctx context.Context, c assessment.Challenge) (assessment.Challenge, error) {
	if err := checkText(c); err != nil {
		return assessment.Challenge{}, err
	}
	if !slices.Contains(assessment.MessageKinds, c.Kind) {
		return assessment.Challenge{}, invalid("unknown kind of message %q", c.Kind)
	}
	if strings.TrimSpace(c.Author) == "" {
		return assessment.Challenge{}, invalid("a %s needs the name of who wrote it", c.Kind)
	}
	if strings.TrimSpace(c.Text) == "" {
		return assessment.Challenge{}, invalid("a %s needs some text", c.Kind)
	}
	c.ID = orNew(c.ID)
	err := s.write(ctx, func(t *tx) error {
		if err := s.checkQuestion(ctx, t, c.AssessmentID, c.QuestionID); err != nil {
			return err
		}
		thread, err := challengesOf(ctx, t, c.AssessmentID)
		if err != nil {
			return err
		}
		if err := checkThreadOrder(thread, c); err != nil {
			return err
		}
		if c.At.IsZero() {
			c.At = t.at
		}
		c.At, c.CreatedAt, c.UpdatedAt = c.At.UTC(), t.at, t.at
		if err := t.insertChallenge(c); err != nil {
			return err
		}
		return t.auditCreate("challenge", c.ID, challengeFields(c))
	})
	if err != nil {
		return assessment.Challenge{}, err
	}
	return c, nil
}

// checkThreadOrder refuses, on the same question, a response that does not
// follow a challenge and a reply that does not follow a response.
func checkThreadOrder(thread []assessment.Challenge, c assessment.Challenge) error {
	var last assessment.MessageKind
	for _, m := range thread {
		if m.QuestionID == c.QuestionID {
			last = m.Kind
		}
	}
	switch {
	case c.Kind == assessment.ResponseMessage && last != assessment.ChallengeMessage:
		return invalid("there is no challenge on this question to respond to")
	case c.Kind == assessment.ReplyMessage && last != assessment.ResponseMessage:
		return invalid("a reply follows the partnership's response, and there is none yet")
	}
	return nil
}

// challengeColumns are the columns scanChallenge reads, in order.
const challengeColumns = `id, assessment_id, question_id, kind, author, text, at, created_at, updated_at`

// insertChallenge inserts a thread message as given.
func (t *tx) insertChallenge(c assessment.Challenge) error {
	_, err := t.exec(`INSERT INTO challenge (`+challengeColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.AssessmentID, c.QuestionID, string(c.Kind), c.Author, c.Text, formatTime(c.At),
		formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
	return err
}

// scanChallenge reads a thread message.
func scanChallenge(row scanner) (assessment.Challenge, error) {
	var c assessment.Challenge
	var st stamps
	var kind, at string
	if err := row.Scan(&c.ID, &c.AssessmentID, &c.QuestionID, &kind, &c.Author, &c.Text, &at, &st.created, &st.updated); err != nil {
		return c, err
	}
	c.Kind = assessment.MessageKind(kind)
	var err error
	if c.At, err = parseTime(at); err != nil {
		return c, err
	}
	c.CreatedAt, c.UpdatedAt, err = st.parse()
	return c, err
}

// challengesOf reads every thread message of an assessment, oldest first.
func challengesOf(ctx context.Context, q querier, assessmentID string) ([]assessment.Challenge, error) {
	return queryAll(ctx, q, scanChallenge, `SELECT `+challengeColumns+` FROM challenge
		WHERE assessment_id = ? ORDER BY at, created_at, id`, assessmentID)
}
