package questionnaire

import "testing"

func TestQuestionName(t *testing.T) {
	q := &Questionnaire{Themes: []Theme{
		{ID: "culture", Title: "Culture", Questions: []Question{{ID: "culture.1"}, {ID: "culture.2"}}},
		{ID: "workforce", Title: "Workforce", Questions: []Question{{ID: "workforce.1"}, {ID: "workforce.x"}}},
	}}
	for id, want := range map[string]string{
		"culture.1":   "Culture, question 1",
		"culture.2":   "Culture, question 2",
		"workforce.x": "Workforce, question 2",
		"gone.9":      "gone.9",
	} {
		if got := q.QuestionName(id); got != want {
			t.Errorf("QuestionName(%q) = %q; want %q", id, got, want)
		}
	}
}
