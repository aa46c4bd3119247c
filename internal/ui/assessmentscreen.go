package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// AssessmentScreen is an open assessment: a header with its name, status
// and save state, and tabs for the overview, the questions and the action
// plan.
type AssessmentScreen struct {
	s *session
	// Tabs switch between the overview, the questions and the action plan.
	Tabs *container.AppTabs
	// Overview is the first tab.
	Overview *Overview
	// Back returns to the home screen.
	Back    *widget.Button
	content fyne.CanvasObject
}

// NewAssessmentScreen builds the screen for an open session; home returns
// to the home screen.
func NewAssessmentScreen(s *session, home func()) *AssessmentScreen {
	a := &AssessmentScreen{s: s, Overview: NewOverview(s)}
	a.Back = widget.NewButtonWithIcon("Home", theme.HomeIcon(), home)
	a.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Overview", theme.GridIcon(), a.Overview.Content()),
	)
	a.Tabs.OnSelected = func(*container.TabItem) { a.Flush() }
	rec := s.rec
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s — %s", rec.Partnership.Name, rec.Assessment.Period),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabel(a.stateText())
	left := container.NewBorder(nil, nil, a.Back, state, title)
	footer := container.NewBorder(widget.NewSeparator(), nil, nil, nil, s.saved.Label)
	a.content = container.NewBorder(headerBar(left, nil), footer, nil, nil, a.Tabs)
	return a
}

// stateText is the status and question set, and why it is read-only.
func (a *AssessmentScreen) stateText() string {
	parts := []string{statusText(a.s.rec.Assessment.Status), a.s.q.Title}
	if a.s.readOnly() {
		parts = append(parts, "read-only: signed off")
	}
	return strings.Join(parts, " · ")
}

// Content is the screen's root object.
func (a *AssessmentScreen) Content() fyne.CanvasObject { return a.content }

// ShowOverview, ShowQuestions and ShowActions select their tabs.
func (a *AssessmentScreen) ShowOverview() { a.Tabs.SelectIndex(0) }

// ShowQuestions selects the questions tab.
func (a *AssessmentScreen) ShowQuestions() { a.selectTab("Questions") }

// ShowActions selects the action plan tab.
func (a *AssessmentScreen) ShowActions() { a.selectTab("Action plan") }

// selectTab selects the tab with the given text, if present.
func (a *AssessmentScreen) selectTab(text string) {
	for _, item := range a.Tabs.Items {
		if item.Text == text {
			a.Tabs.Select(item)
		}
	}
}

// Next and Previous move through the questions.
func (a *AssessmentScreen) Next() {}

// Previous moves to the previous question.
func (a *AssessmentScreen) Previous() {}

// ShowFind asks for words to find among the questions.
func (a *AssessmentScreen) ShowFind() {}

// TypedKey handles a key pressed outside any text field.
func (a *AssessmentScreen) TypedKey(ev *fyne.KeyEvent) {}

// Flush saves any edit still waiting.
func (a *AssessmentScreen) Flush() {}
