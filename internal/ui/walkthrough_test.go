package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// walkWindowSize is the projector-sized window the walkthrough is tested at.
var walkWindowSize = fyne.NewSize(1280, 800)

// newTestWalkthrough builds the walkthrough of sess in a 1280×800 test
// window. Typed text waits an hour before it saves, so only Flush and
// question switches save it and no timer runs beside the test.
func newTestWalkthrough(tb testing.TB, sess *session) (*Walkthrough, fyne.Window) {
	tb.Helper()
	w := NewWalkthrough(sess)
	w.debounce = time.Hour
	win := test.NewTempWindow(tb, w.Content())
	win.Resize(walkWindowSize)
	w.relayout()
	return w, win
}

// walkDemoStore opens a new database holding the demo partnership and
// returns its records, oldest first.
func walkDemoStore(tb testing.TB) (*store.Store, []assessment.Record) {
	tb.Helper()
	test.NewTempApp(tb)
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(tb.TempDir(), "demo.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	q, err := questionnaires.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	recs := demo.Northshire(q, 1)
	for _, rec := range recs {
		if err := s.ImportRecord(ctx, q, rec); err != nil {
			tb.Fatal(err)
		}
	}
	return s, recs
}

// walkSession loads an assessment into a session with the fixed clock.
func walkSession(tb testing.TB, s Store, id string) *session {
	tb.Helper()
	sess, err := loadSession(context.Background(), s, id)
	if err != nil {
		tb.Fatal(err)
	}
	sess.now = func() time.Time { return testClock }
	return sess
}

// carriedSession starts 2026/27 from the demo's 2025/26 assessment.
func carriedSession(t *testing.T) (*session, *store.Store) {
	t.Helper()
	s, recs := walkDemoStore(t)
	a, err := s.StartFromPrevious(context.Background(), recs[len(recs)-1].Assessment.ID, "2026/27")
	if err != nil {
		t.Fatal(err)
	}
	return walkSession(t, s, a.ID), s
}

// stored reloads the session's assessment from the database.
func stored(t *testing.T, s Store, sess *session) assessment.Record {
	t.Helper()
	rec, err := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// responseIn finds a question's response in a record.
func responseIn(rec assessment.Record, questionID string) (assessment.Response, bool) {
	for _, r := range rec.Responses {
		if r.QuestionID == questionID {
			return r, true
		}
	}
	return assessment.Response{}, false
}

// walkTexts gathers the text of every label under o.
func walkTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// digitKey is the key event of a digit.
func digitKey(d int) *fyne.KeyEvent { return &fyne.KeyEvent{Name: fyne.KeyName(fmt.Sprint(d))} }

func TestWalkthroughByKeyboard(t *testing.T) {
	sess, s := blankSession(t)
	w, _ := newTestWalkthrough(t, sess)
	n := sess.q.QuestionCount()
	if n != 18 || w.Position.Text != "Question 1 of 18" {
		t.Fatalf("got %d questions, position %q; want 18, %q", n, w.Position.Text, "Question 1 of 18")
	}
	for i := range n {
		if w.Current() != i {
			t.Fatalf("at step %d the walkthrough shows question %d", i, w.Current())
		}
		if want := fmt.Sprintf("Question %d of 18", i+1); w.Position.Text != want {
			t.Errorf("position %q; want %q", w.Position.Text, want)
		}
		if !w.TypedKey(digitKey(i%5 + 1)) {
			t.Fatalf("key %d not handled", i%5+1)
		}
		test.Type(w.Evidence, fmt.Sprintf("Evidence for question %d", i+1))
		test.Type(w.Rationale, fmt.Sprintf("Rationale %d", i+1))
		if !w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) {
			t.Fatal("Page Down not handled")
		}
	}
	w.Flush() // the last question: Page Down cannot leave it
	if w.Current() != n-1 || !w.NextButton.Disabled() {
		t.Errorf("after the last question: current %d, Next disabled %v", w.Current(), w.NextButton.Disabled())
	}
	rec := stored(t, s, sess)
	for i, wq := range w.questions {
		r, ok := responseIn(rec, wq.question.ID)
		if !ok {
			t.Errorf("%s: no response stored", wq.question.ID)
			continue
		}
		if r.Level != i%5+1 || r.Evidence != fmt.Sprintf("Evidence for question %d", i+1) || r.Rationale != fmt.Sprintf("Rationale %d", i+1) {
			t.Errorf("%s: got level %d, evidence %q, rationale %q", wq.question.ID, r.Level, r.Evidence, r.Rationale)
		}
	}
	for i, b := range w.Strip {
		if b.Icon != theme.ConfirmIcon() {
			t.Errorf("strip button %d not marked done", i+1)
		}
	}

	// Back with Page Up; 0 clears the level; other keys are not ours.
	w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	if w.Current() != n-2 {
		t.Fatalf("Page Up went to %d; want %d", w.Current(), n-2)
	}
	if !w.TypedKey(digitKey(0)) || !w.NotAssessed.Selected {
		t.Errorf("0 did not clear the level")
	}
	if r, _ := responseIn(stored(t, s, sess), w.questions[n-2].question.ID); r.Level != assessment.NotAssessed {
		t.Errorf("after 0 the stored level is %d", r.Level)
	}
	if w.Strip[n-2].Icon == theme.ConfirmIcon() {
		t.Errorf("a question with no level is marked done in the strip")
	}
	for _, k := range []fyne.KeyName{fyne.Key6, fyne.KeyA, fyne.KeyReturn} {
		if w.TypedKey(&fyne.KeyEvent{Name: k}) {
			t.Errorf("key %s handled", k)
		}
	}
}

func TestWalkthroughByTaps(t *testing.T) {
	sess, s := blankSession(t)
	w, _ := newTestWalkthrough(t, sess)
	n := len(w.questions)
	for i := range n {
		level := 5 - i%5
		test.Tap(w.Levels[level-1])
		if !w.Levels[level-1].Selected || !strings.Contains(w.Levels[level-1].Text(), "— chosen:") {
			t.Errorf("question %d: tapped level %d is not shown as chosen", i+1, level)
		}
		w.Target.SetSelectedIndex(5)
		w.Confidence.SetSelected("Medium")
		test.Type(w.Strengths, fmt.Sprintf("Strength %d", i+1))
		test.Type(w.Areas, fmt.Sprintf("To develop %d", i+1))
		test.Tap(w.NextButton)
	}
	w.Flush()
	rec := stored(t, s, sess)
	for i, wq := range w.questions {
		r, _ := responseIn(rec, wq.question.ID)
		if r.Level != 5-i%5 || r.Target != 5 || r.Confidence != assessment.Medium ||
			r.Strengths != fmt.Sprintf("Strength %d", i+1) || r.AreasForDevelopment != fmt.Sprintf("To develop %d", i+1) {
			t.Errorf("%s: got %+v", wq.question.ID, r)
		}
	}

	// The strip jumps; Previous goes back; both show what is stored.
	test.Tap(w.Strip[4])
	if w.Current() != 4 || w.Position.Text != "Question 5 of 18" || !w.Levels[0].Selected || w.Strengths.Text != "Strength 5" {
		t.Errorf("strip jump: current %d, %q, level 1 chosen %v, strengths %q", w.Current(), w.Position.Text, w.Levels[0].Selected, w.Strengths.Text)
	}
	if w.Strip[4].Importance != widget.HighImportance || w.Strip[3].Importance == widget.HighImportance ||
		w.stripMarks[4].colour == "" || w.stripMarks[3].colour != "" {
		t.Errorf("the current question is not marked in the strip")
	}
	test.Tap(w.PreviousButton)
	if w.Current() != 3 || w.Confidence.Selected != "Medium" || w.Target.SelectedIndex() != 5 {
		t.Errorf("previous: current %d, confidence %q, target %d", w.Current(), w.Confidence.Selected, w.Target.SelectedIndex())
	}
	w.Show(0)
	if !w.PreviousButton.Disabled() {
		t.Errorf("Previous is enabled on the first question")
	}
}

func TestWalkthroughSavesOnlyChanges(t *testing.T) {
	sess, _ := blankSession(t)
	w, _ := newTestWalkthrough(t, sess)
	saves := 0
	sess.onChange(func() { saves++ })
	test.Tap(w.Levels[2])
	test.Tap(w.Levels[2])
	w.TypedKey(digitKey(3))
	w.Target.SetSelectedIndex(4)
	w.Target.SetSelectedIndex(4)
	w.Next()
	w.Previous()
	w.Flush()
	if saves != 2 {
		t.Errorf("got %d saves; want 2 (level, target)", saves)
	}
	test.Type(w.Evidence, "x")
	w.Evidence.SetText("") // typed and rubbed out: nothing to save
	w.Flush()
	if saves != 2 {
		t.Errorf("got %d saves after an edit that changed nothing; want 2", saves)
	}
}

func TestWalkthroughSavesTypingAfterAPause(t *testing.T) {
	sess, s := blankSession(t)
	w, _ := newTestWalkthrough(t, sess)
	w.debounce = 50 * time.Millisecond
	// The real driver's fyne.Do queues work for the UI goroutine; here the
	// test goroutine plays that part.
	ui := make(chan func(), 100)
	w.do = func(f func()) { ui <- f }
	text := "Multi-agency audit of neglect cases"
	test.Type(w.Evidence, text)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case f := <-ui:
			f()
		case <-deadline:
			t.Fatal("typed text was not saved after the pause")
		}
		if r, _ := responseIn(sess.rec, "culture.1"); r.Evidence == text {
			break
		}
	}
	if r, _ := responseIn(stored(t, s, sess), "culture.1"); r.Evidence != text {
		t.Errorf("stored evidence %q", r.Evidence)
	}
	if sess.saved.Label.Text != "Saved" {
		t.Errorf("save status %q; want Saved", sess.saved.Label.Text)
	}
	// Timers overtaken by later keystrokes save nothing: one save in all.
	saves := 0
	sess.onChange(func() { saves++ })
	test.Type(w.Strengths, "abc")
	// Run queued UI work until none comes for half a second.
	for quiet := false; !quiet; {
		select {
		case f := <-ui:
			f()
		case <-time.After(500 * time.Millisecond):
			quiet = true
		}
	}
	if r, _ := responseIn(sess.rec, "culture.1"); r.Strengths != "abc" || saves != 1 {
		t.Errorf("after typing three letters: strengths %q, %d saves; want 1", r.Strengths, saves)
	}
}

func TestWalkthroughEvidenceRefs(t *testing.T) {
	sess, s := blankSession(t)
	w, _ := newTestWalkthrough(t, sess)
	w.Show(2)
	test.Type(w.RefLocation, "https://example.org/audit")
	test.Tap(w.AddRef)
	if w.RefProblem.Hidden || len(stored(t, s, sess).EvidenceRefs) != 0 {
		t.Fatalf("a reference with no title: problem shown %v", !w.RefProblem.Hidden)
	}
	test.Type(w.RefTitle, "Neglect audit 2025")
	test.Tap(w.AddRef)
	rec := stored(t, s, sess)
	if len(rec.EvidenceRefs) != 1 || rec.EvidenceRefs[0].Title != "Neglect audit 2025" ||
		rec.EvidenceRefs[0].Location != "https://example.org/audit" || rec.EvidenceRefs[0].QuestionID != "culture.3" {
		t.Fatalf("stored references %+v", rec.EvidenceRefs)
	}
	if len(w.RemoveRefs) != 1 || w.RefTitle.Text != "" || !w.RefProblem.Hidden {
		t.Errorf("after adding: %d listed, title field %q", len(w.RemoveRefs), w.RefTitle.Text)
	}
	w.Next()
	if len(w.RemoveRefs) != 0 {
		t.Errorf("question 4 lists %d references of question 3", len(w.RemoveRefs))
	}
	w.Previous()
	test.Tap(w.RemoveRefs[0])
	if got := len(stored(t, s, sess).EvidenceRefs); got != 0 || len(w.RemoveRefs) != 0 {
		t.Errorf("after removing: %d stored, %d listed", got, len(w.RemoveRefs))
	}
}

func TestWalkthroughCarriedForward(t *testing.T) {
	sess, s := carriedSession(t)
	w, _ := newTestWalkthrough(t, sess)
	prev, _ := sess.previousResponse("culture.1")
	if prev.Evidence == "" {
		t.Fatal("the demo's 2025/26 culture.1 has no evidence to carry")
	}
	if w.CarriedNote.Hidden || w.CarriedNote.Text != "Carried forward from 2025/26 — review and update" {
		t.Errorf("carried note hidden %v, %q", w.CarriedNote.Hidden, w.CarriedNote.Text)
	}
	if w.Evidence.Text != prev.Evidence || w.Strengths.Text != prev.Strengths || w.Rationale.Text != prev.Rationale {
		t.Errorf("carried text not shown: evidence %q", w.Evidence.Text)
	}
	if !w.NotAssessed.Selected || w.Target.SelectedIndex() != prev.Target || w.Confidence.Selected != "" {
		t.Errorf("carried level/target/confidence: not assessed %v, target %d (want %d), confidence %q",
			w.NotAssessed.Selected, w.Target.SelectedIndex(), prev.Target, w.Confidence.Selected)
	}
	if w.LastYear.Hidden || w.LastYearTitle.Text != "Last year (2025/26)" ||
		!strings.Contains(w.LastYearLevel.Text, w.levelName(prev.Level)) || w.LastYearText.Text != "Evidence: "+prev.Evidence {
		t.Errorf("last year: hidden %v, %q, %q, %q", w.LastYear.Hidden, w.LastYearTitle.Text, w.LastYearLevel.Text, w.LastYearText.Text)
	}
	carriedRefs := 0
	for _, e := range sess.rec.EvidenceRefs {
		if e.QuestionID == "culture.1" && e.CarriedForward {
			carriedRefs++
		}
	}
	if carriedRefs != len(w.RemoveRefs) || !strings.Contains(walkTexts(w.Refs), "(carried forward from 2025/26)") && carriedRefs > 0 {
		t.Errorf("%d carried references, %d listed: %q", carriedRefs, len(w.RemoveRefs), walkTexts(w.Refs))
	}

	// Choosing a level keeps the text carried; editing the text does not.
	w.TypedKey(digitKey(4))
	if w.CarriedNote.Hidden {
		t.Errorf("choosing a level hid the carried-forward note")
	}
	test.Type(w.Evidence, " Reviewed March 2026.")
	w.Flush()
	r, _ := responseIn(stored(t, s, sess), "culture.1")
	if !strings.Contains(r.Evidence, "Reviewed March 2026.") || !strings.Contains(r.Evidence, prev.Evidence) || r.Level != 4 {
		t.Errorf("after editing: stored level %d, evidence %q", r.Level, r.Evidence)
	}
	if !w.CarriedNote.Hidden || r.CarriedForward {
		t.Errorf("after editing the text it is still marked carried forward (note shown %v, stored %v)", !w.CarriedNote.Hidden, r.CarriedForward)
	}
}

func TestWalkthroughShowsLastYear(t *testing.T) {
	sess, _ := demoSession(t)
	w, _ := newTestWalkthrough(t, sess)
	w.Show(6)
	wq := w.questions[6]
	prev, _ := sess.previousResponse(wq.question.ID)
	if w.LastYear.Hidden || w.LastYearTitle.Text != "Last year (2024/25)" || !strings.Contains(w.LastYearLevel.Text, w.levelName(prev.Level)) {
		t.Errorf("last year: %q %q", w.LastYearTitle.Text, w.LastYearLevel.Text)
	}
	cur := sess.response(wq.question.ID)
	if !w.Levels[cur.Level-1].Selected || w.Evidence.Text != cur.Evidence {
		t.Errorf("the demo's own answer is not shown")
	}

	blank, _ := blankSession(t)
	bw, _ := newTestWalkthrough(t, blank)
	if !bw.LastYear.Hidden || !bw.CarriedNote.Hidden {
		t.Errorf("a blank assessment shows last year (%v) or a carried note (%v)", !bw.LastYear.Hidden, !bw.CarriedNote.Hidden)
	}
}

func TestWalkthroughFailedSaveIsShown(t *testing.T) {
	sess, s := blankSession(t)
	w, _ := newTestWalkthrough(t, sess)
	w.TypedKey(digitKey(3))
	test.Type(w.Evidence, "Minutes of the June executive")
	w.Flush()
	before := sess.response("culture.1")

	// Signed off behind the session's back: the database now refuses edits.
	if err := s.SetStatus(context.Background(), sess.rec.Assessment.ID, assessment.SignedOff); err != nil {
		t.Fatal(err)
	}
	w.TypedKey(digitKey(4))
	if !sess.saved.Failed || !strings.HasPrefix(sess.saved.Label.Text, "Not saved:") {
		t.Fatalf("failed save shown as %q (failed %v)", sess.saved.Label.Text, sess.saved.Failed)
	}
	if sess.response("culture.1") != before || !w.Levels[2].Selected || w.Levels[3].Selected {
		t.Errorf("after a failed save the record or the choice changed: level %d, 3 chosen %v, 4 chosen %v",
			sess.response("culture.1").Level, w.Levels[2].Selected, w.Levels[3].Selected)
	}
	test.Type(w.Strengths, "Strong chairing")
	w.Next()
	if !sess.saved.Failed || sess.response("culture.1") != before {
		t.Errorf("failed text save: status %q, record changed %v", sess.saved.Label.Text, sess.response("culture.1") != before)
	}
	if r, _ := responseIn(stored(t, s, sess), "culture.1"); r.Level != 3 || r.Strengths != "" {
		t.Errorf("stored level %d strengths %q", r.Level, r.Strengths)
	}

	// A closed database fails the same way.
	sess2, s2 := blankSession(t)
	w2, _ := newTestWalkthrough(t, sess2)
	s2.Close()
	test.Tap(w2.Levels[1])
	if !sess2.saved.Failed || w2.Levels[1].Selected || len(sess2.rec.Responses) != 0 {
		t.Errorf("closed store: status %q, level 2 chosen %v, %d responses", sess2.saved.Label.Text, w2.Levels[1].Selected, len(sess2.rec.Responses))
	}
}

func TestWalkthroughSignedOffIsReadOnly(t *testing.T) {
	s, recs := walkDemoStore(t)
	signed := recs[len(recs)-2]
	if signed.Assessment.Status != assessment.SignedOff {
		t.Fatalf("demo %s is %s; want signed off", signed.Assessment.Period, signed.Assessment.Status)
	}
	sess := walkSession(t, s, signed.Assessment.ID)
	w, _ := newTestWalkthrough(t, sess)
	saves := 0
	sess.onChange(func() { saves++ })
	if w.ReadOnlyNote.Hidden || !strings.Contains(w.ReadOnlyNote.Text, "signed off") {
		t.Errorf("read-only note hidden %v: %q", w.ReadOnlyNote.Hidden, w.ReadOnlyNote.Text)
	}
	for _, d := range []fyne.Disableable{w.Target, w.Confidence, w.Evidence, w.Strengths, w.Areas, w.Rationale, w.RefTitle, w.RefLocation, w.AddRef} {
		if !d.Disabled() {
			t.Errorf("%T is enabled", d)
		}
	}
	for _, b := range w.RemoveRefs {
		if !b.Disabled() {
			t.Errorf("a remove button is enabled")
		}
	}
	before := sess.response("culture.1")
	other := before.Level%5 + 1
	test.Tap(w.Levels[other-1])
	if w.TypedKey(digitKey(other)) {
		t.Errorf("a level key was handled on a signed-off assessment")
	}
	w.Flush()
	if !w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) || w.Current() != 1 {
		t.Errorf("cannot move through a signed-off assessment")
	}
	if saves != 0 || sess.response("culture.1") != before || sess.saved.Failed {
		t.Errorf("signed off: %d saves, status %q", saves, sess.saved.Label.Text)
	}
}

func TestWalkthroughMarkup(t *testing.T) {
	sess, _ := demoSession(t)
	w, win := newTestWalkthrough(t, sess)
	w.Show(6)
	test.AssertRendersToMarkup(t, "walkthrough.xml", win.Canvas())
}

// TestWalkthroughPicture writes PNGs of the walkthrough for a person to look
// at when WALKTHROUGH_PNG names the first file, such as /tmp/w.png (the
// others get -light, -tall, -carried and -signed added to the name).
func TestWalkthroughPicture(t *testing.T) {
	path := os.Getenv("WALKTHROUGH_PNG")
	if path == "" {
		t.Skip("set WALKTHROUGH_PNG=/tmp/w.png to write pictures of the walkthrough")
	}
	write := func(sess *session, index int, suffix string, th fyne.Theme, size fyne.Size) {
		test.ApplyTheme(t, th)
		w := NewWalkthrough(sess)
		win := test.NewTempWindow(t, w.Content())
		win.Resize(size)
		w.Show(index)
		name := strings.TrimSuffix(path, ".png") + suffix + ".png"
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", name)
	}
	sess, _ := demoSession(t)
	write(sess, 6, "", theme.DefaultTheme(), walkWindowSize)
	write(sess, 7, "-light", lightTheme(), walkWindowSize)
	write(sess, 7, "-tall", lightTheme(), fyne.NewSize(1280, 1900))
	carried, _ := carriedSession(t)
	write(carried, 0, "-carried", theme.DefaultTheme(), walkWindowSize)
	s, recs := walkDemoStore(t)
	write(walkSession(t, s, recs[1].Assessment.ID), 10, "-signed", lightTheme(), walkWindowSize)
}

func BenchmarkWalkthroughNext(b *testing.B) {
	s, recs := walkDemoStore(b)
	sess := walkSession(b, s, recs[len(recs)-1].Assessment.ID)
	w, _ := newTestWalkthrough(b, sess)
	n := len(w.questions)
	b.ResetTimer()
	for b.Loop() {
		if w.Current() == n-1 {
			w.Show(0)
			continue
		}
		w.Next()
	}
}
