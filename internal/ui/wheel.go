package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a wheel turn to the innermost scrollable object under the
// pointer and never passes it on: a word-wrapped text field (which scrolls
// inside itself) or a sideways-only scroll swallows it, and the page stops
// scrolling there. A wheelLayer, stacked over such an object, is then the
// innermost scrollable one and sends the turn on to the page.

// wheelLayer is a transparent layer that only takes the mouse wheel: the
// up-and-down part moves page and the sideways part moves sideways, if
// set. Clicks, drags and the keyboard go to what lies beneath.
type wheelLayer struct {
	widget.BaseWidget
	page, sideways *container.Scroll
}

// overWheel stacks a wheelLayer over obj, so that the wheel over obj
// moves page up and down and, if sideways is not nil, sideways.
func overWheel(obj fyne.CanvasObject, page, sideways *container.Scroll) *fyne.Container {
	l := &wheelLayer{page: page, sideways: sideways}
	l.ExtendBaseWidget(l)
	return container.NewStack(obj, l)
}

// CreateRenderer draws nothing and asks for no room.
func (l *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled passes the wheel's movement on, each direction to its scroll.
func (l *wheelLayer) Scrolled(ev *fyne.ScrollEvent) {
	if l.sideways != nil && ev.Scrolled.DX != 0 {
		l.sideways.Scrolled(&fyne.ScrollEvent{PointEvent: ev.PointEvent, Scrolled: fyne.Delta{DX: ev.Scrolled.DX}})
	}
	if ev.Scrolled.DY != 0 {
		l.page.Scrolled(&fyne.ScrollEvent{PointEvent: ev.PointEvent, Scrolled: fyne.Delta{DY: ev.Scrolled.DY}})
	}
}

// sidewaysIn puts obj in a sideways scroll inside page: the wheel's
// up-and-down movement over it moves page, its sideways movement obj.
func sidewaysIn(page *container.Scroll, obj fyne.CanvasObject) *fyne.Container {
	h := container.NewHScroll(obj)
	return overWheel(h, page, h)
}
