package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
)

// TestNewUserJourney does what the issue asks of a new user: create a
// partnership and an assessment, answer all 18 questions, write five
// actions, close the app, open it again and find everything as left.
func TestNewUserJourney(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "journey.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	app := New(context.Background(), a, w, s)
	app.run, app.Home.run = inline, inline
	reload(t, app.Home)

	f := app.Home.newPartnershipForm()
	test.Type(f.Name, "Westvale Safeguarding Children Partnership")
	test.Type(f.Area, "Westvale")
	test.Type(f.Agencies[0].Name, "Westvale Council")
	test.Type(f.Agencies[1].Name, "NHS Westvale Integrated Care Board")
	test.Type(f.Agencies[2].Name, "Westvale Police")
	test.Tap(f.dialog.Submit)
	reload(t, app.Home)
	af, err := app.Home.newAssessmentForm("")
	if err != nil {
		t.Fatal(err)
	}
	af.Period.SetText("2025/26")
	test.Tap(af.dialog.Submit)
	if app.Current == nil {
		t.Fatalf("the new assessment did not open: %s", af.dialog.Problem.Text)
	}

	cur := app.Current
	cur.ShowQuestions()
	want := map[string]int{}
	for i, qu := range allQuestions(cur.s) {
		level := 1 + i%5
		cur.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(fmt.Sprint(level))})
		test.Type(cur.Questions.Evidence, "Evidence for "+qu)
		want[qu] = level
		cur.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	}
	cur.s.now = func() time.Time { return testClock } // the actions fall due after it
	cur.ShowActions()
	for i := range 5 {
		test.Tap(cur.Actions.Add)
		form := cur.Actions.Form
		fillValid(form)
		form.Title.SetText(fmt.Sprintf("Action %d: run a multi-agency audit of neglect cases", i+1))
		test.Tap(form.Submit)
		if !form.Saved {
			t.Fatalf("action %d not saved: %v", i+1, form.Problems())
		}
	}
	id := cur.s.rec.Assessment.ID
	app.flush() // what closing the window does

	s.Close()

	s2, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	app2 := New(context.Background(), a, test.NewTempWindow(t, nil), s2)
	app2.run, app2.Home.run = inline, inline
	reload(t, app2.Home)
	if len(app2.Home.Views) != 1 || len(app2.Home.Views[0].assessments) != 1 {
		t.Fatalf("after reopening: %d partnerships", len(app2.Home.Views))
	}
	open(t, app2, id)
	rec := app2.Current.s.rec
	if len(rec.Actions) != 5 {
		t.Errorf("%d actions after reopening; want 5", len(rec.Actions))
	}
	got := map[string]assessment.Response{}
	for _, r := range rec.Responses {
		got[r.QuestionID] = r
	}
	for qu, level := range want {
		if got[qu].Level != level || got[qu].Evidence != "Evidence for "+qu {
			t.Errorf("%s: level %d evidence %q; want %d and its evidence", qu, got[qu].Level, got[qu].Evidence, level)
		}
	}
	if score := app2.Current.Overview.Overall.Text; score == "" || len(want) != 18 {
		t.Errorf("overview %q after answering %d questions", score, len(want))
	}
}

// allQuestions lists the question ids of the session's set in order.
func allQuestions(s *session) []string {
	var ids []string
	for _, t := range s.q.Themes {
		for _, qu := range t.Questions {
			ids = append(ids, qu.ID)
		}
	}
	return ids
}

// BenchmarkOpenAssessment measures opening the demo's latest assessment:
// loading it with its previous year and building all three tabs (target:
// under 100 ms).
func BenchmarkOpenAssessment(b *testing.B) {
	test.NewTempApp(b)
	s, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id := importDemo(b, s)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	for b.Loop() {
		sess, err := loadSession(context.Background(), s, id)
		if err != nil {
			b.Fatal(err)
		}
		sess.win = w
		w.SetContent(NewAssessmentScreen(sess, func() {}).Content())
	}
}
