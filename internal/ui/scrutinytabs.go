package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The tabs independent scrutiny adds to an open assessment.
const (
	scrutiniseTab = "Scrutinise"
	signOffTab    = "Sign-off"
	auditTab      = "Audit trail"
)

// ScrutinyTabs are the Scrutinise, Sign-off and Audit trail tabs of an
// open assessment, each built the first time it is shown.
type ScrutinyTabs struct {
	s   *session
	st  ScrutinyStore
	err error
	// Scrutinise, SignOff and Audit are the screens once built.
	Scrutinise *ScrutinyScreen
	SignOff    *SignOffScreen
	Audit      *AuditScreen
	stacks     map[string]*fyne.Container
}

// addScrutinyTabs adds the scrutiny tabs to the assessment screen.
func (a *AssessmentScreen) addScrutinyTabs() {
	st, err := scrutinyStoreOf(a.s.store)
	t := &ScrutinyTabs{s: a.s, st: st, err: err, stacks: map[string]*fyne.Container{}}
	a.Scrutiny = t
	icons := map[string]fyne.Resource{scrutiniseTab: theme.SearchIcon(), signOffTab: theme.ConfirmIcon(), auditTab: theme.HistoryIcon()}
	for _, name := range []string{scrutiniseTab, signOffTab, auditTab} {
		t.stacks[name] = container.NewStack()
		a.Tabs.Append(container.NewTabItemWithIcon(name, icons[name], t.stacks[name]))
	}
	shown := a.Tabs.OnSelected
	a.Tabs.OnSelected = func(item *container.TabItem) {
		shown(item)
		t.build(item.Text)
	}
}

// build makes the screen of the tab named name, once, and refreshes it.
func (t *ScrutinyTabs) build(name string) {
	stack, ok := t.stacks[name]
	if !ok {
		return
	}
	if t.err != nil {
		stack.Objects = []fyne.CanvasObject{widget.NewLabel(t.err.Error())}
		stack.Refresh()
		return
	}
	var content fyne.CanvasObject
	switch {
	case name == scrutiniseTab && t.Scrutinise == nil:
		t.Scrutinise = NewScrutinyScreen(t.s, t.st)
		content = t.Scrutinise.Content()
	case name == signOffTab && t.SignOff == nil:
		t.SignOff = NewSignOffScreen(t.s, t.st)
		content = t.SignOff.Content()
	case name == signOffTab:
		t.SignOff.Refresh()
	case name == auditTab && t.Audit == nil:
		t.Audit = NewAuditScreen(t.s, t.st)
		content = t.Audit.Content()
	case name == auditTab:
		t.Audit.Reload()
	}
	if content != nil {
		stack.Objects = []fyne.CanvasObject{content}
		stack.Refresh()
	}
}

// ShowScrutinise selects the Scrutinise tab (Ctrl+4).
func (a *AssessmentScreen) ShowScrutinise() { a.selectTab(scrutiniseTab) }

// ShowSignOff selects the Sign-off tab (Ctrl+5).
func (a *AssessmentScreen) ShowSignOff() { a.selectTab(signOffTab) }

// ShowAudit selects the Audit trail tab (Ctrl+6).
func (a *AssessmentScreen) ShowAudit() { a.selectTab(auditTab) }
