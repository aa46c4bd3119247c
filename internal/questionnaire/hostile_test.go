package questionnaire_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// hostileSet is a question-set file built to be costly to read, and a word
// the refusal must contain ("" when any refusal will do).
type hostileSet struct {
	name, want string
	data       []byte
}

// repeatTo repeats unit until the text is n bytes long (cut to fit).
func repeatTo(prefix, unit string, n int) []byte {
	b := bytes.Repeat([]byte(unit), (n-len(prefix))/len(unit)+1)
	return append([]byte(prefix), b[:n-len(prefix)]...)
}

// hostileSets are the hostile question sets, at 100 KB, at 1 MiB and just
// under the size limit where size matters.
func hostileSets(tb testing.TB) []hostileSet {
	tb.Helper()
	good, err := questionnaires.Files.ReadFile("csprp-2023-strategic.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	const kb100, mib, limit = 100_000, 1 << 20, questionnaire.MaxFileSize
	var deepBlock, manyUnknown, manyBad, bomb bytes.Buffer
	for i := 0; deepBlock.Len() < kb100; i++ {
		fmt.Fprintf(&deepBlock, "%sa%d:\n", strings.Repeat(" ", i), i)
	}
	for i := 0; manyUnknown.Len() < limit-20; i++ {
		fmt.Fprintf(&manyUnknown, "k%d: %d\n", i, i)
	}
	manyBad.WriteString("id: x\nversion: \"1\"\ntitle: t\nthemes:\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&manyBad, "  - id: t%d\n    questions:\n", i)
		for j := 0; j < 200; j++ {
			fmt.Fprintf(&manyBad, "      - id: q%d\n", j)
		}
		if manyBad.Len() > limit-5000 {
			break
		}
	}
	bomb.WriteString("id: x\nversion: \"1\"\nl0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&bomb, "l%d: &l%d [*l%d, *l%[3]d, *l%[3]d, *l%[3]d, *l%[3]d, *l%[3]d, *l%[3]d, *l%[3]d, *l%[3]d]\n", i, i, i-1)
	}
	bomb.WriteString("themes: *l9\n")
	return []hostileSet{
		{"nested [ 100 KB", "nested more than 32 deep", repeatTo("themes: ", "[", kb100)},
		{"nested [ 1 MiB", "at most 262144 bytes", repeatTo("themes: ", "[", mib)},
		{"nested { 100 KB", "nested more than 32 deep", repeatTo("themes: ", "{a: ", kb100)},
		{"nested { 1 MiB", "at most 262144 bytes", repeatTo("themes: ", "{a: ", mib)},
		{"nested [ after a good file", "nested more than 32 deep", append(append([]byte{}, good...), repeatTo("extra: ", "[", kb100)...)},
		{"nested lists by dashes 100 KB", "columns deep", repeatTo("themes:\n", "- ", kb100)},
		{"indented ever deeper 100 KB", "columns deep", deepBlock.Bytes()},
		{"balanced brackets 1 MiB", "at most", append(repeatTo("themes: [", "[], ", mib-1), ']')},
		{"balanced brackets at the size limit", "more than 1000 entries", append(repeatTo("themes: [", "[], ", limit-1), ']')},
		{"unknown fields to the size limit", "more than 1000 entries", manyUnknown.Bytes()},
		{"unknown fields 100 KB", "more than 1000 entries", manyUnknown.Bytes()[:kb100]},
		{"questions with no text to the size limit", "more problems", manyBad.Bytes()},
		{"alias bomb", "", bomb.Bytes()},
		{"one line to the size limit", "", repeatTo("title: ", "x", limit)},
		{"one byte over the size limit", "at most 262144 bytes", repeatTo("title: ", "x", limit+1)},
		{"NUL bytes", "not a text file", repeatTo("title: ", "\x00", 1000)},
		{"not UTF-8", "not a text file", repeatTo("title: ", "\xff\xfe", 1000)},
		{"quotes to the size limit", "", repeatTo("title: ", "\"'", limit)},
		{"colons to the size limit", "", repeatTo("title: ", ": ", limit)},
		{"anchors to the size limit", "", repeatTo("title: ", "&a ", limit)},
		{"tags to the size limit", "", repeatTo("title: ", "!!str ", limit)},
		{"documents to the size limit", "", repeatTo("title: t\n", "---\n", limit)},
	}
}

// TestHostileSetsRefused: every hostile file is refused with a message,
// the nesting ones naming the limit before any parser runs.
func TestHostileSetsRefused(t *testing.T) {
	for _, h := range hostileSets(t) {
		_, err := questionnaire.Parse("hostile.yaml", h.data)
		if err == nil {
			t.Errorf("%s: accepted", h.name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "hostile.yaml:") || !strings.Contains(err.Error(), h.want) {
			t.Errorf("%s: message %.300q, want it to name the file and say %q", h.name, err, h.want)
		}
		if n := len(err.Error()); n > 40_000 {
			t.Errorf("%s: the message is %d bytes", h.name, n)
		}
	}
}

// BenchmarkHostileSets parses each hostile file (target: under 2 s and
// 200 MB each, the bytes allocated per parse being an upper bound on the
// memory held).
func BenchmarkHostileSets(b *testing.B) {
	for _, h := range hostileSets(b) {
		b.Run(strings.ReplaceAll(h.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := questionnaire.Parse("hostile.yaml", h.data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
