package questionnaire

import (
	"regexp"
	"strings"
)

// bareParagraph matches a bare paragraph number such as "10.2".
var bareParagraph = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)

// SectionLabel names a source section for people: "Paragraph 10.2" for a
// bare number, else the section as given with a capital first letter, or
// "Source" when there is none.
func SectionLabel(section string) string {
	if bareParagraph.MatchString(section) {
		return "Paragraph " + section
	}
	if section == "" {
		return "Source"
	}
	return strings.ToUpper(section[:1]) + section[1:]
}
