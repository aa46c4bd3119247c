package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/about"
)

// helpMenu is the Help menu: About the app.
func (a *App) helpMenu() *fyne.Menu {
	return fyne.NewMenu("Help", fyne.NewMenuItem("About "+about.Name+"…", a.ShowAbout))
}

// ShowAbout shows the About dialog (Help menu): the app's version, where
// the questions come from, the licences and where the database is.
func (a *App) ShowAbout() {
	d := dialog.NewCustom("About "+about.Name, "Close", aboutContent(a.store.Path()), a.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// aboutContent is the About dialog's text for the database at dbPath.
func aboutContent(dbPath string) fyne.CanvasObject {
	wrapped := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	return container.NewVBox(
		widget.NewLabelWithStyle(about.Name+" "+about.FullVersion(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(about.Source),
		wrapped(about.Licence),
		wrapped("Database: "+dbPath),
	)
}
