package ui

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// checkTitle says why a title is not specific enough, or "".
func checkTitle(text string) string {
	switch words := len(strings.Fields(text)); {
	case words == 0:
		return "Say what will be done."
	case words < minTitleWords:
		return fmt.Sprintf("Too vague to check: say what will be done in at least %d words.", minTitleWords)
	}
	return ""
}

// checkOwner says that an owner is missing, or "".
func checkOwner(text string) string {
	if strings.TrimSpace(text) == "" {
		return "Name the person accountable for this action."
	}
	return ""
}

// checkMeasure says why a measure of impact will not do, or "".
func checkMeasure(text string) string {
	switch words := len(strings.Fields(text)); {
	case words == 0:
		return "Say how you will evaluate its impact: what will you measure?"
	case words < minMeasureWords:
		return "Too short to evaluate against: say what will be measured, and the target if there is one."
	}
	return ""
}

// checkOutcome says that a complete or dropped action needs an outcome.
func checkOutcome(text string, status assessment.ActionStatus) string {
	if strings.TrimSpace(text) != "" {
		return ""
	}
	switch status {
	case assessment.Complete:
		return "Say what the outcome was before marking it complete."
	case assessment.Dropped:
		return "Say why it was dropped."
	}
	return ""
}

// dateShape is the shape of a date the form accepts.
var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkDate parses a date written 2027-03-31 or, as in the UK,
// 31/03/2027, saying what is wrong when it is neither; an empty text is
// wrong when required.
func checkDate(text string, required bool) (time.Time, string) {
	text = strings.TrimSpace(text)
	if text == "" {
		if required {
			return time.Time{}, "Give a date, for example 31/03/2027 or 2027-03-31."
		}
		return time.Time{}, ""
	}
	given := text
	if m := ukDate.FindStringSubmatch(text); m != nil {
		text = fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
	}
	if !dateShape.MatchString(text) {
		return time.Time{}, "Write the date as 31/03/2027 or 2027-03-31."
	}
	d, err := time.Parse(assessment.DateLayout, text)
	if err != nil {
		return time.Time{}, given + " is not a real date: the month runs 1–12 and the day must exist in that month."
	}
	if d.Year() < 2000 || d.Year() > 2100 {
		return time.Time{}, "Choose a year between 2000 and 2100."
	}
	return d, ""
}

// ukDate is a date written day/month/year, as in 31/03/2027.
var ukDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// errorOf turns a message into an error, nil when there is none.
func errorOf(msg string) error {
	if msg == "" {
		return nil
	}
	return fmt.Errorf("%s", msg)
}
