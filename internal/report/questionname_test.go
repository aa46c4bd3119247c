package report_test

import (
	"regexp"
	"testing"
)

// TestPDFNamesQuestionsForPeople: the report never shows an internal
// question id such as "culture.1"; it says "Culture, question 1".
func TestPDFNamesQuestionsForPeople(t *testing.T) {
	needPoppler(t)
	in := demoInput(t)
	text := body(t, writePDF(t, "question-names", in), in)
	mustContain(t, "demo", text, "Culture, question")
	if id := regexp.MustCompile(`\b(culture|intent|strategy|effectiveness|upstream|workforce)\.\d\b`).FindString(text); id != "" {
		t.Errorf("the PDF shows the internal question id %q", id)
	}
}
