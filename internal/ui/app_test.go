package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestApp builds the app on an empty database and waits for the home
// screen to load.
func newTestApp(t *testing.T) (*App, Store) {
	t.Helper()
	a := test.NewTempApp(t)
	s := openTestStore(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	app := New(context.Background(), a, w, s)
	app.run, app.Home.run = inline, inline
	reload(t, app.Home)
	return app, s
}

// inline runs background work at once, on the test's goroutine.
func inline(work, then func()) {
	work()
	then()
}

// reload loads the home screen and waits until it is shown.
func reload(t *testing.T, h *Home) {
	t.Helper()
	done := make(chan struct{})
	h.Load(func() { close(done) })
	<-done
}

// open opens an assessment in the app and waits until it is shown.
func open(t *testing.T, app *App, id string) {
	t.Helper()
	done := make(chan struct{})
	app.openAssessment(id, func() { close(done) })
	<-done
}

func TestCreatePartnershipValidates(t *testing.T) {
	app, s := newTestApp(t)
	f := app.Home.newPartnershipForm()
	test.Tap(f.dialog.Submit)
	if !strings.Contains(f.dialog.Problem.Text, "name") {
		t.Errorf("empty name: problem %q", f.dialog.Problem.Text)
	}
	test.Type(f.Name, "Eastmoor Safeguarding Children Partnership")
	test.Tap(f.dialog.Submit)
	if !strings.Contains(f.dialog.Problem.Text, "at least one agency") {
		t.Errorf("no agencies: problem %q", f.dialog.Problem.Text)
	}
	ps, _ := s.Partnerships(context.Background())
	if len(ps) != 0 {
		t.Fatalf("an invalid form saved %d partnerships", len(ps))
	}
	test.Type(f.Area, "Eastmoor")
	test.Type(f.Agencies[0].Name, "Eastmoor Council")
	test.Type(f.Agencies[1].Name, "NHS Eastmoor ICB")
	test.Type(f.Agencies[2].Name, "Eastmoor Police")
	test.Tap(f.AddAgency)
	test.Type(f.Agencies[3].Name, "Eastmoor Schools Forum")
	test.Tap(f.dialog.Submit)
	reload(t, app.Home)
	ps, _ = s.Partnerships(context.Background())
	if len(ps) != 1 || len(ps[0].Agencies) != 4 || ps[0].Agencies[3].Kind != "relevant agency" {
		t.Fatalf("got %+v; want Eastmoor with four agencies, the last relevant", ps)
	}
	dup := app.Home.newPartnershipForm()
	test.Type(dup.Name, "eastmoor safeguarding children partnership")
	test.Type(dup.Agencies[0].Name, "Council")
	test.Tap(dup.dialog.Submit)
	if !strings.Contains(dup.dialog.Problem.Text, "already exists") {
		t.Errorf("duplicate name: problem %q", dup.dialog.Problem.Text)
	}
}

// addPartnership creates a partnership called name with the agencies
// named, through the form, and shows the home screen again.
func addPartnership(t *testing.T, app *App, name string, agencies ...string) {
	t.Helper()
	f := app.Home.newPartnershipForm()
	test.Type(f.Name, name)
	for i, a := range agencies {
		if i >= len(f.Agencies) {
			test.Tap(f.AddAgency)
		}
		test.Type(f.Agencies[i].Name, a)
	}
	test.Tap(f.dialog.Submit)
	if f.dialog.Problem.Visible() {
		t.Fatalf("partnership %s not created: %s", name, f.dialog.Problem.Text)
	}
	reload(t, app.Home)
}

func TestStartAssessmentValidatesAndOpens(t *testing.T) {
	app, s := newTestApp(t)
	addPartnership(t, app, "Eastmoor Safeguarding Children Partnership", "Eastmoor Council")

	af, err := app.Home.newAssessmentForm("")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"2025", "2025/27", "25/26"} {
		af.Period.SetText(bad)
		test.Tap(af.dialog.Submit)
		if !strings.Contains(af.dialog.Problem.Text, "Period") {
			t.Errorf("period %q: problem %q", bad, af.dialog.Problem.Text)
		}
	}
	af.Period.SetText("2025/26")
	test.Tap(af.dialog.Submit)
	if af.dialog.Problem.Visible() {
		t.Fatalf("a valid form was refused: %s", af.dialog.Problem.Text)
	}
	if app.Current == nil {
		t.Fatal("the new assessment was not opened")
	}
	if got := app.Current.s.rec.Assessment.Period; got != "2025/26" {
		t.Errorf("opened %q; want 2025/26", got)
	}
	ps, _ := s.Partnerships(context.Background())
	summaries, _ := s.Assessments(context.Background(), ps[0].ID)
	if len(summaries) != 1 || summaries[0].QuestionnaireID != "csprp-2023-strategic" {
		t.Fatalf("assessments %+v; want one on the strategic set", summaries)
	}
	app.ShowHome()
	reload(t, app.Home)
	again, _ := app.Home.newAssessmentForm(ps[0].ID)
	if len(again.Start.Options) < 2 {
		t.Errorf("no offer to start from 2025/26: %v", again.Start.Options)
	}
	if again.Period.Text != "2026/27" {
		t.Errorf("suggested period %q; want 2026/27", again.Period.Text)
	}
	again.Period.SetText("2025/26")
	test.Tap(again.dialog.Submit)
	if !strings.Contains(again.dialog.Problem.Text, "already has a 2025/26 assessment") {
		t.Errorf("duplicate period: problem %q", again.dialog.Problem.Text)
	}
}

func TestOpenDemoShowsOverview(t *testing.T) {
	sess, s := demoSession(t)
	app := New(context.Background(), fyne.CurrentApp(), test.NewTempWindow(t, nil), s)
	open(t, app, sess.rec.Assessment.ID)
	o := app.Current.Overview
	if len(o.Cards.Objects) != 6 {
		t.Fatalf("%d theme cards; want 6", len(o.Cards.Objects))
	}
	if !strings.HasPrefix(o.Overall.Text, "Overall level: ") || !strings.Contains(o.Overall.Text, "18 of 18") {
		t.Errorf("overall %q", o.Overall.Text)
	}
	if len(o.Priorities.Objects) == 0 || len(o.Priorities.Objects) > topPriorities {
		t.Errorf("%d priorities; want 1 to %d", len(o.Priorities.Objects), topPriorities)
	}
	if !strings.Contains(o.Participants.Text, "Northshire Police: Det. Supt. Chloé Martin") {
		t.Errorf("participants %q", o.Participants.Text)
	}
}

func TestAssessmentScreenKeysAndFind(t *testing.T) {
	sess, s := demoSession(t)
	app := New(context.Background(), fyne.CurrentApp(), test.NewTempWindow(t, nil), s)
	app.run = inline
	open(t, app, sess.rec.Assessment.ID)
	cur := app.Current
	before := cur.s.response("culture.1").Level
	cur.TypedKey(&fyne.KeyEvent{Name: fyne.Key1}) // on the overview: ignored
	if cur.s.response("culture.1").Level != before {
		t.Fatalf("a level key on the overview changed culture.1 from %d", before)
	}
	cur.Next()
	if cur.Tabs.Selected().Text != "Questions" || cur.Questions.Current() != 1 {
		t.Fatalf("Next: tab %q question %d", cur.Tabs.Selected().Text, cur.Questions.Current())
	}
	cur.TypedKey(&fyne.KeyEvent{Name: fyne.Key5})
	rec, err := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rec.Responses {
		if r.QuestionID == "culture.2" && r.Level != 5 {
			t.Errorf("culture.2 stored at %d; want 5 after pressing 5", r.Level)
		}
	}
	if got := cur.FindQuestion("VOICE of children"); got != 10 {
		t.Errorf("FindQuestion(voice of children) = %d; want 10 (effectiveness.3)", got)
	}
	if got := cur.FindQuestion("workforce.4"); got != 17 {
		t.Errorf("FindQuestion(workforce.4) = %d; want 17", got)
	}
	if got := cur.FindQuestion("astronaut"); got != -1 {
		t.Errorf("FindQuestion(astronaut) = %d; want -1", got)
	}
	cur.Previous()
	if cur.Questions.Current() != 0 {
		t.Errorf("Previous: question %d; want 0", cur.Questions.Current())
	}
	cur.ShowOverview()
	plan := findButton(cur.Overview.Priorities, "Plan an action")
	if plan == nil {
		t.Fatal("no Plan an action button among the priorities")
	}
	test.Tap(plan)
	if cur.Tabs.Selected().Text != "Action plan" || cur.Actions.Form == nil {
		t.Errorf("Plan an action: tab %q, form open %v", cur.Tabs.Selected().Text, cur.Actions.Form != nil)
	}
}

// findButton finds the first button with the given text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case *widget.Card:
		return findButton(v.Content, text)
	case *container.Scroll:
		return findButton(v.Content, text)
	case *container.Split:
		if b := findButton(v.Leading, text); b != nil {
			return b
		}
		return findButton(v.Trailing, text)
	}
	return nil
}

func TestEscapeClosesTheTopDialog(t *testing.T) {
	app, _ := newTestApp(t)
	app.Home.ShowNewPartnership()
	overlays := app.win.Canvas().Overlays()
	if overlays.Top() == nil {
		t.Fatal("the new-partnership dialog did not open")
	}
	app.typedKey(&fyne.KeyEvent{Name: fyne.Key1})
	if overlays.Top() == nil {
		t.Fatal("a key other than Escape closed the dialog")
	}
	app.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays.Top() != nil {
		t.Error("Escape did not close the dialog")
	}
}
