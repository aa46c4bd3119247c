package ui

import (
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// FuzzCheckDate: a date the action form accepts is a real date from 2000
// to 2100 and reads back as the text typed.
func FuzzCheckDate(f *testing.F) {
	for _, s := range []string{"2026-09-30", "2026-02-30", "０２０２6-01-01", " 2026-01-01 ", "1999-12-31", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, msg := checkDate(s, true)
		if msg != "" {
			if len(msg) > 200+len(s) {
				t.Fatalf("message %q", msg)
			}
			return
		}
		if d.Year() < 2000 || d.Year() > 2100 {
			t.Fatalf("accepted %q as %v", s, d)
		}
		if again, msg := checkDate(d.Format(assessment.DateLayout), true); msg != "" || !again.Equal(d) {
			t.Fatalf("%q: %v does not read back", s, d)
		}
	})
}
