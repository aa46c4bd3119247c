package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// App is the desktop app's window: the home screen or an open assessment,
// the menus and the keyboard shortcuts.
type App struct {
	ctx   context.Context
	fyne  fyne.App
	win   fyne.Window
	store Store
	// run does background work; tests make it synchronous.
	run func(work, then func())

	// Home is the home screen.
	Home *Home
	// Current is the open assessment, or nil on the home screen.
	Current *AssessmentScreen
	// Compare is the comparison of a partnership's assessments while it
	// is shown, else nil.
	Compare *CompareScreen
	// Settings holds the person's preferences.
	Settings *Settings
}

// New builds the app in win around the store and shows the home screen;
// call Start to load it.
func New(ctx context.Context, a fyne.App, win fyne.Window, s Store) *App {
	app := &App{ctx: ctx, fyne: a, win: win, store: s, run: inBackground}
	app.Settings = NewSettings(a, win, s)
	app.Home = NewHome(ctx, s, win, app.OpenAssessment)
	app.Home.Compare = app.ShowCompare
	app.Home.Import = app.ShowImport
	win.SetMainMenu(app.menu())
	app.addShortcuts()
	win.Canvas().SetOnTypedKey(app.typedKey)
	win.SetCloseIntercept(func() {
		app.flush()
		win.Close()
	})
	win.SetContent(app.Home.Content())
	return app
}

// Start loads the home screen.
func (a *App) Start() { a.Home.Load(nil) }

// ShowHome leaves the open assessment, saving any edit in progress.
func (a *App) ShowHome() {
	a.flush()
	a.Current, a.Compare = nil, nil
	a.win.SetContent(a.Home.Content())
	a.Home.Load(nil)
}

// ShowCompare leaves the open assessment and shows the comparison of the
// partnership's assessments, loading them off the UI goroutine.
func (a *App) ShowCompare(p assessment.Partnership) { a.showCompare(p, nil) }

// showCompare is ShowCompare with a callback, run once the comparison is
// shown, for tests.
func (a *App) showCompare(p assessment.Partnership, done func()) {
	a.flush()
	a.Current = nil
	a.Compare = NewCompareScreen(a.ctx, a.store, p, a.ShowHome)
	a.Compare.run = a.run
	a.win.SetContent(a.Compare.Content())
	a.Compare.Load(done)
}

// OpenAssessment loads an assessment off the UI goroutine, with a progress
// indicator, and shows it; done, if not nil, runs once it is shown.
func (a *App) OpenAssessment(id string) { a.openAssessment(id, nil) }

// openAssessment is OpenAssessment with a callback for tests.
func (a *App) openAssessment(id string, done func()) {
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons("Opening the assessment…", bar, a.win)
	wait.Show()
	var s *session
	var err error
	a.run(func() { s, err = loadSession(a.ctx, a.store, id) }, func() {
		wait.Hide()
		if err != nil {
			dialog.ShowError(err, a.win)
			return
		}
		s.win, s.author = a.win, a.Settings.Name.Text
		a.flush()
		a.Compare = nil
		a.Current = NewAssessmentScreen(s, a.ShowHome)
		a.Current.Reopen = func() { a.OpenAssessment(id) }
		a.win.SetContent(a.Current.Content())
		if done != nil {
			done()
		}
	})
}

// flush saves any edit still waiting in the open assessment.
func (a *App) flush() {
	if a.Current != nil {
		a.Current.Flush()
	}
}

// typedKey closes the top dialog on Escape, and sends other keys pressed
// outside any text field to the open assessment (levels 1–5 and 0 on the
// questions tab).
func (a *App) typedKey(ev *fyne.KeyEvent) {
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		if ev.Name == fyne.KeyEscape {
			a.win.Canvas().Overlays().Remove(top)
		}
		return
	}
	if a.Current != nil {
		a.Current.TypedKey(ev)
	}
}

// shortcut is one menu action with its key.
type shortcut struct {
	label string
	key   fyne.KeyName
	run   func()
}

// shortcuts are the main actions and their keys (with Ctrl, or Cmd on a Mac).
func (a *App) shortcuts() []shortcut {
	return []shortcut{
		{"New assessment", fyne.KeyN, func() { a.ShowHome(); a.Home.ShowNewAssessment("") }},
		{"Export…", fyne.KeyE, a.ShowExport},
		{"Import a bundle…", fyne.KeyI, a.ShowImport},
		{"Home", fyne.KeyH, a.ShowHome},
		{"Overview", fyne.Key1, func() { a.withCurrent((*AssessmentScreen).ShowOverview) }},
		{"Questions", fyne.Key2, func() { a.withCurrent((*AssessmentScreen).ShowQuestions) }},
		{"Action plan", fyne.Key3, func() { a.withCurrent((*AssessmentScreen).ShowActions) }},
		{"Scrutinise", fyne.Key4, func() { a.withCurrent((*AssessmentScreen).ShowScrutinise) }},
		{"Sign-off", fyne.Key5, func() { a.withCurrent((*AssessmentScreen).ShowSignOff) }},
		{"Audit trail", fyne.Key6, func() { a.withCurrent((*AssessmentScreen).ShowAudit) }},
		{"Workshop", fyne.Key7, func() { a.withCurrent((*AssessmentScreen).ShowWorkshop) }},
		{"Next question", fyne.KeyRight, func() { a.withCurrent((*AssessmentScreen).Next) }},
		{"Previous question", fyne.KeyLeft, func() { a.withCurrent((*AssessmentScreen).Previous) }},
		{"Find a question", fyne.KeyF, func() { a.withCurrent((*AssessmentScreen).ShowFind) }},
		{"Add an action", fyne.KeyT, func() { a.withCurrent((*AssessmentScreen).AddAction) }},
		{"Compare years", fyne.KeyR, a.CompareYears},
		{"Settings…", fyne.KeyComma, a.Settings.Show},
	}
}

// CompareYears compares the years of the open assessment's partnership, or
// of the partnership selected on Home (the comparison says when there are
// fewer than two).
func (a *App) CompareYears() {
	switch {
	case a.Current != nil:
		a.ShowCompare(a.Current.s.rec.Partnership)
	case a.Compare == nil && a.Home.Selected < len(a.Home.Views):
		a.ShowCompare(a.Home.Views[a.Home.Selected].partnership)
	case a.Compare == nil:
		dialog.ShowInformation("Compare years", "Add a partnership first: a comparison is of one partnership’s years.", a.win)
	}
}

// ShowExport opens the export dialog for the open assessment.
func (a *App) ShowExport() {
	if a.Current == nil {
		dialog.ShowInformation("Export", "Open an assessment first: an export is of one assessment.", a.win)
		return
	}
	a.Current.Flush()
	NewExportDialog(a.Current.s, a.fyne, a.run).Show()
}

// ShowImport saves any edit in progress and asks for a bundle to import;
// once one is imported, Home shows it.
func (a *App) ShowImport() { a.flush(); a.importDialog().Show() }

// importDialog builds the import dialog; an import goes back to Home.
func (a *App) importDialog() *ImportDialog {
	return NewImportDialog(a.ctx, a.store, a.win, a.run, func() {
		if a.Current != nil || a.Compare != nil {
			a.ShowHome()
			return
		}
		a.Home.Load(nil)
	})
}

// withCurrent runs f on the open assessment, if there is one.
func (a *App) withCurrent(f func(*AssessmentScreen)) {
	if a.Current != nil {
		f(a.Current)
	}
}

// addShortcuts binds every shortcut to the window.
func (a *App) addShortcuts() {
	for _, s := range a.shortcuts() {
		run := s.run
		a.win.Canvas().AddShortcut(keyOf(s.key), func(fyne.Shortcut) { run() })
	}
}

// keyOf is Ctrl (Cmd on a Mac) with key.
func keyOf(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// menu builds the main menu, showing each shortcut beside its action:
// File holds the first three and Settings (the last), Go the rest.
func (a *App) menu() *fyne.MainMenu {
	var items []*fyne.MenuItem
	for _, s := range a.shortcuts() {
		item := fyne.NewMenuItem(s.label, s.run)
		item.Shortcut = keyOf(s.key)
		items = append(items, item)
	}
	last := len(items) - 1
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New partnership…", func() { a.ShowHome(); a.Home.ShowNewPartnership() }),
		items[0],
		items[1],
		items[2],
		fyne.NewMenuItemSeparator(),
		items[last],
	)
	return fyne.NewMainMenu(file, fyne.NewMenu("Go", items[3:last]...), a.helpMenu())
}

// content wraps a screen with a header line; used by the assessment screen.
func headerBar(left, right fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, widget.NewSeparator(), nil, right, left)
}
