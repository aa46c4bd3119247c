package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file holds the ui package's own layouts, each with its test in
// layouts_test.go.

// columnLayout gives the table's spare width to its wordy columns, so the
// table fills the window and scrolls sideways only when it must.
type columnLayout struct {
	ap            *ActionPlan
	width, growth float32
}

// Layout sets the column widths for the width and text size, then the
// table's size.
func (l *columnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width || textGrowth() != l.growth {
		l.width, l.growth = size.Width, textGrowth()
		var fixed, flex float32
		for i := range columnWidths {
			fixed += columnWidth(i)
			flex += columnFlex[i]
		}
		spare := max(0, size.Width-fixed-theme.Padding()*float32(len(columnWidths)+2)-theme.ScrollBarSize())
		for i := range columnWidths {
			l.ap.widths[i] = columnWidth(i) + spare*columnFlex[i]/flex
			l.ap.Table.SetColumnWidth(i, l.ap.widths[i])
		}
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is small: the table scrolls.
func (l *columnLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 160) }

// wrappedVBox stacks objects like a VBox, but measures its wrapped labels
// at the box's width: a plain VBox asks a wrapped label its height before
// the label knows its width, and the text below then overlaps it.
type wrappedVBox struct {
	width float32
}

// MinSize is the height of the visible objects at the box's last width.
func (l *wrappedVBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if lab, ok := o.(*widget.Label); ok && lab.Wrapping != fyne.TextWrapOff && l.width > 0 && lab.Size().Width != l.width {
			lab.Resize(fyne.NewSize(l.width, lab.Size().Height))
		}
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
		n++
	}
	if n > 1 {
		h += theme.Padding() * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

// Layout stacks the objects at the width given.
func (l *wrappedVBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	var y float32
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if lab, ok := o.(*widget.Label); ok && lab.Wrapping != fyne.TextWrapOff && lab.Size().Width != size.Width {
			lab.Resize(fyne.NewSize(size.Width, lab.Size().Height)) // measure it at its width
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

// topThenRest puts its first object at the top, as high as it needs at the
// full width, and gives the rest of the height to its second: unlike a
// Border it measures the top after giving it its width, so wrapped text
// in it is measured right.
type topThenRest struct{}

// Layout gives the top its width, then its height, then the rest.
func (topThenRest) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	top, rest := objects[0], objects[1]
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, top.MinSize().Height))
	h := top.MinSize().Height
	top.Resize(fyne.NewSize(size.Width, h))
	rest.Move(fyne.NewPos(0, h+theme.Padding()))
	rest.Resize(fyne.NewSize(size.Width, max(0, size.Height-h-theme.Padding())))
}

// MinSize is the top above the rest.
func (topThenRest) MinSize(objects []fyne.CanvasObject) fyne.Size {
	t, r := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(max(t.Width, r.Width), t.Height+theme.Padding()+r.Height)
}

// tableRowMax is tableRow with the first column no wider than most.
func tableRowMax(widths []float32, most float32, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(&rowLayout{widths: widths, most: most}, cells...)
}

// tableRowMin is tableRow with the first column at least least wide.
func tableRowMin(widths []float32, least float32, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(&rowLayout{widths: widths, least: least}, cells...)
}

// rowLayout places the first object in the width left over (at least
// least and at most most, when set) and the rest in fixed widths, all at
// the row's height. The fixed widths and most are for normal text and grow
// with the text size, so numbers stay clear of the next column.
type rowLayout struct {
	widths      []float32
	least, most float32
}

// width is the i'th fixed width at the current text size.
func (l *rowLayout) width(i int) float32 { return l.widths[i] * textGrowth() }

// firstMin is the least width of the first column.
func (l *rowLayout) firstMin() float32 { return max(l.least, firstMinW) }

// firstMinW is the least width the first column is given.
const firstMinW = 160

// Layout places the cells side by side.
func (l *rowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := float32(0)
	for i := range l.widths {
		fixed += l.width(i) + pad
	}
	x := float32(0)
	for i, o := range objects {
		w := max(size.Width-fixed, l.firstMin())
		if l.most > 0 {
			w = min(w, max(l.most*textGrowth(), l.firstMin()))
		}
		if i > 0 && i-1 < len(l.widths) {
			w = l.width(i - 1)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is the fixed widths and the first column's least width, at the
// tallest cell's height.
func (l *rowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w := l.firstMin()
	for i := range l.widths {
		w += l.width(i) + pad
	}
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// besideOrAbove puts its two objects side by side when the width allows
// both at their least widths, else the first above the second. Its least
// width is the wider of the two, so a narrow window never grows to fit
// them; its least height is for the arrangement at its last width.
type besideOrAbove struct {
	width float32
}

// beside reports whether both objects fit side by side in width.
func (l *besideOrAbove) beside(objects []fyne.CanvasObject, width float32) bool {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	return width >= a.Width+theme.Padding()+b.Width
}

// Layout places the objects beside each other or one above the other.
func (l *besideOrAbove) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	first, second := objects[0], objects[1]
	a := first.MinSize()
	if l.beside(objects, size.Width) {
		first.Move(fyne.NewPos(0, 0))
		first.Resize(fyne.NewSize(a.Width, size.Height))
		x := a.Width + theme.Padding()
		second.Move(fyne.NewPos(x, 0))
		second.Resize(fyne.NewSize(size.Width-x, size.Height))
		return
	}
	first.Move(fyne.NewPos(max(0, (size.Width-a.Width)/2), 0))
	first.Resize(fyne.NewSize(min(a.Width, size.Width), a.Height))
	y := a.Height + theme.Padding()
	second.Move(fyne.NewPos(0, y))
	second.Resize(fyne.NewSize(size.Width, max(0, size.Height-y)))
}

// MinSize is the wider object's width, at the height of the arrangement
// used at the last width.
func (l *besideOrAbove) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	w := max(a.Width, b.Width)
	if l.width > 0 && l.beside(objects, l.width) {
		return fyne.NewSize(w, max(a.Height, b.Height))
	}
	return fyne.NewSize(w, a.Height+theme.Padding()+b.Height)
}
