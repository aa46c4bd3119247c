// Package ui holds every screen of the desktop app. It is the only package
// besides cmd/maturity that imports Fyne, and it reaches the data through
// the small Store interface it defines.
package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/store"
)

// partnershipView is one partnership with its assessments, as loaded.
type partnershipView struct {
	partnership assessment.Partnership
	assessments []store.AssessmentSummary
	// labels name each assessment's overall level, by assessment id.
	labels map[string]string
}

// Home lists the partnerships and, for each, its assessments by period
// with status, coverage and overall level. From here a person creates a
// partnership, starts an assessment, and opens, renames or deletes one.
type Home struct {
	ctx   context.Context
	store Store
	win   fyne.Window
	open  func(assessmentID string)
	// run does background work; tests make it synchronous.
	run func(work, then func())

	// Status says what the screen is doing or what went wrong.
	Status *widget.Label
	// Partnerships lists every partnership; it draws only the rows in
	// view, so a national database of 132 stays quick.
	Partnerships *widget.List
	// Detail shows the selected partnership's card: its assessments.
	Detail *fyne.Container
	// Selected is the index in Views of the partnership shown in Detail.
	Selected int
	// NewPartnership and NewAssessment open their forms.
	NewPartnership, NewAssessment *widget.Button
	// Views is what was loaded last.
	Views []partnershipView
	// Compare, when set, opens the comparison of a partnership's
	// assessments; each partnership with two or more has a button for it
	// in CompareButtons, by partnership id.
	Compare func(assessment.Partnership)
	// Import, when set, asks for a bundle to import; ImportButton
	// ("Import…") calls it.
	Import         func()
	ImportButton   *widget.Button
	CompareButtons map[string]*widget.Button
	progress       *widget.ProgressBarInfinite
	content        fyne.CanvasObject
}

// NewHome builds the home screen; call Load to fill it. open is called with
// an assessment's id when the person opens it.
func NewHome(ctx context.Context, s Store, win fyne.Window, open func(assessmentID string)) *Home {
	h := &Home{ctx: ctx, store: s, win: win, open: open, run: inBackground, Status: widget.NewLabel("Loading partnerships…"),
		Detail: container.NewVBox(), progress: widget.NewProgressBarInfinite()}
	h.Partnerships = widget.NewList(func() int { return len(h.Views) }, newPartnershipRow, h.updatePartnershipRow)
	h.Partnerships.OnSelected = h.selectPartnership
	h.Status.Wrapping = fyne.TextWrapWord
	h.NewPartnership = widget.NewButtonWithIcon("New partnership", theme.ContentAddIcon(), h.ShowNewPartnership)
	h.NewAssessment = widget.NewButtonWithIcon("New assessment (Ctrl+N)", theme.DocumentCreateIcon(), func() { h.ShowNewAssessment("") })
	h.NewAssessment.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle("Partnerships and their assessments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	h.ImportButton = widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), func() {
		if h.Import != nil {
			h.Import()
		}
	})
	bar := container.NewBorder(nil, nil, title, container.NewHBox(h.ImportButton, h.NewPartnership, h.NewAssessment))
	top := container.NewVBox(bar, h.progress, h.Status)
	split := container.NewHSplit(h.Partnerships, container.NewVScroll(h.Detail))
	split.Offset = 0.28
	h.content = container.NewBorder(top, nil, nil, nil, split)
	return h
}

// newPartnershipRow is the template of a row in the partnership list.
func newPartnershipRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	line := widget.NewLabel("")
	line.Truncation = fyne.TextTruncateEllipsis
	line.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(name, line)
}

// updatePartnershipRow shows partnership i: its area (or name), its latest
// assessment's level and how many assessments it has.
func (h *Home) updatePartnershipRow(i widget.ListItemID, o fyne.CanvasObject) {
	v := h.Views[i]
	texts := o.(*fyne.Container).Objects
	name := v.partnership.Area
	if name == "" {
		name = v.partnership.Name
	}
	texts[0].(*widget.Label).SetText(name)
	line := "No assessments yet"
	if n := len(v.assessments); n > 0 {
		latest := v.assessments[n-1]
		line = fmt.Sprintf("%s: %s · %d in all", latest.Period, overallText(latest.Score, v.labels[latest.ID]), n)
	}
	texts[1].(*widget.Label).SetText(line)
}

// selectPartnership shows partnership i's card in the detail pane.
func (h *Home) selectPartnership(i widget.ListItemID) {
	if i < 0 || i >= len(h.Views) {
		return
	}
	h.Selected = i
	h.CompareButtons = map[string]*widget.Button{}
	h.Detail.Objects = []fyne.CanvasObject{h.partnershipCard(h.Views[i])}
	h.Detail.Refresh()
}

// Content is the screen's root object.
func (h *Home) Content() fyne.CanvasObject { return h.content }

// Load reads the partnerships off the UI goroutine and shows them when
// done; done, if not nil, runs on the UI goroutine afterwards.
func (h *Home) Load(done func()) {
	h.progress.Show()
	h.progress.Start()
	var views []partnershipView
	var err error
	h.run(func() { views, err = h.load() }, func() {
		h.show(views, err)
		if done != nil {
			done()
		}
	})
}

// inBackground runs work off the UI goroutine, then then on it.
func inBackground(work, then func()) {
	go func() {
		work()
		fyne.Do(then)
	}()
}

// load reads every partnership and its assessments.
func (h *Home) load() ([]partnershipView, error) {
	partnerships, err := h.store.Partnerships(h.ctx)
	if err != nil {
		return nil, err
	}
	views := make([]partnershipView, len(partnerships))
	for i, p := range partnerships {
		summaries, err := h.store.Assessments(h.ctx, p.ID)
		if err != nil {
			return nil, err
		}
		views[i] = partnershipView{partnership: p, assessments: summaries, labels: map[string]string{}}
		for _, a := range summaries {
			q, err := h.store.Questionnaire(h.ctx, a.QuestionnaireID, a.QuestionnaireVersion)
			if err != nil {
				return nil, err
			}
			views[i].labels[a.ID] = assessment.LevelLabel(q, a.Score)
		}
	}
	return views, nil
}

// show replaces the list with the loaded partnerships, or says what failed.
func (h *Home) show(views []partnershipView, err error) {
	h.progress.Stop()
	h.progress.Hide()
	previous := ""
	if h.Selected < len(h.Views) {
		previous = h.Views[h.Selected].partnership.ID
	}
	h.Views = views
	h.Detail.RemoveAll()
	h.Partnerships.UnselectAll()
	h.Partnerships.Refresh()
	switch {
	case err != nil:
		h.Status.SetText("Could not read the partnerships: " + err.Error())
		return
	case len(views) == 0:
		h.Status.SetText("No partnerships yet. Start with “New partnership”: its name, its area and its agencies.")
		return
	}
	h.Status.SetText(english.Count(len(views), "partnership") + ". Choose one, then open an assessment to work on it.")
	selected := 0
	for i, v := range views {
		if v.partnership.ID == previous {
			selected = i
		}
	}
	h.Partnerships.Select(selected)
	h.Partnerships.ScrollTo(selected)
}

// partnershipCard shows one partnership and a row per assessment.
func (h *Home) partnershipCard(v partnershipView) fyne.CanvasObject {
	p := v.partnership
	sub := p.Area + " · " + english.Count(len(p.Agencies), "agency")
	start := widget.NewButtonWithIcon("Start an assessment", theme.ContentAddIcon(), func() { h.ShowNewAssessment(p.ID) })
	if len(v.assessments) == 0 {
		edit := widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), func() { h.ShowEditPartnership(p) })
		return titledCard(p.Name, sub, container.NewVBox(widget.NewLabel("No assessments yet."), container.NewHBox(start, edit)))
	}
	rows := container.NewVBox()
	for _, a := range v.assessments {
		period := boldLabel(a.Period)
		facts := wrapLabel(fmt.Sprintf("%s · %s · %d of %d questions assessed · %s", a.Status.Label(),
			overallText(a.Score, v.labels[a.ID]), a.Score.Assessed, a.Score.Total, a.QuestionnaireTitle))
		rows.Add(container.NewBorder(nil, nil, period, container.NewVBox(h.rowButtons(a)), facts))
		rows.Add(widget.NewSeparator())
	}
	edit := widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), func() { h.ShowEditPartnership(p) })
	buttons := container.NewHBox(start, edit)
	if h.Compare != nil && len(v.assessments) >= 2 {
		compare := widget.NewButtonWithIcon("Compare years", theme.ViewRefreshIcon(), func() { h.Compare(p) })
		h.CompareButtons[p.ID] = compare
		buttons.Add(compare)
	}
	return titledCard(p.Name, sub, container.NewVBox(rows, buttons))
}

// rowButtons are Open, and for a draft Rename and Delete.
func (h *Home) rowButtons(a store.AssessmentSummary) fyne.CanvasObject {
	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), func() { h.open(a.ID) })
	open.Importance = widget.HighImportance
	row := container.NewHBox(open)
	if a.Status == assessment.Draft {
		row.Add(widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { h.ShowRename(a.Assessment) }))
		row.Add(widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { h.ConfirmDelete(a.Assessment) }))
	}
	return row
}

// overallText is the overall score to one decimal with its level's label,
// or says none yet.
func overallText(s assessment.Score, label string) string {
	if !s.Valid() {
		return "Not assessed"
	}
	return fmt.Sprintf("%.1f %s", s.Mean, label)
}

// ShowRename asks for a new period for a draft assessment.
func (h *Home) ShowRename(a assessment.Assessment) {
	period := widget.NewEntry()
	period.SetText(a.Period)
	period.Validator = assessment.ValidatePeriod
	f := newFormDialog("Rename the "+a.Period+" assessment", "Rename",
		widget.NewForm(widget.NewFormItem("Period", period)), h.win, func() string {
			if err := period.Validate(); err != nil {
				return err.Error()
			}
			if err := h.store.RenameAssessment(h.ctx, a.ID, period.Text); err != nil {
				return "Not renamed: " + err.Error()
			}
			h.Load(nil)
			return ""
		})
	f.show(fyne.NewSize(420, 200))
}

// ConfirmDelete asks before deleting a draft assessment. Cancel is the
// default: it has the keyboard, so Enter or Space keeps the draft, and
// Delete is marked as dangerous.
func (h *Home) ConfirmDelete(a assessment.Assessment) {
	msg := wrapLabel(fmt.Sprintf("Delete the draft %s assessment and everything recorded in it? This cannot be undone.", a.Period))
	d := dialog.NewCustomWithoutButtons("Delete draft assessment", msg, h.win)
	cancel := widget.NewButton("Cancel", d.Hide)
	cancel.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		d.Hide()
		if err := h.store.DeleteAssessment(h.ctx, a.ID); err != nil {
			dialog.ShowError(fmt.Errorf("the assessment was not deleted: %w", err), h.win)
			return
		}
		h.Load(nil)
	})
	del.Importance = widget.DangerImportance
	d.SetButtons([]fyne.CanvasObject{del, cancel})
	d.Resize(fyne.NewSize(min(460, h.win.Canvas().Size().Width-20), 0))
	d.Show()
	h.win.Canvas().Focus(cancel)
}
