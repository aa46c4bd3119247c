package ui

import (
	"cmp"
	"context"
	"fmt"
	"image/color"
	"regexp"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
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

// tableColumns are the headings of the action table, in order.
var tableColumns = []string{"ID", "Theme", "Question", "Action", "Owner", "Agency", "Due", "Measure of impact", "Status"}

// The table's columns.
const (
	colID = iota
	colTheme
	colQuestion
	colTitle
	colOwner
	colAgency
	colDue
	colMeasure
	colStatus
)

// columnWidths are the narrowest each column gets, and flex the share of
// any spare width it takes: the wordy columns grow with the window.
var (
	columnWidths = []float32{70, 110, 110, 170, 120, 120, 165, 120, 110}
	columnFlex   = []float32{0, 1, 2, 4, 1, 2, 0, 3, 0}
)

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
	split.Offset = 0.55
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

// ---- the table -------------------------------------------------------------

// today is the session's calendar date.
func (ap *ActionPlan) today() time.Time {
	y, m, d := ap.s.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Rows are the actions the table shows, in order.
func (ap *ActionPlan) Rows() []assessment.Action { return ap.rows }

// apply filters and sorts the actions into the table and updates the count.
func (ap *ActionPlan) apply() {
	if ap.Table == nil {
		return // still being built
	}
	today := ap.today()
	overdue := 0
	ap.rows = ap.rows[:0]
	for _, a := range ap.s.rec.Actions {
		if a.Overdue(today) {
			overdue++
		}
		if ap.passes(a, today) {
			ap.rows = append(ap.rows, a)
		}
	}
	slices.SortStableFunc(ap.rows, ap.compare())
	total := len(ap.s.rec.Actions)
	text := fmt.Sprintf("%s, %d overdue", plural(total, "action"), overdue)
	if len(ap.rows) != total {
		text += fmt.Sprintf(" · showing %d", len(ap.rows))
	}
	ap.Count.SetText(text)
	ap.Table.UnselectAll()
	ap.Table.Refresh()
	ap.showDetail()
}

// passes reports whether an action passes every filter.
func (ap *ActionPlan) passes(a assessment.Action, today time.Time) bool {
	if t := ap.ThemeFilter.Selected; t != allThemes && t != "" && ap.themeTitle(a.ThemeID) != t {
		return false
	}
	if o := ap.OwnerFilter.Selected; o != allOwners && o != "" && strings.TrimSpace(a.Owner) != o {
		return false
	}
	if g := ap.AgencyFilter.Selected; g != allAgencies && g != "" && ap.s.agencyName(a.OwnerAgencyID) != g {
		return false
	}
	switch st := ap.StatusFilter.Selected; st {
	case allStatuses, "":
	case openOnly:
		if !a.Status.Open() {
			return false
		}
	default:
		if statusLabel(a.Status) != st {
			return false
		}
	}
	return !ap.OverdueOnly.Checked || a.Overdue(today)
}

// compare orders actions by the chosen sort, then by due date and title.
func (ap *ActionPlan) compare() func(a, b assessment.Action) int {
	themeRank := func(a assessment.Action) int {
		return slices.IndexFunc(ap.s.q.Themes, func(t questionnaire.Theme) bool { return t.ID == a.ThemeID })
	}
	byDue := func(a, b assessment.Action) int {
		switch {
		case a.Due.IsZero() && !b.Due.IsZero():
			return 1
		case !a.Due.IsZero() && b.Due.IsZero():
			return -1
		}
		return a.Due.Compare(b.Due)
	}
	var first func(a, b assessment.Action) int
	switch ap.SortBy.Selected {
	case sortOwner:
		first = func(a, b assessment.Action) int {
			return cmp.Compare(strings.ToLower(a.Owner), strings.ToLower(b.Owner))
		}
	case sortAgency:
		first = func(a, b assessment.Action) int {
			return cmp.Compare(ap.s.agencyName(a.OwnerAgencyID), ap.s.agencyName(b.OwnerAgencyID))
		}
	case sortStatus:
		first = func(a, b assessment.Action) int {
			return cmp.Compare(slices.Index(assessment.ActionStatuses, a.Status), slices.Index(assessment.ActionStatuses, b.Status))
		}
	case sortDue:
		first = byDue
	default:
		first = func(a, b assessment.Action) int {
			return cmp.Or(cmp.Compare(themeRank(a), themeRank(b)), cmp.Compare(ap.questionNumber(a.QuestionID), ap.questionNumber(b.QuestionID)))
		}
	}
	return func(a, b assessment.Action) int {
		return cmp.Or(first(a, b), byDue(a, b), cmp.Compare(a.Title, b.Title))
	}
}

// setFilterOptions offers the themes, owners, agencies and statuses there
// are, keeping each filter's choice when it is still offered.
func (ap *ActionPlan) setFilterOptions() {
	themes := []string{allThemes}
	for _, t := range ap.s.q.Themes {
		themes = append(themes, t.Title)
	}
	var owners []string
	for _, a := range ap.s.rec.Actions {
		if o := strings.TrimSpace(a.Owner); o != "" && !slices.Contains(owners, o) {
			owners = append(owners, o)
		}
	}
	slices.SortFunc(owners, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	agencies := []string{allAgencies}
	for _, g := range ap.s.rec.Partnership.Agencies {
		agencies = append(agencies, g.Name)
	}
	statuses := []string{allStatuses, openOnly}
	for _, st := range assessment.ActionStatuses {
		statuses = append(statuses, statusLabel(st))
	}
	for _, f := range []struct {
		sel     *widget.Select
		options []string
		all     string
	}{{ap.ThemeFilter, themes, allThemes}, {ap.OwnerFilter, append([]string{allOwners}, owners...), allOwners},
		{ap.AgencyFilter, agencies, allAgencies}, {ap.StatusFilter, statuses, allStatuses}} {
		keep := f.sel.Selected
		f.sel.Options = f.options
		if keep != "" && !slices.Contains(f.options, keep) {
			f.sel.Selected = f.all
		}
		f.sel.Refresh()
	}
}

// newTable builds the virtual table of actions: only the cells on screen
// exist, so a plan of hundreds of actions scrolls freely.
func (ap *ActionPlan) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(ap.rows), len(tableColumns) },
		newCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(ap.rows) {
				return
			}
			ap.updateCell(id.Col, ap.rows[id.Row], o.(*fyne.Container))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(tableColumns) {
			o.(*widget.Label).SetText(tableColumns[id.Col])
		}
	}
	for i, w := range columnWidths {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(ap.rows) {
			ap.selected = ap.rows[id.Row].ID
			ap.showDetail()
		}
	}
	return t
}

// newCell is a table cell: a colour swatch, shown in the status column
// only, beside a label that ends in "…" when the text does not fit.
func newCell() fyne.CanvasObject {
	swatch := canvas.NewRectangle(color.Transparent)
	swatch.SetMinSize(fyne.NewSquareSize(12))
	swatch.CornerRadius = 6
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewCenter(swatch), nil, l)
}

// updateCell fills a cell with one field of an action. It touches only
// what changed: the table calls it for every cell on screen each refresh.
func (ap *ActionPlan) updateCell(col int, a assessment.Action, cell *fyne.Container) {
	l := cell.Objects[0].(*widget.Label)
	swatchBox := cell.Objects[1].(*fyne.Container)
	text, importance, bold := "", widget.MediumImportance, false
	showSwatch := false
	switch col {
	case colID:
		text, importance = shortID(a.ID), widget.LowImportance
	case colTheme:
		text = ap.themeTitle(a.ThemeID)
	case colQuestion:
		text = ap.questionShort(a.QuestionID)
	case colTitle:
		text = a.Title
	case colOwner:
		text = a.Owner
	case colAgency:
		text = ap.s.agencyName(a.OwnerAgencyID)
	case colDue:
		text = dueText(a, ap.today())
		if a.Overdue(ap.today()) {
			importance, bold = widget.DangerImportance, true
		}
	case colMeasure:
		text = a.SuccessMeasure
	case colStatus:
		text, importance, showSwatch = statusLabel(a.Status), statusImportance(a.Status), true
		swatch := swatchBox.Objects[0].(*canvas.Rectangle)
		if c := importanceColor(importance); swatch.FillColor != c {
			swatch.FillColor = c
			swatch.Refresh()
		}
	}
	text = cellText(text, ap.widths[col])
	if l.Text != text || l.Importance != importance || l.TextStyle.Bold != bold {
		l.Text, l.Importance, l.TextStyle.Bold = text, importance, bold
		l.Refresh()
	}
	if swatchBox.Visible() != showSwatch {
		if showSwatch {
			swatchBox.Show()
		} else {
			swatchBox.Hide()
		}
		cell.Layout.Layout(cell.Objects, cell.Size())
	}
}

// cellText cuts text to a little more than a cell of that width can show:
// the label then puts "…" where it no longer fits, and measuring where to
// cut is slow for long texts.
func cellText(text string, width float32) string {
	limit := max(12, int(width/5)) // no character is narrower than 5 units
	if len(text) <= limit {
		return text
	}
	r := []rune(text)
	if len(r) <= limit {
		return text
	}
	return string(r[:limit]) + "…"
}

// ---- what the cells say ----------------------------------------------------

// shortID is the first characters of an id, enough to tell actions apart
// in a meeting.
func shortID(id string) string {
	if len(id) > 6 {
		return id[:6]
	}
	return id
}

// themeTitle names a theme, or gives its id when the set lacks it.
func (ap *ActionPlan) themeTitle(id string) string {
	if t, ok := ap.s.q.Theme(id); ok {
		return t.Title
	}
	return id
}

// questionNumber is the question's place in the question set, from 1, or
// 0 for none.
func (ap *ActionPlan) questionNumber(id string) int {
	n := 0
	for _, t := range ap.s.q.Themes {
		for _, qu := range t.Questions {
			n++
			if qu.ID == id {
				return n
			}
		}
	}
	return 0
}

// questionShort is "Q8 How do you know…", or "Whole theme".
func (ap *ActionPlan) questionShort(id string) string {
	if id == "" {
		return "Whole theme"
	}
	qu, _, ok := ap.s.q.Question(id)
	if !ok {
		return id
	}
	return fmt.Sprintf("Q%d %s", ap.questionNumber(id), qu.Text)
}

// dueText is the due date, flagged in words when the action is overdue.
func dueText(a assessment.Action, today time.Time) string {
	if a.Due.IsZero() {
		return "No date"
	}
	text := a.Due.Format(assessment.DateLayout)
	if a.Overdue(today) {
		text += " · Overdue"
	}
	return text
}

// statusLabel is an action status as a person reads it.
func statusLabel(s assessment.ActionStatus) string {
	if s == "" {
		return "Not started"
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// statusImportance colours a status: at risk in the error colour,
// complete in the success colour, and so on. The text always says it too.
func statusImportance(s assessment.ActionStatus) widget.Importance {
	switch s {
	case assessment.InProgress:
		return widget.HighImportance
	case assessment.AtRisk:
		return widget.DangerImportance
	case assessment.Complete:
		return widget.SuccessImportance
	case assessment.Dropped:
		return widget.LowImportance
	}
	return widget.WarningImportance
}

// importanceColor is the theme colour a label of that importance uses.
func importanceColor(i widget.Importance) color.Color {
	switch i {
	case widget.HighImportance:
		return theme.Color(theme.ColorNamePrimary)
	case widget.DangerImportance:
		return theme.Color(theme.ColorNameError)
	case widget.SuccessImportance:
		return theme.Color(theme.ColorNameSuccess)
	case widget.WarningImportance:
		return theme.Color(theme.ColorNameWarning)
	case widget.LowImportance:
		return theme.Color(theme.ColorNameDisabled)
	}
	return theme.Color(theme.ColorNameForeground)
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
	ap.NoteDate.SetPlaceHolder("YYYY-MM-DD")
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
	title := widget.NewLabelWithStyle(a.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	ap.Detail.Add(container.NewBorder(nil, nil, nil, ap.Edit, title))
	where := ap.themeTitle(a.ThemeID) + " · whole theme"
	if qu, _, ok := ap.s.q.Question(a.QuestionID); ok {
		where = fmt.Sprintf("%s · Q%d (%s): %s", ap.themeTitle(a.ThemeID), ap.questionNumber(a.QuestionID), qu.Section, qu.Text)
	}
	ap.Detail.Add(importantLabel(where, widget.MediumImportance))
	status := widget.NewLabel(statusLabel(a.Status))
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
		ap.Detail.Add(importantLabel("Carried forward from last year's action plan.", widget.LowImportance))
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
	var failed error
	saved := ap.s.save(func(ctx context.Context) error {
		saved, err := ap.s.store.AddActionUpdate(ctx, u)
		if err != nil {
			failed = err
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
	if !saved {
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
	title := "Edit action " + shortID(a.ID)
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
		statuses = append(statuses, statusLabel(st))
	}
	f.Status = widget.NewSelect(statuses, func(string) {
		f.changed(fStatus)
		f.Outcome.Validate()
		f.showMessage(fOutcome)
	})
	f.Status.Selected = statusLabel(cmp.Or(a.Status, assessment.NotStarted))

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

// checkTitle says why a title is not specific enough, or "".
func checkTitle(text string) string {
	switch words := len(strings.Fields(text)); {
	case words == 0:
		return "Say what will be done."
	case words < minTitleWords:
		return fmt.Sprintf("Too vague to check: say what will be done in at least %d words.", minTitleWords)
	}
	return ""
}

// checkOwner says that an owner is missing, or "".
func checkOwner(text string) string {
	if strings.TrimSpace(text) == "" {
		return "Name the person accountable for this action."
	}
	return ""
}

// checkMeasure says why a measure of impact will not do, or "".
func checkMeasure(text string) string {
	switch words := len(strings.Fields(text)); {
	case words == 0:
		return "Say how you will evaluate its impact: what will you measure?"
	case words < minMeasureWords:
		return "Too short to evaluate against: say what will be measured, and the target if there is one."
	}
	return ""
}

// checkOutcome says that a complete or dropped action needs an outcome.
func checkOutcome(text string, status assessment.ActionStatus) string {
	if strings.TrimSpace(text) != "" {
		return ""
	}
	switch status {
	case assessment.Complete:
		return "Say what the outcome was before marking it complete."
	case assessment.Dropped:
		return "Say why it was dropped."
	}
	return ""
}

// dateShape is the shape of a date the form accepts.
var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkDate parses a date written 2027-03-31 or, as in the UK,
// 31/03/2027, saying what is wrong when it is neither; an empty text is
// wrong when required.
func checkDate(text string, required bool) (time.Time, string) {
	text = strings.TrimSpace(text)
	if text == "" {
		if required {
			return time.Time{}, "Give a date, for example 31/03/2027 or 2027-03-31."
		}
		return time.Time{}, ""
	}
	given := text
	if m := ukDate.FindStringSubmatch(text); m != nil {
		text = fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
	}
	if !dateShape.MatchString(text) {
		return time.Time{}, "Write the date as 31/03/2027 or 2027-03-31."
	}
	d, err := time.Parse(assessment.DateLayout, text)
	if err != nil {
		return time.Time{}, given + " is not a real date: the month runs 1–12 and the day must exist in that month."
	}
	if d.Year() < 2000 || d.Year() > 2100 {
		return time.Time{}, "Choose a year between 2000 and 2100."
	}
	return d, ""
}

// ukDate is a date written day/month/year, as in 31/03/2027.
var ukDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

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

// errorOf turns a message into an error, nil when there is none.
func errorOf(msg string) error {
	if msg == "" {
		return nil
	}
	return fmt.Errorf("%s", msg)
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
		if statusLabel(st) == f.Status.Selected {
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
		f.problem(fmt.Sprintf("Not saved yet: %s to fix, marked in red at the fields.", plural(len(problems), "thing")))
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
	var failed error
	ok := ap.s.save(func(ctx context.Context) error {
		saved, err := ap.s.store.SaveAction(ctx, a)
		if err != nil {
			failed = err
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
	if !ok {
		f.problem("Not saved: " + failed.Error() + ". Nothing you typed is lost; fix it or try again.")
		return
	}
	f.Saved = true
	f.problem("")
	f.dialog.Hide()
}
