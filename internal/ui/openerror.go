package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/store"
)

// OpenError is the screen shown instead of the app when the database cannot
// be opened: it says why and where, and that nothing was changed. The app
// never creates a second, empty database in its place.
type OpenError struct {
	// Message is the explanation shown.
	Message *widget.Label
	// Quit closes the app.
	Quit    *widget.Button
	content fyne.CanvasObject
}

// NewOpenError builds the screen for the database at path that failed to
// open with err; quit runs when the person presses Quit.
func NewOpenError(path string, err error, quit func()) *OpenError {
	e := &OpenError{
		Message: widget.NewLabel("The database could not be opened.\n\nFile: " + path + "\nProblem: " + err.Error() +
			"\n\nNothing in the file was changed. " + openAdvice(err)),
		Quit: widget.NewButtonWithIcon("Quit", theme.CancelIcon(), quit),
	}
	e.Message.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("Cannot open the database", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.content = container.NewPadded(container.NewVBox(title, e.Message, container.NewHBox(e.Quit)))
	return e
}

// openAdvice is what to do about err, for its cause.
func openAdvice(err error) string {
	other := "To use another file, start the app with maturity --db PATH, or set MATURITY_DB."
	switch {
	case errors.Is(err, store.ErrLocked):
		return "Another copy of the app, or another program, has the file open: close it and start the app again. " + other
	case errors.Is(err, store.ErrNotDatabase):
		return "This file is not one of the app's databases: perhaps the wrong file was chosen, or it was damaged. " +
			"Restore it from a backup if you have one. " + other
	case errors.Is(err, store.ErrTooNew):
		return "A newer version of the app wrote this file: install that version to open it. " + other
	case errors.Is(err, store.ErrReadOnly):
		return "The app may not write to this file: give your account permission to change it, or copy it somewhere you can. " + other
	}
	return "Check that the folder exists and that you may write to it. " + other
}

// Content is the screen's root object.
func (e *OpenError) Content() fyne.CanvasObject { return e.content }

// ShowOtherCopy tells the person, in a dialog over w, that another copy of
// the app has the same database open, and what that means for their edits.
func ShowOtherCopy(w fyne.Window, c *store.OtherCopy) {
	msg := widget.NewLabel(c.Message())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Another copy is open", "OK", msg, w)
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
}
