package assessment_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// FuzzValidatePeriod: an accepted period has the shape 2025/26 and its next
// period, if any, is accepted too; a refusal's message stays short. (It
// found that the period after 9999/00 was 10000/01.)
func FuzzValidatePeriod(f *testing.F) {
	for _, s := range []string{"2025/26", "1999/00", "2025/27", "２０２５/２６", "2025/26\n", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		err := assessment.ValidatePeriod(p)
		if err != nil {
			if len(err.Error()) > 400 {
				t.Fatalf("message of %d bytes", len(err.Error()))
			}
			return
		}
		if len(p) != 7 || p[4] != '/' {
			t.Fatalf("accepted %q", p)
		}
		if next := assessment.NextPeriod(p); next != "" && assessment.ValidatePeriod(next) != nil {
			t.Fatalf("the period after %q is %q, which is refused", p, next)
		}
	})
}

// FuzzTextCheck: text a field accepts is UTF-8, within the limit, and holds
// no control character but, in multi-line fields, newline, tab and CR.
func FuzzTextCheck(f *testing.F) {
	for _, s := range []string{"Siân", "\x1b[31m", "a\nb", "\u202e", "\u200b", "😍", strings.Repeat("x", 201)} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, multi bool) {
		field := assessment.PartnershipNameField
		if multi {
			field = assessment.OutcomeField
		}
		if err := field.Check(s); err != nil {
			return
		}
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > field.Max {
			t.Fatalf("accepted %q", s)
		}
		for _, r := range s {
			if unicode.IsControl(r) && !(multi && (r == '\n' || r == '\t' || r == '\r')) || r >= 0x202a && r <= 0x202e {
				t.Fatalf("accepted %q with %U", s, r)
			}
		}
	})
}
