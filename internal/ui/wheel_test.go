package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// wheelAt turns the mouse wheel by dx, dy over the middle of o's top in c.
func wheelAt(t *testing.T, c fyne.Canvas, o fyne.CanvasObject, dx, dy float32) {
	t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, 10))
	if pos.Y >= c.Size().Height || o.Size().IsZero() {
		t.Fatalf("%T at %v, size %v, is not in the %v window", o, pos, o.Size(), c.Size())
	}
	test.Scroll(c, pos, dx, dy)
}

func TestWheelLayerSplitsTheWheel(t *testing.T) {
	test.NewTempApp(t)
	wide := canvas.NewRectangle(nil)
	wide.SetMinSize(fyne.NewSize(900, 40))
	tall := canvas.NewRectangle(nil)
	tall.SetMinSize(fyne.NewSize(10, 900))
	page := container.NewVScroll(nil)
	row := sidewaysIn(page, wide)
	page.Content = container.NewVBox(row, tall)
	w := test.NewTempWindow(t, page)
	w.Resize(fyne.NewSize(300, 300))
	sideways := row.Objects[0].(*container.Scroll)

	wheelAt(t, w.Canvas(), row, 0, -30)
	if page.Offset.Y != 30 || sideways.Offset.X != 0 {
		t.Errorf("wheel down over a sideways row: page at %v, row at %v; want the page 30 down, the row unmoved", page.Offset, sideways.Offset)
	}
	wheelAt(t, w.Canvas(), row, -50, 0)
	if page.Offset.Y != 30 || sideways.Offset.X != 50 {
		t.Errorf("wheel sideways over the row: page at %v, row at %v; want the page unmoved, the row 50 along", page.Offset, sideways.Offset)
	}
}

func TestWheelOverTextFieldScrollsTheFields(t *testing.T) {
	sess, _ := carriedSession(t)
	w, win := newTestWalkthrough(t, sess)
	// Five lines overflow the field's three: it would scroll inside itself.
	w.Evidence.SetText("Minutes of the March board.\nTerms of reference.\nThe joint plan.\nThe annual report.\nA fifth line.")
	for _, f := range []*FocusEntry{w.Evidence, w.Strengths, w.Rationale} {
		w.right.ScrollToBottom() // the fields below the window come into view
		bottom := w.right.Offset.Y
		if bottom == 0 {
			t.Fatal("the fields fit the window: nothing to scroll")
		}
		wheelAt(t, win.Canvas(), f, 0, 20)
		if w.right.Offset.Y != bottom-20 {
			t.Errorf("wheel up over %s: the fields are at %v; want %v", f.Name, w.right.Offset.Y, bottom-20)
		}
	}
}

func TestWheelOverLevelsByThemeScrollsTheComparison(t *testing.T) {
	app, _ := compareApp(t)
	c := app.Compare
	c.page.Refresh() // the test driver does not lay out the loaded comparison by itself
	wheelAt(t, app.win.Canvas(), c.Scores, 0, -40)
	if c.page.Offset.Y != 40 {
		t.Errorf("wheel down over Levels by theme: the comparison is at %v; want 40 down", c.page.Offset.Y)
	}
}
