package assessment_test

import (
	"slices"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// fixture is a set with two themes: a (a.1, a.2, a.3) and b (b.1).
func fixture() *questionnaire.Questionnaire {
	levels := []questionnaire.Level{}
	for i, l := range []string{"Not yet in place", "Emerging", "Developing", "Established", "Embedded"} {
		levels = append(levels, questionnaire.Level{Value: i + 1, Label: l, Descriptor: l})
	}
	return &questionnaire.Questionnaire{
		Scale: questionnaire.Scale{Levels: levels},
		Themes: []questionnaire.Theme{
			{ID: "a", Questions: []questionnaire.Question{{ID: "a.1"}, {ID: "a.2"}, {ID: "a.3"}}},
			{ID: "b", Questions: []questionnaire.Question{{ID: "b.1"}}},
		},
	}
}

// resp builds a response.
func resp(id string, level, target int, c assessment.Confidence) assessment.Response {
	return assessment.Response{QuestionID: id, Level: level, Target: target, Confidence: c}
}

func TestThemeScoresAndOverall(t *testing.T) {
	tests := []struct {
		name        string
		responses   []assessment.Response
		wantA       assessment.Score
		wantB       assessment.Score
		wantOverall assessment.Score
		wantString  string
	}{
		{
			name:        "all unassessed",
			responses:   nil,
			wantA:       assessment.Score{Total: 3},
			wantB:       assessment.Score{Total: 1},
			wantOverall: assessment.Score{Total: 4},
			wantString:  "not assessed",
		},
		{
			name:        "partial coverage leaves out unassessed questions",
			responses:   []assessment.Response{resp("a.1", 2, 0, ""), resp("a.2", 0, 4, ""), resp("a.3", 3, 0, "")},
			wantA:       assessment.Score{Mean: 2.5, Assessed: 2, Total: 3},
			wantB:       assessment.Score{Total: 1},
			wantOverall: assessment.Score{Mean: 2.5, Assessed: 2, Total: 4},
			wantString:  "2.5 (2 of 4 assessed)",
		},
		{
			name:        "overall is the mean of theme means, not of questions",
			responses:   []assessment.Response{resp("a.1", 1, 0, ""), resp("a.2", 1, 0, ""), resp("a.3", 1, 0, ""), resp("b.1", 5, 0, "")},
			wantA:       assessment.Score{Mean: 1, Assessed: 3, Total: 3},
			wantB:       assessment.Score{Mean: 5, Assessed: 1, Total: 1},
			wantOverall: assessment.Score{Mean: 3, Assessed: 4, Total: 4},
			wantString:  "3.0",
		},
	}
	q := fixture()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			themes := assessment.ThemeScores(q, tt.responses)
			if len(themes) != 2 || themes[0].ThemeID != "a" || themes[1].ThemeID != "b" {
				t.Fatalf("got themes %+v; want a then b", themes)
			}
			if themes[0].Level != tt.wantA || themes[1].Level != tt.wantB {
				t.Errorf("got a %+v b %+v; want a %+v b %+v", themes[0].Level, themes[1].Level, tt.wantA, tt.wantB)
			}
			got := assessment.Overall(themes)
			if got != tt.wantOverall {
				t.Errorf("got overall %+v; want %+v", got, tt.wantOverall)
			}
			if got != assessment.ScoreOf(q, tt.responses) {
				t.Errorf("ScoreOf disagrees with Overall(ThemeScores)")
			}
			if got.String() != tt.wantString {
				t.Errorf("got %q; want %q", got.String(), tt.wantString)
			}
		})
	}
}

func TestTargetScore(t *testing.T) {
	themes := assessment.ThemeScores(fixture(), []assessment.Response{resp("a.1", 2, 4, ""), resp("a.2", 0, 5, "")})
	want := assessment.Score{Mean: 4.5, Assessed: 2, Total: 3}
	if themes[0].Target != want {
		t.Errorf("got target %+v; want %+v", themes[0].Target, want)
	}
}

func TestRoundedAndLabel(t *testing.T) {
	q := fixture()
	tests := []struct {
		score assessment.Score
		want  int
		label string
	}{
		{assessment.Score{Mean: 3.4, Assessed: 1, Total: 1}, 3, "Developing"},
		{assessment.Score{Mean: 3.5, Assessed: 1, Total: 1}, 4, "Established"},
		{assessment.Score{Mean: 1.0, Assessed: 2, Total: 4}, 1, "Not yet in place"},
		{assessment.Score{Total: 4}, assessment.NotAssessed, "Not assessed"},
	}
	for _, tt := range tests {
		if got := tt.score.Rounded(); got != tt.want {
			t.Errorf("%+v.Rounded() = %d; want %d", tt.score, got, tt.want)
		}
		if got := assessment.LevelLabel(q, tt.score); got != tt.label {
			t.Errorf("LevelLabel(%+v) = %q; want %q", tt.score, got, tt.label)
		}
	}
}

func TestSpreads(t *testing.T) {
	votes := []assessment.Vote{
		{QuestionID: "a.1", Level: 2}, {QuestionID: "a.1", Level: 4}, {QuestionID: "a.1", Level: 3},
		{QuestionID: "a.2", Level: 3}, {QuestionID: "a.2", Level: 4}, {QuestionID: "a.2", Level: assessment.NotAssessed},
		{QuestionID: "b.1", Level: 5},
	}
	got := assessment.Spreads(votes)
	want := map[string]assessment.Spread{
		"a.1": {Min: 2, Max: 4, Count: 3},
		"a.2": {Min: 3, Max: 4, Count: 2},
		"b.1": {Min: 5, Max: 5, Count: 1},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: got %+v; want %+v", id, got[id], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d spreads; want %d", len(got), len(want))
	}
	if !got["a.1"].Divergent() || got["a.2"].Divergent() || got["b.1"].Divergent() {
		t.Errorf("divergent: a.1 %v a.2 %v b.1 %v; want true false false", got["a.1"].Divergent(), got["a.2"].Divergent(), got["b.1"].Divergent())
	}
}

func TestPriorities(t *testing.T) {
	tests := []struct {
		name      string
		responses []assessment.Response
		votes     []assessment.Vote
		want      []string
	}{
		{
			name:      "largest gap first",
			responses: []assessment.Response{resp("a.1", 3, 4, ""), resp("a.2", 1, 4, ""), resp("b.1", 2, 4, "")},
			want:      []string{"a.2", "b.1", "a.1"},
		},
		{
			name:      "equal gaps: widest spread first",
			responses: []assessment.Response{resp("a.1", 2, 3, ""), resp("a.2", 2, 3, "")},
			votes:     []assessment.Vote{{QuestionID: "a.2", Level: 1}, {QuestionID: "a.2", Level: 3}, {QuestionID: "a.1", Level: 2}},
			want:      []string{"a.2", "a.1"},
		},
		{
			name:      "equal gap and spread: lowest confidence first, none said lowest",
			responses: []assessment.Response{resp("a.1", 2, 3, assessment.High), resp("a.2", 2, 3, assessment.Low), resp("a.3", 2, 3, "")},
			want:      []string{"a.3", "a.2", "a.1"},
		},
		{
			name:      "ties keep question order",
			responses: []assessment.Response{resp("b.1", 2, 3, assessment.Medium), resp("a.3", 2, 3, assessment.Medium)},
			want:      []string{"a.3", "b.1"},
		},
		{
			name:      "divergent votes without a gap still count; met targets and unassessed do not",
			responses: []assessment.Response{resp("a.1", 3, 3, ""), resp("a.2", 4, 3, ""), resp("a.3", 0, 5, ""), resp("b.1", 3, 0, "")},
			votes:     []assessment.Vote{{QuestionID: "b.1", Level: 1}, {QuestionID: "b.1", Level: 4}},
			want:      []string{"b.1"},
		},
		{name: "nothing assessed", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range assessment.Priorities(fixture(), tt.responses, tt.votes) {
				got = append(got, p.QuestionID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v; want %v", got, tt.want)
			}
		})
	}
}

func TestPriorityGap(t *testing.T) {
	for _, tt := range []struct{ level, target, want int }{{2, 4, 2}, {4, 2, -2}, {0, 4, 0}, {3, 0, 0}} {
		if got := (assessment.Priority{Level: tt.level, Target: tt.target}).Gap(); got != tt.want {
			t.Errorf("gap(%d→%d) = %d; want %d", tt.level, tt.target, got, tt.want)
		}
	}
}

func TestValidatePeriod(t *testing.T) {
	tests := []struct {
		period string
		ok     bool
		next   string
	}{
		{"2025/26", true, "2026/27"},
		{"1999/00", true, "2000/01"},
		{"2025/27", false, ""},
		{"2025-26", false, ""},
		{"25/26", false, ""},
		{"2025/2026", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		err := assessment.ValidatePeriod(tt.period)
		if (err == nil) != tt.ok {
			t.Errorf("ValidatePeriod(%q) = %v; want ok %v", tt.period, err, tt.ok)
		}
		if got := assessment.NextPeriod(tt.period); got != tt.next {
			t.Errorf("NextPeriod(%q) = %q; want %q", tt.period, got, tt.next)
		}
	}
}

func TestOverdue(t *testing.T) {
	day := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	due := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    assessment.Action
		want bool
	}{
		{"open and past due", assessment.Action{Due: due, Status: assessment.InProgress}, true},
		{"due today", assessment.Action{Due: due.AddDate(0, 0, 1), Status: assessment.AtRisk}, false},
		{"complete", assessment.Action{Due: due, Status: assessment.Complete}, false},
		{"dropped", assessment.Action{Due: due, Status: assessment.Dropped}, false},
		{"no due date", assessment.Action{Status: assessment.NotStarted}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Overdue(day); got != tt.want {
			t.Errorf("%s: got %v; want %v", tt.name, got, tt.want)
		}
	}
}
