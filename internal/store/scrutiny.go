package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// scrutinyFields are the audited fields of a scrutineer's view.
func scrutinyFields(sc assessment.Scrutiny) []field {
	return []field{
		{"assessment_id", sc.AssessmentID},
		{"question_id", sc.QuestionID},
		{"scrutineer", sc.Scrutineer},
		{"level", levelText(sc.Level)},
		{"challenge", sc.Challenge},
		{"evidence_seen", sc.EvidenceSeen},
	}
}

// SaveScrutiny saves an independent scrutineer's view of one question:
// added when its ID is empty, changed otherwise. It returns it as stored.
func (s *Store) SaveScrutiny(ctx context.Context, sc assessment.Scrutiny) (assessment.Scrutiny, error) {
	if err := checkText(sc); err != nil {
		return assessment.Scrutiny{}, err
	}
	if strings.TrimSpace(sc.Scrutineer) == "" {
		return assessment.Scrutiny{}, invalid("scrutiny has no scrutineer")
	}
	var out assessment.Scrutiny
	err := s.write(ctx, func(t *tx) error {
		if sc.ID == "" {
			sc.ID, sc.CreatedAt, sc.UpdatedAt = newID(), t.at, t.at
			out = sc
			return s.createScrutiny(t, sc)
		}
		old, err := scrutinyByID(ctx, t, sc.ID)
		if err != nil {
			return err
		}
		mine := sc
		mine.AssessmentID = old.AssessmentID
		if err := changedSince("the scrutiny of question "+old.QuestionID, sc.UpdatedAt, old.UpdatedAt,
			scrutinyFields(old), scrutinyFields(mine)); err != nil {
			return err
		}
		sc.AssessmentID, sc.CreatedAt, sc.UpdatedAt = old.AssessmentID, old.CreatedAt, t.at
		out, err = s.updateScrutiny(t, old, sc)
		return err
	})
	return out, err
}

// createScrutiny checks, inserts and audits a new scrutiny row.
func (s *Store) createScrutiny(t *tx, sc assessment.Scrutiny) error {
	if err := s.checkQuestion(t.ctx, t, sc.AssessmentID, sc.QuestionID, sc.Level); err != nil {
		return err
	}
	if err := t.insertScrutiny(sc); err != nil {
		return err
	}
	return t.auditCreate("scrutiny", sc.ID, scrutinyFields(sc))
}

// updateScrutiny saves sc over old when anything changed and audits it.
func (s *Store) updateScrutiny(t *tx, old, sc assessment.Scrutiny) (assessment.Scrutiny, error) {
	before, after := scrutinyFields(old), scrutinyFields(sc)
	if slices.Equal(before, after) {
		return old, nil
	}
	if err := s.checkQuestion(t.ctx, t, sc.AssessmentID, sc.QuestionID, sc.Level); err != nil {
		return sc, err
	}
	if _, err := t.exec(`UPDATE scrutiny SET question_id = ?, scrutineer = ?, level = ?, challenge = ?,
		evidence_seen = ?, updated_at = ? WHERE id = ?`, sc.QuestionID, sc.Scrutineer, nullLevel(sc.Level),
		sc.Challenge, sc.EvidenceSeen, formatTime(sc.UpdatedAt), sc.ID); err != nil {
		return sc, err
	}
	return sc, t.auditChanges("scrutiny", sc.ID, before, after)
}

// scrutinyColumns are the columns scanScrutiny reads, in order.
const scrutinyColumns = `id, assessment_id, question_id, scrutineer, level, challenge, evidence_seen, created_at, updated_at`

// insertScrutiny inserts a scrutiny row as given.
func (t *tx) insertScrutiny(sc assessment.Scrutiny) error {
	_, err := t.exec(`INSERT INTO scrutiny (`+scrutinyColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sc.ID, sc.AssessmentID, sc.QuestionID, sc.Scrutineer, nullLevel(sc.Level), sc.Challenge, sc.EvidenceSeen,
		formatTime(sc.CreatedAt), formatTime(sc.UpdatedAt))
	return err
}

// scanScrutiny reads a scrutiny row.
func scanScrutiny(row scanner) (assessment.Scrutiny, error) {
	var sc assessment.Scrutiny
	var st stamps
	var level sql.NullInt64
	err := row.Scan(&sc.ID, &sc.AssessmentID, &sc.QuestionID, &sc.Scrutineer, &level, &sc.Challenge,
		&sc.EvidenceSeen, &st.created, &st.updated)
	if err != nil {
		return sc, err
	}
	sc.Level = levelOf(level)
	sc.CreatedAt, sc.UpdatedAt, err = st.parse()
	return sc, err
}

// scrutinyByID reads one scrutiny row.
func scrutinyByID(ctx context.Context, q querier, id string) (assessment.Scrutiny, error) {
	sc, err := scanScrutiny(q.QueryRowContext(ctx, `SELECT `+scrutinyColumns+` FROM scrutiny WHERE id = ?`, id))
	return sc, notFound(err, "scrutiny", id)
}

// scrutinyOf reads every scrutiny row of an assessment.
func scrutinyOf(ctx context.Context, q querier, assessmentID string) ([]assessment.Scrutiny, error) {
	return queryAll(ctx, q, scanScrutiny, `SELECT `+scrutinyColumns+` FROM scrutiny
		WHERE assessment_id = ? ORDER BY created_at, id`, assessmentID)
}
