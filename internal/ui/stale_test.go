package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestStaleMessagesGo: a message about what was wrong disappears once it
// is fixed, in the partnership form and in the action form.
func TestStaleMessagesGo(t *testing.T) {
	app, _ := newTestApp(t)
	f := app.Home.newPartnershipForm()
	test.Tap(f.dialog.Submit)
	if !f.dialog.Problem.Visible() || !strings.Contains(f.dialog.Problem.Text, "name") {
		t.Fatalf("empty name: problem %q", f.dialog.Problem.Text)
	}
	test.Type(f.Name, "Eastmoor Safeguarding Children Partnership")
	if f.dialog.Problem.Visible() {
		t.Errorf("after typing a name the form still says %q", f.dialog.Problem.Text)
	}
	test.Tap(f.AddAgency)
	test.Tap(f.dialog.Submit)
	if !f.dialog.Problem.Visible() {
		t.Fatal("no agencies: no problem shown")
	}
	test.Type(f.Agencies[3].Name, "Eastmoor Schools Forum") // a row added after the form was built
	if f.dialog.Problem.Visible() {
		t.Errorf("after naming an agency the form still says %q", f.dialog.Problem.Text)
	}

	sess, _ := blankSession(t)
	ap := showActionPlan(t, sess)
	test.Tap(ap.Add)
	af := ap.Form
	fillValid(af)
	af.Owner.SetText("")
	test.Tap(af.Submit)
	if !strings.Contains(af.Problem.Text, "1 thing to fix") {
		t.Fatalf("one field empty: %q", af.Problem.Text)
	}
	af.Measure.SetText("")
	if !strings.Contains(af.Problem.Text, "2 things to fix") {
		t.Errorf("a second field emptied: %q", af.Problem.Text)
	}
	af.Owner.SetText("Rhiannon Evans")
	af.Measure.SetText("Share of audited cases with a plan reviewed within 20 days, from 55% to 80%")
	if af.Problem.Visible() {
		t.Errorf("every field fixed, yet the form says %q", af.Problem.Text)
	}
}
