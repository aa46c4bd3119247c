package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/chart"
	"github.com/partnership-maturity/maturity/internal/english"
)

// trendChartH is the height of the progress section's theme chart, in
// millimetres.
const trendChartH = 78.0

// progressTitle is the title of the section comparing the assessment with
// the previous one.
const progressTitle = "Progress since last year"

// progress is the section comparing the assessment with the one it was
// started from: a chart of each theme's level in both years, the change
// per theme, how the questions moved and whether last year's targets were
// met, and what became of last year's actions. It is left out when there
// is no previous assessment.
func (p *pdfWriter) progress() {
	if p.Previous == nil {
		return
	}
	prev, cur := p.previousPeriod(), p.rec.Assessment.Period
	p.newSection(progressTitle, "Progress since "+prev)
	p.para(fmt.Sprintf("How %s compares with %s, the assessment it was started from: each theme’s level in both years, "+
		"how the questions moved, whether the targets set in %s were met, and what became of the %s actions.", cur, prev, prev, prev),
		"", 9.5, ink)
	p.pdf.Ln(3)
	cm, err := assessment.Compare(p.progressColumns())
	if err != nil {
		p.para(fmt.Sprintf("The levels cannot be compared (%v); the actions are reviewed below.", err), "I", 9, muted)
		p.pdf.Ln(3)
	} else {
		p.heading(fmt.Sprintf("Theme levels, %s and %s", prev, cur), 13, trendChartH)
		p.trendChart(cm)
		p.progressThemes(cm)
		p.progressQuestions(cm)
	}
	p.progressActions()
}

// progressColumns are the previous and this assessment, both scored
// against the report's question set.
func (p *pdfWriter) progressColumns() []assessment.Column {
	return []assessment.Column{
		{Assessment: p.Previous.Assessment, Questionnaire: p.q, Responses: p.Previous.Responses},
		{Assessment: p.rec.Assessment, Questionnaire: p.q, Responses: p.rec.Responses},
	}
}

// trendBars is a grouped bar chart of the themes' levels, a bar per
// compared assessment (oldest first), each year told apart by its fill
// pattern as well as its colour: the newest solid blue, the one before
// cross-hatched green, and older ones hatched.
func trendBars(cm assessment.Comparison) chart.Bars {
	q := cm.Columns[len(cm.Columns)-1].Questionnaire
	b := chart.Bars{Min: q.MinLevel(), Max: q.MaxLevel()}
	for _, th := range cm.Themes {
		b.Categories = append(b.Categories, th.Title)
	}
	n := len(cm.Columns)
	for i, col := range cm.Columns {
		if n-i > 6 {
			continue // a bar chart holds six series: the newest six years
		}
		s := chart.Series{Name: col.Assessment.Period + " agreed level"}
		switch age := n - 1 - i; age {
		case 0:
			s.Colour, s.Style = chart.Palette[0], chart.Solid
		case 1:
			s.Colour, s.Style = chart.Palette[2], chart.Dotted
		default:
			s.Colour, s.Style = chart.Palette[(age+1)%len(chart.Palette)], chart.Dashed
		}
		for _, th := range cm.Themes {
			v := math.NaN()
			if sc := th.Scores[i]; sc.Valid() {
				v = sc.Mean
			}
			s.Values = append(s.Values, v)
		}
		b.Series = append(b.Series, s)
	}
	return b
}

// trendChart draws the themes' levels in both years as vector bars.
func (p *pdfWriter) trendChart(cm assessment.Comparison) {
	p.vectorChart(trendBars(cm), trendChartH, "chart")
}

// changeWords says a change in words with how far a mean moved: "improved,
// up 0.4".
func changeWords(ch assessment.Change, before, after assessment.Score) string {
	s := string(ch)
	if before.Valid() && after.Valid() {
		d := math.Round((after.Mean-before.Mean)*10) / 10
		switch ch {
		case assessment.Improved:
			s += fmt.Sprintf(", up %.1f", d)
		case assessment.Declined:
			s += fmt.Sprintf(", down %.1f", -d)
		}
	}
	return s
}

// changeCell is a change in words, with an arrow up or down.
func changeCell(ch assessment.Change, before, after assessment.Score, style string) tcell {
	c := styled(changeWords(ch, before, after), style, ink)
	switch ch {
	case assessment.Improved:
		c.arrow = 1
	case assessment.Declined:
		c.arrow = -1
	case assessment.NeitherAssessed:
		c.parts[0].c = muted
	}
	return c
}

// progressThemes is the table of each theme's level in both years and the
// change.
func (p *pdfWriter) progressThemes(cm assessment.Comparison) {
	prev, cur := p.previousPeriod(), p.rec.Assessment.Period
	p.heading("Change by theme", 13, 20)
	var rows [][]tcell
	for _, th := range cm.Themes {
		rows = append(rows, []tcell{styled(th.Title, "B", ink), scoreCellPDF(th.Scores[0], ""), scoreCellPDF(th.Scores[1], ""),
			changeCell(th.Change, th.Scores[0], th.Scores[1], "")})
	}
	rows = append(rows, []tcell{styled("Overall", "B", ink), scoreCellPDF(cm.Overall[0], "B"), scoreCellPDF(cm.Overall[1], "B"),
		changeCell(cm.OverallChange, cm.Overall[0], cm.Overall[1], "B")})
	p.table(pdfTable{cols: []column{{"Theme", 58}, {prev, 32}, {cur, 32}, {"Change", contentW - 122}}, rows: rows, size: 9})
	p.para("A theme’s level is the mean of its assessed questions; a change under 0.05 is shown as unchanged.", "I", 8.5, muted)
	p.pdf.Ln(3)
}

// scoreCellPDF shows a mean to one decimal, with the coverage when partial.
func scoreCellPDF(s assessment.Score, style string) tcell {
	switch {
	case !s.Valid():
		return styled("not assessed", style, muted)
	case s.Partial():
		return cellOf(part{text: fmt.Sprintf("%.1f", s.Mean), style: style, c: ink},
			part{text: fmt.Sprintf("%d of %d assessed", s.Assessed, s.Total), c: muted})
	}
	return styled(fmt.Sprintf("%.1f", s.Mean), style, ink)
}

// progressQuestions counts the questions by change and by whether last
// year's target was met, and lists those that declined or went unmatched.
func (p *pdfWriter) progressQuestions(cm assessment.Comparison) {
	prev, cur := p.previousPeriod(), p.rec.Assessment.Period
	p.heading("How the questions moved", 13, 30)
	var rows [][]tcell
	for _, ch := range assessment.Changes {
		n := cm.Counts[ch]
		if n == 0 && ch != assessment.Improved && ch != assessment.Declined && ch != assessment.Unchanged {
			continue
		}
		rows = append(rows, []tcell{changeCell(ch, assessment.Score{}, assessment.Score{}, "B"), plain(fmt.Sprint(n))})
	}
	p.table(pdfTable{cols: []column{{fmt.Sprintf("Change from %s to %s", prev, cur), 70}, {"Questions", 26}}, rows: rows, size: 9})
	p.para(fmt.Sprintf("Targets set in %s: %d met in %s, %d not met; %s had no target.", prev,
		cm.Targets[assessment.TargetMet], cur, cm.Targets[assessment.TargetMissed],
		english.Count(cm.Targets[assessment.NoTarget], "question")), "", 9.5, ink)
	p.pdf.Ln(3)
	var listed [][]tcell
	for _, qc := range cm.Questions {
		switch qc.Change {
		case assessment.Declined, assessment.NoLongerAssessed, assessment.NewQuestion, assessment.RemovedQuestion:
		default:
			continue
		}
		listed = append(listed, []tcell{cellOf(part{text: qc.Name, style: "B", c: muted}, part{text: qc.Text, c: ink}),
			plain(levelWords(p.q, qc.Levels[0])), plain(levelWords(p.q, qc.Levels[1])),
			changeCell(qc.Change, assessment.Score{}, assessment.Score{}, "")})
	}
	if len(listed) == 0 {
		p.para("No question declined or stopped being assessed.", "", 9.5, ink)
		p.pdf.Ln(3)
		return
	}
	p.heading("Questions that declined or are no longer assessed", 11, 20)
	p.table(pdfTable{cols: []column{{"Question", 86}, {prev, 28}, {cur, 28}, {"Change", contentW - 142}}, rows: listed, size: 8.5})
}

// fateOrder is the order the fates of last year's actions are counted and
// listed in.
var fateOrder = []assessment.Fate{assessment.Completed, assessment.DroppedFate, assessment.CarriedForward, assessment.LeftOpen}

// progressActions says what became of the previous assessment's actions by
// this one, and lists them: the fate in words, the status now when carried
// forward, overdue ones flagged.
func (p *pdfWriter) progressActions() {
	prev, cur := p.previousPeriod(), p.rec.Assessment.Period
	review := assessment.ReviewActions([]assessment.Record{*p.Previous, *p.rec}, p.today)
	p.heading("Last year’s actions and what became of them", 13, 30)
	if len(review.Items) == 0 {
		p.para(fmt.Sprintf("The %s assessment recorded no actions.", prev), "", 9.5, ink)
		return
	}
	var counts []string
	for _, f := range fateOrder {
		counts = append(counts, fmt.Sprintf("%d %s", review.Counts[f], f))
	}
	p.para(fmt.Sprintf("%s recorded %s. By %s: %s. %d overdue on %s.", prev, english.Count(len(review.Items), "action"), cur,
		strings.Join(counts, ", "), review.Overdue, longDate(p.today)), "", 9.5, ink)
	p.para("An action carried forward continues in this year’s action plan; one left open was neither completed, dropped nor carried forward.",
		"I", 8.5, muted)
	p.pdf.Ln(2)
	periods := map[string]string{p.Previous.Assessment.ID: prev, p.rec.Assessment.ID: cur}
	items := slices.Clone(review.Items)
	slices.SortStableFunc(items, func(a, b assessment.ActionFate) int {
		return cmp.Compare(slices.Index(fateOrder, a.Fate), slices.Index(fateOrder, b.Fate))
	})
	var rows [][]tcell
	for _, it := range items {
		a := it.Action
		action := cellOf(part{text: a.Title, c: ink}, part{text: a.Ref.String() + " · " + p.themeTitle(a.ThemeID), c: muted})
		owner := cellOf(part{text: cmp.Or(a.Owner, "No owner named"), c: ink},
			part{text: cmp.Or(p.agencyName(a.OwnerAgencyID), "agency not recorded"), c: muted})
		then := cellOf(part{text: a.Status.Label(), c: ink}, part{text: cmp.Or(shortDate(a), "no due date"), c: muted})
		fate := it.Fate.Label()
		became := cellOf(part{text: fate, style: "B", c: ink})
		if it.Now != nil {
			became.parts = append(became.parts, part{text: fmt.Sprintf("Now %s, due %s", strings.ToLower(it.Now.Status.Label()),
				cmp.Or(shortDate(*it.Now), "not set")), c: ink})
		}
		if it.Overdue {
			became.parts = append(became.parts, part{text: "OVERDUE", style: "B", c: alert})
		}
		if len(it.History) > 1 || a.CarriedFromID != "" {
			var steps []string
			if a.CarriedFromID != "" {
				steps = append(steps, "carried into "+prev+" from an earlier year")
			}
			for _, h := range it.History {
				if period, ok := periods[h.AssessmentID]; ok {
					steps = append(steps, period+": "+string(h.Status))
				}
			}
			became.parts = append(became.parts, part{text: "History: " + strings.Join(steps, "; "), c: muted})
		}
		if a.Outcome != "" && it.Now == nil {
			became.parts = append(became.parts, part{text: "Outcome: " + a.Outcome, c: muted})
		}
		rows = append(rows, []tcell{action, owner, then, became})
	}
	p.table(pdfTable{cols: []column{{"Action in " + prev, 62}, {"Owner", 34}, {"Status in " + prev, 24}, {"What became of it", contentW - 120}},
		rows: rows, size: 8})
}
