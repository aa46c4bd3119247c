package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// box is a rectangle that needs size.
func box(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

func TestBesideOrAbove(t *testing.T) {
	test.NewTempApp(t)
	a, b := box(300, 200), box(400, 100)
	c := container.New(&besideOrAbove{}, a, b)
	if m := c.MinSize(); m.Width != 400 {
		t.Errorf("least width %v; want the wider object's, 400", m.Width)
	}
	c.Resize(fyne.NewSize(800, 300))
	if b.Position().X <= a.Position().X || b.Position().Y != 0 || c.MinSize().Height != 200 {
		t.Errorf("wide: second at %v, height %v; want beside the first, 200 high", b.Position(), c.MinSize().Height)
	}
	c.Resize(fyne.NewSize(500, 300))
	if b.Position().Y < 200 || c.MinSize().Height != 300+theme.Padding() {
		t.Errorf("narrow: second at %v, height %v; want below the first", b.Position(), c.MinSize().Height)
	}
}

func TestRowLayout(t *testing.T) {
	test.NewTempApp(t)
	first, second, third := box(10, 20), box(10, 30), box(10, 10)
	c := container.New(&rowLayout{widths: []float32{50, 60}, most: 300}, first, second, third)
	c.Resize(fyne.NewSize(1000, 30))
	if first.Size().Width != 300 || second.Size().Width != 50 || third.Size().Width != 60 || c.MinSize().Height != 30 {
		t.Errorf("widths %v %v %v, height %v; want 300 (at most), 50, 60 at the tallest cell's 30",
			first.Size().Width, second.Size().Width, third.Size().Width, c.MinSize().Height)
	}
	if want := float32(firstMinW) + 50 + 60 + 2*theme.Padding(); c.MinSize().Width != want {
		t.Errorf("least width %v; want %v", c.MinSize().Width, want)
	}
}

func TestTopThenRest(t *testing.T) {
	test.NewTempApp(t)
	top := wrapLabel("A long line of text that wraps when the window is narrow, and must be measured at the width it gets.")
	rest := box(10, 10)
	c := container.New(topThenRest{}, top, rest)
	c.Resize(fyne.NewSize(200, 600))
	if rest.Position().Y < top.MinSize().Height || rest.Size().Height+rest.Position().Y > 600 {
		t.Errorf("the rest at %v, %v high, overlaps the %v-high top or leaves the box", rest.Position(), rest.Size().Height, top.MinSize().Height)
	}
}

func TestWrappedVBox(t *testing.T) {
	test.NewTempApp(t)
	long := wrapLabel("A long line of text that wraps when the box is narrow, so its height depends on the width.")
	below := widget.NewLabel("below")
	c := container.New(&wrappedVBox{}, long, below)
	c.Resize(fyne.NewSize(150, 400))
	if below.Position().Y < long.Size().Height || long.Size().Height <= below.Size().Height {
		t.Errorf("the label below is at %v, inside the wrapped text %v high", below.Position().Y, long.Size().Height)
	}
}

func TestColumnLayoutGivesSpareWidthToWordyColumns(t *testing.T) {
	sess, _ := demoSession(t)
	ap := showActionPlan(t, sess)
	c := container.New(&columnLayout{ap: ap}, ap.Table)
	c.Resize(fyne.NewSize(2000, 400))
	for i, w := range ap.widths {
		if w < columnWidths[i] {
			t.Errorf("column %d is %v, under its least %v", i, w, columnWidths[i])
		}
	}
	if ap.widths[colTitle] <= columnWidths[colTitle] {
		t.Errorf("the action column got none of the spare width: %v", ap.widths[colTitle])
	}
	if m := c.MinSize(); m.Width > 300 {
		t.Errorf("the table needs %v: it should scroll, not widen the window", m.Width)
	}
}
