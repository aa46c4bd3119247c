package questionnaire

import "fmt"

// Limits on a question-set file, checked by one cheap pass over its bytes
// before any YAML parser sees it, so that a hostile file costs little to
// refuse. Both YAML parsers take time growing with the square of the
// entries in one mapping, hence the limit on entries at one level.
const (
	// MaxFileSize is the largest question-set file read: 256 KiB, ten
	// times the largest shipped set.
	MaxFileSize = 256 << 10
	// MaxDepth is the deepest nesting of YAML flow collections ([ and {)
	// a question set may have; a real one needs two or three.
	MaxDepth = 32
	// MaxIndent is the deepest indentation, in columns, of a line's first
	// character (counting "- " list markers); the shipped sets use 12.
	MaxIndent = 128
	// MaxEntries is the most entries one mapping or list may hold: lines
	// starting at the same indentation under one parent, or items in one
	// [ … ] or { … }. The shipped sets have at most 32.
	MaxEntries = 1000
	// MaxProblems is how many problems one file reports; the rest are
	// counted.
	MaxProblems = 50
)

// scan is the state of checkLimits' pass over a file.
type scan struct {
	line, indent int
	flow         []int // entries so far in each open [ or {
	block        []level
}

// level is one indentation level of block lines and how many lines start
// at it under the same parent.
type level struct{ indent, entries int }

// checkLimits refuses a file too large, too deeply nested or with too many
// entries at one level to read, saying which limit and on which line.
func checkLimits(data []byte) (Problem, bool) {
	if len(data) > MaxFileSize {
		return Problem{Line: 1, Message: fmt.Sprintf("the file is %d bytes; a question set may be at most %d bytes (256 KiB)", len(data), MaxFileSize)}, false
	}
	s := scan{line: 1}
	atStart, comment := true, false // atStart: only spaces and list markers so far on this line
	for i, b := range data {
		switch {
		case b == '\n':
			s.line, s.indent, atStart, comment = s.line+1, 0, true, false
			continue
		case comment:
			continue
		case b == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'):
			comment = true
			continue
		}
		if atStart {
			if b == ' ' || b == '-' && i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\n') {
				s.indent++
				if s.indent > MaxIndent {
					return s.problem("nested more than %d columns deep; a question set is never indented that far", MaxIndent)
				}
				continue
			}
			atStart = false
			if b != '\r' && len(s.flow) == 0 && !s.blockEntry() {
				return s.problem("more than %d entries at one level; a question set has a few dozen", MaxEntries)
			}
		}
		if p, ok := s.flowByte(b); !ok {
			return p, false
		}
	}
	return Problem{}, true
}

// blockEntry counts a line starting at s.indent, reporting false when its
// level holds too many.
func (s *scan) blockEntry() bool {
	for len(s.block) > 0 && s.block[len(s.block)-1].indent > s.indent {
		s.block = s.block[:len(s.block)-1]
	}
	if n := len(s.block); n > 0 && s.block[n-1].indent == s.indent {
		s.block[n-1].entries++
		return s.block[n-1].entries <= MaxEntries
	}
	s.block = append(s.block, level{indent: s.indent, entries: 1})
	return true
}

// flowByte follows the flow collections a byte opens, separates or closes.
func (s *scan) flowByte(b byte) (Problem, bool) {
	switch b {
	case '[', '{':
		s.flow = append(s.flow, 1)
		if len(s.flow) > MaxDepth {
			return s.problem("lists or mappings nested more than %d deep; a question set needs two or three", MaxDepth)
		}
	case ',':
		if n := len(s.flow); n > 0 {
			s.flow[n-1]++
			if s.flow[n-1] > MaxEntries {
				return s.problem("more than %d entries in one list or mapping; a question set has a few dozen", MaxEntries)
			}
		}
	case ']', '}':
		if n := len(s.flow); n > 0 {
			s.flow = s.flow[:n-1]
		}
	}
	return Problem{}, true
}

// problem is a limit broken on the current line.
func (s *scan) problem(format string, args ...any) (Problem, bool) {
	return Problem{Line: s.line, Message: fmt.Sprintf(format, args...)}, false
}

// capProblems keeps the first MaxProblems problems and a last one counting
// the rest, so neither the message nor the work of locating each problem
// grows without bound.
func capProblems(ps []Problem) []Problem {
	if len(ps) <= MaxProblems {
		return ps
	}
	rest := len(ps) - MaxProblems
	return append(ps[:MaxProblems:MaxProblems], Problem{Message: fmt.Sprintf("and %d more problems", rest)})
}
