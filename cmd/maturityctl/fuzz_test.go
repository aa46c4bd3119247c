package main

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzEscaper writes arbitrary bytes in two chunks through the escaper:
// what comes out is UTF-8 with no control character but newline, tab and
// a carriage return before a newline.
func FuzzEscaper(f *testing.F) {
	f.Add([]byte("Evil\x1b[2J\a\u202e\r\n\xff"), 3)
	f.Add([]byte("Łódź\r"), 1)
	f.Fuzz(func(t *testing.T, data []byte, split int) {
		var buf bytes.Buffer
		e := &escaper{w: &buf}
		split = min(max(split, 0), len(data))
		e.Write(data[:split])
		e.Write(data[split:])
		e.Flush()
		out := buf.Bytes()
		if !utf8.Valid(out) {
			t.Fatalf("%q: output %q is not UTF-8", data, out)
		}
		for i, r := range string(out) {
			if r == '\r' && (i+1 >= len(out) || out[i+1] != '\n') || r != '\r' && r != '\n' && r != '\t' && unsafeOnTerminal(r) || !unicode.IsPrint(r) && unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
				t.Fatalf("%q: output %q holds %U", data, out, r)
			}
		}
	})
}
