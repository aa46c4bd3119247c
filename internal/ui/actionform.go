package ui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
)

// ---- the form ---------------------------------------------------------------

// ActionForm adds or edits one action. It refuses to save until the action
// is specific, owned, dated and measured, saying at each field what is
// missing; a failed save keeps it open with the error.
type ActionForm struct {
	ap   *ActionPlan
	base assessment.Action

	// Draft says the form holds a suggestion that is not yet saved.
	Draft *widget.Label
	// The fields.
	Theme, Question, Agency, Status *widget.Select
	Title, Due, Measure, Outcome    *widget.Entry
	// PickDue opens a calendar to pick the due date from.
	PickDue *widget.Button
	// Calendar is the calendar PickDue shows, while it is shown.
	Calendar *widget.Calendar
	// PastDue asks before a new action is saved with a due date already
	// past; pastAgreed is true once the person said yes.
	PastDue    dialog.Dialog
	pastAgreed bool
	Owner      *widget.SelectEntry
	// Problem says why the action was not saved.
	Problem *widget.Label
	// Submit saves; Cancel closes without saving.
	Submit, Cancel *widget.Button
	// Saved is true once the action was saved.
	Saved bool

	body, grid *fyne.Container
	msgs       map[string]*widget.Label
	hints      map[string]string
	touched    map[string]bool
	tried      bool
	themes     map[string]string // title → id
	qs         map[string]string // question option → id
	dialog     *dialog.CustomDialog
}

// The form's fields, as keys of its messages.
const (
	fTheme    = "theme"
	fQuestion = "question"
	fTitle    = "title"
	fOwner    = "owner"
	fAgency   = "agency"
	fDue      = "due"
	fMeasure  = "measure"
	fStatus   = "status"
	fOutcome  = "outcome"
)

// formFields is the order the form's fields are checked and shown in.
var formFields = []string{fTitle, fTheme, fQuestion, fOwner, fAgency, fDue, fMeasure, fStatus, fOutcome}

// openForm opens the form on a, new when a.ID is "", with draft saying it
// is a suggestion when not "".
func (ap *ActionPlan) openForm(a assessment.Action, draft string) *ActionForm {
	if ap.s.readOnly() {
		return nil
	}
	f := newActionForm(ap, a, draft)
	ap.Form = f
	title := "Edit action " + a.Ref.String()
	switch {
	case a.ID == "" && draft != "":
		title = "Add an action: suggested draft"
	case a.ID == "":
		title = "Add an action"
	}
	f.dialog = dialog.NewCustomWithoutButtons(title, f.content(), ap.s.win)
	f.dialog.SetButtons([]fyne.CanvasObject{f.Cancel, f.Submit})
	f.dialog.SetOnClosed(func() {
		if ap.Form == f {
			ap.Form = nil
		}
	})
	size := ap.s.win.Canvas().Size()
	f.dialog.Resize(fyne.NewSize(min(820, max(560, size.Width-40)), min(780, max(520, size.Height-40))))
	f.dialog.Show()
	return f
}

// newActionForm builds the form's widgets filled from a.
func newActionForm(ap *ActionPlan, a assessment.Action, draft string) *ActionForm {
	f := &ActionForm{ap: ap, base: a, msgs: map[string]*widget.Label{}, touched: map[string]bool{},
		themes: map[string]string{}, qs: map[string]string{}}
	f.hints = map[string]string{
		fTitle:    fmt.Sprintf("What will be done, specifically, in at least %d words. “Training” cannot be checked; “Train 200 managers in the escalation policy” can.", minTitleWords),
		fTheme:    "The strategic theme the action improves.",
		fQuestion: "Optional: the question of that theme it answers.",
		fOwner:    "The named person accountable for it, not a team or a board.",
		fAgency:   "The partner agency that person answers for.",
		fDue:      "For example 31/03/2027 or 2027-03-31, or pick it from the calendar.",
		fMeasure:  "How you will know it made a difference for children and families, not only that it was done.",
		fStatus:   "",
		fOutcome:  "Needed to mark it complete or dropped: what changed, and what the measure showed.",
	}
	f.Draft = importantLabel(draft, widget.HighImportance)
	f.Draft.TextStyle.Bold = true
	if draft == "" {
		f.Draft.Hide()
	}

	var themeTitles []string
	for _, t := range ap.s.q.Themes {
		themeTitles = append(themeTitles, t.Title)
		f.themes[t.Title] = t.ID
	}
	f.Question = widget.NewSelect(nil, func(string) { f.changed(fQuestion) })
	f.Theme = widget.NewSelect(themeTitles, func(string) {
		f.setQuestions("")
		f.changed(fTheme)
	})
	f.Theme.PlaceHolder = "Choose a theme"
	if t, ok := ap.s.q.Theme(a.ThemeID); ok {
		f.Theme.Selected = t.Title
	}
	f.setQuestions(a.QuestionID)

	f.Title = widget.NewMultiLineEntry()
	f.Title.Wrapping = fyne.TextWrapWord
	f.Title.SetMinRowsVisible(2)
	f.Title.SetText(a.Title)
	f.Title.Validator = func(text string) error { return errorOf(checkTitle(text)) }

	var names []string
	for _, x := range ap.s.rec.Actions {
		if o := strings.TrimSpace(x.Owner); o != "" && !slices.Contains(names, o) {
			names = append(names, o)
		}
	}
	for _, p := range ap.s.rec.Participants {
		if n := strings.TrimSpace(p.Name); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	f.Owner = widget.NewSelectEntry(names)
	f.Owner.SetPlaceHolder("A named person")
	f.Owner.SetText(a.Owner)
	f.Owner.Validator = func(text string) error { return errorOf(checkOwner(text)) }

	var agencies []string
	for _, g := range ap.s.rec.Partnership.Agencies {
		agencies = append(agencies, g.Name)
	}
	f.Agency = widget.NewSelect(agencies, func(string) { f.changed(fAgency) })
	f.Agency.PlaceHolder = "Choose the agency"
	f.Agency.Selected = ap.s.agencyName(a.OwnerAgencyID)

	f.Due = widget.NewEntry()
	f.Due.SetPlaceHolder("31/03/2027 or 2027-03-31")
	f.PickDue = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.showCalendar)
	if !a.Due.IsZero() {
		f.Due.SetText(a.Due.Format(assessment.DateLayout))
	}
	f.Due.Validator = func(text string) error {
		_, msg := checkDate(text, true)
		return errorOf(msg)
	}

	f.Measure = widget.NewMultiLineEntry()
	f.Measure.Wrapping = fyne.TextWrapWord
	f.Measure.SetMinRowsVisible(2)
	f.Measure.SetPlaceHolder("e.g. share of audited cases showing the changed practice, from 40% to 70%")
	f.Measure.SetText(a.SuccessMeasure)
	f.Measure.Validator = func(text string) error { return errorOf(checkMeasure(text)) }

	var statuses []string
	for _, st := range assessment.ActionStatuses {
		statuses = append(statuses, st.Label())
	}
	f.Status = widget.NewSelect(statuses, func(string) {
		f.changed(fStatus)
		f.Outcome.Validate()
		f.showMessage(fOutcome)
	})
	f.Status.Selected = a.Status.Label()

	f.Outcome = widget.NewMultiLineEntry()
	f.Outcome.Wrapping = fyne.TextWrapWord
	f.Outcome.SetMinRowsVisible(2)
	f.Outcome.SetText(a.Outcome)
	f.Outcome.Validator = func(text string) error { return errorOf(checkOutcome(text, f.status())) }

	for _, e := range []struct {
		key   string
		entry *widget.Entry
	}{{fTitle, f.Title}, {fOwner, &f.Owner.Entry}, {fDue, f.Due}, {fMeasure, f.Measure}, {fOutcome, f.Outcome}} {
		e.entry.OnChanged = func(string) { f.changed(e.key) }
	}
	for _, k := range formFields {
		m := widget.NewLabel(f.hints[k])
		m.Wrapping = fyne.TextWrapWord
		m.Importance = widget.LowImportance
		m.SizeName = theme.SizeNameCaptionText
		if f.hints[k] == "" {
			m.Hide()
		}
		f.msgs[k] = m
	}

	f.Problem = importantLabel("", widget.DangerImportance)
	f.Problem.TextStyle.Bold = true
	f.Problem.Hide()
	f.Submit = widget.NewButtonWithIcon("Save action", theme.DocumentSaveIcon(), f.save)
	f.Submit.Importance = widget.HighImportance
	f.Cancel = widget.NewButton("Cancel", func() { f.dialog.Hide() })
	return f
}

// content lays the form out: the 4.13 hint, the fields with their messages
// and the problem.
func (f *ActionForm) content() fyne.CanvasObject {
	hint := importantLabel(report413, widget.MediumImportance)
	hint.TextStyle.Italic = true
	f.grid = container.New(layout.NewFormLayout())
	for _, row := range []struct {
		key, label string
		w          fyne.CanvasObject
	}{
		{fTitle, "Action", f.Title}, {fTheme, "Theme", f.Theme}, {fQuestion, "Question", f.Question},
		{fOwner, "Owner", f.Owner}, {fAgency, "Agency", f.Agency}, {fDue, "Due date", container.NewBorder(nil, nil, nil, f.PickDue, f.Due)},
		{fMeasure, "Measure of impact", f.Measure}, {fStatus, "Status", f.Status}, {fOutcome, "Outcome", f.Outcome},
	} {
		label := widget.NewLabelWithStyle(row.label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		f.grid.Add(container.NewVBox(label))
		f.grid.Add(container.NewVBox(row.w, f.msgs[row.key]))
	}
	top := container.NewVBox(f.Draft, hint, widget.NewSeparator())
	f.body = container.NewBorder(top, f.Problem, nil, nil, container.NewVScroll(f.grid))
	return f.body
}

// setQuestions offers the questions of the chosen theme and selects the
// question with id, or the whole theme.
func (f *ActionForm) setQuestions(id string) {
	options := []string{wholeTheme}
	selected := wholeTheme
	clear(f.qs)
	if t, ok := f.ap.s.q.Theme(f.themes[f.Theme.Selected]); ok {
		for _, qu := range t.Questions {
			o := shortText(f.ap.questionShort(qu.ID), 12)
			options = append(options, o)
			f.qs[o] = qu.ID
			if qu.ID == id {
				selected = o
			}
		}
	}
	f.Question.Options = options
	f.Question.Selected = selected
	f.Question.Refresh()
}

// changed notes that a field was edited and shows its message.
func (f *ActionForm) changed(key string) {
	f.touched[key] = true
	if f.msgs != nil {
		f.showMessage(key)
	}
	if f.Problem != nil && f.Problem.Visible() && f.tried {
		f.countProblems() // the count at the foot follows the fixes
	}
}

// countProblems says how many things are left to fix, or nothing once
// none are.
func (f *ActionForm) countProblems() {
	n := len(f.Problems())
	if n == 0 {
		f.problem("")
		return
	}
	f.problem(fmt.Sprintf("Not saved yet: %s to fix, marked in red at the fields.", english.Count(n, "thing")))
}

// showMessage shows the field's problem once it was edited or a save was
// tried, else its hint.
func (f *ActionForm) showMessage(key string) {
	m := f.msgs[key]
	if m == nil {
		return
	}
	text, importance := f.hints[key], widget.LowImportance
	if msg := f.check(key); msg != "" && (f.touched[key] || f.tried) {
		text, importance = msg, widget.DangerImportance
	}
	if text == "" {
		if m.Visible() {
			m.Hide()
			f.relayout()
		}
		return
	}
	if m.Text != text || m.Importance != importance || !m.Visible() {
		m.Text, m.Importance = text, importance
		m.Show()
		m.Refresh()
		f.relayout()
	}
}

// relayout lays the form out again after a message changed its height.
func (f *ActionForm) relayout() {
	if f.body != nil {
		f.grid.Refresh()
		f.body.Refresh()
	}
}

// problem shows why the action was not saved, or hides it when msg is "".
func (f *ActionForm) problem(msg string) {
	f.Problem.SetText(msg)
	if msg == "" {
		f.Problem.Hide()
	} else {
		f.Problem.Show()
	}
	f.relayout()
}

// check says what is wrong with one field, or "" when it is right.
func (f *ActionForm) check(key string) string {
	switch key {
	case fTitle:
		return checkTitle(f.Title.Text)
	case fTheme:
		if f.themes[f.Theme.Selected] == "" {
			return "Choose the theme the action improves."
		}
	case fOwner:
		return checkOwner(f.Owner.Text)
	case fAgency:
		if f.agencyID() == "" {
			return "Choose the agency accountable for it."
		}
	case fDue:
		_, msg := checkDate(f.Due.Text, true)
		return msg
	case fMeasure:
		return checkMeasure(f.Measure.Text)
	case fOutcome:
		return checkOutcome(f.Outcome.Text, f.status())
	}
	return ""
}

// showCalendar shows a calendar at the due date (or today) and puts the
// date picked into the field.
func (f *ActionForm) showCalendar() {
	start, msg := checkDate(f.Due.Text, true)
	if msg != "" {
		start = f.ap.today()
	}
	var pop *widget.PopUp
	f.Calendar = widget.NewCalendar(start, func(d time.Time) {
		f.Due.SetText(d.Format(assessment.DateLayout))
		pop.Hide()
	})
	pop = widget.NewPopUp(f.Calendar, f.ap.s.win.Canvas())
	pop.ShowAtRelativePosition(fyne.NewPos(0, f.PickDue.Size().Height), f.PickDue)
}

// agencyID is the id of the chosen agency, or "".
func (f *ActionForm) agencyID() string {
	for _, g := range f.ap.s.rec.Partnership.Agencies {
		if g.Name == f.Agency.Selected {
			return g.ID
		}
	}
	return ""
}

// status is the chosen status.
func (f *ActionForm) status() assessment.ActionStatus {
	for _, st := range assessment.ActionStatuses {
		if st.Label() == f.Status.Selected {
			return st
		}
	}
	return assessment.NotStarted
}

// Problems lists what must be fixed before the action can be saved, in the
// order of the fields.
func (f *ActionForm) Problems() []string {
	var out []string
	for _, k := range formFields {
		if msg := f.check(k); msg != "" {
			out = append(out, msg)
		}
	}
	return out
}

// action is the action as the form has it.
func (f *ActionForm) action() assessment.Action {
	a := f.base
	a.ThemeID = f.themes[f.Theme.Selected]
	a.QuestionID = f.qs[f.Question.Selected]
	a.Title = strings.Join(strings.Fields(f.Title.Text), " ")
	a.Owner = strings.TrimSpace(f.Owner.Text)
	a.OwnerAgencyID = f.agencyID()
	a.Due, _ = checkDate(f.Due.Text, true)
	a.SuccessMeasure = strings.TrimSpace(f.Measure.Text)
	a.Status = f.status()
	a.Outcome = strings.TrimSpace(f.Outcome.Text)
	a.Updates = nil
	return a
}

// save stores the action when every field is right; otherwise, or when the
// store refuses it, it says why and keeps the form open.
func (f *ActionForm) save() {
	f.tried = true
	problems := f.Problems()
	for _, k := range formFields {
		f.showMessage(k)
	}
	for _, e := range []*widget.Entry{f.Title, &f.Owner.Entry, f.Due, f.Measure, f.Outcome} {
		e.AlwaysShowValidationError = true
		e.Validate()
	}
	if len(problems) > 0 {
		f.countProblems()
		return
	}
	a := f.action()
	ap := f.ap
	if f.base.ID == "" && a.Due.Before(ap.today()) && !f.pastAgreed {
		f.PastDue = dialog.NewConfirm("Due date already past",
			fmt.Sprintf("The due date, %s, has already passed. Save the new action with it anyway?", longDay(a.Due)),
			func(yes bool) {
				if yes {
					f.pastAgreed = true
					f.save()
				}
			}, ap.s.win)
		f.PastDue.Show()
		return
	}
	failed := ap.s.save(func(ctx context.Context) error {
		saved, err := ap.s.store.SaveAction(ctx, a)
		if err != nil {
			return err
		}
		for i := range ap.s.rec.Actions {
			if ap.s.rec.Actions[i].ID == saved.ID {
				saved.Updates = ap.s.rec.Actions[i].Updates
				ap.s.rec.Actions[i] = saved
				ap.selected = saved.ID
				return nil
			}
		}
		ap.s.rec.Actions = append(ap.s.rec.Actions, saved)
		ap.selected = saved.ID
		return nil
	})
	if failed != nil {
		f.problem("Not saved: " + failed.Error() + ". Nothing you typed is lost; fix it or try again.")
		return
	}
	f.Saved = true
	f.problem("")
	f.dialog.Hide()
}
