package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/chart"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/store"
)

// CompareScreen sets two or more of a partnership's assessments side by
// side: the overall and theme levels in each period with the change, a
// trend chart per theme, every question's levels with its change and
// whether its target was met, and what became of last year's actions.
type CompareScreen struct {
	ctx         context.Context
	store       Store
	partnership assessment.Partnership
	// run does background work; tests make it synchronous.
	run func(work, then func())
	// now is the clock that decides which actions are overdue.
	now func() time.Time

	// Back returns to the home screen.
	Back *widget.Button
	// Title names the partnership.
	Title *widget.Label
	// Periods has a check box per assessment, oldest first; Summaries are
	// the assessments they stand for, in the same order.
	Periods   []*widget.Check
	Summaries []store.AssessmentSummary
	// Picker holds the check boxes.
	Picker *fyne.Container
	// Status says what is compared, or why nothing is shown.
	Status *widget.Label
	// Body holds the comparison; hidden while there is none to show.
	Body *fyne.Container

	// Scores is the table of overall and theme levels by period.
	Scores *fyne.Container
	// ThemeChanges say each theme's change in words, in the newest set's
	// theme order; OverallChange the overall level's.
	ThemeChanges  []*widget.Label
	OverallChange *widget.Label
	// Charts holds a trend chart per theme; ChartImages are their images.
	Charts      *fyne.Container
	ChartImages []*canvas.Image
	// Counts holds a count per kind of change; CountLabels are its labels
	// by change. Targets counts the targets met.
	Counts      *fyne.Container
	CountLabels map[assessment.Change]*widget.Label
	Targets     *widget.Label
	// Questions is the table of questions, a row each after the heading.
	Questions *fyne.Container
	// Unmatched lists the questions some compared set does not hold.
	Unmatched *widget.Label
	// ActionCounts says what became of last year's actions; Actions lists
	// them, a row each.
	ActionCounts *widget.Label
	Actions      *fyne.Container

	// Shown is what the screen shows, or nil.
	Shown *comparison

	progress *widget.ProgressBarInfinite
	content  fyne.CanvasObject
	// page scrolls the comparison up and down.
	page *container.Scroll
	// gen numbers the loads, so a slow one cannot overwrite a newer one.
	gen int

	mu    sync.Mutex
	cache map[string]loaded
}

// loaded is one assessment read from the store with its question set.
type loaded struct {
	rec assessment.Record
	q   *questionnaire.Questionnaire
}

// comparison is everything the screen shows, worked out off the UI
// goroutine.
type comparison struct {
	Comparison assessment.Comparison
	Review     assessment.ActionReview
	// Records are the compared assessments, oldest first.
	Records []assessment.Record
	// Day is the day overdue actions are judged on.
	Day time.Time
	// charts are the themes' trend charts, nil where one could not be
	// drawn; chartErr says why.
	charts   []image.Image
	chartErr error
}

// periods are the compared periods, oldest first.
func (c *comparison) periods() []string {
	var out []string
	for _, col := range c.Comparison.Columns {
		out = append(out, col.Assessment.Period)
	}
	return out
}

// lastTwo are the periods the changes are between.
func (c *comparison) lastTwo() (before, after string) {
	p := c.periods()
	return p[len(p)-2], p[len(p)-1]
}

// NewCompareScreen builds the comparison screen for a partnership; call
// Load to fill it. home returns to the home screen.
func NewCompareScreen(ctx context.Context, s Store, p assessment.Partnership, home func()) *CompareScreen {
	c := &CompareScreen{ctx: ctx, store: s, partnership: p, run: inBackground, now: time.Now,
		Status: widget.NewLabel("Loading the assessments…"), Picker: container.NewHBox(),
		Scores: container.NewVBox(), Charts: container.NewGridWrap(fyne.NewSize(trendW, trendH)), Counts: container.NewHBox(),
		Targets: widget.NewLabel(""), Questions: container.NewVBox(), Unmatched: widget.NewLabel(""),
		ActionCounts: widget.NewLabel(""), Actions: container.NewVBox(), OverallChange: widget.NewLabel(""),
		progress: widget.NewProgressBarInfinite(), cache: map[string]loaded{}}
	c.Back = widget.NewButtonWithIcon("Home", theme.HomeIcon(), home)
	c.Title = widget.NewLabelWithStyle("Compare years — "+p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.Title.Truncation = fyne.TextTruncateEllipsis
	for _, l := range []*widget.Label{c.Status, c.Targets, c.Unmatched, c.ActionCounts} {
		l.Wrapping = fyne.TextWrapWord
	}
	c.Body = container.NewVBox()
	c.Body.Hide()
	picker := container.NewBorder(nil, nil, widget.NewLabelWithStyle("Assessments:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, container.NewHScroll(c.Picker))
	top := container.NewVBox(headerBar(container.NewBorder(nil, nil, c.Back, nil, c.Title), nil), picker, c.progress, c.Status)
	c.page = container.NewVScroll(container.NewPadded(c.Body))
	c.content = container.NewBorder(top, nil, nil, nil, c.page)
	return c
}

// Content is the screen's root object.
func (c *CompareScreen) Content() fyne.CanvasObject { return c.content }

// Load reads the partnership's assessments off the UI goroutine, offers a
// check box for each — those on the newest assessment's question set
// ticked — and compares the ticked ones; done, if not nil, runs on the UI
// goroutine once the comparison is shown.
func (c *CompareScreen) Load(done func()) {
	c.busy()
	var summaries []store.AssessmentSummary
	var err error
	c.run(func() { summaries, err = c.store.Assessments(c.ctx, c.partnership.ID) }, func() {
		if err != nil {
			c.idle()
			c.Status.SetText("Could not read the assessments: " + err.Error())
			finish(done)
			return
		}
		c.setPeriods(summaries)
		c.Refresh(done)
	})
}

// finish runs done if it is set.
func finish(done func()) {
	if done != nil {
		done()
	}
}

// busy shows the progress bar.
func (c *CompareScreen) busy() {
	c.progress.Show()
	c.progress.Start()
}

// idle hides the progress bar.
func (c *CompareScreen) idle() {
	c.progress.Stop()
	c.progress.Hide()
}

// setPeriods makes a check box per assessment, oldest first.
func (c *CompareScreen) setPeriods(summaries []store.AssessmentSummary) {
	summaries = slices.Clone(summaries)
	slices.SortStableFunc(summaries, func(a, b store.AssessmentSummary) int { return cmp.Compare(a.Period, b.Period) })
	c.Summaries = summaries
	c.Periods = nil
	c.Picker.RemoveAll()
	newest := ""
	if len(summaries) > 0 {
		newest = summaries[len(summaries)-1].QuestionnaireID
	}
	for _, a := range summaries {
		label := fmt.Sprintf("%s (%s)", a.Period, strings.ToLower(a.Status.Label()))
		if a.QuestionnaireID != newest {
			label += " · " + a.QuestionnaireTitle
		}
		check := widget.NewCheck(label, nil)
		check.SetChecked(a.QuestionnaireID == newest)
		check.OnChanged = func(bool) { c.Refresh(nil) }
		c.Periods = append(c.Periods, check)
		c.Picker.Add(check)
	}
}

// selected are the ids of the ticked assessments, oldest first.
func (c *CompareScreen) selected() []string {
	var ids []string
	for i, check := range c.Periods {
		if check.Checked {
			ids = append(ids, c.Summaries[i].ID)
		}
	}
	return ids
}

// Refresh compares the ticked assessments off the UI goroutine and shows
// the result; done, if not nil, runs once it is shown.
func (c *CompareScreen) Refresh(done func()) {
	c.gen++
	gen := c.gen
	ids := c.selected()
	if len(ids) < 2 {
		c.idle()
		c.Shown = nil
		c.Body.Hide()
		c.Status.SetText(fewerText(len(c.Summaries), len(ids)))
		finish(done)
		return
	}
	c.busy()
	c.Status.SetText(fmt.Sprintf("Comparing %d assessments…", len(ids)))
	day := c.now()
	var res *comparison
	var err error
	c.run(func() { res, err = c.compare(ids, day) }, func() {
		if gen == c.gen {
			c.show(res, err)
		}
		finish(done)
	})
}

// fewerText says why nothing is compared with fewer than two ticked.
func fewerText(have, ticked int) string {
	switch {
	case have < 2:
		return "This partnership has fewer than two assessments, so there is nothing to compare yet. " +
			"Start next year’s assessment from this one to compare them."
	case ticked == 1:
		return "Only one assessment is ticked: tick two or more to compare them. Nothing is shown until then."
	}
	return "No assessment is ticked: tick two or more to compare them. Nothing is shown until then."
}

// compare loads the assessments (each once) and works out everything the
// screen shows. It touches no widget, so it runs off the UI goroutine.
func (c *CompareScreen) compare(ids []string, day time.Time) (*comparison, error) {
	var cols []assessment.Column
	var recs []assessment.Record
	for _, id := range ids {
		l, err := c.load(id)
		if err != nil {
			return nil, err
		}
		recs = append(recs, l.rec)
		cols = append(cols, assessment.Column{Assessment: l.rec.Assessment, Questionnaire: l.q, Responses: l.rec.Responses})
	}
	cm, err := assessment.Compare(cols)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(recs, func(a, b assessment.Record) int { return cmp.Compare(a.Assessment.Period, b.Assessment.Period) })
	res := &comparison{Comparison: cm, Review: assessment.ReviewActions(recs, day), Records: recs, Day: day}
	res.charts, res.chartErr = trendCharts(cm)
	return res, nil
}

// load reads one assessment and its question set, or takes them from the
// cache.
func (c *CompareScreen) load(id string) (loaded, error) {
	c.mu.Lock()
	l, ok := c.cache[id]
	c.mu.Unlock()
	if ok {
		return l, nil
	}
	rec, err := c.store.LoadRecord(c.ctx, id)
	if err != nil {
		return loaded{}, fmt.Errorf("loading an assessment: %w", err)
	}
	a := rec.Assessment
	q, err := c.store.Questionnaire(c.ctx, a.QuestionnaireID, a.QuestionnaireVersion)
	if err != nil {
		return loaded{}, fmt.Errorf("loading question set %s %s of the %s assessment: %w", a.QuestionnaireID, a.QuestionnaireVersion, a.Period, err)
	}
	l = loaded{rec: rec, q: q}
	c.mu.Lock()
	c.cache[id] = l
	c.mu.Unlock()
	return l, nil
}

// show fills the screen with a comparison, or says why there is none.
func (c *CompareScreen) show(res *comparison, err error) {
	c.idle()
	if err != nil {
		c.Shown = nil
		c.Body.Hide()
		msg := "These assessments cannot be compared: " + err.Error()
		if errors.Is(err, assessment.ErrCompare) {
			msg = "These assessments cannot be compared: " + strings.TrimPrefix(err.Error(), assessment.ErrCompare.Error()+": ") + "."
		}
		c.Status.SetText(msg)
		return
	}
	c.Shown = res
	before, after := res.lastTwo()
	c.Status.SetText(fmt.Sprintf("Comparing %s, oldest first. Changes, and whether targets were met, are from %s to %s.",
		andList(res.periods()), before, after))
	// Everything is built afresh, out of the window, and put in at once:
	// adding to containers on screen would lay them out again at every
	// addition.
	c.showScores(res)
	c.showCharts(res)
	c.showQuestions(res)
	c.showActions(res)
	c.Body.Objects = []fyne.CanvasObject{
		widget.NewCard("Levels by theme", "Mean agreed level of the questions assessed in each period; the change is from "+
			before+" to "+after+".", sidewaysIn(c.page, c.Scores)),
		widget.NewCard("Trend by theme", "Each theme’s level in every period compared, on the scale of the question set.", c.Charts),
		widget.NewCard("Questions", "Each question’s agreed level by period; the change is from "+before+" to "+after+
			", and the target is the one set in "+before+".", container.NewVBox(sidewaysIn(c.page, c.Counts), c.Targets,
			sidewaysIn(c.page, c.Questions), c.Unmatched)),
		widget.NewCard("Last year’s actions", "What became of the "+res.Review.Period+" actions by "+after+
			", as of "+longDay(res.Day)+".", container.NewVBox(c.ActionCounts, c.Actions)),
	}
	c.Body.Show()
	c.Body.Refresh()
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// longDay shows a day as "2 March 2026".
func longDay(t time.Time) string { return t.Format("2 January 2006") }

// ---- levels by theme --------------------------------------------------------

// Widths of the tables' columns, in Fyne units.
const (
	scoreColW  = 118
	changeColW = 200
	levelColW  = 78
	targetColW = 84
	// themeColW is the most the theme names take, so the levels stay
	// near them.
	themeColW = 300
	// questionColW is the least the question column takes; it takes the
	// rest of the row's width, and its text is cut with an ellipsis.
	questionColW = 300
)

// showScores fills the table of theme levels by period.
func (c *CompareScreen) showScores(res *comparison) {
	cm := res.Comparison
	n := len(cm.Columns)
	widths := append(repeat(scoreColW, n), changeColW)
	rows := []fyne.CanvasObject{}
	head := []fyne.CanvasObject{boldLabel("Theme")}
	for _, p := range res.periods() {
		head = append(head, boldLabel(p))
	}
	head = append(head, boldLabel("Change"))
	rows = append(rows, tableRowMax(widths, themeColW, head...))
	c.ThemeChanges = nil
	for _, th := range cm.Themes {
		cells := []fyne.CanvasObject{widget.NewLabel(th.Title)}
		for _, s := range th.Scores {
			cells = append(cells, scoreLabel(s))
		}
		word := changeLabel(th.Change, th.Scores[n-2], th.Scores[n-1])
		c.ThemeChanges = append(c.ThemeChanges, word)
		cells = append(cells, changeCell(th.Change, word))
		rows = append(rows, tableRowMax(widths, themeColW, cells...))
	}
	rows = append(rows, widget.NewSeparator())
	cells := []fyne.CanvasObject{boldLabel("Overall")}
	for _, s := range cm.Overall {
		l := scoreLabel(s)
		l.TextStyle.Bold = true
		cells = append(cells, l)
	}
	c.OverallChange = changeLabel(cm.OverallChange, cm.Overall[n-2], cm.Overall[n-1])
	cells = append(cells, changeCell(cm.OverallChange, c.OverallChange))
	rows = append(rows, tableRowMax(widths, themeColW, cells...))
	note := widget.NewLabel("A level rests only on the questions assessed: “2.8 (5 of 6)” means five of six were. " +
		"A change under 0.05 shows as unchanged.")
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	c.Scores = container.NewVBox(append(rows, note)...)
}

// repeat is n copies of w.
func repeat(w float32, n int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = w
	}
	return out
}

// scoreLabel shows a mean to one decimal with the coverage when partial.
func scoreLabel(s assessment.Score) *widget.Label {
	switch {
	case !s.Valid():
		l := widget.NewLabel("not assessed")
		l.Importance = widget.LowImportance
		return l
	case s.Partial():
		return widget.NewLabel(fmt.Sprintf("%.1f (%d of %d)", s.Mean, s.Assessed, s.Total))
	}
	return widget.NewLabel(fmt.Sprintf("%.1f", s.Mean))
}

// changeLabel says a theme's change in words, with how far it moved:
// "improved, up 0.4".
func changeLabel(ch assessment.Change, before, after assessment.Score) *widget.Label {
	text := string(ch)
	if before.Valid() && after.Valid() {
		switch d := math.Round((after.Mean-before.Mean)*10) / 10; {
		case ch == assessment.Improved:
			text += fmt.Sprintf(", up %.1f", d)
		case ch == assessment.Declined:
			text += fmt.Sprintf(", down %.1f", -d)
		}
	}
	l := widget.NewLabel(text)
	l.Importance = changeImportance(ch)
	return l
}

// changeImportance colours a change: green up, red down.
func changeImportance(ch assessment.Change) widget.Importance {
	switch ch {
	case assessment.Improved:
		return widget.SuccessImportance
	case assessment.Declined, assessment.NoLongerAssessed:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// changeIcon is the symbol shown beside a change's words.
func changeIcon(ch assessment.Change) fyne.Resource {
	switch ch {
	case assessment.Improved:
		return theme.NewSuccessThemedResource(theme.MoveUpIcon())
	case assessment.Declined:
		return theme.NewErrorThemedResource(theme.MoveDownIcon())
	case assessment.Unchanged:
		return theme.ContentRemoveIcon()
	case assessment.NewlyAssessed:
		return theme.ContentAddIcon()
	case assessment.NoLongerAssessed:
		return theme.NewErrorThemedResource(theme.ContentClearIcon())
	case assessment.NewQuestion:
		return theme.DocumentCreateIcon()
	case assessment.RemovedQuestion:
		return theme.DeleteIcon()
	}
	return theme.NewDisabledResource(theme.RadioButtonIcon())
}

// changeCell is a change's symbol and words.
func changeCell(ch assessment.Change, words *widget.Label) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewIcon(changeIcon(ch)), nil, words)
}

// ---- trend charts -----------------------------------------------------------

// The size of a theme's trend chart, in Fyne units (and chart points).
const (
	trendW = 360
	trendH = 170
	// trendHeadH is the height of the title above each chart.
	trendHeadH = 40
)

// trendFont is the font the trend charts measure text with, parsed once.
var trendFont = sync.OnceValues(func() (*chart.Font, error) { return chart.NewFont(assets.FontRegular) })

// trendZoom enlarges the trend charts' text: a chart is laid out
// trendZoom times smaller than its place on screen, then drawn larger.
const trendZoom = 1.5

// ---- questions --------------------------------------------------------------

// showQuestions fills the counts, the question table and the list of
// questions without a match.
func (c *CompareScreen) showQuestions(res *comparison) {
	cm := res.Comparison
	before, _ := res.lastTwo()
	c.Counts = container.NewHBox()
	c.CountLabels = map[assessment.Change]*widget.Label{}
	for _, ch := range assessment.Changes {
		n := cm.Counts[ch]
		if n == 0 && ch != assessment.Improved && ch != assessment.Declined && ch != assessment.Unchanged {
			continue
		}
		l := widget.NewLabel(fmt.Sprintf("%d %s", n, ch))
		c.CountLabels[ch] = l
		c.Counts.Objects = append(c.Counts.Objects, container.NewHBox(widget.NewIcon(changeIcon(ch)), l))
	}
	c.Targets = wrapLabel(fmt.Sprintf("Targets set in %s: %d met, %d not met; %s without a target.", before,
		cm.Targets[assessment.TargetMet], cm.Targets[assessment.TargetMissed], english.Count(cm.Targets[assessment.NoTarget], "question")))

	n := len(cm.Columns)
	widths := append(repeat(levelColW, n), changeColW, targetColW)
	rows := []fyne.CanvasObject{}
	head := []fyne.CanvasObject{boldLabel("Question")}
	for _, p := range res.periods() {
		head = append(head, boldLabel(p))
	}
	head = append(head, boldLabel("Change"), boldLabel("Target"))
	rows = append(rows, tableRowMin(widths, questionColW, head...))
	for _, qc := range cm.Questions {
		cells := []fyne.CanvasObject{questionLabel(qc)}
		for i, id := range qc.IDs {
			cells = append(cells, levelLabel(id, qc.Levels[i]))
		}
		word := widget.NewLabel(string(qc.Change))
		word.Importance = changeImportance(qc.Change)
		cells = append(cells, changeCell(qc.Change, word), targetLabel(qc.Target))
		rows = append(rows, tableRowMin(widths, questionColW, cells...))
	}
	key := widget.NewLabel("– not assessed · × no such question in that period’s question set")
	key.TextStyle.Italic = true
	c.Questions = container.NewVBox(append(rows, key)...)
	c.Unmatched = wrapLabel(unmatchedText(res))
}

// questionLabel names a question and gives as much of its text as the
// column has room for, cut with an ellipsis.
func questionLabel(qc assessment.QuestionComparison) *widget.Label {
	l := widget.NewLabel(qc.Name + ": " + qc.Text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// levelLabel shows a question's level in one period: the number, "–" when
// not assessed, "×" when that period's set has no such question.
func levelLabel(id string, level int) *widget.Label {
	switch {
	case id == "":
		return widget.NewLabel("×")
	case level == assessment.NotAssessed:
		return widget.NewLabel("–")
	}
	return widget.NewLabel(fmt.Sprint(level))
}

// targetLabel says whether last year's target was met.
func targetLabel(r assessment.TargetResult) *widget.Label {
	l := widget.NewLabel(string(r))
	switch r {
	case assessment.TargetMet:
		l.Importance = widget.SuccessImportance
	case assessment.TargetMissed:
		l.Importance = widget.DangerImportance
	default:
		l.Importance = widget.LowImportance
	}
	return l
}

// unmatchedText lists the questions some compared set does not hold, or
// says every question matched.
func unmatchedText(res *comparison) string {
	periods := res.periods()
	var lines []string
	for _, qc := range res.Comparison.Questions {
		var missing []string
		for i, id := range qc.IDs {
			if id == "" {
				missing = append(missing, periods[i])
			}
		}
		if len(missing) == 0 {
			continue
		}
		line := fmt.Sprintf("%s (%s): no matching question in %s", qc.Name, qc.Change, andList(missing))
		if earlier := renamed(res, qc); earlier != "" {
			line += "; " + earlier
		}
		lines = append(lines, "• "+line)
	}
	if len(lines) == 0 {
		return "Every question has a match in every period compared."
	}
	return "Questions without a match in every period, listed rather than paired by position:\n" + strings.Join(lines, "\n")
}

// renamed says where a question had another id in an older set, by
// period and by its name in that set: "earlier in 2024/25 Culture,
// question 4 of version 1.0".
func renamed(res *comparison, qc assessment.QuestionComparison) string {
	periods := res.periods()
	var names []string
	when := map[string][]string{}
	for i, id := range qc.IDs {
		if id == "" || id == qc.QuestionID {
			continue
		}
		name := res.Comparison.NameIn(i, id)
		if when[name] == nil {
			names = append(names, name)
		}
		when[name] = append(when[name], periods[i])
	}
	if len(names) == 0 {
		return ""
	}
	var places []string
	for _, name := range names {
		places = append(places, "in "+andList(when[name])+" "+name)
	}
	return "earlier " + andList(places)
}

// ---- actions ----------------------------------------------------------------

// fateOrder is the order fates are counted and listed in.
var fateOrder = []assessment.Fate{assessment.Completed, assessment.DroppedFate, assessment.CarriedForward, assessment.LeftOpen}

// ---- table rows -------------------------------------------------------------
