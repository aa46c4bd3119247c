package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// AssessmentSummary is an assessment with the figures a list of assessments
// shows beside it.
type AssessmentSummary struct {
	assessment.Assessment
	// QuestionnaireTitle is the title of the question set it answers.
	QuestionnaireTitle string
	// Score is the overall score, the mean of the theme scores, with how
	// many questions it rests on (Assessed) of how many there are (Total).
	Score assessment.Score
}

// assessmentFields are the audited fields of an assessment.
func assessmentFields(a assessment.Assessment) []field {
	return []field{
		{"partnership_id", a.PartnershipID},
		{"questionnaire_id", a.QuestionnaireID},
		{"questionnaire_version", a.QuestionnaireVersion},
		{"period", a.Period},
		{"status", string(a.Status)},
		{"facilitator", a.Facilitator},
		{"previous_id", a.PreviousID},
		{"revision", strconv.Itoa(a.Revision)},
	}
}

// assessmentColumns are the columns scanAssessment reads, in order.
const assessmentColumns = `id, partnership_id, questionnaire_id, questionnaire_version, period, status,
	facilitator, previous_id, revision, created_at, updated_at`

// scanAssessment reads an assessment row.
func scanAssessment(row scanner) (assessment.Assessment, error) {
	var a assessment.Assessment
	var st stamps
	var status string
	var previous sql.NullString
	err := row.Scan(&a.ID, &a.PartnershipID, &a.QuestionnaireID, &a.QuestionnaireVersion, &a.Period,
		&status, &a.Facilitator, &previous, &a.Revision, &st.created, &st.updated)
	if err != nil {
		return a, err
	}
	a.Status, a.PreviousID = assessment.Status(status), previous.String
	a.CreatedAt, a.UpdatedAt, err = st.parse()
	return a, err
}

// assessmentByID reads one assessment.
func assessmentByID(ctx context.Context, q querier, id string) (assessment.Assessment, error) {
	a, err := scanAssessment(q.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessment WHERE id = ?`, id))
	return a, notFound(err, "assessment", id)
}

// checkAssessment refuses an assessment whose period is not a financial
// year such as 2025/26, or with an unknown status.
func checkAssessment(a assessment.Assessment) error {
	if err := assessment.ValidatePeriod(a.Period); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if !slices.Contains(assessment.Statuses, a.Status) {
		return invalid("unknown assessment status %q", a.Status)
	}
	return nil
}

// CreateAssessment adds a draft assessment of a partnership against a stored
// question set and returns it with its id and timestamps. A second
// assessment of the same partnership, question set and period is
// ErrDuplicate.
func (s *Store) CreateAssessment(ctx context.Context, a assessment.Assessment) (assessment.Assessment, error) {
	if err := checkText(a); err != nil {
		return assessment.Assessment{}, err
	}
	if a.Status == "" {
		a.Status = assessment.Draft
	}
	a.Revision = max(a.Revision, 1)
	if err := checkAssessment(a); err != nil {
		return assessment.Assessment{}, err
	}
	if a.Status == assessment.SignedOff {
		return assessment.Assessment{}, invalid("a new assessment cannot start signed off")
	}
	a.ID = orNew(a.ID)
	err := s.write(ctx, func(t *tx) error {
		a.CreatedAt, a.UpdatedAt = t.at, t.at
		return t.createAssessment(a)
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	return a, nil
}

// createAssessment checks the assessment's references, inserts it and
// audits it.
func (t *tx) createAssessment(a assessment.Assessment) error {
	if _, err := partnershipRow(t.ctx, t, a.PartnershipID); err != nil {
		return err
	}
	var n int
	if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM questionnaire WHERE id = ? AND version = ?`,
		a.QuestionnaireID, a.QuestionnaireVersion).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("question set %s: %w", questionnaireKey(a.QuestionnaireID, a.QuestionnaireVersion), ErrNotFound)
	}
	if err := t.insertAssessment(a); err != nil {
		return err
	}
	return t.auditCreate("assessment", a.ID, assessmentFields(a))
}

// insertAssessment inserts the assessment row as given.
func (t *tx) insertAssessment(a assessment.Assessment) error {
	_, err := t.exec(`INSERT INTO assessment (`+assessmentColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.PartnershipID, a.QuestionnaireID, a.QuestionnaireVersion, a.Period, string(a.Status),
		a.Facilitator, nullText(a.PreviousID), max(a.Revision, 1), formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
	return duplicatePeriod(err, a.Period)
}

// duplicatePeriod explains a unique-constraint failure on an assessment.
func duplicatePeriod(err error, period string) error {
	if err = mapErr(err); errors.Is(err, ErrDuplicate) {
		return fmt.Errorf("an assessment of this partnership against this question set for %s: %w", period, ErrDuplicate)
	}
	return err
}

// StartFromPrevious starts a new draft assessment for period from a previous
// one: the same partnership and question set, every response carried
// forward without its level or confidence but with its target and text,
// every evidence reference, and every open action (with new ids, the same
// status and no progress notes). Participants, votes, scrutiny and
// sign-offs are not carried.
func (s *Store) StartFromPrevious(ctx context.Context, previousID, period string) (assessment.Assessment, error) {
	var a assessment.Assessment
	err := s.write(ctx, func(t *tx) error {
		prev, err := assessmentByID(ctx, t, previousID)
		if err != nil {
			return err
		}
		a = assessment.Assessment{
			ID: newID(), PartnershipID: prev.PartnershipID, QuestionnaireID: prev.QuestionnaireID,
			QuestionnaireVersion: prev.QuestionnaireVersion, Period: period, Status: assessment.Draft,
			Facilitator: prev.Facilitator, PreviousID: prev.ID, Revision: 1, CreatedAt: t.at, UpdatedAt: t.at,
		}
		if err := checkAssessment(a); err != nil {
			return err
		}
		if err := t.createAssessment(a); err != nil {
			return err
		}
		return t.carryForward(prev.ID, a.ID)
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	return a, nil
}

// carryForward copies the responses, evidence references and open actions
// of assessment from into assessment to, auditing each copy.
func (t *tx) carryForward(from, to string) error {
	responses, err := responsesOf(t.ctx, t, from)
	if err != nil {
		return err
	}
	for _, r := range responses {
		r.AssessmentID, r.Level, r.Confidence, r.CarriedForward = to, assessment.NotAssessed, "", true
		r.CreatedAt, r.UpdatedAt = t.at, t.at
		if err := t.insertResponse(r); err != nil {
			return err
		}
		if err := t.audit("response", responseKey(r), "carried_from", "", responseKey(assessment.Response{AssessmentID: from, QuestionID: r.QuestionID})); err != nil {
			return err
		}
	}
	refs, err := evidenceRefsOf(t.ctx, t, from)
	if err != nil {
		return err
	}
	for _, e := range refs {
		old := e.ID
		e.ID, e.AssessmentID, e.CarriedForward, e.CreatedAt, e.UpdatedAt = newID(), to, true, t.at, t.at
		if err := t.insertEvidenceRef(e); err != nil {
			return err
		}
		if err := t.audit("evidence_ref", e.ID, "carried_from", "", old); err != nil {
			return err
		}
	}
	return t.carryActions(from, to)
}

// carryActions copies the open actions of assessment from into to, each
// keeping its ref.
func (t *tx) carryActions(from, to string) error {
	actions, err := actionsOf(t.ctx, t, from)
	if err != nil {
		return err
	}
	for _, x := range actions {
		if !x.Status.Open() {
			continue
		}
		x.CarriedFromID, x.ID, x.AssessmentID, x.Updates = x.ID, newID(), to, nil
		x.CreatedAt, x.UpdatedAt = t.at, t.at
		if err := t.insertAction(x); err != nil {
			return err
		}
		if err := t.audit("action", x.ID, "carried_from", "", x.CarriedFromID); err != nil {
			return err
		}
		if err := t.audit("action", x.ID, "ref", "", x.Ref.String()); err != nil {
			return err
		}
	}
	return nil
}

// Assessment returns one assessment.
func (s *Store) Assessment(ctx context.Context, id string) (assessment.Assessment, error) {
	a, err := assessmentByID(ctx, s.db, id)
	return a, mapErr(err)
}

// Assessments returns the assessments of a partnership, by period then
// creation, each with its coverage and overall score.
func (s *Store) Assessments(ctx context.Context, partnershipID string) ([]AssessmentSummary, error) {
	var out []AssessmentSummary
	err := s.read(ctx, func(t *sql.Tx) error {
		if _, err := partnershipRow(ctx, t, partnershipID); err != nil {
			return err
		}
		list, err := queryAll(ctx, t, scanAssessment, `SELECT `+assessmentColumns+` FROM assessment
			WHERE partnership_id = ? ORDER BY period, created_at, id`, partnershipID)
		if err != nil {
			return err
		}
		levels, err := agreedLevels(ctx, t, partnershipID)
		if err != nil {
			return err
		}
		out = make([]AssessmentSummary, 0, len(list))
		for _, a := range list {
			set, err := s.questionSet(ctx, t, a.QuestionnaireID, a.QuestionnaireVersion)
			if err != nil {
				return err
			}
			out = append(out, summarise(a, set, levels[a.ID]))
		}
		return nil
	})
	return out, err
}

// agreedLevels returns the responses with an agreed level of every
// assessment of a partnership, by assessment id.
func agreedLevels(ctx context.Context, q querier, partnershipID string) (map[string][]assessment.Response, error) {
	rows, err := queryAll(ctx, q, func(r scanner) (assessment.Response, error) {
		var v assessment.Response
		return v, r.Scan(&v.AssessmentID, &v.QuestionID, &v.Level)
	}, `SELECT r.assessment_id, r.question_id, r.level FROM response r
		JOIN assessment a ON a.id = r.assessment_id
		WHERE a.partnership_id = ? AND r.level IS NOT NULL`, partnershipID)
	if err != nil {
		return nil, err
	}
	out := map[string][]assessment.Response{}
	for _, r := range rows {
		out[r.AssessmentID] = append(out[r.AssessmentID], r)
	}
	return out, nil
}

// summarise scores one assessment with the assessment package's scoring.
func summarise(a assessment.Assessment, set *questionnaire.Questionnaire, responses []assessment.Response) AssessmentSummary {
	return AssessmentSummary{Assessment: a, QuestionnaireTitle: set.Title, Score: assessment.ScoreOf(set, responses)}
}

// RenameAssessment changes the period an assessment covers.
func (s *Store) RenameAssessment(ctx context.Context, id, period string) error {
	return s.updateAssessment(ctx, id, func(a *assessment.Assessment) { a.Period = period })
}

// SetStatus moves an assessment to a status. Once signed off, an
// assessment is read-only and this returns ErrSignedOff. It checks neither
// readiness nor signatures: the workflow goes through Agree and Sign
// (workflow.go), which do.
func (s *Store) SetStatus(ctx context.Context, id string, status assessment.Status) error {
	return s.updateAssessment(ctx, id, func(a *assessment.Assessment) { a.Status = status })
}

// updateAssessment applies change to an assessment, audits what changed and
// saves it.
func (s *Store) updateAssessment(ctx context.Context, id string, change func(*assessment.Assessment)) error {
	return s.write(ctx, func(t *tx) error {
		old, err := assessmentByID(ctx, t, id)
		if err != nil {
			return err
		}
		a := old
		change(&a)
		if err := checkAssessment(a); err != nil {
			return err
		}
		before, after := assessmentFields(old), assessmentFields(a)
		if slices.Equal(before, after) {
			return nil
		}
		_, err = t.exec(`UPDATE assessment SET period = ?, status = ?, facilitator = ?, updated_at = ? WHERE id = ?`,
			a.Period, string(a.Status), a.Facilitator, formatTime(t.at), id)
		if err := duplicatePeriod(err, a.Period); err != nil {
			return err
		}
		if err := t.auditChanges("assessment", id, before, after); err != nil {
			return err
		}
		if a.Status == assessment.SignedOff {
			return t.seal(id)
		}
		return nil
	})
}

// DeleteAssessment deletes a draft assessment and everything under it. Any
// other status is ErrNotDraft.
func (s *Store) DeleteAssessment(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		a, err := assessmentByID(ctx, t, id)
		if err != nil {
			return err
		}
		switch a.Status {
		case assessment.Draft:
		case assessment.SignedOff:
			return fmt.Errorf("assessment %s: %w: %w", a.Period, ErrNotDraft, ErrSignedOff)
		default:
			return fmt.Errorf("assessment %s is %s: %w", a.Period, a.Status, ErrNotDraft)
		}
		if err := t.execOne("assessment "+id, `DELETE FROM assessment WHERE id = ?`, id); err != nil {
			return err
		}
		return t.auditDelete("assessment", id, assessmentFields(a))
	})
}
