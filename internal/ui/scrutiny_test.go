package ui

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/signing"
	"github.com/partnership-maturity/maturity/internal/store"
)

// scrutinySession opens the demo's agreed 2025/26 assessment with an empty
// 1280×800 test window.
func scrutinySession(t *testing.T) (*store.Store, *session, []assessment.Record) {
	t.Helper()
	s, recs := walkDemoStore(t)
	sess := walkSession(t, s, recs[len(recs)-1].Assessment.ID)
	sess.win = test.NewTempWindow(t, nil)
	sess.win.Resize(fyne.NewSize(1280, 800))
	return s, sess, recs
}

// option returns the first of options starting with prefix.
func option(t *testing.T, options []string, prefix string) string {
	t.Helper()
	for _, o := range options {
		if strings.HasPrefix(o, prefix) {
			return o
		}
	}
	t.Fatalf("no option starts with %q in %v", prefix, options)
	return ""
}

func TestScrutiniseRecordsViewThreadAndJudgements(t *testing.T) {
	s, sess, _ := scrutinySession(t)
	c := NewScrutinyScreen(sess, s)
	sess.win.SetContent(c.Content())
	test.Tap(c.Start)
	if c.body.Visible() || !strings.Contains(c.Mode.Text, "Enter your name first") {
		t.Fatalf("Scrutinise began without a name: %q", c.Mode.Text)
	}
	test.Type(c.Scrutineer, "Jo Reviewer")
	test.Tap(c.Start)
	if !c.body.Visible() || !strings.Contains(c.Mode.Text, "Scrutinising as Jo Reviewer") {
		t.Fatalf("Scrutinise did not begin: %q", c.Mode.Text)
	}
	c.Questions.SetSelected(option(t, c.Questions.Options, "culture.1 "))
	agreed := sess.response("culture.1").Level
	if !strings.Contains(c.Partnership.Text, "Agreed level: "+levelText(sess, agreed)) {
		t.Errorf("the partnership's view shows %q", c.Partnership.Text)
	}
	mine := max(agreed-1, 1)
	c.Level.SetSelected(levelText(sess, mine))
	test.Type(c.Challenge, "Show me the audit.")
	test.Type(c.EvidenceSeen, "Audit report 2025")
	test.Tap(c.Save)
	rec, _ := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	found := false
	for _, sc := range rec.Scrutiny {
		if sc.Scrutineer == "Jo Reviewer" && sc.QuestionID == "culture.1" && sc.Level == mine && sc.Challenge == "Show me the audit." {
			found = true
		}
	}
	if !found {
		t.Fatalf("the scrutineer's view was not saved: %+v (status %q)", rec.Scrutiny, sess.saved.Label.Text)
	}
	c.Filter.SetSelected(filterDiffers)
	if agreed != mine && !strings.HasPrefix(c.Questions.Selected, "culture.1 ") {
		t.Errorf("the differs filter does not keep culture.1: %v", c.Questions.Options)
	}

	c.Filter.SetSelected(filterAll)
	c.Questions.SetSelected(option(t, c.Questions.Options, "culture.1 "))
	test.Type(c.Message, "Where is the children's voice?")
	test.Tap(c.AddChallenge)
	c.Filter.SetSelected(filterAwaiting)
	if len(c.Questions.Options) != 1 || !strings.HasPrefix(c.Questions.Options[0], "culture.1 ") {
		t.Fatalf("awaiting a response: %v; want culture.1 alone", c.Questions.Options)
	}
	test.Type(c.Message, "The young people's panel.")
	test.Tap(c.Respond)
	if !strings.Contains(sess.saved.Label.Text, "needs the name") {
		t.Errorf("a response with nobody named was not refused: %q", sess.saved.Label.Text)
	}
	test.Type(c.Author, "Priya Raman")
	test.Tap(c.Respond)
	test.Type(c.Message, "Accepted.")
	test.Tap(c.AddReply)
	if n := strings.Count(c.Thread.Text, "\n") + 1; n != 3 || !strings.Contains(c.Thread.Text, "Response — Priya Raman") ||
		!strings.Contains(c.Thread.Text, "Reply — Jo Reviewer") {
		t.Errorf("thread shows:\n%s", c.Thread.Text)
	}
	c.Filter.SetSelected(filterAwaiting)
	if len(c.Questions.Options) != 0 || c.Partnership.Text != "No question matches this filter." {
		t.Errorf("still awaiting after the response: %v", c.Questions.Options)
	}

	j := c.Judgements
	j.ThemeLevels[0].SetSelected(levelText(sess, 2))
	test.Type(j.ThemeReasons[0], "Culture is uneven.")
	j.Assurance.SetSelected(assessment.Limited.Label())
	test.Type(j.Statement, "Honest but optimistic.")
	test.Tap(j.Save)
	rec, _ = s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if rec.Assurance == nil || rec.Assurance.Level != assessment.Limited || rec.Assurance.Scrutineer != "Jo Reviewer" ||
		rec.Assurance.Statement != "Honest but optimistic." {
		t.Errorf("assurance saved as %+v", rec.Assurance)
	}
	if len(rec.Judgements) != 1 || rec.Judgements[0].Level != 2 || rec.Judgements[0].ThemeID != sess.q.Themes[0].ID {
		t.Errorf("judgements saved as %+v", rec.Judgements)
	}
}

func TestSignOffScreenAgreesAndSigns(t *testing.T) {
	s, recs := walkDemoStore(t)
	ctx := context.Background()
	draft, err := s.StartFromPrevious(ctx, recs[2].Assessment.ID, "2026/27")
	if err != nil {
		t.Fatal(err)
	}
	ds := walkSession(t, s, draft.ID)
	ds.win = test.NewTempWindow(t, nil)
	d := NewSignOffScreen(ds, s)
	if !d.Agree.Disabled() || !strings.Contains(d.Readiness.Text, "Not ready: 18 things") || !d.SignButton.Disabled() {
		t.Errorf("a blank draft: agree disabled %v, sign disabled %v, readiness %q", d.Agree.Disabled(), d.SignButton.Disabled(), d.Readiness.Text)
	}
	if !strings.Contains(d.Readiness.Text, "✗ Culture, question 1: not assessed") || strings.Contains(d.Readiness.Text, "culture.") {
		t.Errorf("the readiness list should name questions, not show ids: %q", d.Readiness.Text)
	}
	if !d.reasons.Visible() || !slices.Contains(d.ReasonQuestion.Options, "Culture, question 1") {
		t.Fatalf("a blank draft offers reasons for %q (shown %v); want the questions by name", d.ReasonQuestion.Options, d.reasons.Visible())
	}
	d.ReasonQuestion.SetSelected("Culture, question 1")
	test.Type(d.Reason, "The audit reports in June.")
	test.Tap(d.SaveReason)
	if !strings.Contains(d.Readiness.Text, "Not ready: 17 things") || strings.Contains(d.Readiness.Text, "Culture, question 1:") {
		t.Errorf("after a reason for Culture, question 1: %q", d.Readiness.Text)
	}
	if r := ds.response(ds.q.Themes[0].Questions[0].ID); r.NotAssessedReason != "The audit reports in June." {
		t.Errorf("the reason was saved as %q on the first question", r.NotAssessedReason)
	}

	sess := walkSession(t, s, recs[2].Assessment.ID)
	sess.win = test.NewTempWindow(t, nil)
	sess.win.Resize(fyne.NewSize(1000, 700))
	c := NewSignOffScreen(sess, s)
	sess.win.SetContent(c.Content())
	if c.SignButton.Disabled() || !strings.Contains(c.Signatures.Text, "To sign: the local authority's lead") {
		t.Fatalf("an agreed assessment: sign disabled %v, %q", c.SignButton.Disabled(), c.Signatures.Text)
	}
	if c.reasons.Visible() {
		t.Error("an agreed assessment still offers to record why a question is not assessed")
	}
	keys := t.TempDir()
	signers := []struct{ name, agency, role string }{
		{"Siobhán O’Neill", "Northshire County Council", "Director of Children’s Services"},
		{"Gareth Llewelyn", "NHS Northshire Integrated Care Board", "Chief Nurse"},
		{"Det. Supt. Chloé Martin", "Northshire Police", "Head of Public Protection"},
		{"Dr Helen Marsh, Independent Scrutineer", scrutineerChoice, "Independent scrutineer"},
	}
	for i, who := range signers {
		key, _ := signing.GenerateKey(nil)
		path := filepath.Join(keys, signing.KeyFileName(who.name))
		if err := signing.SaveKey(path, key, who.name, []byte("secret passphrase"), 10); err != nil {
			t.Fatal(err)
		}
		test.Tap(c.SignButton)
		dlg := c.Dialog
		test.Type(dlg.Name, who.name)
		dlg.Agency.SetSelected(who.agency)
		test.Type(dlg.Role, who.role)
		test.Type(dlg.KeyFile, path)
		if i == 0 {
			test.Type(dlg.Passphrase, "wrong")
			test.Tap(dlg.Submit)
			if !dlg.Problem.Visible() || !strings.Contains(dlg.Problem.Text, "passphrase is wrong") {
				t.Fatalf("wrong passphrase: %q", dlg.Problem.Text)
			}
			dlg.Passphrase.SetText("")
		}
		test.Type(dlg.Passphrase, "secret passphrase")
		test.Tap(dlg.Submit)
		if dlg.Problem.Visible() {
			t.Fatalf("signing as %s: %q", who.name, dlg.Problem.Text)
		}
	}
	rec, _ := s.LoadRecord(ctx, recs[2].Assessment.ID)
	if rec.Assessment.Status != assessment.SignedOff || len(rec.SignOffs) != 4 {
		t.Fatalf("after four signatures: %s with %d sign-offs", rec.Assessment.Status, len(rec.SignOffs))
	}
	if strings.Count(c.Signatures.Text, "✓ good") != 4 || !strings.Contains(c.Signatures.Text, "the record is locked") || !c.SignButton.Disabled() {
		t.Errorf("signatures shown:\n%s", c.Signatures.Text)
	}
	if msg := c.amend(" "); msg == "" {
		t.Error("an amendment without a reason was accepted")
	}
	if msg := c.amend("The police lead's name was misspelt."); msg != "" {
		t.Fatalf("amend: %s", msg)
	}
	rec, _ = s.LoadRecord(ctx, recs[2].Assessment.ID)
	if rec.Assessment.Status != assessment.Draft || rec.Assessment.Revision != 2 || len(rec.SignOffs) != 0 {
		t.Errorf("after amending: %s revision %d, %d sign-offs", rec.Assessment.Status, rec.Assessment.Revision, len(rec.SignOffs))
	}
	if !strings.Contains(c.Signatures.Text, "Revision 1 (signed off) is superseded") || !strings.Contains(c.Signatures.Text, "misspelt") {
		t.Errorf("the superseded revision is not shown:\n%s", c.Signatures.Text)
	}
}

func TestAuditScreenFiltersAndExports(t *testing.T) {
	s, sess, _ := scrutinySession(t)
	ctx := context.Background()
	s.SetActor("Alex Auditor")
	r := sess.response("culture.2")
	r.Rationale = "Changed by Alex."
	if _, err := s.SaveResponse(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := NewAuditScreen(sess, s)
	sess.win.SetContent(c.Content())
	all := len(c.entries)
	if all == 0 {
		t.Fatal("the audit trail shows no rows")
	}
	c.Person.SetSelected(option(t, c.Person.Options, "Alex Auditor"))
	if len(c.entries) != 1 || c.entries[0].Field != "rationale" || c.entries[0].New != "Changed by Alex." {
		t.Errorf("Alex's changes: %+v", c.entries)
	}
	if line := c.trailLine(c.entries[0]); !strings.Contains(line, `answer, Culture, question 2  rationale: "`) || c.Count.Text != "1 change" {
		t.Errorf("row %q, count %q", line, c.Count.Text)
	}
	c.Person.SetSelected(anyone)
	c.Question.SetSelected("Culture, question 2")
	if len(c.entries) == 0 || len(c.entries) == all {
		t.Errorf("the question filter kept %d of %d rows", len(c.entries), all)
	}
	for _, e := range c.entries {
		if e.QuestionID != "culture.2" {
			t.Errorf("question filter kept %s %s", e.Entity, e.QuestionID)
		}
	}
	c.From.SetText("yesterday")
	if !strings.Contains(c.Count.Text, "is not a date") {
		t.Errorf("a bad date: %q", c.Count.Text)
	}
	c.From.SetText("2999-01-01")
	if len(c.entries) != 0 {
		t.Errorf("%d rows from 2999", len(c.entries))
	}
	c.From.SetText("")
	var buf bytes.Buffer
	if err := c.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != len(c.entries)+1 || rows[0][1] != "person" {
		t.Errorf("CSV: %d rows (%v); want a header and %d", len(rows), err, len(c.entries))
	}
}

func TestAssessmentScreenHasScrutinyTabs(t *testing.T) {
	_, sess, _ := scrutinySession(t)
	a := NewAssessmentScreen(sess, func() {})
	sess.win.SetContent(a.Content())
	a.ShowSignOff()
	if a.Scrutiny.SignOff == nil || a.Tabs.Selected().Text != signOffTab {
		t.Fatal("Ctrl+5's ShowSignOff did not build the sign-off tab")
	}
	a.ShowAudit()
	a.ShowScrutinise()
	if a.Scrutiny.Audit == nil || a.Scrutiny.Scrutinise == nil {
		t.Error("the audit and scrutinise tabs were not built when shown")
	}
}
