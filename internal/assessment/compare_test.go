package assessment_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		before, after int
		want          assessment.Change
	}{
		{2, 3, assessment.Improved},
		{4, 2, assessment.Declined},
		{3, 3, assessment.Unchanged},
		{0, 2, assessment.NewlyAssessed},
		{2, 0, assessment.NoLongerAssessed},
		{0, 0, assessment.NeitherAssessed},
	}
	for _, tt := range tests {
		if got := assessment.Classify(tt.before, tt.after); got != tt.want {
			t.Errorf("Classify(%d, %d) = %q; want %q", tt.before, tt.after, got, tt.want)
		}
	}
}

// column builds one assessment of partnership p in period against q.
func column(q *questionnaire.Questionnaire, p, period string, responses ...assessment.Response) assessment.Column {
	return assessment.Column{Questionnaire: q, Responses: responses,
		Assessment: assessment.Assessment{PartnershipID: p, QuestionnaireID: "set", Period: period}}
}

// version2 is fixture() with a.2 reworded as a.2b (replacing a.2), a.3
// removed, and a new question b.2.
func version2() *questionnaire.Questionnaire {
	q := fixture()
	q.Version = "2"
	q.Themes[0].Questions = []questionnaire.Question{{ID: "a.1"}, {ID: "a.2b", Replaces: "a.2"}}
	q.Themes[1].Questions = append(q.Themes[1].Questions, questionnaire.Question{ID: "b.2"})
	return q
}

func TestCompareSameSet(t *testing.T) {
	q := fixture()
	old := column(q, "p", "2024/25", resp("a.1", 2, 3, ""), resp("a.2", 3, 4, ""), resp("a.3", 2, 0, ""))
	cur := column(q, "p", "2025/26", resp("a.1", 3, 4, ""), resp("a.2", 3, 4, ""), resp("b.1", 4, 0, ""))
	c, err := assessment.Compare([]assessment.Column{cur, old}) // out of order on purpose
	if err != nil {
		t.Fatal(err)
	}
	if c.Columns[0].Assessment.Period != "2024/25" {
		t.Fatalf("columns not sorted oldest first")
	}
	want := map[string]struct {
		change assessment.Change
		target assessment.TargetResult
	}{
		"a.1": {assessment.Improved, assessment.TargetMet},
		"a.2": {assessment.Unchanged, assessment.TargetMissed},
		"a.3": {assessment.NoLongerAssessed, assessment.NoTarget},
		"b.1": {assessment.NewlyAssessed, assessment.NoTarget},
	}
	if len(c.Questions) != 4 {
		t.Fatalf("%d questions; want 4", len(c.Questions))
	}
	for _, qc := range c.Questions {
		w := want[qc.QuestionID]
		if qc.Change != w.change || qc.Target != w.target {
			t.Errorf("%s: %q, target %q; want %q, %q", qc.QuestionID, qc.Change, qc.Target, w.change, w.target)
		}
	}
	if c.Counts[assessment.Improved] != 1 || c.Counts[assessment.NewlyAssessed] != 1 || c.Targets[assessment.TargetMet] != 1 {
		t.Errorf("counts %v targets %v", c.Counts, c.Targets)
	}
	// Theme a: 2.33 (3 of 3) → 3.0 (2 of 3): improved, on partial coverage.
	a := c.Themes[0]
	if a.Change != assessment.Improved || a.Scores[1].Assessed != 2 || a.Scores[1].Total != 3 {
		t.Errorf("theme a: %+v", a)
	}
	if c.Themes[1].Change != assessment.NewlyAssessed {
		t.Errorf("theme b: %q; want newly assessed", c.Themes[1].Change)
	}
}

func TestCompareAcrossVersions(t *testing.T) {
	v1, v2 := fixture(), version2()
	cols := []assessment.Column{
		column(v1, "p", "2023/24", resp("a.1", 1, 0, ""), resp("a.2", 2, 0, ""), resp("a.3", 3, 0, "")),
		column(v1, "p", "2024/25", resp("a.1", 2, 0, ""), resp("a.2", 2, 3, ""), resp("a.3", 3, 0, "")),
		column(v2, "p", "2025/26", resp("a.1", 2, 0, ""), resp("a.2b", 3, 0, ""), resp("b.2", 2, 0, "")),
	}
	c, err := assessment.Compare(cols)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]assessment.QuestionComparison{}
	var order []string
	for _, qc := range c.Questions {
		got[qc.QuestionID] = qc
		order = append(order, qc.QuestionID)
	}
	if want := []string{"a.1", "a.2b", "b.1", "b.2", "a.3"}; !slices.Equal(order, want) {
		t.Fatalf("questions %v; want %v (newest set's order, then removed ones)", order, want)
	}
	if r := got["a.2b"]; !slices.Equal(r.IDs, []string{"a.2", "a.2", "a.2b"}) || !slices.Equal(r.Levels, []int{2, 2, 3}) ||
		r.Change != assessment.Improved || r.Target != assessment.TargetMet {
		t.Errorf("a.2b followed through replaces: %+v", r)
	}
	if r := got["b.2"]; r.Change != assessment.NewQuestion || !slices.Equal(r.IDs, []string{"", "", "b.2"}) {
		t.Errorf("b.2 is new: %+v", r)
	}
	if r := got["a.3"]; r.Change != assessment.RemovedQuestion || !slices.Equal(r.Levels, []int{3, 3, 0}) {
		t.Errorf("a.3 was removed, not paired by position: %+v", r)
	}
	if c.Counts[assessment.RemovedQuestion] != 1 || c.Counts[assessment.NewQuestion] != 1 {
		t.Errorf("counts %v", c.Counts)
	}
}

func TestCompareRefuses(t *testing.T) {
	q := fixture()
	other := column(q, "p", "2025/26")
	other.Assessment.QuestionnaireID = "practice"
	tests := [][]assessment.Column{
		{column(q, "p", "2025/26")},
		{column(q, "p", "2024/25"), column(q, "someone else", "2025/26")},
		{column(q, "p", "2024/25"), other},
	}
	for i, cols := range tests {
		if _, err := assessment.Compare(cols); !errors.Is(err, assessment.ErrCompare) {
			t.Errorf("case %d: got %v; want ErrCompare", i, err)
		}
	}
}

func TestReviewActions(t *testing.T) {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	past := day.AddDate(0, -1, 0)
	first := assessment.Record{Assessment: assessment.Assessment{Period: "2023/24"}, Actions: []assessment.Action{
		{ID: "x0", Title: "Origin", Status: assessment.InProgress},
	}}
	prev := assessment.Record{Assessment: assessment.Assessment{Period: "2024/25"}, Actions: []assessment.Action{
		{ID: "x1", Title: "Carried twice", Status: assessment.InProgress, CarriedFromID: "x0"},
		{ID: "d1", Title: "Done", Status: assessment.Complete},
		{ID: "d2", Title: "Dropped", Status: assessment.Dropped},
		{ID: "o1", Title: "Forgotten", Status: assessment.AtRisk, Due: past},
	}}
	cur := assessment.Record{Assessment: assessment.Assessment{Period: "2025/26"}, Actions: []assessment.Action{
		{ID: "x2", Title: "Carried twice", Status: assessment.AtRisk, CarriedFromID: "x1", Due: past},
		{ID: "n1", Title: "New this year", Status: assessment.NotStarted},
	}}
	r := assessment.ReviewActions([]assessment.Record{first, prev, cur}, day)
	if r.Period != "2024/25" || len(r.Items) != 4 {
		t.Fatalf("reviewed %q with %d items; want 2024/25 with 4", r.Period, len(r.Items))
	}
	fates := map[string]assessment.Fate{}
	for _, it := range r.Items {
		fates[it.Action.ID] = it.Fate
		if it.Action.ID == "x1" {
			var ids []string
			for _, h := range it.History {
				ids = append(ids, h.ID)
			}
			if !slices.Equal(ids, []string{"x0", "x1", "x2"}) || it.Now.ID != "x2" || !it.Overdue {
				t.Errorf("carried action: history %v, now %v, overdue %v", ids, it.Now, it.Overdue)
			}
		}
	}
	want := map[string]assessment.Fate{"x1": assessment.CarriedForward, "d1": assessment.Completed,
		"d2": assessment.DroppedFate, "o1": assessment.LeftOpen}
	for id, f := range want {
		if fates[id] != f {
			t.Errorf("%s: %q; want %q", id, fates[id], f)
		}
	}
	if r.Overdue != 2 || r.Counts[assessment.CarriedForward] != 1 {
		t.Errorf("overdue %d counts %v; want 2 overdue", r.Overdue, r.Counts)
	}
	if empty := assessment.ReviewActions([]assessment.Record{cur}, day); len(empty.Items) != 0 {
		t.Errorf("one record reviewed %d actions", len(empty.Items))
	}
}

func TestPeerView(t *testing.T) {
	q := fixture()
	inputs := []assessment.PeerInput{
		{Partnership: "Avon", Responses: []assessment.Response{resp("a.1", 2, 0, ""), resp("b.1", 2, 0, "")}},
		{Partnership: "Brent", Responses: []assessment.Response{resp("a.1", 4, 0, ""), resp("b.1", 4, 0, "")}},
		{Partnership: "Crewe"},
	}
	named := assessment.PeerView(q, inputs, false)
	var names []string
	for _, p := range named {
		names = append(names, p.Name)
	}
	if !slices.Equal(names, []string{"Brent", "Avon", "Crewe"}) || named[0].Overall.Mean != 4 || named[2].Overall.Valid() {
		t.Errorf("peer order %v; want highest overall first, unassessed last", names)
	}
	anon := assessment.PeerView(q, inputs, true)
	for i, want := range []string{"Partnership A", "Partnership B", "Partnership C"} {
		if anon[i].Name != want || anon[i].Overall != named[i].Overall {
			t.Errorf("anonymised %d: %q %+v", i, anon[i].Name, anon[i].Overall)
		}
	}
	many := make([]assessment.PeerInput, 28)
	if got := assessment.PeerView(q, many, true)[27].Name; got != "Partnership AB" {
		t.Errorf("28th anonymised name %q; want Partnership AB", got)
	}
}

func TestTrendAcrossVersions(t *testing.T) {
	cols := []assessment.Column{
		column(fixture(), "p", "2024/25", resp("a.1", 2, 0, ""), resp("a.2", 2, 0, "")),
		column(version2(), "p", "2025/26", resp("a.1", 3, 0, ""), resp("a.2b", 3, 0, ""), resp("b.2", 1, 0, "")),
	}
	points := assessment.Trend(cols)
	if len(points) != 2 || points[0].Themes[0].Level.Mean != 2 || points[1].Themes[0].Level.Mean != 3 ||
		points[1].Themes[1].Level.Assessed != 1 || points[0].Themes[1].ThemeID != "b" {
		t.Errorf("trend %+v", points)
	}
}

// TestCompareFreshDraftIsNotYetAssessed: a new draft with nothing answered
// is "not yet assessed", never "no longer assessed".
func TestCompareFreshDraftIsNotYetAssessed(t *testing.T) {
	q := fixture()
	old := column(q, "p", "2024/25", resp("a.1", 2, 3, ""), resp("b.1", 3, 4, ""))
	old.Assessment.Status = assessment.SignedOff
	draft := column(q, "p", "2025/26")
	draft.Assessment.Status = assessment.Draft
	c, err := assessment.Compare([]assessment.Column{old, draft})
	if err != nil {
		t.Fatal(err)
	}
	if c.OverallChange != assessment.NotYetAssessed {
		t.Errorf("overall %q; want not yet assessed", c.OverallChange)
	}
	for _, tc := range c.Themes {
		if tc.Change != assessment.NotYetAssessed {
			t.Errorf("theme %s: %q; want not yet assessed", tc.ThemeID, tc.Change)
		}
	}
	for _, qc := range c.Questions {
		if qc.QuestionID == "a.1" && qc.Change != assessment.NotYetAssessed {
			t.Errorf("a.1: %q; want not yet assessed", qc.Change)
		}
	}
	old.Assessment.Status, draft.Assessment.Status = assessment.SignedOff, assessment.Agreed
	c, _ = assessment.Compare([]assessment.Column{old, draft})
	if c.Themes[0].Change != assessment.NoLongerAssessed {
		t.Errorf("an agreed assessment without the theme: %q; want no longer assessed", c.Themes[0].Change)
	}
}

// TestCompareQuestionNames names every question by its theme and number,
// never its id: as the newest set numbers it, or, for a question only an
// older set holds, as that set numbers it with its version, so it cannot
// be taken for the newest set's question of the same number.
func TestCompareQuestionNames(t *testing.T) {
	v1 := fixture()
	v1.Version = "1.0"
	v1.Themes[0].Title, v1.Themes[1].Title = "Culture", "Voice"
	// In 2.0 a.2 is reworded as a.2b and moved first, a.3 is removed and
	// a.4 added in third place.
	v2 := fixture()
	v2.Version = "2.0"
	v2.Themes[0].Title, v2.Themes[1].Title = "Culture", "Voice"
	v2.Themes[0].Questions = []questionnaire.Question{{ID: "a.2b", Replaces: "a.2"}, {ID: "a.1"}, {ID: "a.4"}}
	c, err := assessment.Compare([]assessment.Column{
		column(v1, "p", "2023/24"), column(v2, "p", "2024/25"), column(v2, "p", "2025/26"),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a.2b": "Culture, question 1",
		"a.1":  "Culture, question 2",
		"a.4":  "Culture, question 3",
		"b.1":  "Voice, question 1",
		"a.3":  "Culture, question 3 of version 1.0",
	}
	if len(c.Questions) != len(want) {
		t.Fatalf("%d questions; want %d", len(c.Questions), len(want))
	}
	for _, qc := range c.Questions {
		if qc.Name != want[qc.QuestionID] {
			t.Errorf("%s is named %q; want %q", qc.QuestionID, qc.Name, want[qc.QuestionID])
		}
	}
	for _, tt := range []struct {
		col      int
		id, want string
	}{
		{0, "a.2", "Culture, question 2 of version 1.0"},
		{1, "a.2b", "Culture, question 1"}, // the newest set's version: no version said
		{2, "a.2b", "Culture, question 1"},
	} {
		if got := c.NameIn(tt.col, tt.id); got != tt.want {
			t.Errorf("NameIn(%d, %s) = %q; want %q", tt.col, tt.id, got, tt.want)
		}
	}
}
