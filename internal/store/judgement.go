package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// judgementFields are the audited fields of a theme judgement.
func judgementFields(j assessment.ThemeJudgement) []field {
	return []field{
		{"assessment_id", j.AssessmentID},
		{"theme_id", j.ThemeID},
		{"scrutineer", j.Scrutineer},
		{"level", levelText(j.Level)},
		{"reasons", j.Reasons},
	}
}

// SaveThemeJudgement saves the scrutineer's view of one theme's maturity,
// creating or changing the assessment's one judgement of that theme.
func (s *Store) SaveThemeJudgement(ctx context.Context, j assessment.ThemeJudgement) (assessment.ThemeJudgement, error) {
	if err := checkText(j); err != nil {
		return assessment.ThemeJudgement{}, err
	}
	if strings.TrimSpace(j.Scrutineer) == "" {
		return assessment.ThemeJudgement{}, invalid("a judgement needs the scrutineer's name")
	}
	err := s.write(ctx, func(t *tx) error {
		set, err := s.assessmentSet(ctx, t, j.AssessmentID)
		if err != nil {
			return err
		}
		if _, ok := set.Theme(j.ThemeID); !ok {
			return invalid("theme %q is not in the question set", j.ThemeID)
		}
		if _, ok := set.Level(j.Level); j.Level != assessment.NotAssessed && !ok {
			return invalid("level %d is not on the scale", j.Level)
		}
		old, err := scanJudgement(t.QueryRowContext(ctx, `SELECT `+judgementColumns+` FROM theme_judgement
			WHERE assessment_id = ? AND theme_id = ?`, j.AssessmentID, j.ThemeID))
		if errors.Is(err, sql.ErrNoRows) {
			j.ID, j.CreatedAt, j.UpdatedAt = newID(), t.at, t.at
			if err := t.insertJudgement(j); err != nil {
				return err
			}
			return t.auditCreate("theme_judgement", j.ID, judgementFields(j))
		}
		if err != nil {
			return err
		}
		j.ID, j.CreatedAt, j.UpdatedAt = old.ID, old.CreatedAt, t.at
		before, after := judgementFields(old), judgementFields(j)
		if slices.Equal(before, after) {
			j = old
			return nil
		}
		if _, err := t.exec(`UPDATE theme_judgement SET scrutineer = ?, level = ?, reasons = ?, updated_at = ? WHERE id = ?`,
			j.Scrutineer, nullLevel(j.Level), j.Reasons, formatTime(t.at), j.ID); err != nil {
			return err
		}
		return t.auditChanges("theme_judgement", j.ID, before, after)
	})
	if err != nil {
		return assessment.ThemeJudgement{}, err
	}
	return j, nil
}

// judgementColumns are the columns scanJudgement reads, in order.
const judgementColumns = `id, assessment_id, theme_id, scrutineer, level, reasons, created_at, updated_at`

// insertJudgement inserts a theme judgement as given.
func (t *tx) insertJudgement(j assessment.ThemeJudgement) error {
	_, err := t.exec(`INSERT INTO theme_judgement (`+judgementColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		j.ID, j.AssessmentID, j.ThemeID, j.Scrutineer, nullLevel(j.Level), j.Reasons,
		formatTime(j.CreatedAt), formatTime(j.UpdatedAt))
	return err
}

// scanJudgement reads a theme judgement.
func scanJudgement(row scanner) (assessment.ThemeJudgement, error) {
	var j assessment.ThemeJudgement
	var st stamps
	var level sql.NullInt64
	if err := row.Scan(&j.ID, &j.AssessmentID, &j.ThemeID, &j.Scrutineer, &level, &j.Reasons, &st.created, &st.updated); err != nil {
		return j, err
	}
	j.Level = levelOf(level)
	var err error
	j.CreatedAt, j.UpdatedAt, err = st.parse()
	return j, err
}

// assuranceFields are the audited fields of the assurance judgement.
func assuranceFields(a assessment.Assurance) []field {
	return []field{
		{"scrutineer", a.Scrutineer},
		{"level", string(a.Level)},
		{"reasons", a.Reasons},
		{"statement", a.Statement},
	}
}

// SaveAssurance saves the scrutineer's assurance level, its reasons and
// the overall scrutiny statement, creating or changing the assessment's one
// assurance judgement.
func (s *Store) SaveAssurance(ctx context.Context, a assessment.Assurance) (assessment.Assurance, error) {
	if err := checkText(a); err != nil {
		return assessment.Assurance{}, err
	}
	if strings.TrimSpace(a.Scrutineer) == "" {
		return assessment.Assurance{}, invalid("an assurance judgement needs the scrutineer's name")
	}
	if a.Level != "" && !slices.Contains(assessment.AssuranceLevels, a.Level) {
		return assessment.Assurance{}, invalid("unknown assurance level %q", a.Level)
	}
	err := s.write(ctx, func(t *tx) error {
		if _, err := assessmentByID(ctx, t, a.AssessmentID); err != nil {
			return err
		}
		old, err := assuranceOf(ctx, t, a.AssessmentID)
		if err != nil {
			return err
		}
		if old == nil {
			a.CreatedAt, a.UpdatedAt = t.at, t.at
			if err := t.insertAssurance(a); err != nil {
				return err
			}
			return t.auditCreate("assurance", a.AssessmentID, assuranceFields(a))
		}
		a.CreatedAt, a.UpdatedAt = old.CreatedAt, t.at
		before, after := assuranceFields(*old), assuranceFields(a)
		if slices.Equal(before, after) {
			a = *old
			return nil
		}
		if _, err := t.exec(`UPDATE assurance SET scrutineer = ?, level = ?, reasons = ?, statement = ?, updated_at = ?
			WHERE assessment_id = ?`, a.Scrutineer, string(a.Level), a.Reasons, a.Statement, formatTime(t.at), a.AssessmentID); err != nil {
			return err
		}
		return t.auditChanges("assurance", a.AssessmentID, before, after)
	})
	if err != nil {
		return assessment.Assurance{}, err
	}
	return a, nil
}

// assuranceColumns are the columns assuranceOf reads, in order.
const assuranceColumns = `assessment_id, scrutineer, level, reasons, statement, created_at, updated_at`

// insertAssurance inserts the assurance judgement as given.
func (t *tx) insertAssurance(a assessment.Assurance) error {
	_, err := t.exec(`INSERT INTO assurance (`+assuranceColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.AssessmentID, a.Scrutineer, string(a.Level), a.Reasons, a.Statement, formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
	return err
}

// assuranceOf reads an assessment's assurance judgement, or nil.
func assuranceOf(ctx context.Context, q querier, assessmentID string) (*assessment.Assurance, error) {
	var a assessment.Assurance
	var st stamps
	var level string
	err := q.QueryRowContext(ctx, `SELECT `+assuranceColumns+` FROM assurance WHERE assessment_id = ?`, assessmentID).
		Scan(&a.AssessmentID, &a.Scrutineer, &level, &a.Reasons, &a.Statement, &st.created, &st.updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	a.Level = assessment.AssuranceLevel(level)
	a.CreatedAt, a.UpdatedAt, err = st.parse()
	return &a, err
}

// loadScrutinyRecord reads the threads, theme judgements and assurance of
// rec.Assessment into rec.
func loadScrutinyRecord(ctx context.Context, q querier, rec *assessment.Record) error {
	id := rec.Assessment.ID
	var err error
	if rec.Challenges, err = challengesOf(ctx, q, id); err != nil {
		return err
	}
	if rec.Judgements, err = queryAll(ctx, q, scanJudgement, `SELECT `+judgementColumns+` FROM theme_judgement
		WHERE assessment_id = ? ORDER BY created_at, id`, id); err != nil {
		return err
	}
	rec.Assurance, err = assuranceOf(ctx, q, id)
	return err
}

// importScrutinyRecord inserts an imported assessment's threads, theme
// judgements and assurance.
func (t *tx) importScrutinyRecord(id string, rec assessment.Record) error {
	for _, c := range rec.Challenges {
		c.AssessmentID, c.ID = id, orNew(c.ID)
		stampNew(t, &c.CreatedAt, &c.UpdatedAt)
		if err := t.insertChallenge(c); err != nil {
			return err
		}
	}
	for _, j := range rec.Judgements {
		j.AssessmentID, j.ID = id, orNew(j.ID)
		stampNew(t, &j.CreatedAt, &j.UpdatedAt)
		if err := t.insertJudgement(j); err != nil {
			return err
		}
	}
	if rec.Assurance == nil {
		return nil
	}
	a := *rec.Assurance
	a.AssessmentID = id
	stampNew(t, &a.CreatedAt, &a.UpdatedAt)
	return t.insertAssurance(a)
}
