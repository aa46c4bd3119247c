package assessment

import (
	"fmt"
	"strconv"
	"strings"
)

// ActionRef is an action's number within its assessment, shown to people
// as "A-01", "A-02", … in the app, the reports and the bundle alike. An
// action carried forward keeps its ref; 0 is no ref yet.
type ActionRef int

// actionRefPrefix starts every written ref.
const actionRefPrefix = "A-"

// String writes the ref as "A-07" (two digits at least), or "" for no ref.
func (r ActionRef) String() string {
	if r <= 0 {
		return ""
	}
	return fmt.Sprintf("%s%02d", actionRefPrefix, int(r))
}

// ParseActionRef reads a ref written as "A-07" (the digits may be more or
// fewer than two, but not zero on their own).
func ParseActionRef(s string) (ActionRef, error) {
	digits, ok := strings.CutPrefix(s, actionRefPrefix)
	n, err := strconv.Atoi(digits)
	if !ok || err != nil || n < 1 || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, fmt.Errorf("action ref %q is not written like A-01", s)
	}
	return ActionRef(n), nil
}
