package assessment_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// refusedEverywhere are strings no text field takes.
var refusedEverywhere = map[string]string{
	"ANSI colour":             "\x1b[31mRed\x1b[0m Partnership",
	"ANSI clear screen":       "Name\x1b[2J\x1b[H",
	"OSC title":               "\x1b]0;pwned\a",
	"BEL":                     "Ding\a",
	"backspace":               "Nice\b\b\b\bEvil",
	"NUL":                     "a\x00b",
	"DEL":                     "a\x7fb",
	"C1 CSI":                  "a\u009b31mb",
	"C1 NEL":                  "a\u0085b",
	"right-to-left override":  "Partnership \u202Egnp.exe",
	"left-to-right embedding": "a\u202Ab",
	"pop directional":         "a\u202Cb",
	"first strong isolate":    "a\u2068b\u2069",
	"right-to-left isolate":   "\u2067abc",
	"zero-width only":         "\u200B\u200B\u200B",
	"zero-width joiners only": "\u200D\u200C",
	"word joiner only":        "\u2060",
	"soft hyphen only":        "\u00AD",
	"combining mark only":     "\u0301\u0301",
	"BOM only":                "\uFEFF",
	"Hangul filler":           "\u3164",
	"not UTF-8":               "caf\xe9",
	"noncharacter":            "a\uFFFEb",
	"vertical tab":            "a\vb",
	"form feed":               "a\fb",
}

// refusedOnOneLine are strings only multi-line fields take.
var refusedOnOneLine = map[string]string{
	"newline":             "First\nSecond",
	"tab":                 "a\tb",
	"carriage return":     "a\rb",
	"CRLF":                "a\r\nb",
	"line separator":      "a\u2028b",
	"paragraph separator": "a\u2029b",
}

// acceptedEverywhere are awkward strings every field takes.
var acceptedEverywhere = []string{
	"Siân Ŵynne-Łukasiewicz", "Łódź & Żółć", "O'Brien \"Quoted\" <tag>", "شراكة حماية الأطفال",
	"שותפות", "東京都 児童", "Feedback 😍 👍🏽 👨‍👩‍👧", "e\u0301 composed", "a\u200Db joined", "",
	"   ", "Robert'); DROP TABLE partnership;--", "${jndi:ldap://x}", "%s%s%n", "../../etc/passwd",
	"\u200Eleft-to-right mark", "Zalgo t̸̢̛e̴x̷t̵", "NULL", "undefined", "1e309", "=HYPERLINK(\"x\")",
}

func TestTextCheckRefuses(t *testing.T) {
	fields := []assessment.TextField{assessment.PartnershipNameField, assessment.ActionTitleField, assessment.OutcomeField, assessment.LongTextField,
		assessment.RoomNameField, assessment.RoomCommentField}
	for _, f := range fields {
		for name, s := range refusedEverywhere {
			err := f.Check(s)
			if !errors.Is(err, assessment.ErrText) {
				t.Errorf("%s: %s %q accepted", f.Name, name, s)
				continue
			}
			if !strings.HasPrefix(err.Error(), f.Name) || strings.ContainsAny(err.Error(), "\x1b\a\u202e") {
				t.Errorf("%s: message %q does not name the field, or echoes the character", f.Name, err)
			}
		}
		for name, s := range refusedOnOneLine {
			if err := f.Check(s); f.MultiLine == (err != nil) {
				t.Errorf("%s (multi-line %v): %s: %v", f.Name, f.MultiLine, name, err)
			}
		}
		for _, s := range acceptedEverywhere {
			if err := f.Check(s); err != nil {
				t.Errorf("%s: %q refused: %v", f.Name, s, err)
			}
		}
	}
}

func TestTextCheckLength(t *testing.T) {
	f := assessment.PartnershipNameField
	if err := f.Check(strings.Repeat("Ŵ", f.Max)); err != nil {
		t.Errorf("%d characters refused: %v", f.Max, err)
	}
	err := f.Check(strings.Repeat("Ŵ", f.Max+1))
	if err == nil || !strings.Contains(err.Error(), "201 characters long; the most it may have is 200") {
		t.Errorf("201 characters: %v", err)
	}
	err = f.Check(strings.Repeat("x", 1<<20))
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("1 MB name: %.200v", err)
	}
}

func TestRecordCheckTextSaysWhere(t *testing.T) {
	rec := assessment.Record{
		Partnership: assessment.Partnership{Name: "Good", Agencies: []assessment.Agency{{Name: "\x1b[1mBold"}}},
		Actions:     []assessment.Action{{Title: "ok"}, {Title: strings.Repeat("t", 301), Updates: []assessment.ActionUpdate{{Note: "bell\a"}}}},
		Votes:       []assessment.Vote{{Comment: "multi\nline is fine"}},
	}
	err := rec.CheckText()
	if !errors.Is(err, assessment.ErrText) {
		t.Fatalf("CheckText: %v", err)
	}
	for _, want := range []string{
		"partnership: the agency's name has an escape character (U+001B) at character 1",
		"actions[1]: the action's title is 301 characters long; the most it may have is 300",
		"actions[1]: the progress note has a bell character (U+0007)",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
	if strings.Contains(err.Error(), "votes") {
		t.Errorf("a multi-line comment was refused:\n%s", err)
	}
}
