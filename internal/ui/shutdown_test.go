//go:build unix

package ui

import (
	"context"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/store"
)

// typedButUnsaved opens the demo's latest assessment, types evidence into
// its first question with an hour's wait before it would save, and returns
// the store and the assessment's id.
func typedButUnsaved(t *testing.T, text string) (*App, *store.Store, string) {
	t.Helper()
	app, st := newTestApp(t)
	s := st.(*store.Store)
	id := importDemo(t, s)
	open(t, app, id)
	app.Current.ShowQuestions()
	w := app.Current.Questions
	w.debounce = time.Hour
	test.Type(w.Evidence, text)
	if evidenceOf(t, s, id, w) == w.Evidence.Text {
		t.Fatal("the typed text was saved at once; the test needs it pending")
	}
	return app, s, id
}

// evidenceOf is the stored evidence of the walkthrough's current question.
func evidenceOf(t *testing.T, s *store.Store, id string, w *Walkthrough) string {
	t.Helper()
	rec, err := s.LoadRecord(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	qid := w.questions[w.current].question.ID
	for _, r := range rec.Responses {
		if r.QuestionID == qid {
			return r.Evidence
		}
	}
	return ""
}

// TestSIGTERMSavesTypedText types evidence and sends the process SIGTERM
// at once, as a logout does: the evidence is saved.
func TestSIGTERMSavesTypedText(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		app, s, id := typedButUnsaved(t, " Typed just before "+sig.String()+".")
		stop := app.SaveOnExit()
		want := app.Current.Questions.Evidence.Text
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for evidenceOf(t, s, id, app.Current.Questions) != want && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		stop()
		if got := evidenceOf(t, s, id, app.Current.Questions); got != want {
			t.Errorf("after %s the evidence stored is %q, want %q", sig, got, want)
		}
	}
}

// stoppingApp is the test app with a lifecycle whose stop the test
// triggers, as the real app's Quit does.
type stoppingApp struct {
	fyne.App
	lc *stoppingLifecycle
}

// Lifecycle returns the lifecycle the test stops.
func (a stoppingApp) Lifecycle() fyne.Lifecycle { return a.lc }

// stoppingLifecycle keeps the function to run when the app stops.
type stoppingLifecycle struct {
	fyne.Lifecycle
	stopped func()
}

// SetOnStopped keeps f.
func (l *stoppingLifecycle) SetOnStopped(f func()) { l.stopped = f }

// TestQuitSavesTypedText types evidence and stops the app as its Quit
// does: the evidence is saved.
func TestQuitSavesTypedText(t *testing.T) {
	app, s, id := typedButUnsaved(t, " Typed just before quitting.")
	lc := &stoppingLifecycle{Lifecycle: app.fyne.Lifecycle()}
	app.fyne = stoppingApp{App: app.fyne, lc: lc}
	stop := app.SaveOnExit()
	defer stop()
	want := app.Current.Questions.Evidence.Text
	if lc.stopped == nil {
		t.Fatal("nothing runs when the app stops")
	}
	lc.stopped()
	if got := evidenceOf(t, s, id, app.Current.Questions); got != want {
		t.Errorf("after quitting the evidence stored is %q, want %q", got, want)
	}
}
