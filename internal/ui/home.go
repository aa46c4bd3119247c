// Package ui holds every screen of the desktop app. It is the only package
// besides cmd/maturity that imports Fyne, and it reaches the data through
// the small Store interface it defines.
package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
)

// partnershipView is one partnership with its assessments, as loaded.
type partnershipView struct {
	partnership assessment.Partnership
	assessments []store.AssessmentSummary
}

// Home lists the partnerships and, for each, its assessments by period
// with status, coverage and overall level.
type Home struct {
	store Store

	// Status says what the screen is doing or what went wrong.
	Status *widget.Label
	// List holds a card per partnership once loaded.
	List     *fyne.Container
	progress *widget.ProgressBarInfinite
	content  fyne.CanvasObject
}

// NewHome builds the home screen; call Load to fill it.
func NewHome(s Store) *Home {
	h := &Home{store: s, Status: widget.NewLabel("Loading partnerships…"),
		List: container.NewVBox(), progress: widget.NewProgressBarInfinite()}
	h.Status.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("Partnerships and their assessments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where := widget.NewLabel("Database: " + s.Path())
	where.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(title, where, h.progress, h.Status)
	h.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(h.List))
	return h
}

// Content is the screen's root object.
func (h *Home) Content() fyne.CanvasObject { return h.content }

// Load reads the partnerships off the UI goroutine and shows them when
// done; done, if not nil, runs on the UI goroutine afterwards.
func (h *Home) Load(ctx context.Context, done func()) {
	h.progress.Show()
	h.progress.Start()
	go func() {
		views, err := h.load(ctx)
		fyne.Do(func() {
			h.show(views, err)
			if done != nil {
				done()
			}
		})
	}()
}

// load reads every partnership and its assessments.
func (h *Home) load(ctx context.Context) ([]partnershipView, error) {
	partnerships, err := h.store.Partnerships(ctx)
	if err != nil {
		return nil, err
	}
	views := make([]partnershipView, len(partnerships))
	for i, p := range partnerships {
		summaries, err := h.store.Assessments(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		views[i] = partnershipView{partnership: p, assessments: summaries}
	}
	return views, nil
}

// show replaces the list with the loaded partnerships, or says what failed.
func (h *Home) show(views []partnershipView, err error) {
	h.progress.Stop()
	h.progress.Hide()
	h.List.RemoveAll()
	switch {
	case err != nil:
		h.Status.SetText("Could not read the partnerships: " + err.Error())
		return
	case len(views) == 0:
		h.Status.SetText("No partnerships yet. To try the app with example data, run: maturityctl demo")
		return
	}
	h.Status.SetText(fmt.Sprintf("%d partnership(s).", len(views)))
	for _, v := range views {
		h.List.Add(partnershipCard(v))
	}
}

// partnershipCard shows one partnership and a row per assessment.
func partnershipCard(v partnershipView) fyne.CanvasObject {
	p := v.partnership
	sub := fmt.Sprintf("%s · %d agencies", p.Area, len(p.Agencies))
	if len(v.assessments) == 0 {
		return widget.NewCard(p.Name, sub, widget.NewLabel("No assessments yet."))
	}
	grid := container.NewGridWithColumns(5, header("Period"), header("Status"), header("Overall"),
		header("Questions assessed"), header("Question set"))
	for _, a := range v.assessments {
		for _, text := range []string{a.Period, statusText(a.Status), overallText(a.Score),
			fmt.Sprintf("%d of %d", a.Score.Assessed, a.Score.Total), a.QuestionnaireTitle} {
			cell := widget.NewLabel(text)
			cell.Truncation = fyne.TextTruncateEllipsis
			grid.Add(cell)
		}
	}
	return widget.NewCard(p.Name, sub, grid)
}

// header is a bold column heading.
func header(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// statusText is an assessment status as a person reads it.
func statusText(s assessment.Status) string {
	switch s {
	case assessment.SignedOff:
		return "Signed off"
	case assessment.Agreed:
		return "Agreed"
	case assessment.Workshop:
		return "In workshop"
	}
	return "Draft"
}

// overallText is the overall score to one decimal, or says none yet.
func overallText(s assessment.Score) string {
	if !s.Valid() {
		return "Not assessed"
	}
	return fmt.Sprintf("%.1f", s.Mean)
}
