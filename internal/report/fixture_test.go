package report_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// exportedAt is the export time every test uses.
var exportedAt = time.Date(2026, 3, 12, 14, 30, 0, 0, time.UTC)

// demoInput is the demo partnership's latest assessment, compared with the
// year before.
func demoInput(tb testing.TB) report.Input { return demoYear(tb, 2) }

// demoYear is the demo's assessment of year i (1 or 2), compared with the
// year before, exported at exportedAt with made-up fingerprints.
func demoYear(tb testing.TB, i int) report.Input {
	tb.Helper()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	recs := demo.Northshire(q, 2023)
	latest, prev := recs[i], recs[i-1]
	return report.Input{Questionnaire: q, Record: latest, Previous: &prev, ExportedAt: exportedAt,
		Fingerprint:  "3f9a0c1d2e4b5a6978877665544332211ffeeddccbbaa99887766554433221100",
		DataChecksum: "0011223344556677889900aabbccddeeff00112233445566778899aabbccddee"}
}

// unusual holds every awkward character a report must keep: currency,
// accents, curly quotes, dashes, Welsh and Polish letters, and the
// characters CSV must quote.
const unusual = "£1,250 for Siân’s “Ffôn” line – café naïve — Gwŷn ap Dafydd, Łukasz Żółć, Małgorzata Świętek; ŵ ŷ ł ś ż; \"quoted\", commas, and <tags> & ampersands"

// hostile is an assessment built to break a layout: evidence several pages
// long, 200 actions with long and unusual text, one theme left empty and
// scrutiny with no level.
type hostile struct {
	in      report.Input
	longest string
}

// hostileInput builds the hostile assessment with n actions.
func hostileInput(tb testing.TB, n int) hostile {
	tb.Helper()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	rec := demo.Northshire(q, 7)[2]
	rec.Partnership.Name = "Caerwyn & Łódź Safeguarding Children’s Partnership “Test” — Gwŷn"
	rec.Assessment.Facilitator = "Siân Ŵynne-Łukasiewicz"
	rec.Assessment.Status = assessment.Workshop
	var long strings.Builder
	for i := range 400 {
		fmt.Fprintf(&long, "Sentence %d of the evidence: the board’s “deep dive” cost £%d,%03d and reached Żółć Primary — a café-style drop-in. ", i+1, i%9+1, i*7%1000)
		if i%40 == 39 {
			long.WriteString("\n\n")
		}
	}
	long.WriteString("Unbroken: " + strings.Repeat("x", 600))
	empty := q.Themes[len(q.Themes)-1].ID
	for i := range rec.Responses {
		r := &rec.Responses[i]
		_, th, _ := q.Question(r.QuestionID)
		switch {
		case i == 0:
			r.Evidence = long.String()
			r.Strengths = unusual + "\nSecond line, with a comma, and a \"quote\"."
		case th.ID == empty:
			*r = assessment.Response{AssessmentID: r.AssessmentID, QuestionID: r.QuestionID}
		default:
			r.Evidence = unusual
		}
	}
	var votes []assessment.Vote
	for _, v := range rec.Votes {
		if _, th, _ := q.Question(v.QuestionID); th.ID != empty {
			votes = append(votes, v)
		}
	}
	rec.Votes = votes
	rec.Scrutiny = append(rec.Scrutiny, assessment.Scrutiny{ID: "scrutiny-hostile", AssessmentID: rec.Assessment.ID,
		QuestionID: q.Themes[0].Questions[0].ID, Scrutineer: "Prof. Zoë Ćwikła", Challenge: unusual})
	base := rec.Actions[0]
	rec.Actions = nil
	statuses := assessment.ActionStatuses
	for i := range n {
		a := base
		a.ID, a.Ref = fmt.Sprintf("a%07d-0000-4000-8000-%012d", i, i), assessment.ActionRef(i+1)
		a.Title = fmt.Sprintf("Action %d: commission “Ffordd Ymlaen” review of £%d spend with Łukasz’s team", i+1, 1000+i)
		a.Owner = fmt.Sprintf("Owner %d Gwŷn-Świętek", i+1)
		a.SuccessMeasure = "Fewer re-referrals; 90% of staff say “I know who to call”."
		a.Status = statuses[i%len(statuses)]
		a.Due = time.Date(2025, time.Month(i%12+1), 28, 0, 0, 0, 0, time.UTC)
		a.Updates = nil
		if i%3 == 0 {
			a.Updates = []assessment.ActionUpdate{{ID: fmt.Sprintf("u%d", i), ActionID: a.ID, On: a.Due.AddDate(0, -1, 0),
				Author: a.Owner, Note: "Progress: " + unusual}}
		}
		if i == 5 {
			a.Title = string([]rune(long.String())[:3000])
		}
		rec.Actions = append(rec.Actions, a)
	}
	return hostile{in: report.Input{Questionnaire: q, Record: rec, ExportedAt: exportedAt, Fingerprint: strings.Repeat("ab", 32)},
		longest: long.String()}
}

// nothingAssessed is an assessment with no levels, votes, actions,
// participants or sign-offs.
func nothingAssessed(tb testing.TB) report.Input {
	tb.Helper()
	in := demoInput(tb)
	rec := in.Record
	for i, r := range rec.Responses {
		rec.Responses[i] = assessment.Response{AssessmentID: r.AssessmentID, QuestionID: r.QuestionID}
	}
	rec.Votes, rec.Actions, rec.Scrutiny, rec.SignOffs, rec.Participants, rec.EvidenceRefs = nil, nil, nil, nil, nil, nil
	rec.Assessment.Status = assessment.Draft
	rec.Assessment.Facilitator = ""
	in.Record, in.Previous = rec, nil
	return in
}
