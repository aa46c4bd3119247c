package store

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// shownValueLimit is how many characters of each value a lost-update
// message shows.
const shownValueLimit = 80

// changedSince refuses an edit made to a row as it was at readAt when the
// row has been saved since (at storedAt) by another copy of the app: saving
// would silently undo that copy's change. The message names each field the
// two versions disagree on with both values. A zero readAt means the caller
// did not read the row first, and is not checked; an edit that saves what is
// already stored loses nothing and is let through.
func changedSince(what string, readAt, storedAt time.Time, stored, yours []field) error {
	if readAt.IsZero() || readAt.Equal(storedAt) {
		return nil
	}
	var diffs []string
	for i, f := range yours {
		if stored[i].value != f.value {
			diffs = append(diffs, fmt.Sprintf("%s is now %q, yours is %q", strings.ReplaceAll(f.name, "_", " "),
				shorten(stored[i].value), shorten(f.value)))
		}
	}
	if len(diffs) == 0 {
		// Saving what is already stored loses nothing.
		return nil
	}
	return &Error{Code: CodeChanged, Message: fmt.Sprintf("%s was %s (saved at %s): %s. Your change was not saved; "+
		"the other version is kept. Reopen the assessment to see it, then make your change again",
		what, ErrChanged.Message, storedAt.Local().Format("15:04:05 on 2 January 2006"), strings.Join(diffs, "; "))}
}

// shorten cuts s to shownValueLimit characters, marking the cut.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= shownValueLimit {
		return s
	}
	return string([]rune(s)[:shownValueLimit]) + "…"
}
