package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// actionFields are the audited fields of an action.
func actionFields(a assessment.Action) []field {
	return []field{
		{"assessment_id", a.AssessmentID},
		{"ref", a.Ref.String()},
		{"theme_id", a.ThemeID},
		{"question_id", a.QuestionID},
		{"title", a.Title},
		{"owner", a.Owner},
		{"owner_agency_id", a.OwnerAgencyID},
		{"due", dateText(a.Due)},
		{"success_measure", a.SuccessMeasure},
		{"status", string(a.Status)},
		{"outcome", a.Outcome},
		{"carried_from", a.CarriedFromID},
	}
}

// dateOnly returns the calendar date of t as UTC midnight, or the zero time.
func dateOnly(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// SaveAction saves an item of the action plan: added when its ID is empty,
// changed otherwise (its progress notes are added with AddActionUpdate and
// are not touched). A new action takes the next free ref of its assessment
// ("A-01", "A-02", …); a change keeps the ref it has. An empty status is "not started". It returns the action
// as stored, without its updates. A change to an action another copy of the
// app saved after a.UpdatedAt (when set) is refused with ErrChanged.
func (s *Store) SaveAction(ctx context.Context, a assessment.Action) (assessment.Action, error) {
	if a.Status == "" {
		a.Status = assessment.NotStarted
	}
	if err := checkAction(a); err != nil {
		return assessment.Action{}, err
	}
	a.Due, a.Updates = dateOnly(a.Due), nil
	var out assessment.Action
	err := s.write(ctx, func(t *tx) error {
		if a.ID == "" {
			a.ID, a.CreatedAt, a.UpdatedAt = newID(), t.at, t.at
			ref, err := t.nextActionRef(a.AssessmentID)
			if err != nil {
				return err
			}
			a.Ref = ref
			out = a
			return s.createAction(t, a)
		}
		old, err := actionByID(ctx, t, a.ID)
		if err != nil {
			return err
		}
		if err := changedSince("action "+fmt.Sprintf("%q", old.Title), a.UpdatedAt, old.UpdatedAt,
			actionFields(old), actionFields(a)); err != nil {
			return err
		}
		a.AssessmentID, a.Ref, a.CarriedFromID = old.AssessmentID, old.Ref, old.CarriedFromID
		a.CreatedAt, a.UpdatedAt = old.CreatedAt, t.at
		out, err = s.updateAction(t, old, a)
		return err
	})
	return out, err
}

// checkAction refuses an action without a title or with an unknown status.
func checkAction(a assessment.Action) error {
	if strings.TrimSpace(a.Title) == "" {
		return invalid("action has no title")
	}
	if err := checkText(a); err != nil {
		return err
	}
	if !slices.Contains(assessment.ActionStatuses, a.Status) {
		return invalid("unknown action status %q", a.Status)
	}
	return nil
}

// checkActionTheme refuses a theme, or a question, the assessment's
// question set does not have, and an owner agency outside the partnership.
func (s *Store) checkActionTheme(t *tx, a assessment.Action) error {
	if err := t.checkAssessmentAgency(a.AssessmentID, a.OwnerAgencyID); err != nil {
		return err
	}
	if a.QuestionID != "" {
		return s.checkQuestion(t.ctx, t, a.AssessmentID, a.QuestionID)
	}
	set, err := s.assessmentSet(t.ctx, t, a.AssessmentID)
	if err != nil {
		return err
	}
	if _, ok := set.Theme(a.ThemeID); !ok {
		return invalid("theme %q is not in question set %s", a.ThemeID, questionnaireKey(set.ID, set.Version))
	}
	return nil
}

// nextActionRef is the ref after the highest that the actions of an
// assessment, and of the assessments it was started from, have: a ref then
// names one action through the years (a carried action keeps its own). A
// deleted action's number is given again only when no later one is in use.
func (t *tx) nextActionRef(assessmentID string) (assessment.ActionRef, error) {
	var last int
	err := t.QueryRowContext(t.ctx, `WITH RECURSIVE line(id) AS (
			SELECT ?1 UNION SELECT a.previous_id FROM assessment a JOIN line ON a.id = line.id WHERE a.previous_id IS NOT NULL)
		SELECT coalesce(max(ref), 0) FROM action WHERE assessment_id IN line`, assessmentID).Scan(&last)
	return assessment.ActionRef(last + 1), err
}

// createAction checks, inserts and audits a new action.
func (s *Store) createAction(t *tx, a assessment.Action) error {
	if err := s.checkActionTheme(t, a); err != nil {
		return err
	}
	if err := t.insertAction(a); err != nil {
		return err
	}
	return t.auditCreate("action", a.ID, actionFields(a))
}

// updateAction saves a over old when anything changed and audits it.
func (s *Store) updateAction(t *tx, old, a assessment.Action) (assessment.Action, error) {
	before, after := actionFields(old), actionFields(a)
	if slices.Equal(before, after) {
		old.Updates = nil
		return old, nil
	}
	if err := s.checkActionTheme(t, a); err != nil {
		return a, err
	}
	if _, err := t.exec(`UPDATE action SET theme_id = ?, question_id = ?, title = ?, owner = ?, owner_agency_id = ?,
		due = ?, success_measure = ?, status = ?, outcome = ?, updated_at = ? WHERE id = ?`,
		a.ThemeID, nullText(a.QuestionID), a.Title, a.Owner, nullText(a.OwnerAgencyID), nullText(dateText(a.Due)),
		a.SuccessMeasure, string(a.Status), a.Outcome, formatTime(a.UpdatedAt), a.ID); err != nil {
		return a, err
	}
	return a, t.auditChanges("action", a.ID, before, after)
}

// DeleteAction deletes an action and its progress notes.
func (s *Store) DeleteAction(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		a, err := actionByID(ctx, t, id)
		if err != nil {
			return err
		}
		if err := t.execOne("action "+id, `DELETE FROM action WHERE id = ?`, id); err != nil {
			return err
		}
		return t.auditDelete("action", id, actionFields(a))
	})
}

// actionColumns are the columns scanAction reads, in order.
const actionColumns = `id, assessment_id, ref, theme_id, question_id, title, owner, owner_agency_id, due,
	success_measure, status, outcome, carried_from, created_at, updated_at`

// insertAction inserts an action row as given, without its updates.
func (t *tx) insertAction(a assessment.Action) error {
	_, err := t.exec(`INSERT INTO action (`+actionColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.AssessmentID, nullRef(a.Ref), a.ThemeID, nullText(a.QuestionID), a.Title, a.Owner, nullText(a.OwnerAgencyID),
		nullText(dateText(a.Due)), a.SuccessMeasure, string(a.Status), a.Outcome, nullText(a.CarriedFromID),
		formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
	return err
}

// nullRef is a ref for the database: NULL when there is none.
func nullRef(r assessment.ActionRef) any {
	if r <= 0 {
		return nil
	}
	return int64(r)
}

// scanAction reads an action row, without its updates.
func scanAction(row scanner) (assessment.Action, error) {
	var a assessment.Action
	var st stamps
	var question, agency, due, carried sql.NullString
	var ref sql.NullInt64
	var status string
	err := row.Scan(&a.ID, &a.AssessmentID, &ref, &a.ThemeID, &question, &a.Title, &a.Owner, &agency, &due,
		&a.SuccessMeasure, &status, &a.Outcome, &carried, &st.created, &st.updated)
	if err != nil {
		return a, err
	}
	a.QuestionID, a.OwnerAgencyID, a.CarriedFromID = question.String, agency.String, carried.String
	a.Ref = assessment.ActionRef(ref.Int64)
	a.Status = assessment.ActionStatus(status)
	if a.Due, err = parseDate(due); err != nil {
		return a, err
	}
	a.CreatedAt, a.UpdatedAt, err = st.parse()
	return a, err
}

// actionOrder orders an assessment's actions by ref, those without one
// (added outside the app) last by when they were added.
const actionOrder = `ref IS NULL, ref, created_at, id`

// actionByID reads one action, without its updates.
func actionByID(ctx context.Context, q querier, id string) (assessment.Action, error) {
	a, err := scanAction(q.QueryRowContext(ctx, `SELECT `+actionColumns+` FROM action WHERE id = ?`, id))
	return a, notFound(err, "action", id)
}

// actionsOf reads every action of an assessment, without their updates.
func actionsOf(ctx context.Context, q querier, assessmentID string) ([]assessment.Action, error) {
	return queryAll(ctx, q, scanAction, `SELECT `+actionColumns+` FROM action
		WHERE assessment_id = ? ORDER BY `+actionOrder, assessmentID)
}

// actionUpdateFields are the audited fields of a progress note.
func actionUpdateFields(u assessment.ActionUpdate) []field {
	return []field{{"action_id", u.ActionID}, {"on", timeText(u.On)}, {"author", u.Author}, {"note", u.Note}}
}

// AddActionUpdate adds a dated progress note to an action and returns it
// with its id and timestamps. A zero On is now.
func (s *Store) AddActionUpdate(ctx context.Context, u assessment.ActionUpdate) (assessment.ActionUpdate, error) {
	if err := checkText(u); err != nil {
		return assessment.ActionUpdate{}, err
	}
	if strings.TrimSpace(u.Note) == "" {
		return assessment.ActionUpdate{}, invalid("progress note is empty")
	}
	u.ID = orNew(u.ID)
	err := s.write(ctx, func(t *tx) error {
		if _, err := actionByID(ctx, t, u.ActionID); err != nil {
			return err
		}
		if u.On.IsZero() {
			u.On = t.at
		}
		u.On, u.CreatedAt, u.UpdatedAt = u.On.UTC(), t.at, t.at
		if err := t.insertActionUpdate(u); err != nil {
			return err
		}
		return t.auditCreate("action_update", u.ID, actionUpdateFields(u))
	})
	if err != nil {
		return assessment.ActionUpdate{}, err
	}
	return u, nil
}

// actionUpdateColumns are the columns scanActionUpdate reads, in order.
const actionUpdateColumns = `id, action_id, noted_on, author, note, created_at, updated_at`

// insertActionUpdate inserts a progress note row as given.
func (t *tx) insertActionUpdate(u assessment.ActionUpdate) error {
	_, err := t.exec(`INSERT INTO action_update (`+actionUpdateColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.ActionID, formatTime(u.On), u.Author, u.Note, formatTime(u.CreatedAt), formatTime(u.UpdatedAt))
	return err
}

// scanActionUpdate reads a progress note row.
func scanActionUpdate(row scanner) (assessment.ActionUpdate, error) {
	var u assessment.ActionUpdate
	var st stamps
	var on string
	if err := row.Scan(&u.ID, &u.ActionID, &on, &u.Author, &u.Note, &st.created, &st.updated); err != nil {
		return u, err
	}
	var err error
	if u.On, err = parseTime(on); err != nil {
		return u, err
	}
	u.CreatedAt, u.UpdatedAt, err = st.parse()
	return u, err
}

// actionUpdatesOf reads every progress note on the actions of an
// assessment, by action.
func actionUpdatesOf(ctx context.Context, q querier, assessmentID string) (map[string][]assessment.ActionUpdate, error) {
	all, err := queryAll(ctx, q, scanActionUpdate, `SELECT u.id, u.action_id, u.noted_on, u.author, u.note,
		u.created_at, u.updated_at FROM action_update u JOIN action a ON a.id = u.action_id
		WHERE a.assessment_id = ? ORDER BY u.created_at, u.id`, assessmentID)
	if err != nil {
		return nil, err
	}
	out := map[string][]assessment.ActionUpdate{}
	for _, u := range all {
		out[u.ActionID] = append(out[u.ActionID], u)
	}
	return out, nil
}
