package report_test

import (
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/report"
)

// FuzzNeutraliseCell: the result keeps the text after any quote added, and
// never starts with a character a spreadsheet runs unless it is a number.
func FuzzNeutraliseCell(f *testing.F) {
	for _, s := range []string{"=1+1", "-1", "-", "@x", "\t=1", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := report.NeutraliseCell(s)
		if got != s && got != "'"+s {
			t.Fatalf("NeutraliseCell(%q) = %q", s, got)
		}
		if got != "" && got != "-" && strings.ContainsRune("=+-@\t\r", rune(got[0])) && report.NeutraliseCell(got) != got {
			t.Fatalf("NeutraliseCell(%q) = %q starts like a formula", s, got)
		}
	})
}
