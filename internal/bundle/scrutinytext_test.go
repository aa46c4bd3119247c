package bundle

import (
	"reflect"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// TestDecodeRefusesScrutinyText imports bundles whose scrutiny text breaks
// a limit: each is refused with one problem saying where, which field and
// which limit, and nothing is returned.
func TestDecodeRefusesScrutinyText(t *testing.T) {
	tooLong := strings.Repeat("x", 10001)
	escape := "\x1b[2J\x1b[Hcleared"
	tests := []struct {
		name   string
		change func(p *payload)
		want   string
	}{
		{"challenge with an ANSI escape", func(p *payload) { p.Challenges[0].Text = escape },
			"payload.challenges[0]: the challenge has an escape character (U+001B) at character 1"},
		{"response of 10,001 characters", func(p *payload) { p.Challenges[1].Text = tooLong },
			"payload.challenges[1]: the response is 10001 characters long; the most it may have is 10000"},
		{"challenge author with a bell", func(p *payload) { p.Challenges[0].Author = "Jo\a" },
			"payload.challenges[0]: the author's name has a bell character (U+0007)"},
		{"theme judgement reasons", func(p *payload) { p.Judgements[0].Reasons = tooLong },
			"payload.theme_judgements[0]: the reasons for the theme's level is 10001 characters long; the most it may have is 10000"},
		{"theme judgement scrutineer on two lines", func(p *payload) { p.Judgements[0].Scrutineer = "Jo\nScrutineer" },
			"payload.theme_judgements[0]: the scrutineer's name has a control character (U+000A)"},
		{"assurance reasons", func(p *payload) { p.Assurance.Reasons = "\u202Etxt.exe" },
			"payload.assurance: the reasons for the assurance level has a right-to-left or left-to-right override"},
		{"scrutiny statement", func(p *payload) { p.Assurance.Statement = tooLong },
			"payload.assurance: the scrutiny statement is 10001 characters long; the most it may have is 10000"},
		{"assurance scrutineer", func(p *payload) { p.Assurance.Scrutineer = strings.Repeat("J", 201) },
			"payload.assurance: the scrutineer's name is 201 characters long; the most it may have is 200"},
		{"not-assessed reason", func(p *payload) { p.Responses[0].NotAssessedReason = "why\u0085" },
			"payload.responses[0]: the reason for not assessing has a C1 control character (U+0085)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, rec, err := Decode("bad.json", sealed(t, tt.change))
			ps := problemsOf(t, "bad.json", err)
			if len(ps) != 1 || !containsProblem(ps, tt.want) {
				t.Errorf("problems = %q; want exactly one, containing %q", ps, tt.want)
			}
			if strings.ContainsAny(err.Error(), "\x1b\a\u202e\u0085") {
				t.Errorf("the message echoes the control character: %q", err)
			}
			if q != nil || !reflect.DeepEqual(rec, assessment.Record{}) {
				t.Error("Decode returned data despite problems")
			}
		})
	}
}
