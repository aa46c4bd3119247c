// Command barewindow is a bare Fyne window holding one label: the yardstick
// scripts/launchtime measures the app's launch against.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Partnership Maturity")
	w.SetContent(widget.NewLabel("Partnership Maturity"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
