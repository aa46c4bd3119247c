package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/store"
)

// savedEditApp is the app on the demo's latest assessment, every tab built,
// showing Questions in a 1280×800 window.
func savedEditApp(b *testing.B) *AssessmentScreen {
	b.Helper()
	test.NewTempApp(b)
	s, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	id := importDemo(b, s)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	app := New(context.Background(), fyne.CurrentApp(), w, s)
	app.run, app.Home.run = inline, inline
	done := make(chan struct{})
	app.openAssessment(id, func() { close(done) })
	<-done
	app.Current.ShowActions()
	app.Current.ShowQuestions()
	return app.Current
}

// BenchmarkSavedEdit measures one saved edit on the UI goroutine: choosing
// a level on Questions, stored in its transaction with its audit row, and
// every screen brought up to date (target: 5 ms; the hidden Overview waits
// until it is shown).
func BenchmarkSavedEdit(b *testing.B) {
	a := savedEditApp(b)
	level := 3
	for b.Loop() {
		level = 7 - level // 3, 4, 3, …: every tap changes the level
		a.Questions.setLevel(level)
	}
	if a.Overview.Radar.Draws > 1 {
		b.Errorf("the hidden radar was drawn %d times", a.Overview.Radar.Draws)
	}
}

// TestHiddenOverviewCatchesUp checks the saving of the benchmark above: an
// edit made on Questions is on the Overview as soon as it is shown.
func TestHiddenOverviewCatchesUp(t *testing.T) {
	sess, s := demoSession(t)
	w := test.NewTempWindow(t, nil)
	app := New(context.Background(), fyne.CurrentApp(), w, s)
	app.run = inline
	open(t, app, sess.rec.Assessment.ID)
	cur := app.Current
	draws := cur.Overview.Radar.Draws
	cur.ShowQuestions()
	for i := range cur.Questions.questions {
		cur.Questions.Show(i)
		cur.Questions.setLevel(1)
	}
	if cur.Overview.Radar.Draws != draws {
		t.Errorf("the radar was drawn %d times while hidden", cur.Overview.Radar.Draws-draws)
	}
	cur.ShowOverview()
	if cur.Overview.Radar.Draws != draws+1 {
		t.Errorf("showing the overview drew the radar %d times; want once", cur.Overview.Radar.Draws-draws)
	}
	if want := "Overall level: 1.0"; len(cur.Overview.Overall.Text) < len(want) || cur.Overview.Overall.Text[:len(want)] != want {
		t.Errorf("overview says %q after every level was set to 1", cur.Overview.Overall.Text)
	}
}
