package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// The choices of the filter and sort selects that are not data.
const (
	allThemes   = "All themes"
	allOwners   = "All owners"
	allAgencies = "All agencies"
	allStatuses = "All statuses"
	openOnly    = "Open (not complete or dropped)"
	wholeTheme  = "The whole theme"
)

// The sort orders offered, in the order of the sort select.
const (
	sortTheme  = "Theme"
	sortOwner  = "Owner"
	sortAgency = "Agency"
	sortStatus = "Status"
	sortDue    = "Due date"
)

// The rules an action must meet before it is saved.
const (
	// minTitleWords is the fewest words a specific action title can have.
	minTitleWords = 4
	// minMeasureWords is the fewest words a measure of impact can have.
	minMeasureWords = 3
	// suggestGap is the smallest gap between level and target for which
	// an action is suggested.
	suggestGap = 2
)

// report413 is the form's hint: why an action must be specific, owned,
// dated and measured, quoted from paragraph 4.13 of the Panel's report.
const report413 = "A good action is specific, owned, dated and measured. High-quality reviews have " +
	"“clear recommendations that translate into specific actions with accountable owners” and " +
	"“a clear strategy described for evaluating this impact” — quoted from the Child Safeguarding " +
	"Practice Review Panel’s Annual Report 2022/23, paragraph 4.13. So every action here needs a " +
	"specific title, a named owner and their agency, a due date and a measure of impact."

// readOnlyNote says why a signed-off action plan cannot be changed.
const readOnlyNote = "This assessment is signed off, so its action plan is read-only: the database refuses " +
	"any change to a signed-off record. To keep working on the open actions, start next year's " +
	"assessment from this one on the Home screen; its open actions are carried forward."

// tableColumns are the headings of the action table, in order: what a
// board reads first (the action, who owns it, when it is due and how it
// stands) comes before what places it in the question set, so that at
// 1024×600 it shows without scrolling sideways.
var tableColumns = []string{"Ref", "Action", "Owner", "Agency", "Due", "Status", "Theme", "Question", "Measure of impact"}

// The table's columns.
const (
	colRef = iota
	colTitle
	colOwner
	colAgency
	colDue
	colStatus
	colTheme
	colQuestion
	colMeasure
)

// columnWidths are the narrowest each column gets at normal text (they
// grow with the text size), and flex the share of any spare width it
// takes: the wordy columns grow with the window.
var (
	columnWidths = []float32{70, 170, 120, 120, 165, 110, 110, 110, 120}
	columnFlex   = []float32{0, 4, 1, 2, 0, 0, 1, 2, 3}
)

// columnWidth is column i's narrowest width at the current text size.
func columnWidth(i int) float32 { return columnWidths[i] * textGrowth() }

// ActionPlan is the action plan screen: a table of the assessment's
// actions that can be sorted and filtered, the chosen action's details and
// progress notes, and a form to add or edit an action that insists on a
// specific title, an owner and agency, a due date and a measure of impact.
type ActionPlan struct {
	// isShown, when set, says whether the plan is on screen; stale is true
	// when an edit was saved while it was not.
	isShown func() bool
	stale   bool
	s       *session
	author  string

	// ReadOnly says why a signed-off plan cannot change; hidden otherwise.
	ReadOnly *widget.Label
	// Count says how many actions there are and how many are overdue.
	Count *widget.Label
	// Add opens the form for a new action; Suggest offers drafts for the
	// questions with a large gap.
	Add, Suggest *widget.Button

	// The filters and the sort order of the table.
	ThemeFilter, OwnerFilter, AgencyFilter, StatusFilter *widget.Select
	OverdueOnly                                          *widget.Check
	SortBy                                               *widget.Select

	// Table lists the actions that pass the filters, in the sort order.
	Table *widget.Table

	// The chosen action's details, progress notes and the note composer.
	Detail       *fyne.Container
	Edit         *widget.Button
	Notes        *fyne.Container
	NoteText     *widget.Entry
	NoteDate     *widget.Entry
	AddNote      *widget.Button
	NoteProblem  *widget.Label
	noteComposer *fyne.Container

	// Form is the add or edit form while one is open, else nil.
	Form *ActionForm
	// SuggestButtons are the "Draft this action" buttons of the open
	// suggestions dialog, one per suggestion.
	SuggestButtons []*widget.Button
	suggestDialog  dialog.Dialog

	rows     []assessment.Action
	widths   []float32
	selected string
	content  *fyne.Container
}

// NewActionPlan builds the action plan of the session's assessment and
// keeps it in step with every saved edit.
func NewActionPlan(s *session) *ActionPlan {
	ap := &ActionPlan{s: s, widths: slices.Clone(columnWidths)}
	ap.ReadOnly = widget.NewLabel(readOnlyNote)
	ap.ReadOnly.Wrapping = fyne.TextWrapWord
	ap.ReadOnly.Importance = widget.WarningImportance
	ap.Count = widget.NewLabel("")
	ap.Count.TextStyle.Bold = true
	ap.Add = widget.NewButtonWithIcon("Add action", theme.ContentAddIcon(), func() { ap.openForm(ap.blankAction("", ""), "") })
	ap.Add.Importance = widget.HighImportance
	ap.Suggest = widget.NewButtonWithIcon("Suggest actions from gaps", theme.SearchIcon(), ap.showSuggestions)

	ap.ThemeFilter = widget.NewSelect(nil, func(string) { ap.apply() })
	ap.OwnerFilter = widget.NewSelect(nil, func(string) { ap.apply() })
	ap.AgencyFilter = widget.NewSelect(nil, func(string) { ap.apply() })
	ap.StatusFilter = widget.NewSelect(nil, func(string) { ap.apply() })
	ap.OverdueOnly = widget.NewCheck("Overdue only", func(bool) { ap.apply() })
	ap.SortBy = widget.NewSelect([]string{sortTheme, sortOwner, sortAgency, sortStatus, sortDue}, func(string) { ap.apply() })
	ap.setFilterOptions()
	ap.ThemeFilter.SetSelected(allThemes)
	ap.OwnerFilter.SetSelected(allOwners)
	ap.AgencyFilter.SetSelected(allAgencies)
	ap.StatusFilter.SetSelected(allStatuses)
	ap.SortBy.SetSelected(sortTheme)

	ap.Table = ap.newTable()
	ap.buildDetail()

	title := widget.NewLabelWithStyle("Action plan", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sub := widget.NewLabel(fmt.Sprintf("%s · %s", s.rec.Partnership.Name, s.rec.Assessment.Period))
	sub.Truncation = fyne.TextTruncateEllipsis
	heading := container.NewBorder(nil, nil, title, container.NewHBox(ap.Suggest, ap.Add), sub)
	filters := container.NewGridWithColumns(3,
		labelled("Theme", ap.ThemeFilter), labelled("Owner", ap.OwnerFilter), labelled("Agency", ap.AgencyFilter),
		labelled("Status", ap.StatusFilter), labelled("Sort by", ap.SortBy), container.NewBorder(nil, nil, ap.OverdueOnly, nil, ap.Count))
	topBox := &wrappedVBox{}
	top := container.New(topBox, heading, ap.ReadOnly, filters)
	split := container.NewVSplit(container.New(&columnLayout{ap: ap}, ap.Table), container.NewVScroll(ap.Detail))
	split.Offset = 0.65
	ap.content = container.New(topThenRest{}, top, split)

	ap.Refresh()
	s.onChange(ap.Refresh)
	return ap
}

// Content is the screen's root object.
func (ap *ActionPlan) Content() fyne.CanvasObject { return ap.content }

// SetAuthor sets the name written on the progress notes added here, such
// as the user's name from the settings.
func (ap *ActionPlan) SetAuthor(name string) { ap.author = strings.TrimSpace(name) }

// Shown brings the plan up to date if edits were saved while it was
// hidden.
func (ap *ActionPlan) Shown() {
	if ap.stale {
		ap.Refresh()
	}
}

// Refresh shows the session's actions again after they changed elsewhere,
// and whether the assessment may still be changed; while the plan is
// hidden (isShown says so) it only notes that it is out of date.
func (ap *ActionPlan) Refresh() {
	if ap.isShown != nil && !ap.isShown() {
		ap.stale = true
		return
	}
	ap.stale = false
	ro := ap.s.readOnly()
	if ro {
		ap.ReadOnly.Show()
	} else {
		ap.ReadOnly.Hide()
	}
	for _, b := range []*widget.Button{ap.Add, ap.Suggest, ap.Edit, ap.AddNote} {
		if ro {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if ro {
		ap.noteComposer.Hide()
	} else {
		ap.noteComposer.Show()
	}
	ap.setFilterOptions()
	ap.apply()
	if ap.content != nil {
		ap.content.Refresh() // lays out again what was shown or hidden
	}
}

// NewAction opens the form for a new action on a theme and, when
// questionID is not "", one of its questions.
func (ap *ActionPlan) NewAction(themeID, questionID string) {
	if ap.s.readOnly() {
		dialog.ShowInformation("Action plan is read-only", readOnlyNote, ap.s.win)
		return
	}
	ap.openForm(ap.blankAction(themeID, questionID), "")
}

// blankAction is a new action of the assessment, not started.
func (ap *ActionPlan) blankAction(themeID, questionID string) assessment.Action {
	if questionID != "" {
		if _, t, ok := ap.s.q.Question(questionID); ok {
			themeID = t.ID
		}
	}
	return assessment.Action{AssessmentID: ap.s.rec.Assessment.ID, ThemeID: themeID, QuestionID: questionID,
		Status: assessment.NotStarted}
}

// labelled puts a small caption before a widget.
func labelled(caption string, w fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(caption), nil, w)
}

// ---- the chosen action: details and progress notes --------------------------

// buildDetail builds the pane that shows the chosen action.
func (ap *ActionPlan) buildDetail() {
	ap.Edit = widget.NewButtonWithIcon("Edit action", theme.DocumentCreateIcon(), func() {
		if a, ok := ap.action(ap.selected); ok {
			ap.openForm(a, "")
		}
	})
	ap.Notes = container.NewVBox()
	ap.NoteText = widget.NewMultiLineEntry()
	ap.NoteText.SetPlaceHolder("What has happened since the last note?")
	ap.NoteText.Wrapping = fyne.TextWrapWord
	ap.NoteText.SetMinRowsVisible(2)
	ap.NoteDate = widget.NewEntry()
	ap.NoteDate.SetPlaceHolder("31/03/2027")
	ap.NoteDate.Validator = func(text string) error {
		_, msg := checkDate(text, true)
		return errorOf(msg)
	}
	ap.AddNote = widget.NewButtonWithIcon("Add progress note", theme.ContentAddIcon(), ap.addNote)
	ap.NoteProblem = widget.NewLabel("")
	ap.NoteProblem.Wrapping = fyne.TextWrapWord
	ap.NoteProblem.Importance = widget.DangerImportance
	ap.NoteProblem.Hide()
	dateBox := container.NewGridWrap(fyne.NewSize(150, ap.NoteDate.MinSize().Height), ap.NoteDate)
	ap.noteComposer = container.NewVBox(ap.NoteText,
		container.NewHBox(widget.NewLabel("Dated"), dateBox, ap.AddNote), ap.NoteProblem)
	ap.Detail = container.NewVBox()
}

// action finds an action of the session by id.
func (ap *ActionPlan) action(id string) (assessment.Action, bool) {
	if id == "" {
		return assessment.Action{}, false
	}
	for _, a := range ap.s.rec.Actions {
		if a.ID == id {
			return a, true
		}
	}
	return assessment.Action{}, false
}

// showDetail fills the detail pane with the chosen action, or a prompt.
func (ap *ActionPlan) showDetail() {
	ap.Detail.RemoveAll()
	a, ok := ap.action(ap.selected)
	if !ok {
		ap.selected = ""
		prompt := "Choose an action in the table to see its details and progress notes."
		if len(ap.s.rec.Actions) == 0 {
			prompt = "No actions yet. Add one, or let the app suggest drafts for the questions furthest from their target."
		}
		ap.Detail.Add(importantLabel(prompt, widget.LowImportance))
		return
	}
	if ap.NoteDate.Text == "" {
		ap.NoteDate.SetText(ap.today().Format(assessment.DateLayout))
	}
	heading := a.Title
	if a.Ref > 0 {
		heading = a.Ref.String() + " · " + a.Title
	}
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	ap.Detail.Add(container.NewBorder(nil, nil, nil, ap.Edit, title))
	where := ap.themeTitle(a.ThemeID) + " · whole theme"
	if qu, _, ok := ap.s.q.Question(a.QuestionID); ok {
		where = fmt.Sprintf("%s · Q%d (%s): %s", ap.themeTitle(a.ThemeID), ap.questionNumber(a.QuestionID), qu.Section, qu.Text)
	}
	ap.Detail.Add(importantLabel(where, widget.MediumImportance))
	status := widget.NewLabel(a.Status.Label())
	status.Importance = statusImportance(a.Status)
	status.TextStyle.Bold = true
	due := widget.NewLabel("Due " + dueText(a, ap.today()))
	if a.Overdue(ap.today()) {
		due.Importance = widget.DangerImportance
		due.TextStyle.Bold = true
	}
	owner := widget.NewLabel(fmt.Sprintf("Owner: %s, %s", orNone(a.Owner), orNone(ap.s.agencyName(a.OwnerAgencyID))))
	owner.Truncation = fyne.TextTruncateEllipsis
	ap.Detail.Add(container.NewBorder(nil, nil, container.NewHBox(status, due), nil, owner))
	ap.Detail.Add(importantLabel("Measure of impact: "+orNone(a.SuccessMeasure), widget.MediumImportance))
	if a.Outcome != "" {
		ap.Detail.Add(importantLabel("Outcome: "+a.Outcome, widget.MediumImportance))
	}
	if a.CarriedFromID != "" {
		ap.Detail.Add(importantLabel("Carried forward from last year's action plan, keeping its ref.", widget.LowImportance))
	}
	ap.Detail.Add(widget.NewSeparator())
	ap.Detail.Add(widget.NewLabelWithStyle(fmt.Sprintf("Progress notes (%d)", len(a.Updates)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	ap.Notes.RemoveAll()
	if len(a.Updates) == 0 {
		ap.Notes.Add(importantLabel("No progress notes yet.", widget.LowImportance))
	}
	for _, u := range a.Updates {
		head := u.On.UTC().Format(assessment.DateLayout)
		if u.Author != "" {
			head += " · " + u.Author
		}
		ap.Notes.Add(importantLabel(head+": "+u.Note, widget.MediumImportance))
	}
	ap.Detail.Add(ap.Notes)
	ap.Detail.Add(ap.noteComposer)
}

// orNone is text, or "none given".
func orNone(text string) string {
	if strings.TrimSpace(text) == "" {
		return "none given"
	}
	return text
}

// addNote saves the composer's note on the chosen action.
func (ap *ActionPlan) addNote() {
	a, ok := ap.action(ap.selected)
	if !ok || ap.s.readOnly() {
		return
	}
	note := strings.TrimSpace(ap.NoteText.Text)
	date, msg := checkDate(ap.NoteDate.Text, true)
	switch {
	case note == "":
		msg = "Write the note first: what has happened since the last one."
	case msg != "":
		msg = "Date of the note: " + msg
	}
	if msg != "" {
		ap.noteProblem(msg)
		return
	}
	u := assessment.ActionUpdate{ActionID: a.ID, On: date, Author: ap.author, Note: note}
	failed := ap.s.save(func(ctx context.Context) error {
		saved, err := ap.s.store.AddActionUpdate(ctx, u)
		if err != nil {
			return err
		}
		for i := range ap.s.rec.Actions {
			if ap.s.rec.Actions[i].ID == a.ID {
				ap.s.rec.Actions[i].Updates = append(ap.s.rec.Actions[i].Updates, saved)
			}
		}
		ap.NoteText.SetText("")
		return nil
	})
	if failed != nil {
		ap.noteProblem("Not saved: " + failed.Error())
		return
	}
	ap.noteProblem("")
}

// noteProblem shows why a note was not saved, or hides it when msg is "".
func (ap *ActionPlan) noteProblem(msg string) {
	ap.NoteProblem.SetText(msg)
	if msg == "" {
		ap.NoteProblem.Hide()
	} else {
		ap.NoteProblem.Show()
	}
	ap.noteComposer.Refresh()
	ap.Detail.Refresh()
}

// ---- suggestions ------------------------------------------------------------

// Suggestions are draft actions, not saved, for the questions whose agreed
// level falls two or more levels short of the target and that have no open
// action yet, most pressing first.
func (ap *ActionPlan) Suggestions() []assessment.Action {
	open := map[string]bool{}
	for _, a := range ap.s.rec.Actions {
		if a.Status.Open() && a.QuestionID != "" {
			open[a.QuestionID] = true
		}
	}
	var drafts []assessment.Action
	for _, p := range assessment.Priorities(ap.s.q, ap.s.rec.Responses, ap.s.rec.Votes) {
		if p.Gap() < suggestGap || open[p.QuestionID] {
			continue
		}
		a := ap.blankAction(p.ThemeID, p.QuestionID)
		qu, _, _ := ap.s.q.Question(p.QuestionID)
		a.Title = fmt.Sprintf("Close the gap on “%s”: from %s to %s", shortText(qu.Text, 8),
			ap.levelName(p.Level), ap.levelName(p.Target))
		drafts = append(drafts, a)
	}
	return drafts
}

// levelName is "Emerging (2)".
func (ap *ActionPlan) levelName(level int) string {
	if l, ok := ap.s.q.Level(level); ok {
		return fmt.Sprintf("%s (%d)", l.Label, level)
	}
	return fmt.Sprintf("level %d", level)
}

// showSuggestions lists the drafts, each with a button that opens it in
// the form.
func (ap *ActionPlan) showSuggestions() {
	drafts := ap.Suggestions()
	ap.SuggestButtons = nil
	intro := fmt.Sprintf("Questions whose agreed level is %d or more below the target and that have no open action. "+
		"Each suggestion opens as a draft in the action form: nothing is saved until you complete it and press Save action.", suggestGap)
	list := container.NewVBox(importantLabel(intro, widget.MediumImportance))
	if len(drafts) == 0 {
		list.Add(importantLabel("Nothing to suggest: every question with a gap of "+fmt.Sprint(suggestGap)+" or more already has an open action.", widget.LowImportance))
	}
	for _, d := range drafts {
		b := widget.NewButton("Draft this action", nil)
		b.OnTapped = func() {
			ap.suggestDialog.Hide()
			ap.openForm(d, "Draft suggested from the gap on this question. It is not saved: edit the title, "+
				"name an owner and agency, set a due date and a measure of impact, then press Save action.")
		}
		ap.SuggestButtons = append(ap.SuggestButtons, b)
		where := ap.themeTitle(d.ThemeID) + " · " + shortText(ap.questionShort(d.QuestionID), 14)
		card := container.NewBorder(nil, nil, nil, container.NewCenter(b),
			container.NewVBox(widget.NewLabelWithStyle(where, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), importantLabel(d.Title, widget.MediumImportance)))
		list.Add(widget.NewSeparator())
		list.Add(card)
	}
	d := dialog.NewCustom("Suggested actions", "Close", container.NewVScroll(list), ap.s.win)
	ap.suggestDialog = d
	d.Resize(fyne.NewSize(760, min(560, float32(240+100*len(drafts)))))
	d.Show()
}
