package main

import (
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// maxMessage is the most bytes of one error message printed; a longer one
// (a huge name quoted in it) is cut, saying how much was left out.
const maxMessage = 4000

// escaper writes text with every character that could act on a terminal
// escaped the way Go quotes it (\x1b, \a, \u202e): control characters
// other than newline, tab and a carriage return before a newline, C1
// controls, bidirectional overrides and isolates, line separators, and
// bytes that are not UTF-8. Nothing a database or file holds can then move
// the cursor, change colours, ring the bell or reorder a line.
type escaper struct {
	w       io.Writer
	pending []byte // an incomplete character or a carriage return, held for the next write
}

// Write escapes p and writes it; it reports p as written in full.
func (e *escaper) Write(p []byte) (int, error) {
	data := append(e.pending, p...)
	e.pending = nil
	var out []byte
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && !utf8.FullRune(data[i:]):
			e.pending = append([]byte(nil), data[i:]...)
			i = len(data)
			continue
		case r == '\r' && i+1 == len(data):
			e.pending = []byte{'\r'}
		case r == '\r' && data[i+1] == '\n', r == '\n', r == '\t':
			out = append(out, byte(r))
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, data[i])
		case unsafeOnTerminal(r):
			out = fmt.Appendf(out, "%s", escapeRune(r))
		default:
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes anything held back, escaped.
func (e *escaper) Flush() error {
	if len(e.pending) == 0 {
		return nil
	}
	var out []byte
	for _, b := range e.pending {
		out = fmt.Appendf(out, `\x%02x`, b)
	}
	e.pending = nil
	_, err := e.w.Write(out)
	return err
}

// unsafeOnTerminal reports whether r could act on a terminal or disguise
// the text around it.
func unsafeOnTerminal(r rune) bool {
	return unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c || r == 0x2028 || r == 0x2029
}

// escapeRune writes r as Go would in a quoted string.
func escapeRune(r rune) string {
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	case '\v':
		return `\v`
	}
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// shortMessage cuts a message to maxMessage bytes (at a character's edge),
// saying how much was left out.
func shortMessage(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", msg[:cut], len(msg)-cut)
}
