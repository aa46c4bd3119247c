package workshop

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrUnknownCommand means a facilitator's command is not one Command knows.
var ErrUnknownCommand = errors.New("unknown command: use next, prev, goto QUESTION_ID, reveal, revote, agree LEVEL [RATIONALE], names on|off, timer, status or end")

// Command runs one facilitator's command, as maturityctl reads them from
// standard input: next, prev, goto QUESTION_ID, reveal, revote, agree
// LEVEL [RATIONALE], names on|off, timer, status, end. It returns the
// one-line state that follows.
func (w *Workshop) Command(ctx context.Context, line string) (string, error) {
	verb, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	rest = strings.TrimSpace(rest)
	var err error
	switch verb {
	case "next":
		err = w.Next()
	case "prev":
		err = w.Prev()
	case "goto":
		err = w.Goto(rest)
	case "reveal":
		err = w.Reveal()
	case "revote":
		err = w.Revote()
	case "agree":
		levelText, rationale, _ := strings.Cut(rest, " ")
		level, convErr := strconv.Atoi(levelText)
		if convErr != nil {
			return "", fmt.Errorf("%w: %q (agree LEVEL [RATIONALE])", ErrLevel, levelText)
		}
		err = w.Agree(ctx, level, strings.TrimSpace(rationale))
	case "names":
		if rest != "on" && rest != "off" {
			return "", errors.New("names on or names off")
		}
		w.SetShowNames(rest == "on")
	case "timer":
		w.ToggleTimer(DefaultTimer)
	case "end":
		w.End()
	case "status":
	default:
		return "", ErrUnknownCommand
	}
	if err != nil {
		return "", err
	}
	return w.StatusLine(), nil
}

// StatusLine describes the workshop in one line: the question, its round,
// how many have voted or, once revealed, the spread, and any agreed level.
func (w *Workshop) StatusLine() string {
	s := w.Snapshot()
	if s.Ended {
		sum, err := w.Summary(context.Background())
		if err != nil {
			return "ended: " + err.Error()
		}
		return sum.Line()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "question %s (%d of %d) round %d", s.Question.ID, s.Index+1, s.Total, s.Round)
	if s.Revealed {
		b.WriteString(" revealed: " + s.Spread.Words())
	} else {
		fmt.Fprintf(&b, " voting: %d of %d voted", s.Voted, s.Expected)
	}
	if s.Agreed != 0 {
		fmt.Fprintf(&b, "; agreed %d", s.Agreed)
	}
	return b.String()
}

// Words says the spread in words: median, lowest and highest, not sure,
// and whether it is divergent.
func (s Spread) Words() string {
	if !s.HasMedian {
		if s.NotSure > 0 {
			return fmt.Sprintf("no levels, %d not sure", s.NotSure)
		}
		return "no votes"
	}
	parts := []string{
		"median " + strconv.FormatFloat(s.Median, 'f', -1, 64),
		fmt.Sprintf("levels %d–%d from %d votes", s.Dots[0].Level, s.Dots[len(s.Dots)-1].Level, len(s.Dots)),
	}
	if s.NotSure > 0 {
		parts = append(parts, fmt.Sprintf("%d not sure", s.NotSure))
	}
	if s.Divergent {
		parts = append(parts, "divergent")
	} else {
		parts = append(parts, "not divergent")
	}
	return strings.Join(parts, ", ")
}
