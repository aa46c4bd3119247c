package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// TestDeleteConfirmationDefaultsToCancel: Enter on the confirmation keeps
// the draft; only Delete deletes it.
func TestDeleteConfirmationDefaultsToCancel(t *testing.T) {
	app, s := newTestApp(t)
	addPartnership(t, app, "Eastmoor Safeguarding Children Partnership", "Eastmoor Council")
	ps, _ := s.Partnerships(context.Background())
	af, err := app.Home.newAssessmentForm(ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	af.Period.SetText("2026/27")
	test.Tap(af.dialog.Submit)
	app.ShowHome()
	drafts := func() int {
		as, _ := s.Assessments(context.Background(), ps[0].ID)
		return len(as)
	}
	draft := assessment.Assessment{ID: app.Home.Views[0].assessments[0].ID, Period: "2026/27"}

	app.Home.ConfirmDelete(draft)
	cancel, ok := app.win.Canvas().Focused().(*widget.Button)
	if !ok || cancel.Text != "Cancel" {
		t.Fatalf("the focused control is %v; want the Cancel button", app.win.Canvas().Focused())
	}
	cancel.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	cancel.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if drafts() != 1 {
		t.Fatal("Enter on the confirmation deleted the draft")
	}
	app.Home.ConfirmDelete(draft)
	test.Tap(findDialogButton(t, app.win, "Delete"))
	if drafts() != 0 {
		t.Error("Delete did not delete the draft")
	}
}

// findDialogButton finds a button with text in the top dialog, through
// its renderer.
func findDialogButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == text {
				found = v
				return
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Canvas().Overlays().Top())
	if found == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	return found
}
