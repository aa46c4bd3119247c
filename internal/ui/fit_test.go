package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screenSizes are the smallest screens the app must fit: a small laptop at
// normal text and a common projector at the largest text.
var screenSizes = []struct {
	name  string
	size  fyne.Size
	scale float32
}{
	{"1024×600 Normal", fyne.NewSize(1024, 600), 1},
	{"1280×720 Larger", fyne.NewSize(1280, 720), float32(textScale("Larger (for projecting)"))},
}

// fitApp is the app on the demo database in a window of size with text
// at scale, showing the home screen.
func fitApp(t *testing.T, size fyne.Size, scale float32) (*App, string) {
	t.Helper()
	sess, s := demoSession(t)
	fyne.CurrentApp().Preferences().SetFloat(prefTextScale, float64(scale))
	w := test.NewTempWindow(t, nil)
	w.Resize(size)
	app := New(context.Background(), fyne.CurrentApp(), w, s)
	test.ApplyTheme(t, fyne.CurrentApp().Settings().Theme())
	app.run, app.Home.run = inline, inline
	reload(t, app.Home)
	return app, sess.rec.Assessment.ID
}

// assertFits fails unless what the window shows needs no more than size
// and every button given lies wholly inside the window.
func assertFits(t *testing.T, app *App, screen string, size fyne.Size, buttons ...*widget.Button) {
	t.Helper()
	c := app.win.Canvas()
	if m := c.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
		t.Errorf("%s: needs %.0f×%.0f, more than the %.0f×%.0f window", screen, m.Width, m.Height, size.Width, size.Height)
	}
	if got := c.Size(); got.Width > size.Width || got.Height > size.Height {
		t.Errorf("%s: the window grew to %.0f×%.0f", screen, got.Width, got.Height)
	}
	if top := c.Overlays().Top(); top != nil {
		if m := top.MinSize(); m.Width > size.Width || m.Height > size.Height {
			t.Errorf("%s: the dialog needs %.0f×%.0f, more than the window", screen, m.Width, m.Height)
		}
	}
	for _, b := range buttons {
		assertInside(t, screen, b, size)
	}
}

// assertInside fails unless b is shown wholly inside a window of size.
func assertInside(t *testing.T, screen string, b *widget.Button, size fyne.Size) {
	t.Helper()
	if b == nil || !b.Visible() {
		t.Errorf("%s: a button is missing", screen)
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	end := at.Add(b.Size())
	if b.Size().IsZero() || at.X < 0 || at.Y < 0 || end.X > size.Width || end.Y > size.Height {
		t.Errorf("%s: %q is at %v–%v, outside the %.0f×%.0f window", screen, b.Text, at, end, size.Width, size.Height)
	}
}

func TestEveryScreenFits(t *testing.T) {
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			app, id := fitApp(t, sz.size, sz.scale)
			home := app.Home
			assertFits(t, app, "home", sz.size, home.NewPartnership, home.NewAssessment,
				findButton(home.Detail, "Open"))

			open(t, app, id)
			cur := app.Current
			assertFits(t, app, "overview", sz.size, cur.Back)

			cur.ShowQuestions()
			w := cur.Questions
			assertFits(t, app, "questions", sz.size, w.NextButton, w.PreviousButton)
			assertPlaceholderFits(t, w.RefTitle, w.RefLocation)

			cur.ShowActions()
			assertFits(t, app, "action plan", sz.size, findButton(cur.Actions.Content(), "Add action"))
			assertFirstColumnsShow(t, cur.Actions, colStatus)
			cur.Actions.NewAction(app.Current.s.q.Themes[0].ID, "")
			assertFits(t, app, "action form", sz.size, cur.Actions.Form.Submit, cur.Actions.Form.Cancel)
			assertPlaceholderFits(t, cur.Actions.Form.Due, &cur.Actions.Form.Owner.Entry)
			cur.Actions.Form.dialog.Hide()

			app.ShowExport()
			assertFits(t, app, "export", sz.size)
			app.win.Canvas().Overlays().Remove(app.win.Canvas().Overlays().Top())

			app.Settings.Show()
			assertFits(t, app, "settings", sz.size)
			app.win.Canvas().Overlays().Remove(app.win.Canvas().Overlays().Top())

			done := make(chan struct{})
			app.showCompare(home.Views[0].partnership, func() { close(done) })
			<-done
			assertFits(t, app, "compare", sz.size, app.Compare.Back)
			assertTableFits(t, "levels by theme", app.Compare.Scores, sz.size.Width)
			assertTableFits(t, "questions compared", app.Compare.Questions, sz.size.Width)
		})
	}
}

// TestFitReportsOverflow makes sure the fit check can fail: a label too
// wide for the window is caught.
func TestFitReportsOverflow(t *testing.T) {
	app, _ := fitApp(t, fyne.NewSize(1024, 600), 1)
	wide := widget.NewLabel(fmt.Sprintf("%0800d", 0))
	app.win.SetContent(wide)
	inner := &testing.T{}
	assertFits(inner, app, "wide", fyne.NewSize(1024, 600))
	if !inner.Failed() {
		t.Error("a label 800 digits wide was not reported")
	}
}

// lightTheme is the app's theme in its light variant, at normal text.
func lightTheme() fyne.Theme {
	v := theme.VariantLight
	return &appTheme{variant: &v, scale: 1}
}

// assertPlaceholderFits fails when an entry's placeholder is wider than
// the entry shows.
func assertPlaceholderFits(t *testing.T, entries ...*widget.Entry) {
	t.Helper()
	for _, e := range entries {
		text := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{})
		if room := e.Size().Width - 2*theme.InnerPadding(); text.Width > room {
			t.Errorf("placeholder %q is %.0f wide in an entry with room for %.0f", e.PlaceHolder, text.Width, room)
		}
	}
}

// TestTextSizeAppliesBothWays: larger text, then normal again, keeps the
// window's size and the screen within it, at once.
func TestTextSizeAppliesBothWays(t *testing.T) {
	size := fyne.NewSize(1280, 720)
	app, id := fitApp(t, size, 1)
	open(t, app, id)
	normal := app.Current.Overview.Radar.MinSize()
	app.Settings.TextSize.SetSelected("Larger (for projecting)")
	test.ApplyTheme(t, fyne.CurrentApp().Settings().Theme())
	larger := app.Current.Overview.Radar.MinSize()
	if larger.Width <= normal.Width*1.4 {
		t.Errorf("the radar did not grow with the text: %v then %v", normal, larger)
	}
	assertFits(t, app, "overview, larger text", size, app.Current.Back)
	app.Settings.TextSize.SetSelected("Normal")
	test.ApplyTheme(t, fyne.CurrentApp().Settings().Theme())
	if got := app.Current.Overview.Radar.MinSize(); got != normal {
		t.Errorf("back to normal text the radar is %v; want %v", got, normal)
	}
	if got := app.win.Canvas().Size(); got != size {
		t.Errorf("back to normal text the window is %v; want %v", got, size)
	}
}

// TestHomeFormsFit: the new-assessment, new-partnership and edit forms
// fit both screens; the partnership forms show their buttons, the first
// agency's Remove, the placeholders and every agency kind whole (the
// agencies below scroll).
func TestHomeFormsFit(t *testing.T) {
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			app, _ := fitApp(t, sz.size, sz.scale)
			h := app.Home
			forms := map[string]*PartnershipForm{"new partnership": h.newPartnershipForm(),
				"edit partnership": h.editPartnershipForm(h.Views[0].partnership)}
			for name, f := range forms {
				f.dialog.show(h.partnershipFormSize())
				assertFits(t, app, name, sz.size, f.dialog.Submit, f.dialog.Cancel)
				if f.Agencies[0].Remove != nil {
					assertInside(t, name, f.Agencies[0].Remove, sz.size)
				}
				entries := []*widget.Entry{f.Name, f.Area, f.Agencies[0].Name}
				for _, e := range entries {
					e.SetText("")
				}
				assertPlaceholderFits(t, entries...)
				for _, row := range f.Agencies {
					assertChoiceFits(t, row.Kind, kindLabels())
				}
				f.dialog.dialog.Hide()
			}
			h.ShowNewAssessment("")
			assertFits(t, app, "new assessment", sz.size)
		})
	}
}

// assertChoiceFits fails when a select is too narrow to show any of
// choices whole.
func assertChoiceFits(t *testing.T, s *widget.Select, choices []string) {
	t.Helper()
	room := s.Size().Width - theme.IconInlineSize() - 4*theme.InnerPadding()
	for _, c := range choices {
		if w := fyne.MeasureText(c, theme.TextSize(), fyne.TextStyle{}).Width; w > room {
			t.Errorf("%q is %.0f wide in a choice with room for %.0f", c, w, room)
		}
	}
}

// assertTableFits fails when a table of rowLayout rows needs more than
// width, or a cell is narrower than its content, so that it would run into
// the next column.
func assertTableFits(t *testing.T, name string, table *fyne.Container, width float32) {
	t.Helper()
	if m := table.MinSize().Width; m > width {
		t.Errorf("%s: needs %.0f wide, more than the %.0f window", name, m, width)
	}
	for _, row := range table.Objects {
		r, ok := row.(*fyne.Container)
		if !ok {
			continue
		}
		if _, isRow := r.Layout.(*rowLayout); !isRow {
			continue
		}
		for _, cell := range r.Objects[1:] {
			if need, got := cell.MinSize().Width, cell.Size().Width; need > got {
				t.Errorf("%s: a cell needs %.0f wide but has %.0f", name, need, got)
			}
		}
	}
}

// assertFirstColumnsShow fails unless the action table's columns up to
// and including last show without scrolling sideways.
func assertFirstColumnsShow(t *testing.T, ap *ActionPlan, last int) {
	t.Helper()
	var need float32
	for i := 0; i <= last; i++ {
		need += ap.widths[i] + theme.Padding()
	}
	if room := ap.Table.Size().Width; need > room {
		t.Errorf("the table's first %d columns, through %s, need %.0f wide; the table is %.0f", last+1, tableColumns[last], need, room)
	}
}
