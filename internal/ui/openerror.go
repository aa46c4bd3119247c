package ui

import (
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
			"\n\nNothing in the file was changed. Close any other copy of the app, or start it with another file: " +
			"maturity --db PATH, or set MATURITY_DB."),
		Quit: widget.NewButtonWithIcon("Quit", theme.CancelIcon(), quit),
	}
	e.Message.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("Cannot open the database", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.content = container.NewPadded(container.NewVBox(title, e.Message, container.NewHBox(e.Quit)))
	return e
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
