package questionnaire_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// FuzzParse feeds Parse arbitrary bytes: it never panics, a refusal names
// the file, and a set it accepts validates and keeps its bytes.
func FuzzParse(f *testing.F) {
	good, err := questionnaires.Files.ReadFile("csprp-2023-strategic.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte("themes: [[[[{a: b}]]]]"))
	f.Add([]byte("id: x\nversion: \"1\"\n---\nid: y\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := questionnaire.Parse("fuzz.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("message %q does not name the file", err)
			}
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("accepted a set that does not validate: %v", err)
		}
		if !bytes.Equal(q.Raw, data) {
			t.Fatal("Raw is not the file's bytes")
		}
	})
}
