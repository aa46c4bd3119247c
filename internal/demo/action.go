package demo

import (
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// actions carries last year's open actions, keeping their refs, and adds
// this year's new ones under the next refs, each with a status and progress
// notes.
func (y *year) actions() {
	if y.previous != nil {
		for _, old := range y.previous.Actions {
			if old.Status.Open() {
				a := y.action(old.QuestionID, old.Title, old.Owner, old.OwnerAgencyID, old.SuccessMeasure, old.Due)
				a.CarriedFromID, a.Ref = old.ID, old.Ref
				y.rec.Actions = append(y.rec.Actions, a)
			}
		}
	}
	for _, t := range y.newActions(y) {
		due := startOf(y.period).AddDate(1, y.rng.IntN(9), 0)
		a := y.action(t.question, t.title, t.owner, y.agency(t.agency).ID, t.measure, due)
		y.lastRef++
		a.Ref = y.lastRef
		y.rec.Actions = append(y.rec.Actions, a)
	}
}

// action builds one action with a status fitting the year and its notes.
func (y *year) action(question, title, owner, agencyID, measure string, due time.Time) assessment.Action {
	_, theme, _ := y.q.Question(question)
	a := assessment.Action{ID: y.id(), AssessmentID: y.rec.Assessment.ID, ThemeID: theme.ID,
		QuestionID: question, Title: title, Owner: owner, OwnerAgencyID: agencyID, Due: due,
		SuccessMeasure: measure, Status: y.status(), CreatedAt: y.at, UpdatedAt: y.at}
	switch a.Status {
	case assessment.Complete:
		a.Outcome = "Completed. The measure was met and the change is now part of routine practice."
	case assessment.Dropped:
		a.Outcome = "Replaced by a wider action agreed by the executive."
	}
	notes := []string{"Lead agreed and first meeting held.", "On track; first data reported to the executive."}
	if a.Status == assessment.AtRisk {
		notes[1] = "Behind plan: staff turnover delayed the work. Escalated to the executive."
	}
	for i, note := range notes[:1+y.rng.IntN(2)] {
		on := y.at.AddDate(0, 2+3*i, 0)
		a.Updates = append(a.Updates, assessment.ActionUpdate{ID: y.id(), ActionID: a.ID,
			On: on, Author: owner, Note: note, CreatedAt: on, UpdatedAt: on})
	}
	return a
}

// status draws an action's status: earlier years' actions are mostly done,
// the latest year's mostly under way.
func (y *year) status() assessment.ActionStatus {
	settled := []assessment.ActionStatus{assessment.Complete, assessment.Complete, assessment.InProgress,
		assessment.InProgress, assessment.AtRisk, assessment.Dropped, assessment.NotStarted}
	current := []assessment.ActionStatus{assessment.InProgress, assessment.InProgress, assessment.InProgress,
		assessment.NotStarted, assessment.NotStarted, assessment.AtRisk, assessment.Complete}
	if !y.latest() {
		return settled[y.rng.IntN(len(settled))]
	}
	return current[y.rng.IntN(len(current))]
}
