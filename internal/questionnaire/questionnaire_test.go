package questionnaire_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// TestBadCorpus parses every broken file in testdata/bad and compares the
// message with the .err file beside it, line for line.
func TestBadCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("bad corpus has %d files; want at least 15", len(files))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(file, ".yaml") + ".err")
			if err != nil {
				t.Fatalf("no expected message: %v", err)
			}
			q, err := questionnaire.Parse(name, data)
			if q != nil {
				t.Errorf("Parse returned a question set for a broken file")
			}
			var perr *questionnaire.Error
			if !errors.As(err, &perr) {
				t.Fatalf("got error %v (%T); want *questionnaire.Error", err, err)
			}
			if got := err.Error() + "\n"; got != string(want) {
				t.Errorf("got message\n%s\nwant\n%s", got, want)
			}
			for _, p := range perr.Problems {
				if p.File != name || p.Line < 1 {
					t.Errorf("problem %q has file %q line %d; want %q and a line", p.Message, p.File, p.Line, name)
				}
			}
		})
	}
}

// TestParseGood checks a valid file comes back whole.
func TestParseGood(t *testing.T) {
	data, err := os.ReadFile("testdata/good/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := questionnaire.Parse("minimal.yaml", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if q.ID != "test-set" || q.Version != "1.0" || len(q.Themes) != 2 || q.QuestionCount() != 3 {
		t.Errorf("got id %q version %q themes %d questions %d; want test-set 1.0 2 3", q.ID, q.Version, len(q.Themes), q.QuestionCount())
	}
	if string(q.Raw) != string(data) {
		t.Errorf("Raw does not hold the file's bytes")
	}
	if q.MinLevel() != 1 || q.MaxLevel() != 3 {
		t.Errorf("got levels %d–%d; want 1–3", q.MinLevel(), q.MaxLevel())
	}
	qu, th, ok := q.Question("workforce.1")
	if !ok || th.ID != "workforce" || !strings.HasPrefix(qu.Text, "How do you work together") {
		t.Errorf("Question(workforce.1) = %+v in %q, %v", qu, th.ID, ok)
	}
	if _, _, ok := q.Question("nope.1"); ok {
		t.Errorf("Question(nope.1) found a question")
	}
	if l, ok := q.Level(2); !ok || l.Label != "Emerging" {
		t.Errorf("Level(2) = %+v, %v; want Emerging", l, ok)
	}
	if len(q.SHA256()) != 64 {
		t.Errorf("SHA256 %q is not 64 hex digits", q.SHA256())
	}
}

// TestValidateWithoutFile checks problems found in a set built in code are
// located by path.
func TestValidateWithoutFile(t *testing.T) {
	q := &questionnaire.Questionnaire{Format: questionnaire.Format, ID: "x", Version: "1", Title: "X",
		Source: questionnaire.Source{Title: "S"},
		Scale: questionnaire.Scale{Levels: []questionnaire.Level{
			{Value: 1, Label: "a", Descriptor: "d"}, {Value: 2, Label: "b", Descriptor: "d"}}},
		Themes: []questionnaire.Theme{{ID: "t", Title: "T", Questions: []questionnaire.Question{{ID: "t.1", Section: "1"}}}},
	}
	err := q.Validate()
	if err == nil || err.Error() != "themes[0].questions[0].text: question text is empty" {
		t.Fatalf("got %v; want the empty question text located by path", err)
	}
	q.Themes[0].Questions[0].Text = "Why?"
	if err := q.Validate(); err != nil {
		t.Fatalf("valid set: %v", err)
	}
}

// TestShippedSets checks the question sets the app ships: they parse, and
// have the themes and questions the report gives.
func TestShippedSets(t *testing.T) {
	tests := []struct {
		file              string
		themes, questions int
	}{
		{"csprp-2023-strategic.yaml", 6, 18},
		{"csprp-2023-practice.yaml", 6, 32},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := questionnaires.Files.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			q, err := questionnaire.Parse(tt.file, data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(q.Themes) != tt.themes || q.QuestionCount() != tt.questions {
				t.Errorf("got %d themes, %d questions; want %d, %d", len(q.Themes), q.QuestionCount(), tt.themes, tt.questions)
			}
			if len(q.Scale.Levels) != 5 || q.Scale.Levels[0].Label != "Not yet in place" || q.Scale.Levels[4].Label != "Embedded" {
				t.Errorf("scale %+v; want five levels from Not yet in place to Embedded", q.Scale.Levels)
			}
			if !strings.Contains(q.Source.Licence, "Open Government Licence") {
				t.Errorf("licence %q does not attribute the Open Government Licence", q.Source.Licence)
			}
			if !strings.Contains(strings.ToLower(q.GuidanceNote), "not the panel") {
				t.Errorf("guidance note %q does not say the guidance is not the Panel's", q.GuidanceNote)
			}
		})
	}
}

// TestStrategicWording spot-checks that questions are quoted word for word.
func TestStrategicWording(t *testing.T) {
	data, err := questionnaires.Files.ReadFile(questionnaires.Default)
	if err != nil {
		t.Fatal(err)
	}
	q, err := questionnaire.Parse(questionnaires.Default, data)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"culture.1":       "Is there an understanding across multi agency leadership of the different contexts, responsibilities, and operating challenges across partners?",
		"effectiveness.1": "How do you know what you are doing is effective?",
		"workforce.4":     "How do you ensure capacity for workforce to engage in peer-learning and knowledge-exchange, peer-audit, group/individual supervision, and observation and promote staff welfare?",
	}
	for id, text := range want {
		qu, _, ok := q.Question(id)
		if !ok || strings.TrimSpace(qu.Text) != text || qu.Section != "10.2" {
			t.Errorf("%s: got %q (section %q); want %q (10.2)", id, qu.Text, qu.Section, text)
		}
	}
	for _, th := range q.Themes {
		if len(th.LooksLike) != 5 {
			t.Errorf("theme %s describes %d levels; want all 5", th.ID, len(th.LooksLike))
		}
	}
}

// BenchmarkParseDefault measures parsing and validating the default set
// (target: under 2 ms).
func BenchmarkParseDefault(b *testing.B) {
	data, err := questionnaires.Files.ReadFile(questionnaires.Default)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := questionnaire.Parse(questionnaires.Default, data); err != nil {
			b.Fatal(err)
		}
	}
}
