package report

import (
	"fmt"
	"math"
	"sync"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/chart"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// chartFont is the font the charts measure their text with, parsed once.
var chartFont = sync.OnceValues(func() (*chart.Font, error) { return chart.NewFont(assets.FontRegular) })

// radarH is the height of the summary's radar chart, in millimetres.
const radarH = 92.0

// ThemeRadar is the radar of a question set's themes: this assessment's
// agreed levels, its targets and, when previous is not nil, the previous
// assessment's levels, each told apart by colour, line style and marker.
// The app's overview and the PDF summary both draw it.
func ThemeRadar(q *questionnaire.Questionnaire, rec assessment.Record, previous *assessment.Record) chart.Radar {
	r := chart.Radar{Min: q.MinLevel(), Max: q.MaxLevel()}
	for _, th := range q.Themes {
		r.Axes = append(r.Axes, th.Title)
	}
	themes := assessment.ThemeScores(q, rec.Responses)
	r.Series = append(r.Series,
		chart.Series{Name: rec.Assessment.Period + " agreed level", Values: means(themes, false),
			Colour: chart.Palette[0], Style: chart.Solid, Marker: chart.Circle},
		chart.Series{Name: "Target", Values: means(themes, true),
			Colour: chart.Palette[1], Style: chart.Dashed, Marker: chart.Square})
	if previous != nil {
		r.Series = append(r.Series, chart.Series{Name: previous.Assessment.Period + " agreed level",
			Values: means(assessment.ThemeScores(q, previous.Responses), false),
			Colour: chart.Palette[2], Style: chart.Dotted, Marker: chart.Triangle})
	}
	return r
}

// radar draws the themes' agreed levels, targets and, when there is one,
// the previous year's levels as a vector radar chart.
func (p *pdfWriter) radar() {
	if !p.vectorChart(ThemeRadar(p.q, *p.rec, p.Previous), radarH, "radar chart") {
		return
	}
	if !p.overall.Valid() {
		p.para("No theme has an agreed level yet, so the chart shows no shape for this year.", "I", 8.5, muted)
		p.pdf.Ln(2)
	}
}

// drawer is a chart that lays itself out in a box: chart.Radar or chart.Bars.
type drawer interface {
	Draw(w, h float64, f *chart.Font) (chart.Drawing, error)
}

// vectorChart draws c as vectors across the content width, height mm tall,
// keeping it on one page. If it cannot be drawn it says so, naming it what,
// and reports false.
func (p *pdfWriter) vectorChart(c drawer, height float64, what string) bool {
	f, err := chartFont()
	var d chart.Drawing
	if err == nil {
		d, err = c.Draw(contentW/ptMM, height/ptMM, f)
	}
	if err != nil {
		p.para(fmt.Sprintf("The %s cannot be drawn for this question set (%v); the table below gives every theme’s level.", what, err),
			"I", 9, muted)
		p.pdf.Ln(3)
		return false
	}
	p.room(height + 2)
	y := p.pdf.GetY()
	d.PDF(p.pdf, marginL, y, family)
	p.pdf.SetY(y + height + 2)
	return true
}

// means are the themes' mean levels (or targets), NaN where none.
func means(themes []assessment.ThemeScore, target bool) []float64 {
	out := make([]float64, len(themes))
	for i, t := range themes {
		s := t.Level
		if target {
			s = t.Target
		}
		out[i] = math.NaN()
		if s.Valid() {
			out[i] = s.Mean
		}
	}
	return out
}
