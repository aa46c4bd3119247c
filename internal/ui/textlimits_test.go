package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestReferenceOverLimitSaysTheLimit adds an evidence reference whose
// title is one character over its limit: the status bar gives the limit
// and no reference is stored.
func TestReferenceOverLimitSaysTheLimit(t *testing.T) {
	sess, s := demoSession(t)
	w, _ := newTestWalkthrough(t, sess)
	before := len(sess.rec.EvidenceRefs)
	w.RefTitle.SetText(strings.Repeat("r", 301))
	w.addRef()
	if got := sess.saved.Label.Text; !strings.Contains(got, "the reference's title is 301 characters long; the most it may have is 300") {
		t.Errorf("status %q does not give the limit", got)
	}
	rec, err := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.EvidenceRefs) != before {
		t.Errorf("the refused reference was stored")
	}
}

// TestPartnershipFormRefusesControlCharacters fills the new-partnership
// form with an ANSI escape and an over-long area: the form says which
// limit, and nothing is created.
func TestPartnershipFormRefusesControlCharacters(t *testing.T) {
	app, s := newTestApp(t)
	f := app.Home.newPartnershipForm()
	test.Type(f.Name, "Eastmoor \x1b[31mRed")
	f.Area.SetText(strings.Repeat("a", 201))
	test.Type(f.Agencies[0].Name, "Eastmoor Council")
	test.Tap(f.dialog.Submit)
	for _, want := range []string{"The partnership's name has an escape character (U+001B)", "The area is 201 characters long; the most it may have is 200."} {
		if !strings.Contains(f.dialog.Problem.Text, want) {
			t.Errorf("problem %q lacks %q", f.dialog.Problem.Text, want)
		}
	}
	if ps, _ := s.Partnerships(context.Background()); len(ps) != 0 {
		t.Errorf("the form created %d partnerships", len(ps))
	}
	if f.Name.Validate() == nil {
		t.Errorf("the name field does not flag the escape character")
	}
}

// actorStore records the names given to SetActor.
type actorStore struct {
	Store
	actors []string
}

// SetActor records name.
func (s *actorStore) SetActor(name string) { s.actors = append(s.actors, name) }

// TestSettingsNameRefusesControlCharacters: a preferences file holding an
// escape sequence as the name is not used, and typing one does not change
// the name the audit log records.
func TestSettingsNameRefusesControlCharacters(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefName, "Evil\x1b[2J")
	s := &actorStore{Store: openTestStore(t)}
	st := NewSettings(a, test.NewTempWindow(t, nil), s)
	if st.Name.Text != "" || len(s.actors) != 1 || s.actors[0] != "" {
		t.Errorf("name %q, actors %q: the hostile preference was used", st.Name.Text, s.actors)
	}
	st.Name.SetText("Siân Ŵynne")
	st.Name.SetText("Siân\a")
	if last := s.actors[len(s.actors)-1]; last != "Siân Ŵynne" {
		t.Errorf("the audit log's name became %q", last)
	}
	if st.Name.Validate() == nil {
		t.Errorf("the field does not flag the bell character")
	}
}
