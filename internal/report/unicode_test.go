package report_test

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/partnership-maturity/maturity/internal/report"
)

// sampleRunes picks up to n code points of table spread over its ranges,
// from the Basic Multilingual Plane (astral false) or beyond it, leaving
// out surrogates (a Go string cannot hold them).
func sampleRunes(table *unicode.RangeTable, astral bool, n int) []rune {
	var all []rune
	add := func(lo, hi, stride uint32) {
		for r := lo; r <= hi && len(all) < 4096; r += stride {
			if (r > 0xFFFF) == astral && (r < 0xD800 || r > 0xDFFF) {
				all = append(all, rune(r))
			}
		}
	}
	for _, r := range table.R16 {
		add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range table.R32 {
		add(r.Lo, r.Hi, r.Stride)
	}
	if len(all) <= n {
		return all
	}
	out := make([]rune, 0, n)
	for i := range n {
		out = append(out, all[i*len(all)/n])
	}
	return out
}

// unassigned picks code points in no category: BMP and astral.
func unassigned() []rune {
	var out []rune
	for _, r := range []rune{0x0378, 0x0870 - 1, 0x2FFF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x2FA20, 0xE0080, 0x10FFFF, 0x3FFFD} {
		if !slices.ContainsFunc(maps(), func(t *unicode.RangeTable) bool { return unicode.Is(t, r) }) {
			out = append(out, r)
		}
	}
	return out
}

// maps lists the general categories' tables.
func maps() []*unicode.RangeTable {
	var ts []*unicode.RangeTable
	for _, name := range categoryNames() {
		ts = append(ts, unicode.Categories[name])
	}
	return ts
}

// categoryNames are the two-letter general categories, sorted.
func categoryNames() []string {
	var names []string
	for name := range unicode.Categories {
		if len(name) == 2 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// everyClass is text from every general category, BMP and astral, and
// unassigned code points, one line per class, each line marked so it can
// be found again in the PDF's text.
func everyClass() string {
	var b strings.Builder
	for _, name := range categoryNames() {
		for _, astral := range []bool{false, true} {
			rs := sampleRunes(unicode.Categories[name], astral, 48)
			if len(rs) == 0 {
				continue
			}
			fmt.Fprintf(&b, "START%s%v %s END\n", name, astral, string(rs))
		}
	}
	fmt.Fprintf(&b, "STARTunassigned %s END\n", string(unassigned()))
	b.WriteString("Feedback from the workshop 😍 was good. 👍🏽 👨‍👩‍👧 🇬🇧 \U0001F600\n")
	return b.String()
}

// classInput is the demo assessment with text from every class of code
// point in its name, evidence, action and scrutiny.
func classInput(tb testing.TB) report.Input {
	in := demoInput(tb)
	text := everyClass()
	in.Record.Partnership.Name = "Emoji 😍 Partnership " + string(sampleRunes(unicode.So, true, 20))
	in.Record.Responses[0].Evidence = text
	in.Record.Responses[1].Rationale = text
	in.Record.Actions[0].Title = "Ask the 👩‍⚕️ team " + string(sampleRunes(unicode.Cf, false, 30))
	in.Record.Actions[0].Owner = string(sampleRunes(unicode.Lo, true, 30))
	in.Record.Participants[0].Name = "Zoë \u202Eevil\u202C \u200B"
	return in
}

// TestPDFDrawsEveryClassOfCodePoint exports text from every Unicode
// general category, BMP and astral, and unassigned code points: the PDF is
// written, keeps every line in order, shows what the fonts cannot draw as
// U+FFFD and says so in the appendix.
func TestPDFDrawsEveryClassOfCodePoint(t *testing.T) {
	needPoppler(t)
	in := classInput(t)
	done := make(chan string, 1)
	go func() { done <- writePDF(t, "every-class", in) }()
	var path string
	select {
	case path = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the PDF was not written within a minute")
	}
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	for _, name := range categoryNames() {
		if name == "Cs" {
			continue
		}
		if !regexp.MustCompile(`START` + name + `false[\s\S]*?END`).MatchString(text) {
			t.Errorf("the line of category %s is missing from the PDF's text", name)
		}
	}
	if !strings.Contains(text, "workshop \uFFFD was good") {
		t.Errorf("the emoji is not shown as the placeholder")
	}
	for _, want := range []string{"STARTLufalse", "Zoë", "Emoji \uFFFD Partnership", squashed(report.CharactersNotDrawn)} {
		if !strings.Contains(squashed(text), squashed(want)) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.ContainsRune(text, '😍') {
		t.Errorf("an emoji reached the PDF")
	}
	// The demo alone needs no placeholder, so no appendix line.
	plain := run(t, "pdftotext", "-raw", "-enc", "UTF-8", writePDF(t, "demo-plain", demoInput(t)), "-")
	if strings.Contains(squashed(plain), squashed(report.CharactersNotDrawn)) {
		t.Errorf("the appendix says characters were not drawn, but every one was")
	}
}

// squashed drops white space, so text compares however it was wrapped.
func squashed(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// TestPDFLeavesInputUnchanged: replacing what cannot be drawn works on a
// copy; the caller's record keeps its exact text.
func TestPDFLeavesInputUnchanged(t *testing.T) {
	in := classInput(t)
	name, evidence := in.Record.Partnership.Name, in.Record.Responses[0].Evidence
	if err := report.WritePDF(io.Discard, in); err != nil {
		t.Fatal(err)
	}
	if in.Record.Partnership.Name != name || in.Record.Responses[0].Evidence != evidence {
		t.Errorf("WritePDF changed the caller's text")
	}
}

// pdfPages counts the pages of a PDF.
func pdfPages(data []byte) int {
	return bytes.Count(data, []byte("/Type /Page\n")) + bytes.Count(data, []byte("/Type /Page\r")) + bytes.Count(data, []byte("/Type /Page ")) + bytes.Count(data, []byte("/Type /Page/"))
}

// benchPages writes in as a PDF b.N times and reports the time per 1,000
// pages (target: at most 2 s).
func benchPages(b *testing.B, in report.Input) {
	var buf bytes.Buffer
	if err := report.WritePDF(&buf, in); err != nil {
		b.Fatal(err)
	}
	pages := pdfPages(buf.Bytes())
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if err := report.WritePDF(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
	per := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(per/float64(pages)*1000, "s/1000pages")
}

// BenchmarkPDFMegabyteName is a partnership named with 1 MB of text.
func BenchmarkPDFMegabyteName(b *testing.B) {
	in := demoInput(b)
	in.Record.Partnership.Name = strings.Repeat("Safeguarding Łódź ", 1<<20/19)
	benchPages(b, in)
}

// BenchmarkPDFMegabyteWord is a partnership named with one 1 MB word.
func BenchmarkPDFMegabyteWord(b *testing.B) {
	in := demoInput(b)
	in.Record.Partnership.Name = strings.Repeat("x", 1<<20)
	benchPages(b, in)
}

// BenchmarkPDFEveryClass is text from every class of code point.
func BenchmarkPDFEveryClass(b *testing.B) { benchPages(b, classInput(b)) }
