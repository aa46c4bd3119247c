package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestDueDateUKAndISO(t *testing.T) {
	for text, want := range map[string]string{"31/03/2027": "2027-03-31", "1/4/2027": "2027-04-01", " 2027-03-31 ": "2027-03-31"} {
		d, msg := checkDate(text, true)
		if msg != "" || d.Format("2006-01-02") != want {
			t.Errorf("%q: %v %q; want %s", text, d, msg, want)
		}
	}
	for _, bad := range []string{"31/02/2027", "2027/03/31", "31-03-2027", "March 2027"} {
		if _, msg := checkDate(bad, true); msg == "" {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// TestPastDueAsksFirst: a new action due before today is saved only after
// the person confirms the date; the calendar fills the field.
func TestPastDueAsksFirst(t *testing.T) {
	sess, s := blankSession(t)
	ap := showActionPlan(t, sess)
	test.Tap(ap.Add)
	f := ap.Form
	fillValid(f)

	test.Tap(f.PickDue)
	if f.Calendar == nil {
		t.Fatal("the calendar button showed no calendar")
	}
	f.Calendar.OnChanged(time.Date(2026, time.February, 27, 0, 0, 0, 0, time.UTC))
	if f.Due.Text != "2026-02-27" {
		t.Fatalf("picking 27 February put %q in the field", f.Due.Text)
	}

	test.Tap(f.Submit) // testClock is 2 March 2026: the date has passed
	if f.PastDue == nil || len(storedActions(t, s, sess)) != 0 {
		t.Fatalf("a past due date was saved without asking (asked: %v)", f.PastDue != nil)
	}
	f.pastAgreed = true // what Yes does, then it saves again
	f.save()
	if got := storedActions(t, s, sess); len(got) != 1 || got[0].Due.Format("2006-01-02") != "2026-02-27" {
		t.Errorf("after confirming: %+v", got)
	}
}
