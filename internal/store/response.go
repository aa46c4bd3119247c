package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// responseKey is a response's id in the audit log: "assessmentID/questionID".
func responseKey(r assessment.Response) string { return r.AssessmentID + "/" + r.QuestionID }

// responseFields are the audited fields of a response.
func responseFields(r assessment.Response) []field {
	return []field{
		{"level", levelText(r.Level)},
		{"target", levelText(r.Target)},
		{"confidence", string(r.Confidence)},
		{"evidence", r.Evidence},
		{"strengths", r.Strengths},
		{"areas_for_development", r.AreasForDevelopment},
		{"rationale", r.Rationale},
		{"carried_forward", boolText(r.CarriedForward)},
		{"not_assessed_reason", r.NotAssessedReason},
	}
}

// sameText reports whether two responses hold the same text.
func sameText(a, b assessment.Response) bool {
	return a.Evidence == b.Evidence && a.Strengths == b.Strengths &&
		a.AreasForDevelopment == b.AreasForDevelopment && a.Rationale == b.Rationale
}

// SaveResponse saves the partnership's answer to one question, creating it
// or changing it, and returns it as stored. Changing any of its text clears
// CarriedForward; the caller's CarriedForward is otherwise ignored. When r
// carries the UpdatedAt it was read with and the stored answer has been
// saved since (by another copy of the app), it is refused with ErrChanged.
func (s *Store) SaveResponse(ctx context.Context, r assessment.Response) (assessment.Response, error) {
	if err := checkText(r); err != nil {
		return assessment.Response{}, err
	}
	if r.Confidence != "" && !slices.Contains(assessment.Confidences, r.Confidence) {
		return assessment.Response{}, invalid("unknown confidence %q", r.Confidence)
	}
	var out assessment.Response
	err := s.write(ctx, func(t *tx) error {
		if err := s.checkQuestion(ctx, t, r.AssessmentID, r.QuestionID, r.Level, r.Target); err != nil {
			return err
		}
		old, err := responseByKey(ctx, t, r.AssessmentID, r.QuestionID)
		if errors.Is(err, sql.ErrNoRows) {
			r.CarriedForward, r.CreatedAt, r.UpdatedAt = false, t.at, t.at
			out = r
			if err := t.insertResponse(r); err != nil {
				return err
			}
			return t.auditCreate("response", responseKey(r), responseFields(r))
		}
		if err != nil {
			return err
		}
		if err := changedSince("the answer to question "+r.QuestionID, r.UpdatedAt, old.UpdatedAt,
			responseFields(old), responseFields(r)); err != nil {
			return err
		}
		r.CarriedForward = old.CarriedForward && sameText(old, r)
		r.CreatedAt, r.UpdatedAt = old.CreatedAt, t.at
		out, err = t.updateResponse(old, r)
		return err
	})
	return out, err
}

// updateResponse saves r over old when anything changed, audits the
// changes, and returns the response as stored.
func (t *tx) updateResponse(old, r assessment.Response) (assessment.Response, error) {
	before, after := responseFields(old), responseFields(r)
	if slices.Equal(before, after) {
		return old, nil
	}
	_, err := t.exec(`UPDATE response SET level = ?, target = ?, confidence = ?, evidence = ?, strengths = ?,
		areas_for_development = ?, rationale = ?, carried_forward = ?, not_assessed_reason = ?, updated_at = ?
		WHERE assessment_id = ? AND question_id = ?`,
		nullLevel(r.Level), nullLevel(r.Target), string(r.Confidence), r.Evidence, r.Strengths,
		r.AreasForDevelopment, r.Rationale, boolInt(r.CarriedForward), r.NotAssessedReason, formatTime(r.UpdatedAt),
		r.AssessmentID, r.QuestionID)
	if err != nil {
		return r, err
	}
	return r, t.auditChanges("response", responseKey(r), before, after)
}

// responseColumns are the columns scanResponse reads, in order.
const responseColumns = `assessment_id, question_id, level, target, confidence, evidence, strengths,
	areas_for_development, rationale, carried_forward, not_assessed_reason, created_at, updated_at`

// insertResponse inserts a response row as given.
func (t *tx) insertResponse(r assessment.Response) error {
	_, err := t.exec(`INSERT INTO response (`+responseColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.AssessmentID, r.QuestionID, nullLevel(r.Level), nullLevel(r.Target), string(r.Confidence),
		r.Evidence, r.Strengths, r.AreasForDevelopment, r.Rationale, boolInt(r.CarriedForward), r.NotAssessedReason,
		formatTime(r.CreatedAt), formatTime(r.UpdatedAt))
	return err
}

// scanResponse reads a response row.
func scanResponse(row scanner) (assessment.Response, error) {
	var r assessment.Response
	var st stamps
	var level, target sql.NullInt64
	var confidence string
	var carried int
	err := row.Scan(&r.AssessmentID, &r.QuestionID, &level, &target, &confidence, &r.Evidence, &r.Strengths,
		&r.AreasForDevelopment, &r.Rationale, &carried, &r.NotAssessedReason, &st.created, &st.updated)
	if err != nil {
		return r, err
	}
	r.Level, r.Target, r.Confidence, r.CarriedForward = levelOf(level), levelOf(target), assessment.Confidence(confidence), carried == 1
	r.CreatedAt, r.UpdatedAt, err = st.parse()
	return r, err
}

// responseByKey reads one response; sql.ErrNoRows when there is none.
func responseByKey(ctx context.Context, q querier, assessmentID, questionID string) (assessment.Response, error) {
	return scanResponse(q.QueryRowContext(ctx, `SELECT `+responseColumns+` FROM response
		WHERE assessment_id = ? AND question_id = ?`, assessmentID, questionID))
}

// responsesOf reads every response of an assessment.
func responsesOf(ctx context.Context, q querier, assessmentID string) ([]assessment.Response, error) {
	return queryAll(ctx, q, scanResponse, `SELECT `+responseColumns+` FROM response
		WHERE assessment_id = ? ORDER BY created_at, question_id`, assessmentID)
}

// evidenceRefFields are the audited fields of an evidence reference.
func evidenceRefFields(e assessment.EvidenceRef) []field {
	return []field{
		{"assessment_id", e.AssessmentID},
		{"question_id", e.QuestionID},
		{"title", e.Title},
		{"location", e.Location},
		{"carried_forward", boolText(e.CarriedForward)},
	}
}

// AddEvidenceRef adds a reference to a document or link supporting the
// response to one question, and returns it with its id and timestamps.
func (s *Store) AddEvidenceRef(ctx context.Context, e assessment.EvidenceRef) (assessment.EvidenceRef, error) {
	if err := checkText(e); err != nil {
		return assessment.EvidenceRef{}, err
	}
	if strings.TrimSpace(e.Title) == "" {
		return assessment.EvidenceRef{}, invalid("evidence reference has no title")
	}
	e.ID, e.CarriedForward = orNew(e.ID), false
	err := s.write(ctx, func(t *tx) error {
		if err := s.checkQuestion(ctx, t, e.AssessmentID, e.QuestionID); err != nil {
			return err
		}
		e.CreatedAt, e.UpdatedAt = t.at, t.at
		if err := t.insertEvidenceRef(e); err != nil {
			return err
		}
		return t.auditCreate("evidence_ref", e.ID, evidenceRefFields(e))
	})
	if err != nil {
		return assessment.EvidenceRef{}, err
	}
	return e, nil
}

// DeleteEvidenceRef deletes an evidence reference.
func (s *Store) DeleteEvidenceRef(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		e, err := scanEvidenceRef(t.QueryRowContext(ctx, `SELECT `+evidenceRefColumns+` FROM evidence_ref WHERE id = ?`, id))
		if err != nil {
			return notFound(err, "evidence reference", id)
		}
		if err := t.execOne("evidence reference "+id, `DELETE FROM evidence_ref WHERE id = ?`, id); err != nil {
			return err
		}
		return t.auditDelete("evidence_ref", id, evidenceRefFields(e))
	})
}

// evidenceRefColumns are the columns scanEvidenceRef reads, in order.
const evidenceRefColumns = `id, assessment_id, question_id, title, location, carried_forward, created_at, updated_at`

// insertEvidenceRef inserts an evidence reference row as given.
func (t *tx) insertEvidenceRef(e assessment.EvidenceRef) error {
	_, err := t.exec(`INSERT INTO evidence_ref (`+evidenceRefColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.AssessmentID, e.QuestionID, e.Title, e.Location, boolInt(e.CarriedForward),
		formatTime(e.CreatedAt), formatTime(e.UpdatedAt))
	return err
}

// scanEvidenceRef reads an evidence reference row.
func scanEvidenceRef(row scanner) (assessment.EvidenceRef, error) {
	var e assessment.EvidenceRef
	var st stamps
	var carried int
	err := row.Scan(&e.ID, &e.AssessmentID, &e.QuestionID, &e.Title, &e.Location, &carried, &st.created, &st.updated)
	if err != nil {
		return e, err
	}
	e.CarriedForward = carried == 1
	e.CreatedAt, e.UpdatedAt, err = st.parse()
	return e, err
}

// evidenceRefsOf reads every evidence reference of an assessment.
func evidenceRefsOf(ctx context.Context, q querier, assessmentID string) ([]assessment.EvidenceRef, error) {
	return queryAll(ctx, q, scanEvidenceRef, `SELECT `+evidenceRefColumns+` FROM evidence_ref
		WHERE assessment_id = ? ORDER BY created_at, id`, assessmentID)
}
