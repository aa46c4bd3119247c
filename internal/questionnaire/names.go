package questionnaire

import "fmt"

// QuestionName is how people read a question's place in the set: its
// theme and its number within the theme, "Culture, question 1", never the
// internal id; an id the set does not hold is given as it is.
func (q *Questionnaire) QuestionName(id string) string {
	for _, t := range q.Themes {
		for i, qu := range t.Questions {
			if qu.ID == id {
				return fmt.Sprintf("%s, question %d", t.Title, i+1)
			}
		}
	}
	return id
}
