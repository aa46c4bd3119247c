package ui

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// actionPlanSize is the window size of the action plan tests and golden.
var actionPlanSize = fyne.NewSize(1200, 800)

// showActionPlan builds the action plan of sess in its window.
func showActionPlan(t testing.TB, sess *session) *ActionPlan {
	t.Helper()
	ap := NewActionPlan(sess)
	sess.win.SetContent(ap.Content())
	sess.win.Resize(actionPlanSize)
	return ap
}

// storedActions reloads the assessment's actions from the database.
func storedActions(t *testing.T, s *store.Store, sess *session) []assessment.Action {
	t.Helper()
	rec, err := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Actions
}

// actionOn finds the action answering a question.
func actionOn(t *testing.T, actions []assessment.Action, questionID string) assessment.Action {
	t.Helper()
	for _, a := range actions {
		if a.QuestionID == questionID {
			return a
		}
	}
	t.Fatalf("no action on %s", questionID)
	return assessment.Action{}
}

// rowQuestions lists the question of each row of the table, in order.
func rowQuestions(ap *ActionPlan) []string {
	var out []string
	for _, a := range ap.Rows() {
		out = append(out, a.QuestionID)
	}
	return out
}

// fillValid fills every field of the form with a valid action.
func fillValid(f *ActionForm) {
	f.Title.SetText("Run a multi-agency audit of neglect cases and report the findings")
	f.Theme.SetSelected("Assessing effectiveness")
	f.Owner.SetText("Rhiannon Evans")
	f.Agency.SetSelected(f.Agency.Options[0])
	f.Due.SetText("2026-09-30")
	f.Measure.SetText("Share of audited cases with a plan reviewed within 20 days, from 55% to 80%")
	f.Status.SetSelected("Not started")
}

// messageOf is the text under a field of the form and whether it is shown
// as an error.
func messageOf(f *ActionForm, key string) (string, bool) {
	m := f.msgs[key]
	return m.Text, m.Visible() && m.Importance == widget.DangerImportance
}

func TestActionPlanDemoRowsFiltersAndSort(t *testing.T) {
	sess, _ := demoSession(t)
	ap := showActionPlan(t, sess)

	if got, want := ap.Count.Text, "8 actions, 3 overdue"; got != want {
		t.Errorf("count: got %q; want %q", got, want)
	}
	want := []string{"culture.2", "culture.3", "intent.3", "delivery.1", "upstream.2", "workforce.2", "workforce.3", "workforce.4"}
	if got := rowQuestions(ap); !slices.Equal(got, want) {
		t.Errorf("sorted by theme: got %v; want %v", got, want)
	}

	steps := []struct {
		name  string
		do    func()
		want  []string
		count string
	}{
		{"overdue only", func() { ap.OverdueOnly.SetChecked(true) },
			[]string{"culture.2", "intent.3", "delivery.1"}, "8 actions, 3 overdue · showing 3"},
		{"overdue by due date", func() { ap.SortBy.SetSelected(sortDue) },
			[]string{"intent.3", "culture.2", "delivery.1"}, ""},
		{"overdue, county council", func() { ap.AgencyFilter.SetSelected("Northshire County Council") },
			[]string{"intent.3", "delivery.1"}, ""},
		{"county council", func() { ap.OverdueOnly.SetChecked(false) },
			[]string{"intent.3", "delivery.1", "workforce.3", "culture.3"}, "8 actions, 3 overdue · showing 4"},
		{"county council by status", func() { ap.SortBy.SetSelected(sortStatus) },
			[]string{"intent.3", "workforce.3", "delivery.1", "culture.3"}, ""},
		{"one owner", func() { ap.AgencyFilter.SetSelected(allAgencies); ap.OwnerFilter.SetSelected("Siobhán O’Neill") },
			[]string{"workforce.3", "culture.3"}, ""},
		{"at risk", func() { ap.OwnerFilter.SetSelected(allOwners); ap.StatusFilter.SetSelected("At risk") },
			[]string{"culture.3"}, ""},
		{"workforce theme by owner", func() {
			ap.StatusFilter.SetSelected(allStatuses)
			ap.ThemeFilter.SetSelected("Workforce")
			ap.SortBy.SetSelected(sortOwner)
		}, []string{"workforce.4", "workforce.3", "workforce.2"}, ""},
		{"all by agency", func() { ap.ThemeFilter.SetSelected(allThemes); ap.SortBy.SetSelected(sortAgency) },
			[]string{"upstream.2", "culture.2", "intent.3", "delivery.1", "workforce.3", "culture.3", "workforce.2", "workforce.4"}, "8 actions, 3 overdue"},
	}
	for _, st := range steps {
		st.do()
		if got := rowQuestions(ap); !slices.Equal(got, st.want) {
			t.Errorf("%s: got %v; want %v", st.name, got, st.want)
		}
		if st.count != "" && ap.Count.Text != st.count {
			t.Errorf("%s: count %q; want %q", st.name, ap.Count.Text, st.count)
		}
	}
	wantOwners := []string{allOwners, "Fatima Hussain", "Gareth Llewelyn", "Marcus Reid", "Priya Raman", "Siobhán O’Neill", "Tomasz Wiśniewski", "Zoë Brennan"}
	if !slices.Equal(ap.OwnerFilter.Options, wantOwners) {
		t.Errorf("owner filter offers %v; want %v", ap.OwnerFilter.Options, wantOwners)
	}
}

func TestActionPlanTableShowsStatusAndOverdueInWords(t *testing.T) {
	sess, _ := demoSession(t)
	ap := showActionPlan(t, sess)
	ap.SortBy.SetSelected(sortDue)
	cell := newCell().(*fyne.Container)
	ap.updateCell(colDue, ap.Rows()[0], cell)
	l := cell.Objects[0].(*widget.Label)
	if l.Text != "2024-04-01 · Overdue" || l.Importance != widget.DangerImportance {
		t.Errorf("due cell of the oldest action: %q (importance %v)", l.Text, l.Importance)
	}
	ap.updateCell(colStatus, ap.Rows()[0], cell)
	if l.Text != "Not started" || !cell.Objects[1].Visible() {
		t.Errorf("status cell: %q, swatch shown %v", l.Text, cell.Objects[1].Visible())
	}
	ap.updateCell(colTitle, ap.Rows()[0], cell)
	if cell.Objects[1].Visible() || !strings.HasPrefix(ap.Rows()[0].Title, strings.TrimSuffix(l.Text, "…")) {
		t.Errorf("title cell: %q, swatch shown %v", l.Text, cell.Objects[1].Visible())
	}
}

func TestActionFormRefusesUntilSMARTThenSaves(t *testing.T) {
	sess, s := blankSession(t)
	ap := showActionPlan(t, sess)
	if ap.Count.Text != "0 actions, 0 overdue" {
		t.Errorf("count of an empty plan: %q", ap.Count.Text)
	}
	test.Tap(ap.Add)
	f := ap.Form
	if f == nil {
		t.Fatal("Add did not open the form")
	}

	// Nothing filled in.
	test.Tap(f.Submit)
	if !f.Problem.Visible() || !strings.Contains(f.Problem.Text, "Not saved yet") {
		t.Errorf("empty form: problem %q", f.Problem.Text)
	}
	for _, k := range []string{fTitle, fTheme, fOwner, fAgency, fDue, fMeasure} {
		if msg, isErr := messageOf(f, k); !isErr {
			t.Errorf("empty form: %s shows %q, not an error", k, msg)
		}
	}

	fillValid(f)
	bad := []struct {
		name    string
		break_  func()
		field   string
		message string
		fix     func()
	}{
		{"vague title", func() { f.Title.SetText("Training") }, fTitle, "at least 4 words",
			func() { f.Title.SetText("Run a multi-agency audit of neglect cases and report the findings") }},
		{"missing owner", func() { f.Owner.SetText("  ") }, fOwner, "Name the person", func() { f.Owner.SetText("Rhiannon Evans") }},
		{"bad date", func() { f.Due.SetText("2026-13-40") }, fDue, "2026-13-40 is not a real date", func() { f.Due.SetText("2026-09-30") }},
		{"date in the wrong shape", func() { f.Due.SetText("30.09.2026") }, fDue, "31/03/2027 or 2027-03-31", func() { f.Due.SetText("30/09/2026") }},
		{"no measure", func() { f.Measure.SetText("") }, fMeasure, "evaluate its impact",
			func() {
				f.Measure.SetText("Share of audited cases with a plan reviewed within 20 days, from 55% to 80%")
			}},
		{"complete with no outcome", func() { f.Status.SetSelected("Complete") }, fOutcome, "outcome",
			func() { f.Outcome.SetText("Audit of 30 cases done; 82% had a plan reviewed within 20 days.") }},
	}
	for _, b := range bad {
		b.break_()
		test.Tap(f.Submit)
		if msg, isErr := messageOf(f, b.field); !isErr || !strings.Contains(msg, b.message) {
			t.Errorf("%s: message at the field %q (error %v); want it to mention %q", b.name, msg, isErr, b.message)
		}
		if !f.Problem.Visible() || ap.Form != f || f.Saved {
			t.Errorf("%s: the form closed or says saved (problem %q)", b.name, f.Problem.Text)
		}
		if got := storedActions(t, s, sess); len(got) != 0 {
			t.Fatalf("%s: %d actions saved; want none", b.name, len(got))
		}
		if len(sess.rec.Actions) != 0 {
			t.Fatalf("%s: the session has %d actions", b.name, len(sess.rec.Actions))
		}
		b.fix()
	}
	if err := f.Due.Validator("2026-13-40"); err == nil {
		t.Errorf("the due date's validator accepts 2026-13-40")
	}
	if p := f.Problems(); len(p) != 0 {
		t.Fatalf("still problems after fixing: %v", p)
	}
	f.Question.SetSelected(f.Question.Options[3])
	test.Tap(f.Submit)
	if !f.Saved || ap.Form != nil {
		t.Fatalf("valid form not saved: problem %q", f.Problem.Text)
	}
	got := storedActions(t, s, sess)
	if len(got) != 1 {
		t.Fatalf("%d actions stored; want 1", len(got))
	}
	a := got[0]
	want := assessment.Action{ID: a.ID, AssessmentID: sess.rec.Assessment.ID, Ref: 1, ThemeID: "effectiveness", QuestionID: "effectiveness.3",
		Title: "Run a multi-agency audit of neglect cases and report the findings", Owner: "Rhiannon Evans",
		OwnerAgencyID: sess.rec.Partnership.Agencies[0].ID, Due: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
		SuccessMeasure: "Share of audited cases with a plan reviewed within 20 days, from 55% to 80%", Status: assessment.Complete,
		Outcome: "Audit of 30 cases done; 82% had a plan reviewed within 20 days.", CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
	if fmt.Sprint(a) != fmt.Sprint(want) {
		t.Errorf("stored:\n got %+v\nwant %+v", a, want)
	}
	if len(ap.Rows()) != 1 || ap.Count.Text != "1 action, 0 overdue" || sess.saved.Label.Text != "Saved" {
		t.Errorf("after saving: %d rows, count %q, status %q", len(ap.Rows()), ap.Count.Text, sess.saved.Label.Text)
	}
	if ap.selected != a.ID {
		t.Errorf("the new action is not the one shown")
	}
}

func TestActionFormEdits(t *testing.T) {
	sess, s := demoSession(t)
	ap := showActionPlan(t, sess)
	before := actionOn(t, sess.rec.Actions, "culture.3")
	ap.selected = before.ID
	ap.showDetail()
	test.Tap(ap.Edit)
	f := ap.Form
	if f == nil {
		t.Fatal("Edit did not open the form")
	}
	if f.Title.Text != before.Title || f.Owner.Text != before.Owner || f.Due.Text != "2026-05-01" || f.Status.Selected != "At risk" ||
		f.Question.Selected == wholeTheme || f.Agency.Selected != "Northshire County Council" {
		t.Fatalf("form not filled from the action: %q %q %q %q %q", f.Title.Text, f.Owner.Text, f.Due.Text, f.Status.Selected, f.Question.Selected)
	}
	f.Owner.SetText("Priya Raman")
	f.Due.SetText("2026-07-31")
	f.Status.SetSelected("In progress")
	test.Tap(f.Submit)
	if !f.Saved {
		t.Fatalf("edit not saved: %q", f.Problem.Text)
	}
	after := actionOn(t, storedActions(t, s, sess), "culture.3")
	if after.ID != before.ID || after.Owner != "Priya Raman" || after.Due.Format(assessment.DateLayout) != "2026-07-31" ||
		after.Status != assessment.InProgress || after.Title != before.Title || after.SuccessMeasure != before.SuccessMeasure {
		t.Errorf("stored after edit: %+v", after)
	}
	if len(storedActions(t, s, sess)) != 8 {
		t.Errorf("editing added an action")
	}
	inSession := actionOn(t, sess.rec.Actions, "culture.3")
	if inSession.Owner != "Priya Raman" || len(inSession.Updates) != len(before.Updates) {
		t.Errorf("session after edit: owner %q, %d notes; want %d notes kept", inSession.Owner, len(inSession.Updates), len(before.Updates))
	}
}

func TestActionProgressNote(t *testing.T) {
	sess, s := demoSession(t)
	ap := showActionPlan(t, sess)
	ap.SetAuthor("Priya Raman")
	a := actionOn(t, sess.rec.Actions, "delivery.1")
	ap.selected = a.ID
	ap.showDetail()
	if ap.NoteDate.Text != "2026-03-02" {
		t.Errorf("note date defaults to %q; want today, 2026-03-02", ap.NoteDate.Text)
	}

	test.Tap(ap.AddNote)
	if !ap.NoteProblem.Visible() {
		t.Errorf("an empty note was not refused")
	}
	ap.NoteText.SetText("Forum themes now reach the executive; two responses minuted in February.")
	ap.NoteDate.SetText("2026-02-30")
	test.Tap(ap.AddNote)
	if !ap.NoteProblem.Visible() || !strings.Contains(ap.NoteProblem.Text, "not a real date") {
		t.Errorf("bad note date: problem %q", ap.NoteProblem.Text)
	}
	if got := actionOn(t, storedActions(t, s, sess), "delivery.1"); len(got.Updates) != len(a.Updates) {
		t.Fatalf("a refused note was saved")
	}

	ap.NoteDate.SetText("2026-02-27")
	test.Tap(ap.AddNote)
	if ap.NoteProblem.Visible() {
		t.Fatalf("note refused: %q", ap.NoteProblem.Text)
	}
	got := actionOn(t, storedActions(t, s, sess), "delivery.1").Updates
	if len(got) != len(a.Updates)+1 {
		t.Fatalf("%d notes stored; want %d", len(got), len(a.Updates)+1)
	}
	u := got[len(got)-1]
	if u.Note != "Forum themes now reach the executive; two responses minuted in February." || u.Author != "Priya Raman" ||
		u.On.Format(assessment.DateLayout) != "2026-02-27" {
		t.Errorf("stored note: %+v", u)
	}
	if ap.NoteText.Text != "" {
		t.Errorf("composer not cleared: %q", ap.NoteText.Text)
	}
	if n := len(ap.Notes.Objects); n != len(a.Updates)+1 {
		t.Errorf("%d notes listed; want %d", n, len(a.Updates)+1)
	}
	if last := ap.Notes.Objects[len(ap.Notes.Objects)-1].(*widget.Label).Text; !strings.HasPrefix(last, "2026-02-27 · Priya Raman: Forum themes") {
		t.Errorf("last note listed as %q", last)
	}
}

func TestActionSuggestedDraftFromLargeGap(t *testing.T) {
	sess, s := demoSession(t)
	ap := showActionPlan(t, sess)
	drafts := ap.Suggestions()
	if len(drafts) != 1 {
		t.Fatalf("%d suggestions; want 1 (effectiveness.3: the other gaps of 2 have open actions): %+v", len(drafts), drafts)
	}
	d := drafts[0]
	wantTitle := "Close the gap on “How is the voice of children and families…”: from Emerging (2) to Established (4)"
	if d.ThemeID != "effectiveness" || d.QuestionID != "effectiveness.3" || d.Title != wantTitle || d.ID != "" {
		t.Errorf("draft: %+v\nwant title %q", d, wantTitle)
	}

	test.Tap(ap.Suggest)
	if len(ap.SuggestButtons) != 1 {
		t.Fatalf("%d suggestion buttons", len(ap.SuggestButtons))
	}
	test.Tap(ap.SuggestButtons[0])
	f := ap.Form
	if f == nil || !f.Draft.Visible() || !strings.Contains(f.Draft.Text, "not saved") {
		t.Fatalf("the draft did not open in the form, labelled as a draft")
	}
	if f.Theme.Selected != "Assessing effectiveness" || f.qs[f.Question.Selected] != "effectiveness.3" || f.Title.Text != wantTitle {
		t.Errorf("draft form: theme %q question %q title %q", f.Theme.Selected, f.Question.Selected, f.Title.Text)
	}
	if got := len(storedActions(t, s, sess)); got != 8 {
		t.Fatalf("opening a draft stored something: %d actions", got)
	}
	test.Tap(f.Submit)
	if f.Saved || len(storedActions(t, s, sess)) != 8 {
		t.Fatalf("a draft with no owner, agency, date or measure was saved")
	}
	f.Owner.SetText("Tomasz Wiśniewski")
	f.Agency.SetSelected("Northshire County Council")
	f.Due.SetText("2026-12-31")
	f.Measure.SetText("Advisory group of 10 young people meets quarterly; two service changes traced to it")
	test.Tap(f.Submit)
	if !f.Saved || len(storedActions(t, s, sess)) != 9 {
		t.Fatalf("completed draft not saved: %q", f.Problem.Text)
	}
	if got := ap.Suggestions(); len(got) != 0 {
		t.Errorf("still suggesting after the action was added: %v", got)
	}
}

// failingStore refuses every change to the action plan.
type failingStore struct {
	Store
	err error
}

func (f failingStore) SaveAction(context.Context, assessment.Action) (assessment.Action, error) {
	return assessment.Action{}, f.err
}

func (f failingStore) AddActionUpdate(context.Context, assessment.ActionUpdate) (assessment.ActionUpdate, error) {
	return assessment.ActionUpdate{}, f.err
}

func TestActionSaveFailureIsShown(t *testing.T) {
	sess, s := demoSession(t)
	sess.store = failingStore{Store: s, err: errors.New("disk I/O error")}
	ap := showActionPlan(t, sess)
	ap.NewAction("effectiveness", "effectiveness.3")
	f := ap.Form
	if f == nil || f.Theme.Selected != "Assessing effectiveness" || f.qs[f.Question.Selected] != "effectiveness.3" {
		t.Fatalf("NewAction did not open the form on the question")
	}
	fillValid(f)
	f.Theme.SetSelected("Assessing effectiveness")
	test.Tap(f.Submit)
	if f.Saved || ap.Form != f || !strings.Contains(f.Problem.Text, "disk I/O error") || !f.Problem.Visible() {
		t.Errorf("failed save: saved %v, problem %q", f.Saved, f.Problem.Text)
	}
	if !sess.saved.Failed || !strings.Contains(sess.saved.Label.Text, "disk I/O error") {
		t.Errorf("save status: %q", sess.saved.Label.Text)
	}
	if len(sess.rec.Actions) != 8 || len(storedActions(t, s, sess)) != 8 || ap.Count.Text != "8 actions, 3 overdue" {
		t.Errorf("a failed save changed the plan: %d in session, count %q", len(sess.rec.Actions), ap.Count.Text)
	}
	if f.Title.Text == "" || f.Owner.Text != "Rhiannon Evans" {
		t.Errorf("what was typed was lost")
	}

	// A note that fails to save says so and stays in the composer.
	ap.selected = sess.rec.Actions[0].ID
	ap.showDetail()
	ap.NoteText.SetText("Meeting held.")
	test.Tap(ap.AddNote)
	if !strings.Contains(ap.NoteProblem.Text, "disk I/O error") || ap.NoteText.Text != "Meeting held." {
		t.Errorf("failed note: problem %q, composer %q", ap.NoteProblem.Text, ap.NoteText.Text)
	}

	// The store's own refusal is shown the same way.
	sess.store = s
	f.base.ThemeID = "no-such-theme"
	a := f.action()
	a.ThemeID, a.QuestionID = "no-such-theme", ""
	if _, err := s.SaveAction(context.Background(), a); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("store accepted an unknown theme: %v", err)
	}
}

func TestActionPlanSignedOffIsReadOnly(t *testing.T) {
	sess, _ := demoSession(t)
	sess.rec.Assessment.Status = assessment.SignedOff
	ap := showActionPlan(t, sess)
	if !ap.ReadOnly.Visible() || !strings.Contains(ap.ReadOnly.Text, "signed off") {
		t.Errorf("no read-only note: %q", ap.ReadOnly.Text)
	}
	for name, b := range map[string]*widget.Button{"Add": ap.Add, "Suggest": ap.Suggest, "Edit": ap.Edit, "AddNote": ap.AddNote} {
		if !b.Disabled() {
			t.Errorf("%s is enabled on a signed-off plan", name)
		}
	}
	ap.NewAction("culture", "")
	if ap.Form != nil {
		t.Errorf("NewAction opened a form on a signed-off plan")
	}
	if len(ap.Rows()) != 8 {
		t.Errorf("signed-off plan shows %d rows", len(ap.Rows()))
	}
}

func TestActionPlanRefreshesOnOtherChanges(t *testing.T) {
	sess, _ := demoSession(t)
	ap := showActionPlan(t, sess)
	a := sess.rec.Actions[slices.IndexFunc(sess.rec.Actions, func(x assessment.Action) bool { return !x.Overdue(ap.today()) })]
	a.ID, a.Title = "", "Another action added by a different screen"
	sess.save(func(ctx context.Context) error {
		saved, err := sess.store.SaveAction(ctx, a)
		sess.rec.Actions = append(sess.rec.Actions, saved)
		return err
	})
	if ap.Count.Text != "9 actions, 3 overdue" || len(ap.Rows()) != 9 {
		t.Errorf("after another screen's save: count %q, %d rows", ap.Count.Text, len(ap.Rows()))
	}
}

func TestActionPlanMarkup(t *testing.T) {
	sess, _ := demoSession(t)
	ap := showActionPlan(t, sess)
	ap.selected = actionOn(t, sess.rec.Actions, "culture.3").ID
	ap.showDetail()
	test.AssertRendersToMarkup(t, "actions.xml", sess.win.Canvas())

	ap.NewAction("effectiveness", "effectiveness.3")
	test.AssertRendersToMarkup(t, "actions_form.xml", sess.win.Canvas())
}

// TestActionPlanPNG writes pictures of the screen, the form and the
// suggestions for a person to look at: ACTIONS_PNG=/tmp/a.png.
func TestActionPlanPNG(t *testing.T) {
	out := os.Getenv("ACTIONS_PNG")
	if out == "" {
		t.Skip("set ACTIONS_PNG=/path/to/file.png to write pictures of the action plan")
	}
	sess, _ := demoSession(t)
	ap := showActionPlan(t, sess)
	ap.selected = actionOn(t, sess.rec.Actions, "culture.3").ID
	ap.showDetail()
	base := strings.TrimSuffix(out, ".png")
	capture := func(name string) {
		img := sess.win.Canvas().Capture()
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", name)
	}
	capture(out)
	ap.NewAction("effectiveness", "effectiveness.3")
	capture(base + "-form.png")
	test.Tap(ap.Form.Submit)
	capture(base + "-form-errors.png")
	ap.Form.dialog.Hide()
	test.Tap(ap.Suggest)
	capture(base + "-suggest.png")
	test.Tap(ap.SuggestButtons[0])
	capture(base + "-draft.png")
	ap.Form.dialog.Hide()
	sess.rec.Assessment.Status = assessment.SignedOff
	ap.Refresh()
	capture(base + "-signed-off.png")
	showActionPlan(t, sess)
	capture(base + "-signed-off-new.png")
}

// benchSession is the demo's latest assessment with n actions, in memory:
// rendering needs no database.
func benchSession(b *testing.B, n int) *session {
	b.Helper()
	test.NewTempApp(b)
	q, err := questionnaires.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	recs := demo.Northshire(q, 1)
	rec := recs[len(recs)-1]
	base := rec.Actions
	rec.Actions = nil
	for i := range n {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("%08x", i)
		a.Title = fmt.Sprintf("%s (%d)", a.Title, i)
		a.Status = assessment.ActionStatuses[i%len(assessment.ActionStatuses)]
		a.Due = a.Due.AddDate(0, i%13, 0)
		rec.Actions = append(rec.Actions, a)
	}
	sess := &session{ctx: context.Background(), q: q, rec: rec, saved: NewSaveStatus(),
		now: func() time.Time { return testClock }}
	sess.win = test.NewTempWindow(b, nil)
	return sess
}

// showBench is the action plan of 200 actions in a 1200×800 window.
func showBench(b *testing.B) (*ActionPlan, *session) {
	sess := benchSession(b, 200)
	ap := NewActionPlan(sess)
	sess.win.SetContent(ap.Content())
	sess.win.Resize(actionPlanSize)
	return ap, sess
}

// BenchmarkActionPlan200Open builds the screen with 200 actions and lays
// it out in the window, as opening the screen does.
func BenchmarkActionPlan200Open(b *testing.B) {
	sess := benchSession(b, 200)
	for b.Loop() {
		ap := NewActionPlan(sess)
		sess.listeners = nil
		sess.win.SetContent(ap.Content())
		sess.win.Resize(actionPlanSize)
	}
}

// BenchmarkActionPlan200Render paints the whole screen of 200 actions
// with the test driver's software painter.
func BenchmarkActionPlan200Render(b *testing.B) {
	_, sess := showBench(b)
	for b.Loop() {
		sess.win.Canvas().Capture()
	}
}

// BenchmarkActionPlan200Filter changes the sort and the overdue filter of
// 200 actions: filter, sort and refresh the cells on screen.
func BenchmarkActionPlan200Filter(b *testing.B) {
	ap, _ := showBench(b)
	sorts := ap.SortBy.Options
	i := 0
	for b.Loop() {
		ap.SortBy.SetSelected(sorts[i%len(sorts)])
		ap.OverdueOnly.SetChecked(i%2 == 0)
		i++
	}
}

// BenchmarkActionPlan200Scroll jumps about the table of 200 actions.
func BenchmarkActionPlan200Scroll(b *testing.B) {
	ap, _ := showBench(b)
	i := 0
	for b.Loop() {
		ap.Table.ScrollTo(widget.TableCellID{Row: (i * 37) % 200, Col: 0})
		i++
	}
}
