package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// compareSize is the window size of the comparison tests and golden.
var compareSize = fyne.NewSize(1200, 800)

// compareApp is the app on the demo database, with synchronous background
// work and the fixed clock, showing the comparison of the demo partnership.
func compareApp(t *testing.T) (*App, *store.Store) {
	t.Helper()
	_, s := demoSession(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(compareSize)
	app := New(context.Background(), fyne.CurrentApp(), w, s)
	app.run, app.Home.run = inline, inline
	reload(t, app.Home)
	if len(app.Home.Views) != 1 {
		t.Fatalf("%d partnerships on the home screen; want the demo's one", len(app.Home.Views))
	}
	p := app.Home.Views[0].partnership
	button := app.Home.CompareButtons[p.ID]
	if button == nil {
		t.Fatal("no Compare years button for the demo partnership")
	}
	if !strings.Contains(texts(app.Home.Detail), "Compare years") {
		t.Error("the Compare years button is not on the partnership's card")
	}
	// Tapping the button opens the screen; the clock is then fixed and the
	// screen loaded again so overdue actions are judged on testClock.
	test.Tap(button)
	if app.Compare == nil {
		t.Fatal("Compare years did not open the comparison")
	}
	app.Compare.now = func() time.Time { return testClock }
	done := false
	app.Compare.Load(func() { done = true })
	if !done {
		t.Fatal("the comparison did not load")
	}
	return app, s
}

// texts gathers the text of every label and check under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		case *widget.Check:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			b.WriteString(v.Title + "\n" + v.Subtitle + "\n")
			walk(v.Content)
		case *container.Scroll:
			walk(v.Content)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// wantComparison compares the demo's assessments straight from the store.
func wantComparison(t *testing.T, s *store.Store, ids ...string) (assessment.Comparison, assessment.ActionReview) {
	t.Helper()
	ctx := context.Background()
	var cols []assessment.Column
	var recs []assessment.Record
	for _, id := range ids {
		rec, err := s.LoadRecord(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		q, err := s.Questionnaire(ctx, rec.Assessment.QuestionnaireID, rec.Assessment.QuestionnaireVersion)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
		cols = append(cols, assessment.Column{Assessment: rec.Assessment, Questionnaire: q, Responses: rec.Responses})
	}
	c, err := assessment.Compare(cols)
	if err != nil {
		t.Fatal(err)
	}
	return c, assessment.ReviewActions(recs, testClock)
}

func TestCompareDemoThreeYears(t *testing.T) {
	app, s := compareApp(t)
	c := app.Compare
	if len(c.Periods) != 3 {
		t.Fatalf("%d period check boxes; want 3", len(c.Periods))
	}
	for i, want := range []string{"2023/24", "2024/25", "2025/26"} {
		if !strings.HasPrefix(c.Periods[i].Text, want) || !c.Periods[i].Checked {
			t.Errorf("check box %d: %q ticked %v; want %s ticked", i, c.Periods[i].Text, c.Periods[i].Checked, want)
		}
	}
	if c.Shown == nil || !c.Body.Visible() {
		t.Fatalf("nothing shown; status %q", c.Status.Text)
	}
	if got := c.Shown.periods(); strings.Join(got, ",") != "2023/24,2024/25,2025/26" {
		t.Errorf("periods shown %v", got)
	}
	if !strings.Contains(c.Status.Text, "2023/24, 2024/25 and 2025/26") || !strings.Contains(c.Status.Text, "from 2024/25 to 2025/26") {
		t.Errorf("status %q", c.Status.Text)
	}
	want, review := wantComparison(t, s, c.Summaries[0].ID, c.Summaries[1].ID, c.Summaries[2].ID)

	// Levels by theme: a heading row, a row per theme, a rule, overall, a note.
	if got := len(c.Scores.Objects); got != len(want.Themes)+4 {
		t.Errorf("%d rows in the theme table; want %d", got, len(want.Themes)+4)
	}
	if len(c.ThemeChanges) != len(want.Themes) {
		t.Fatalf("%d theme changes; want %d", len(c.ThemeChanges), len(want.Themes))
	}
	kinds := map[assessment.Change]bool{}
	for i, th := range want.Themes {
		kinds[th.Change] = true
		if got := c.ThemeChanges[i].Text; !strings.HasPrefix(got, string(th.Change)) {
			t.Errorf("%s: change %q; want %q", th.Title, got, th.Change)
		}
		row := texts(c.Scores.Objects[i+1])
		for _, sc := range th.Scores {
			if !strings.Contains(row, fmt.Sprintf("%.1f", sc.Mean)) {
				t.Errorf("%s row %q lacks %.1f", th.Title, row, sc.Mean)
			}
		}
	}
	if !kinds[assessment.Improved] {
		t.Errorf("no theme improved in the demo: the test shows too little")
	}
	if !strings.HasPrefix(c.OverallChange.Text, string(want.OverallChange)) {
		t.Errorf("overall change %q; want %s", c.OverallChange.Text, want.OverallChange)
	}
	overall := texts(c.Scores.Objects[len(want.Themes)+2])
	for _, sc := range want.Overall {
		if !strings.Contains(overall, fmt.Sprintf("%.1f", sc.Mean)) {
			t.Errorf("overall row %q lacks %.1f", overall, sc.Mean)
		}
	}
	for i, th := range want.Themes {
		if th.Change == assessment.Improved && !strings.Contains(c.ThemeChanges[i].Text, "up ") {
			t.Errorf("%s improved but says %q", th.Title, c.ThemeChanges[i].Text)
		}
	}

	// Trend charts: one per theme, drawn.
	if len(c.ChartImages) != len(want.Themes) || len(c.Charts.Objects) != len(want.Themes) {
		t.Errorf("%d charts, %d images; want %d", len(c.Charts.Objects), len(c.ChartImages), len(want.Themes))
	}
	for i, img := range c.ChartImages {
		if img.Image == nil || img.Image.Bounds().Dx() < 2*trendW {
			t.Errorf("chart %d not drawn at twice its size", i)
		}
	}

	// Question counts and targets.
	for ch, n := range want.Counts {
		l := c.CountLabels[ch]
		if n > 0 && (l == nil || l.Text != fmt.Sprintf("%d %s", n, ch)) {
			t.Errorf("count of %s: %v; want %d", ch, l, n)
		}
	}
	if want := fmt.Sprintf("%d met, %d not met", want.Targets[assessment.TargetMet], want.Targets[assessment.TargetMissed]); !strings.Contains(c.Targets.Text, want) {
		t.Errorf("targets %q; want %q", c.Targets.Text, want)
	}
	if got := len(c.Questions.Objects); got != len(want.Questions)+2 {
		t.Errorf("%d rows in the question table; want a heading, %d questions and a key", got, len(want.Questions))
	}
	newest := want.Columns[len(want.Columns)-1].Questionnaire
	for i, qc := range want.Questions {
		row := texts(c.Questions.Objects[i+1])
		name := newest.QuestionName(qc.QuestionID)
		if !strings.HasPrefix(row, name+": ") || !strings.Contains(row, string(qc.Change)) || !strings.Contains(row, string(qc.Target)) {
			t.Errorf("row %d: %q; want %s, %s, %s", i+1, row, name, qc.Change, qc.Target)
		}
		if strings.Contains(row, qc.ThemeID+".") {
			t.Errorf("row %d: %q shows an internal id", i+1, row)
		}
	}
	if c.Unmatched.Text != "Every question has a match in every period compared." {
		t.Errorf("unmatched %q", c.Unmatched.Text)
	}

	// Last year's actions.
	if review.Period != "2024/25" || len(review.Items) == 0 {
		t.Fatalf("review of %q with %d items", review.Period, len(review.Items))
	}
	for _, f := range []assessment.Fate{assessment.Completed, assessment.DroppedFate, assessment.CarriedForward, assessment.LeftOpen} {
		if want := fmt.Sprintf("%d %s", review.Counts[f], f); !strings.Contains(c.ActionCounts.Text, want) {
			t.Errorf("action counts %q lack %q", c.ActionCounts.Text, want)
		}
	}
	if want := fmt.Sprintf("%d overdue on 2 March 2026", review.Overdue); !strings.Contains(c.ActionCounts.Text, want) {
		t.Errorf("action counts %q lack %q", c.ActionCounts.Text, want)
	}
	if len(c.Actions.Objects) != len(review.Items) {
		t.Errorf("%d action rows; want %d", len(c.Actions.Objects), len(review.Items))
	}
	list := texts(c.Actions)
	carried, overdue := 0, 0
	for _, it := range review.Items {
		if !strings.Contains(list, it.Action.Title) {
			t.Errorf("the list lacks %q", it.Action.Title)
		}
		if it.Fate == assessment.CarriedForward {
			carried++
		}
		if it.Overdue {
			overdue++
		}
	}
	if carried == 0 || strings.Count(list, "Carried forward: ") != carried {
		t.Errorf("%d carried forward in the list; want %d", strings.Count(list, "Carried forward: "), carried)
	}
	if got := strings.Count(list, "OVERDUE"); got != overdue {
		t.Errorf("%d flagged overdue; want %d", got, overdue)
	}
	if !strings.Contains(list, "History: 2023/24: ") && !strings.Contains(list, "History: 2024/25: ") {
		t.Errorf("no carried action's history in the list:\n%s", list)
	}

	// A small screen still fits: the charts wrap, the tables give way.
	if w := c.Content().MinSize().Width; w > 880 {
		t.Errorf("the screen needs %.0f wide; want it to fit in 880", w)
	}

	// Back goes home, and the app still works.
	test.Tap(c.Back)
	if app.Compare != nil || app.Current != nil {
		t.Errorf("Back: compare %v, current %v", app.Compare != nil, app.Current != nil)
	}
	reload(t, app.Home)
	open(t, app, app.Home.Views[0].assessments[2].ID)
	if app.Current == nil || app.Current.s.rec.Assessment.Period != "2025/26" {
		t.Errorf("after the comparison, opening 2025/26 failed")
	}
}

func TestCompareChoosingPeriods(t *testing.T) {
	app, s := compareApp(t)
	c := app.Compare
	c.Periods[0].SetChecked(false)
	if c.Shown == nil || len(c.Shown.periods()) != 2 {
		t.Fatalf("two ticked: shown %+v, status %q", c.Shown, c.Status.Text)
	}
	want, _ := wantComparison(t, s, c.Summaries[1].ID, c.Summaries[2].ID)
	for i, th := range want.Themes {
		if !strings.HasPrefix(c.ThemeChanges[i].Text, string(th.Change)) {
			t.Errorf("%s: %q; want %s", th.Title, c.ThemeChanges[i].Text, th.Change)
		}
	}
	if got := len(c.Scores.Objects[0].(*fyne.Container).Objects); got != 4 {
		t.Errorf("heading of %d cells; want theme, two periods and change", got)
	}

	c.Periods[1].SetChecked(false)
	if c.Shown != nil || c.Body.Visible() {
		t.Error("one ticked: a comparison is still shown")
	}
	if !strings.Contains(c.Status.Text, "Only one assessment is ticked") || !strings.Contains(c.Status.Text, "two or more") {
		t.Errorf("one ticked: status %q", c.Status.Text)
	}
	c.Periods[2].SetChecked(false)
	if !strings.Contains(c.Status.Text, "No assessment is ticked") {
		t.Errorf("none ticked: status %q", c.Status.Text)
	}
	c.Periods[0].SetChecked(true)
	c.Periods[2].SetChecked(true)
	if c.Shown == nil || strings.Join(c.Shown.periods(), ",") != "2023/24,2025/26" {
		t.Errorf("2023/24 and 2025/26 ticked: status %q", c.Status.Text)
	}
}

// TestCompareUnmatched compares a question set with a newer version in
// which one question was renamed (declaring the id it replaces), one added
// and one removed: the renamed one is followed, the others listed.
func TestCompareUnmatched(t *testing.T) {
	test.NewTempApp(t)
	old, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	newer, _ := questionnaires.LoadDefault()
	newer.Version = "2.0"
	th := &newer.Themes[0]
	removed := th.Questions[len(th.Questions)-1].ID
	th.Questions[0].Replaces, th.Questions[0].ID = th.Questions[0].ID, "culture.renamed"
	th.Questions = append(th.Questions[:len(th.Questions)-1], questionnaire.Question{ID: "culture.new", Text: "A question new in 2.0?"})
	p := assessment.Partnership{ID: "p", Name: "Westvale Safeguarding Children Partnership"}
	a1 := assessment.Assessment{ID: "a1", PartnershipID: "p", QuestionnaireID: old.ID, Period: "2024/25"}
	a2 := assessment.Assessment{ID: "a2", PartnershipID: "p", QuestionnaireID: old.ID, Period: "2025/26"}
	r1 := []assessment.Response{{QuestionID: old.Themes[0].Questions[0].ID, Level: 2, Target: 3}, {QuestionID: removed, Level: 4}}
	r2 := []assessment.Response{{QuestionID: "culture.renamed", Level: 3}, {QuestionID: "culture.new", Level: 1}}
	cm, err := assessment.Compare([]assessment.Column{{Assessment: a1, Questionnaire: old, Responses: r1}, {Assessment: a2, Questionnaire: newer, Responses: r2}})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCompareScreen(context.Background(), nil, p, func() {})
	w := test.NewTempWindow(t, c.Content())
	w.Resize(compareSize)
	res := &comparison{Comparison: cm, Records: []assessment.Record{{Assessment: a1}, {Assessment: a2}}, Day: testClock,
		Review: assessment.ReviewActions([]assessment.Record{{Assessment: a1}, {Assessment: a2}}, testClock)}
	res.charts, res.chartErr = trendCharts(cm)
	c.show(res, nil)
	// The new question takes the removed one's number: only the version
	// tells them apart.
	for _, want := range []string{"• Culture, question 3 (new question): no matching question in 2024/25\n",
		"• Culture, question 3 of version 1.0 (question removed): no matching question in 2025/26"} {
		if !strings.Contains(c.Unmatched.Text, want) {
			t.Errorf("unmatched lacks %q:\n%s", want, c.Unmatched.Text)
		}
	}
	if strings.Contains(c.Unmatched.Text, "Culture, question 1") {
		t.Errorf("the renamed question is listed as unmatched:\n%s", c.Unmatched.Text)
	}
	rows := texts(c.Questions)
	for _, want := range []string{"Culture, question 1: " + th.Questions[0].Text[:20], "Culture, question 3: A question new in 2.0?",
		"Culture, question 3 of version 1.0: ", "improved", "met", "new question", "question removed", "×"} {
		if !strings.Contains(rows, want) {
			t.Errorf("question table lacks %q:\n%s", want, rows)
		}
	}
	if strings.Contains(rows, "culture.") || strings.Contains(c.Unmatched.Text, "culture.") {
		t.Errorf("an internal id is shown:\n%s\n%s", rows, c.Unmatched.Text)
	}
	if !strings.Contains(c.ActionCounts.Text, "The 2024/25 assessment had no actions.") {
		t.Errorf("actions %q", c.ActionCounts.Text)
	}
}

// TestCompareUnmatchedEarlierName: a question new in 1.0 and renamed and
// moved in 2.0 has no match in the oldest period; the list says where it
// was in the period between, by its name in that period's set.
func TestCompareUnmatchedEarlierName(t *testing.T) {
	sets := make([]*questionnaire.Questionnaire, 3)
	for i := range sets {
		q, err := questionnaires.LoadDefault()
		if err != nil {
			t.Fatal(err)
		}
		sets[i] = q
	}
	v09, v2 := sets[0], sets[2]
	v09.Version = "0.9"
	v09.Themes[0].Questions = v09.Themes[0].Questions[:2]
	v2.Version = "2.0"
	qs := v2.Themes[0].Questions
	qs[2].Replaces, qs[2].ID = qs[2].ID, "culture.moved"
	v2.Themes[0].Questions = []questionnaire.Question{qs[2], qs[0], qs[1]}
	var cols []assessment.Column
	for i, period := range []string{"2023/24", "2024/25", "2025/26"} {
		a := assessment.Assessment{ID: period, PartnershipID: "p", QuestionnaireID: v2.ID, Period: period}
		cols = append(cols, assessment.Column{Assessment: a, Questionnaire: sets[i]})
	}
	cm, err := assessment.Compare(cols)
	if err != nil {
		t.Fatal(err)
	}
	got := unmatchedText(&comparison{Comparison: cm})
	want := "• Culture, question 1 (not assessed): no matching question in 2023/24; earlier in 2024/25 Culture, question 3 of version 1.0"
	if !strings.Contains(got, want) {
		t.Errorf("unmatched:\n%s\nwant the line\n%s", got, want)
	}
	if strings.Contains(got, "culture.") {
		t.Errorf("an internal id is shown:\n%s", got)
	}
}

func TestCompareMarkup(t *testing.T) {
	app, _ := compareApp(t)
	test.AssertRendersToMarkup(t, "compare.xml", app.win.Canvas())
}

// TestComparePNG writes pictures of the comparison for a person to look
// at: COMPARE_PNG=/tmp/c.png.
func TestComparePNG(t *testing.T) {
	out := os.Getenv("COMPARE_PNG")
	if out == "" {
		t.Skip("set COMPARE_PNG=/path/to/file.png to write pictures of the comparison")
	}
	app, _ := compareApp(t)
	base := strings.TrimSuffix(out, ".png")
	write := func(name string, th fyne.Theme, size fyne.Size) {
		fyne.CurrentApp().Settings().SetTheme(th)
		app.win.Resize(size)
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, app.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", name)
	}
	write(out, theme.DefaultTheme(), compareSize)
	write(base+"-tall.png", lightTheme(), fyne.NewSize(1200, 3200))
	write(base+"-narrow.png", lightTheme(), fyne.NewSize(880, 1600))
	app.Compare.Periods[0].SetChecked(false)
	app.Compare.Periods[1].SetChecked(false)
	write(base+"-one.png", lightTheme(), compareSize)
}

// tenYears is the comparison screen of an invented partnership with ten
// years of assessments, every one ticked, in a 1200×800 window.
func tenYears(tb testing.TB) *CompareScreen {
	tb.Helper()
	test.NewTempApp(tb)
	s, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "ten.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	q, err := questionnaires.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	var p assessment.Partnership
	for recs := range demo.National(q, demo.Options{Partnerships: 1, Years: 10, Seed: 1}) {
		for _, rec := range recs {
			if err := s.ImportRecord(context.Background(), q, rec); err != nil {
				tb.Fatal(err)
			}
		}
		p = recs[0].Partnership
	}
	c := NewCompareScreen(context.Background(), s, p, func() {})
	c.run, c.now = inline, func() time.Time { return testClock }
	w := test.NewTempWindow(tb, c.Content())
	w.Resize(compareSize)
	c.Load(nil)
	if c.Shown == nil || len(c.Shown.periods()) != 10 {
		tb.Fatalf("ten years not compared: %s", c.Status.Text)
	}
	return c
}

// TestCompareTenYearsFits checks ten years fit the screen's width and draw
// every theme's chart. Its speed on the UI goroutine is measured by
// BenchmarkCompareTenYearsShow (target: under 100 ms a frame).
func TestCompareTenYearsFits(t *testing.T) {
	c := tenYears(t)
	res := c.Shown
	c.show(res, nil)
	c.Content().Refresh()
	if w := c.Content().MinSize().Width; w > 880 {
		t.Errorf("ten years need %.0f wide; want the screen to fit in 880", w)
	}
	if len(c.ChartImages) != len(res.Comparison.Themes) {
		t.Errorf("%d of %d charts drawn for ten years: %v", len(c.ChartImages), len(res.Comparison.Themes), res.chartErr)
	}
}

// BenchmarkCompareTenYearsShow builds the screen's widgets from a finished
// comparison of ten years: the work on the UI goroutine.
func BenchmarkCompareTenYearsShow(b *testing.B) {
	c := tenYears(b)
	res := c.Shown
	for b.Loop() {
		c.show(res, nil)
	}
}

// BenchmarkCompareTenYearsWork compares ten cached years and draws the
// charts: the work off the UI goroutine once the records are loaded.
func BenchmarkCompareTenYearsWork(b *testing.B) {
	c := tenYears(b)
	ids := c.selected()
	for b.Loop() {
		if _, err := c.compare(ids, testClock); err != nil {
			b.Fatal(err)
		}
	}
}
