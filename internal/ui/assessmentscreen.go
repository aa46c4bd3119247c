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
	// Questions is the walkthrough, one question at a time; it is built
	// the first time it is shown, so opening an assessment stays quick.
	Questions *Walkthrough
	// Actions is the action plan, likewise built when first shown.
	Actions *ActionPlan
	// questionsTab and actionsTab hold those screens once built.
	questionsTab, actionsTab *fyne.Container
	// Scrutiny holds the Scrutinise, Sign-off and Audit trail tabs.
	Scrutiny *ScrutinyTabs
	// Workshop is the Workshop tab: participants and Start workshop.
	Workshop *WorkshopTab
	// Reopen loads the assessment afresh, after a workshop has changed it.
	Reopen func()
	// Back returns to the home screen.
	Back    *widget.Button
	content fyne.CanvasObject
}

// NewAssessmentScreen builds the screen for an open session; home returns
// to the home screen.
func NewAssessmentScreen(s *session, home func()) *AssessmentScreen {
	a := &AssessmentScreen{s: s, questionsTab: container.NewStack(), actionsTab: container.NewStack()}
	a.Overview = NewOverview(s, func(themeID, questionID string) {
		a.ShowActions()
		a.Actions.NewAction(themeID, questionID)
	})
	a.Back = widget.NewButtonWithIcon("Home", theme.HomeIcon(), home)
	a.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Overview", theme.GridIcon(), a.Overview.Content()),
		container.NewTabItemWithIcon("Questions", theme.DocumentIcon(), a.questionsTab),
		container.NewTabItemWithIcon("Action plan", theme.ListIcon(), a.actionsTab),
	)
	a.Tabs.OnUnselected = func(*container.TabItem) { a.Flush() }
	a.Tabs.OnSelected = func(item *container.TabItem) {
		switch item.Text {
		case "Overview":
			a.Overview.Shown()
		case "Questions":
			a.buildQuestions()
			a.Questions.Reload()
		case "Action plan":
			a.buildActions()
			a.Actions.Shown()
		}
	}
	a.addScrutinyTabs()
	a.Workshop = NewWorkshopTab(s, func(o fyne.CanvasObject) { s.win.SetContent(o) }, a.afterWorkshop)
	a.Tabs.Append(container.NewTabItemWithIcon(workshopTab, theme.AccountIcon(), a.Workshop.Content()))
	rec := s.rec
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s — %s", rec.Partnership.Name, rec.Assessment.Period),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabel(a.stateText())
	state.Truncation = fyne.TextTruncateEllipsis
	state.Alignment = fyne.TextAlignTrailing
	left := container.NewBorder(nil, nil, a.Back, nil, container.NewGridWithColumns(2, title, state))
	a.content = container.NewBorder(headerBar(left, nil), nil, nil, nil, a.Tabs)
	return a
}

// stateText is the status and question set, and why it is read-only.
func (a *AssessmentScreen) stateText() string {
	parts := []string{a.s.rec.Assessment.Status.Label(), a.s.q.Title}
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
func (a *AssessmentScreen) ShowQuestions() {
	a.buildQuestions()
	a.selectTab("Questions")
}

// ShowActions selects the action plan tab.
func (a *AssessmentScreen) ShowActions() {
	a.buildActions()
	a.selectTab("Action plan")
}

// AddAction shows the action plan and opens the form for a new action,
// or says why not when the assessment is signed off.
func (a *AssessmentScreen) AddAction() {
	a.ShowActions()
	a.Actions.NewAction("", "")
}

// buildQuestions builds the walkthrough the first time it is needed.
func (a *AssessmentScreen) buildQuestions() {
	if a.Questions == nil {
		a.Questions = NewWalkthrough(a.s)
		a.questionsTab.Objects = []fyne.CanvasObject{a.Questions.Content()}
		a.questionsTab.Refresh()
	}
}

// buildActions builds the action plan the first time it is needed.
func (a *AssessmentScreen) buildActions() {
	if a.Actions == nil {
		a.Actions = NewActionPlan(a.s)
		a.Actions.isShown = a.actionsTab.Visible
		a.Actions.SetAuthor(a.s.author)
		a.actionsTab.Objects = []fyne.CanvasObject{a.Actions.Content()}
		a.actionsTab.Refresh()
	}
}

// workshopTab is the Workshop tab's text.
const workshopTab = "Workshop"

// ShowWorkshop shows the Workshop tab: participants and Start workshop.
func (a *AssessmentScreen) ShowWorkshop() { a.selectTab(workshopTab) }

// selectTab selects the tab with the given text, if present.
func (a *AssessmentScreen) selectTab(text string) {
	for _, item := range a.Tabs.Items {
		if item.Text == text {
			a.Tabs.Select(item)
		}
	}
}

// Next moves to the next question, on the questions tab.
func (a *AssessmentScreen) Next() {
	a.ShowQuestions()
	a.Questions.Next()
}

// Previous moves to the previous question, on the questions tab.
func (a *AssessmentScreen) Previous() {
	a.ShowQuestions()
	a.Questions.Previous()
}

// TypedKey sends a key pressed outside any text field to the questions tab
// when it is showing (1–5 choose a level, 0 clears it, Page Up and Page Down
// move).
func (a *AssessmentScreen) TypedKey(ev *fyne.KeyEvent) {
	if a.Workshop.Running != nil {
		a.Workshop.Running.TypedKey(ev)
		return
	}
	if a.Tabs.Selected() != nil && a.Tabs.Selected().Text == "Questions" {
		a.Questions.TypedKey(ev)
	}
}

// Flush saves any edit still waiting.
func (a *AssessmentScreen) Flush() {
	if a.Questions != nil {
		a.Questions.Flush()
	}
}

// ShowFind asks for words and jumps to the first question holding them.
func (a *AssessmentScreen) ShowFind() {
	words := widget.NewEntry()
	words.SetPlaceHolder("e.g. training, voice of children, data strategy")
	f := newFormDialog("Find a question", "Find", widget.NewForm(widget.NewFormItem("Words", words)), a.s.win, func() string {
		i := a.FindQuestion(words.Text)
		if i < 0 {
			return fmt.Sprintf("No question mentions %q.", words.Text)
		}
		a.ShowQuestions()
		a.Questions.Show(i)
		return ""
	})
	words.OnSubmitted = func(string) { f.Submit.OnTapped() } // Enter finds
	f.show(fyne.NewSize(460, 200))
	a.s.win.Canvas().Focus(words)
}

// FindQuestion is the index of the first question whose id, theme or text
// holds every word of query (ignoring case), or -1.
func (a *AssessmentScreen) FindQuestion(query string) int {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return -1
	}
	i := 0
	for _, t := range a.s.q.Themes {
		for _, qu := range t.Questions {
			hay := strings.ToLower(qu.ID + " " + t.Title + " " + qu.Text)
			if containsAll(hay, words) {
				return i
			}
			i++
		}
	}
	return -1
}

// containsAll reports whether every word is in hay.
func containsAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// afterWorkshop comes back from an ended workshop to the assessment,
// loaded afresh with the votes and levels the workshop saved.
func (a *AssessmentScreen) afterWorkshop() {
	if a.Reopen != nil {
		a.Reopen()
		return
	}
	a.s.win.SetContent(a.content)
}
