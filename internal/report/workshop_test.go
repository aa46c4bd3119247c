package report_test

import (
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestPDFWhereWeDisagreed(t *testing.T) {
	needPoppler(t)
	in := demoInput(t)
	rec := &in.Record
	// A second round on the widest question brings the room together.
	ds := assessment.Disagreements(rec.Participants, rec.Votes)
	widest := ds[0]
	for _, v := range assessment.FinalRounds(rec.Votes) {
		if v.QuestionID == widest.QuestionID {
			v.ID, v.Round, v.Level = v.ID+"-2", 2, 3
			rec.Votes = append(rec.Votes, v)
		}
	}
	after := assessment.Disagreements(rec.Participants, rec.Votes)
	if after[0].QuestionID == widest.QuestionID {
		t.Fatalf("the re-voted question %s is still widest", widest.QuestionID)
	}
	text := body(t, writePDF(t, "disagreed", in), in)
	method := text[max(strings.Index(text, squash("Method: how the levels were agreed")), 0):]
	q, _, _ := in.Questionnaire.Question(after[0].QuestionID)
	mustContain(t, "disagreed", method, "Where we disagreed", "The questions on which individual votes lay furthest apart, widest first.",
		in.Questionnaire.QuestionName(after[0].QuestionID)+": "+q.Text, "By agency (average vote)")
	if i, j := strings.Index(method, squash("Where we disagreed")), strings.Index(method, squash("Source and licence")); i < 0 || j < i {
		t.Errorf("Where we disagreed is not inside the method, before the source")
	}
	// The re-voted question, now all at level 3, shows in no row.
	wq, _, _ := in.Questionnaire.Question(widest.QuestionID)
	if strings.Contains(method, squash(widest.QuestionID+" "+wq.Text)) {
		t.Errorf("the re-voted question %s is still listed as a disagreement", widest.QuestionID)
	}
}
