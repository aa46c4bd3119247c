package report

import (
	"fmt"
	"math"
	"sync"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/chart"
)

// chartFont is the font the charts measure their text with, parsed once.
var chartFont = sync.OnceValues(func() (*chart.Font, error) { return chart.NewFont(assets.FontRegular) })

// radarH is the height of the summary's radar chart, in millimetres.
const radarH = 92.0

// radar draws the themes' agreed levels, targets and, when there is one,
// the previous year's levels as a vector radar chart.
func (p *pdfWriter) radar() {
	r := chart.Radar{Min: p.q.MinLevel(), Max: p.q.MaxLevel()}
	for _, th := range p.q.Themes {
		r.Axes = append(r.Axes, th.Title)
	}
	r.Series = append(r.Series,
		chart.Series{Name: p.rec.Assessment.Period + " agreed level", Values: means(p.themes, false),
			Colour: chart.Palette[0], Style: chart.Solid, Marker: chart.Circle},
		chart.Series{Name: "Target", Values: means(p.themes, true),
			Colour: chart.Palette[1], Style: chart.Dashed, Marker: chart.Square})
	if p.Previous != nil {
		r.Series = append(r.Series, chart.Series{Name: p.previousPeriod() + " agreed level", Values: means(p.prevThemes, false),
			Colour: chart.Palette[2], Style: chart.Dotted, Marker: chart.Triangle})
	}
	f, err := chartFont()
	var d chart.Drawing
	if err == nil {
		d, err = r.Draw(contentW/ptMM, radarH/ptMM, f)
	}
	if err != nil {
		p.para(fmt.Sprintf("The radar chart cannot be drawn for this question set (%v); the table below gives every theme’s level.", err),
			"I", 9, muted)
		p.pdf.Ln(3)
		return
	}
	p.room(radarH + 2)
	y := p.pdf.GetY()
	d.PDF(p.pdf, marginL, y, family)
	p.pdf.SetY(y + radarH + 2)
	if !p.overall.Valid() {
		p.para("No theme has an agreed level yet, so the chart shows no shape for this year.", "I", 8.5, muted)
		p.pdf.Ln(2)
	}
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
