package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formDialog is a dialog holding a form that stays open until its submit
// function accepts the input: a refused submit shows why in the dialog,
// so nothing typed is lost.
type formDialog struct {
	dialog *dialog.CustomDialog
	// Problem says what is wrong with the input, in the error colour.
	Problem *widget.Label
	// Submit and Cancel are the dialog's buttons.
	Submit, Cancel *widget.Button
}

// newFormDialog builds a dialog titled title around form. submit returns
// "" to accept (the dialog closes) or a message saying what to fix.
func newFormDialog(title, submitText string, form fyne.CanvasObject, win fyne.Window, submit func() string) *formDialog {
	f := &formDialog{Problem: widget.NewLabel("")}
	f.Problem.Importance = widget.DangerImportance
	f.Problem.Wrapping = fyne.TextWrapWord
	f.Problem.Hide()
	f.Submit = widget.NewButton(submitText, func() {
		f.Problem.Hide()
		if msg := submit(); msg != "" {
			f.Problem.SetText(msg)
			f.Problem.Show()
			return
		}
		f.dialog.Hide()
	})
	f.Submit.Importance = widget.HighImportance
	f.Cancel = widget.NewButton("Cancel", func() { f.dialog.Hide() })
	f.watch(form)
	body := container.NewBorder(nil, f.Problem, nil, nil, form)
	f.dialog = dialog.NewCustomWithoutButtons(title, body, win)
	f.dialog.SetButtons([]fyne.CanvasObject{f.Cancel, f.Submit})
	return f
}

// watch makes typing into any entry under o hide the problem, which was
// about the text as it was: a stale message never stays on screen.
func (f *formDialog) watch(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *widget.Entry:
		was := v.OnChanged
		v.OnChanged = func(text string) {
			if f.Problem.Visible() {
				f.Problem.Hide()
			}
			if was != nil {
				was(text)
			}
		}
	case *widget.Form:
		for _, item := range v.Items {
			f.watch(item.Widget)
		}
	case *container.Scroll:
		f.watch(v.Content)
	case *fyne.Container:
		for _, c := range v.Objects {
			f.watch(c)
		}
	}
}

// show opens the dialog at a comfortable size.
func (f *formDialog) show(size fyne.Size) {
	f.dialog.Resize(size)
	f.dialog.Show()
}

// scaledSize is size grown with the text size chosen in Settings, and no
// larger than the window less a margin, so a dialog of wide rows keeps
// room for them at the larger text.
func scaledSize(win fyne.Window, size fyne.Size) fyne.Size {
	scale := textGrowth()
	room := win.Canvas().Size().SubtractWidthHeight(40, 40)
	return fyne.NewSize(min(size.Width*scale, room.Width), min(size.Height*scale, room.Height))
}
