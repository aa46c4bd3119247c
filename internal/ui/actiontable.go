package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

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
	text := fmt.Sprintf("%s, %d overdue", english.Count(total, "action"), overdue)
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
		if a.Status.Label() != st {
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
		statuses = append(statuses, st.Label())
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
	for i := range columnWidths {
		t.SetColumnWidth(i, columnWidth(i))
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
	case colRef:
		text, bold = a.Ref.String(), true // people cite it: never faint
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
		text, importance, showSwatch = a.Status.Label(), statusImportance(a.Status), true
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
