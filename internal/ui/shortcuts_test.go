package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// press sends Ctrl (Cmd on a Mac) with key to the app's window, as a
// person pressing it would.
func press(app *App, key fyne.KeyName) {
	app.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(keyOf(key))
}

// demoApp is the app on the demo database at 1024×600, normal text.
func demoApp(t *testing.T) *App {
	t.Helper()
	app, _ := fitApp(t, screenSizes[0].size, screenSizes[0].scale)
	return app
}

func TestCompareYearsByKeyboard(t *testing.T) {
	app := demoApp(t)
	p := app.Home.Views[app.Home.Selected].partnership
	press(app, fyne.KeyR)
	if app.Compare == nil || app.Compare.partnership.ID != p.ID {
		t.Fatalf("Ctrl+R on Home did not compare the selected partnership %q", p.Name)
	}
	press(app, fyne.KeyH)
	open(t, app, app.Home.Views[0].assessments[0].ID)
	press(app, fyne.KeyR)
	if app.Current != nil || app.Compare == nil || app.Compare.partnership.ID != p.ID {
		t.Error("Ctrl+R in an open assessment did not compare its partnership's years")
	}
}

func TestAddActionByKeyboard(t *testing.T) {
	app := demoApp(t)
	var draft, signed string
	for _, a := range app.Home.Views[0].assessments {
		if a.Status == assessment.SignedOff {
			signed = a.ID
		} else {
			draft = a.ID
		}
	}
	if draft == "" || signed == "" {
		t.Fatal("the demo lacks an open or a signed-off assessment")
	}
	open(t, app, draft)
	press(app, fyne.KeyT)
	ap := app.Current.Actions
	if ap == nil || app.Current.Tabs.Selected().Text != "Action plan" {
		t.Fatal("Ctrl+T did not show the action plan")
	}
	if ap.Form == nil || ap.Form.base.ID != "" || !holds(app.win.Canvas().Overlays().Top(), ap.Form.Title) {
		t.Fatal("Ctrl+T did not open the form for a new action")
	}

	ap.Form.dialog.Hide()
	open(t, app, signed)
	if app.win.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is still open before Ctrl+T on the signed-off assessment")
	}
	press(app, fyne.KeyT)
	if app.Current.Tabs.Selected().Text != "Action plan" || app.Current.Actions.Form != nil {
		t.Error("Ctrl+T on a signed-off assessment should show its plan and open no form")
	}
	if app.win.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+T on a signed-off assessment should say why no action can be added")
	}
}

func TestSettingsByKeyboard(t *testing.T) {
	app := demoApp(t)
	press(app, fyne.KeyComma)
	top := app.win.Canvas().Overlays().Top()
	if top == nil || !holds(top, app.Settings.TextSize) {
		t.Fatal("Ctrl+, did not open Settings with its text size choice")
	}
}

// holds says whether target is o or drawn within it.
func holds(o, target fyne.CanvasObject) bool {
	if o == target {
		return true
	}
	var inner []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		inner = v.Objects
	case fyne.Widget:
		inner = test.WidgetRenderer(v).Objects()
	}
	return slices.ContainsFunc(inner, func(c fyne.CanvasObject) bool { return holds(c, target) })
}

// TestMenusShowEveryShortcut checks each menu item that has a key shows it,
// and that Settings sits in File and the new keys in Go.
func TestMenusShowEveryShortcut(t *testing.T) {
	app := demoApp(t)
	menus := map[string][]string{}
	for _, m := range app.menu().Items {
		for _, item := range m.Items {
			if item.Shortcut != nil {
				menus[m.Label] = append(menus[m.Label], item.Label)
			}
		}
	}
	for _, s := range app.shortcuts() {
		if !slices.Contains(menus["File"], s.label) && !slices.Contains(menus["Go"], s.label) {
			t.Errorf("%q (Ctrl+%s) is in no menu", s.label, s.key)
		}
	}
	if !slices.Contains(menus["File"], "Settings…") {
		t.Errorf("File menu %q lacks Settings… with its key", menus["File"])
	}
	for _, want := range []string{"Compare years", "Add an action"} {
		if !slices.Contains(menus["Go"], want) {
			t.Errorf("Go menu %q lacks %s with its key", menus["Go"], want)
		}
	}
}

// TestShortcutsAvoidFynesOwnKeys: Fyne's desktop driver turns Ctrl with Z,
// Y, V, C, X or A into undo, redo, paste, copy, cut and select all before
// any shortcut of the app's own is looked at, so those keys never reach it.
func TestShortcutsAvoidFynesOwnKeys(t *testing.T) {
	reserved := []fyne.KeyName{fyne.KeyZ, fyne.KeyY, fyne.KeyV, fyne.KeyC, fyne.KeyX, fyne.KeyA}
	for _, s := range demoApp(t).shortcuts() {
		if slices.Contains(reserved, s.key) {
			t.Errorf("%q uses Ctrl+%s, which Fyne keeps for editing", s.label, s.key)
		}
	}
}
