package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// voteFields are the audited fields of a vote.
func voteFields(v assessment.Vote) []field {
	return []field{
		{"assessment_id", v.AssessmentID},
		{"question_id", v.QuestionID},
		{"participant_id", v.ParticipantID},
		{"level", levelText(v.Level)},
		{"comment", v.Comment},
		{"round", strconv.Itoa(v.RoundOf())},
	}
}

// SaveVote saves one participant's own rating of one question in one round
// (round 0 counts as the first): the first call creates it, later calls
// change it. It returns the vote as stored.
func (s *Store) SaveVote(ctx context.Context, v assessment.Vote) (assessment.Vote, error) {
	if err := checkText(v); err != nil {
		return assessment.Vote{}, err
	}
	var out assessment.Vote
	v.Round = v.RoundOf()
	err := s.write(ctx, func(t *tx) error {
		if err := s.checkQuestion(ctx, t, v.AssessmentID, v.QuestionID, v.Level); err != nil {
			return err
		}
		p, err := participantByID(ctx, t, v.ParticipantID)
		if err != nil {
			return err
		}
		if p.AssessmentID != v.AssessmentID {
			return invalid("participant %s does not take part in assessment %s", p.Name, v.AssessmentID)
		}
		old, err := scanVote(t.QueryRowContext(ctx, `SELECT `+voteColumns+` FROM vote
			WHERE assessment_id = ? AND question_id = ? AND participant_id = ? AND round = ?`,
			v.AssessmentID, v.QuestionID, v.ParticipantID, v.Round))
		if errors.Is(err, sql.ErrNoRows) {
			v.ID, v.CreatedAt, v.UpdatedAt = orNew(v.ID), t.at, t.at
			out = v
			if err := t.insertVote(v); err != nil {
				return err
			}
			return t.auditCreate("vote", v.ID, voteFields(v))
		}
		if err != nil {
			return err
		}
		if err := changedSince("the vote on question "+v.QuestionID, v.UpdatedAt, old.UpdatedAt,
			voteFields(old), voteFields(v)); err != nil {
			return err
		}
		v.ID, v.CreatedAt, v.UpdatedAt = old.ID, old.CreatedAt, t.at
		out, err = t.updateVote(old, v)
		return err
	})
	return out, err
}

// updateVote saves v over old when anything changed and audits the change.
func (t *tx) updateVote(old, v assessment.Vote) (assessment.Vote, error) {
	before, after := voteFields(old), voteFields(v)
	if slices.Equal(before, after) {
		return old, nil
	}
	if _, err := t.exec(`UPDATE vote SET level = ?, comment = ?, updated_at = ? WHERE id = ?`,
		nullLevel(v.Level), v.Comment, formatTime(v.UpdatedAt), v.ID); err != nil {
		return v, err
	}
	return v, t.auditChanges("vote", v.ID, before, after)
}

// voteColumns are the columns scanVote reads, in order.
const voteColumns = `id, assessment_id, question_id, participant_id, level, comment, round, created_at, updated_at`

// insertVote inserts a vote row as given.
func (t *tx) insertVote(v assessment.Vote) error {
	_, err := t.exec(`INSERT INTO vote (`+voteColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.ID, v.AssessmentID, v.QuestionID, v.ParticipantID, nullLevel(v.Level), v.Comment, v.RoundOf(),
		formatTime(v.CreatedAt), formatTime(v.UpdatedAt))
	return err
}

// scanVote reads a vote row.
func scanVote(row scanner) (assessment.Vote, error) {
	var v assessment.Vote
	var st stamps
	var level sql.NullInt64
	err := row.Scan(&v.ID, &v.AssessmentID, &v.QuestionID, &v.ParticipantID, &level, &v.Comment, &v.Round, &st.created, &st.updated)
	if err != nil {
		return v, err
	}
	v.Level = levelOf(level)
	v.CreatedAt, v.UpdatedAt, err = st.parse()
	return v, err
}

// votesOf reads every vote of an assessment.
func votesOf(ctx context.Context, q querier, assessmentID string) ([]assessment.Vote, error) {
	return queryAll(ctx, q, scanVote, `SELECT `+voteColumns+` FROM vote
		WHERE assessment_id = ? ORDER BY round, created_at, id`, assessmentID)
}
