package bundle

import (
	"bytes"
	"fmt"
	"strings"
)

// Problems is every problem found in a bundle (or in a record refused for
// export), one self-contained message per problem, each naming the file.
// The command line prints it one line per problem.
type Problems []string

// Error returns the problems one a line.
func (p Problems) Error() string { return strings.Join(p, "\n") }

// collector gathers problems about one file, prefixing each with its name.
type collector struct {
	name     string
	problems Problems
}

// addf records a problem about the file as a whole or a named part of it.
func (c *collector) addf(format string, args ...any) {
	c.problems = append(c.problems, c.name+": "+fmt.Sprintf(format, args...))
}

// addAt records a problem found at byte offset off of data, giving the line
// and column as well as the offset.
func (c *collector) addAt(data []byte, off int64, format string, args ...any) {
	line, col := position(data, off)
	msg := fmt.Sprintf(format, args...)
	c.problems = append(c.problems, fmt.Sprintf("%s:%d:%d: %s", c.name, line, col, msg))
}

// addRaw records problems already formatted by someone else (one a line),
// such as the questionnaire parser's "name:line: problem" messages; a line
// that does not start with the file's name gets it put in front.
func (c *collector) addRaw(text string) {
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, c.name):
			c.problems = append(c.problems, line)
		default:
			c.problems = append(c.problems, c.name+": "+line)
		}
	}
}

// ok reports whether no problem has been found.
func (c *collector) ok() bool { return len(c.problems) == 0 }

// Caps on what an error says, so that a hostile file cannot make the
// message itself huge.
const (
	maxProblems    = 50  // problems listed; the rest are counted
	maxProblemText = 500 // characters of one problem
)

// err returns the problems as an error, or nil when there are none: at
// most maxProblems of them, each at most maxProblemText characters long.
func (c *collector) err() error {
	if c.ok() {
		return nil
	}
	out := make(Problems, 0, min(len(c.problems), maxProblems+1))
	for i, p := range c.problems {
		if i == maxProblems {
			out = append(out, fmt.Sprintf("%s: and %d more problems", c.name, len(c.problems)-maxProblems))
			break
		}
		if r := []rune(p); len(r) > maxProblemText {
			p = fmt.Sprintf("%s… (%d more characters)", string(r[:maxProblemText]), len(r)-maxProblemText)
		}
		out = append(out, p)
	}
	return out
}

// position returns the 1-based line and column of byte offset off in data.
func position(data []byte, off int64) (line, col int) {
	off = max(0, min(off, int64(len(data))))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}
