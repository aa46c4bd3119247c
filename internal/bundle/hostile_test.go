package bundle

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// hostileBundle is a bundle built to be costly to read, and what its
// refusal must say.
type hostileBundle struct {
	name, want string
	data       []byte
}

// nested repeats unit to n bytes after prefix.
func nested(prefix, unit string, n int) string {
	return prefix + strings.Repeat(unit, (n-len(prefix))/len(unit)+1)[:n-len(prefix)]
}

// withYAML is the fixture bundle, sealed, carrying text as its question set.
func withYAML(tb testing.TB, text string) []byte {
	return sealed(tb, func(p *payload) { p.Questionnaire.YAML = text })
}

// hostileBundles are the hostile bundles: nesting in the JSON and in the
// embedded question set at 100 KB and 1 MiB, and files at their limits.
func hostileBundles(tb testing.TB) []hostileBundle {
	tb.Helper()
	const kb100, mib = 100_000, 1 << 20
	var manyBad strings.Builder
	manyBad.WriteString("id: x\nversion: \"1\"\ntitle: t\nthemes:\n")
	for i := 0; manyBad.Len() < questionnaire.MaxFileSize-5000; i++ {
		fmt.Fprintf(&manyBad, "  - id: t%d\n    questions:\n", i)
		for j := 0; j < 200; j++ {
			fmt.Fprintf(&manyBad, "      - id: q%d\n", j)
		}
	}
	good := encodeFixture(tb)
	return []hostileBundle{
		{"JSON nested [ 100 KB", "nested more than 32 deep", []byte(nested(`{"format": `, "[", kb100))},
		{"JSON nested [ 1 MiB", "nested more than 32 deep", []byte(nested(`{"format": `, "[", mib))},
		{"JSON nested { 1 MiB", "nested more than 32 deep", []byte(nested(`{"format": `, `{"a":`, mib))},
		{"JSON nested after the payload", "nested more than 32 deep", append(good[:len(good)-2:len(good)-2], []byte(nested(`, "x": `, "[", kb100))...)},
		{"embedded YAML nested [ 100 KB", "nested more than 32 deep", withYAML(tb, nested("themes: ", "[", kb100))},
		{"embedded YAML nested [ 1 MiB", "at most 262144 bytes", withYAML(tb, nested("themes: ", "[", mib))},
		{"embedded YAML nested { 100 KB", "nested more than 32 deep", withYAML(tb, nested("themes: ", "{a: ", kb100))},
		{"embedded YAML with 80,000 problems", "more problems", withYAML(tb, manyBad.String())},
		{"embedded YAML of 1 MiB unknown fields", "at most 262144 bytes", withYAML(tb, nested("", "k: 1\n", mib))},
		{"over 16 MiB", "at most 16777216 bytes", append(append([]byte{}, good...), bytes.Repeat([]byte(" "), MaxFileSize)...)},
		{"1 MiB of empty lists", "", []byte(`{"format": "partnership-maturity-bundle", "version": 1, "x": [` + strings.Repeat("[],", mib/3) + `[]]}`)},
		{"1 MiB string", "", []byte(`{"format": "partnership-maturity-bundle", "version": 1, "payload": {}, "generator": "` + strings.Repeat("x", mib) + `"}`)},
	}
}

// TestHostileBundlesRefused: every hostile bundle is refused, with few
// lines and short ones.
func TestHostileBundlesRefused(t *testing.T) {
	for _, h := range hostileBundles(t) {
		_, _, err := Decode("hostile.json", h.data)
		if err == nil {
			t.Errorf("%s: accepted", h.name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, h.want) {
			t.Errorf("%s: message %.300q, want it to say %q", h.name, msg, h.want)
		}
		if lines := strings.Count(msg, "\n") + 1; lines > maxProblems+1 || len(msg) > (maxProblems+1)*(maxProblemText+100) {
			t.Errorf("%s: the message has %d lines, %d bytes", h.name, lines, len(msg))
		}
	}
}

// BenchmarkHostileBundles decodes each hostile bundle (target: under 2 s
// and 200 MB for any file up to 1 MiB; bytes allocated per decode bound
// the memory held).
func BenchmarkHostileBundles(b *testing.B) {
	for _, h := range hostileBundles(b) {
		b.Run(strings.ReplaceAll(h.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Decode("hostile.json", h.data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
