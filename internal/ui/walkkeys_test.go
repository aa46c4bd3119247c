package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestLevelKeysNeverTypeIntoTheNextQuestion is the reported bug: type
// evidence, move on, press 4. The 4 must set the level, not be typed into
// the next question's evidence, and the screen says which the keys do.
func TestLevelKeysNeverTypeIntoTheNextQuestion(t *testing.T) {
	sess, s := blankSession(t)
	w, win := newTestWalkthrough(t, sess)
	sess.win = win
	win.SetContent(w.Content())
	if !strings.Contains(w.KeyMode.Text, "Press 1–5") {
		t.Errorf("before typing the key line says %q; want it to say 1–5 set the level", w.KeyMode.Text)
	}
	win.Canvas().Focus(w.Evidence)
	if !strings.Contains(w.KeyMode.Text, "Keys type into Evidence") {
		t.Errorf("typing in Evidence, the key line says %q", w.KeyMode.Text)
	}
	test.Type(w.Evidence, "Audit of 40 cases")
	test.Tap(w.NextButton)
	if f := win.Canvas().Focused(); f != nil {
		t.Fatalf("after Next question %T still has the keyboard", f)
	}
	if !strings.Contains(w.KeyMode.Text, "Press 1–5") {
		t.Errorf("after moving on the key line says %q", w.KeyMode.Text)
	}
	// With no field holding the keyboard, the app hands the key to the
	// walkthrough.
	w.TypedKey(&fyne.KeyEvent{Name: fyne.Key4})
	w.Flush()
	rec := stored(t, s, sess)
	second := w.questions[1].question.ID
	r, _ := responseIn(rec, second)
	if r.Level != 4 || r.Evidence != "" {
		t.Errorf("question 2: level %d, evidence %q; want level 4 and no evidence", r.Level, r.Evidence)
	}
	first, _ := responseIn(rec, w.questions[0].question.ID)
	if first.Evidence != "Audit of 40 cases" {
		t.Errorf("question 1's evidence %q was not saved", first.Evidence)
	}
}

func TestEnterSubmitsFind(t *testing.T) {
	sess, s := demoSession(t)
	app := New(context.Background(), fyne.CurrentApp(), test.NewTempWindow(t, nil), s)
	app.run = inline
	open(t, app, sess.rec.Assessment.ID)
	app.Current.ShowFind()
	words, ok := app.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("Find's words field does not have the keyboard (%T does)", app.win.Canvas().Focused())
	}
	test.Type(words, "voice of children")
	words.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := app.Current.Questions; got == nil || got.Current() != 10 {
		t.Fatalf("Enter did not find the question on the voice of children")
	}
	if app.win.Canvas().Overlays().Top() != nil {
		t.Error("the Find dialog is still open after Enter found the question")
	}
}
