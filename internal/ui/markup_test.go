package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestHomeAndOverviewMarkup keeps the home screen and the overview of the
// demo data as they were reviewed (testdata/home.xml, overview.xml).
func TestHomeAndOverviewMarkup(t *testing.T) {
	sess, s := demoSession(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	app := New(context.Background(), fyne.CurrentApp(), w, s)
	app.run, app.Home.run = inline, inline
	reload(t, app.Home)
	test.AssertRendersToMarkup(t, "home.xml", w.Canvas())
	open(t, app, sess.rec.Assessment.ID)
	test.AssertRendersToMarkup(t, "overview.xml", w.Canvas())
}
