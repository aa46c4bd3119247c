package questionnaire

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a question set, located by file and line
// when it was read from a file, and always by its path inside the set.
type Problem struct {
	File string
	// Line is the 1-based line the problem is on, or 0 when unknown.
	Line int
	// Path locates the problem inside the set, such as "themes[1].questions[0].text".
	Path    string
	Message string

	loc []any // Path as map keys (string) and list indexes (int)
}

// String formats the problem as "file:line: message" when the file is known,
// else as "path: message".
func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	case p.Path != "":
		return fmt.Sprintf("%s: %s", p.Path, p.Message)
	}
	return p.Message
}

// Error is every problem found in one question set. It is what Parse and
// Validate return when a set cannot be used.
type Error struct {
	Problems []Problem
}

// Error lists the problems one a line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects problems while validating.
type problems []Problem

// add records a problem at loc with a formatted message; past
// MaxProblems it only counts it.
func (ps *problems) add(loc []any, format string, args ...any) {
	if len(*ps) >= MaxProblems {
		*ps = append(*ps, Problem{})
		return
	}
	*ps = append(*ps, Problem{Path: pathString(loc), Message: fmt.Sprintf(format, args...), loc: loc})
}

// err returns the problems as an *Error, or nil when there are none: the
// first MaxProblems and a count of the rest.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &Error{Problems: capProblems(ps)}
}

// at builds a location from keys and indexes.
func at(parts ...any) []any { return parts }

// pathString renders a location as "themes[1].questions[0].text".
func pathString(loc []any) string {
	var b strings.Builder
	for _, part := range loc {
		switch v := part.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", v)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(v)
		}
	}
	return b.String()
}

// with returns a new location: loc followed by more.
func with(loc []any, more ...any) []any {
	return append(append(make([]any, 0, len(loc)+len(more)), loc...), more...)
}
