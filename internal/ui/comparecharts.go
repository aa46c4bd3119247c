// Compare years: a trend chart for each theme.

package ui

import (
	"cmp"
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/chart"
)

// trendCharts draws a bar chart per theme with a bar per period, at twice
// the screen size for sharp text. A chart that cannot be drawn is nil and
// the error says why.
func trendCharts(cm assessment.Comparison) ([]image.Image, error) {
	f, err := trendFont()
	if err != nil {
		return make([]image.Image, len(cm.Themes)), err
	}
	var periods []string
	for _, col := range cm.Columns {
		periods = append(periods, col.Assessment.Period)
	}
	q := cm.Columns[len(cm.Columns)-1].Questionnaire
	out := make([]image.Image, len(cm.Themes))
	var firstErr error
	for i, th := range cm.Themes {
		values := make([]float64, len(th.Scores))
		for k, s := range th.Scores {
			values[k] = math.NaN()
			if s.Valid() {
				values[k] = s.Mean
			}
		}
		b := chart.Bars{Categories: periods, Min: q.MinLevel(), Max: q.MaxLevel(),
			Series: []chart.Series{{Values: values, Colour: chart.Palette[0], Style: chart.Solid}}}
		img, err := drawBars(b, trendWidth(len(periods)), trendH, f)
		if err != nil {
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		out[i] = img
	}
	return out, firstErr
}

// trendWidth widens a chart of many periods so their names fit.
func trendWidth(periods int) float64 { return max(trendW, float64(40+44*periods)) }

// drawBars draws a bar chart to fill w × h on screen, with text
// trendZoom times the chart's own size, at twice the pixels for sharp text.
func drawBars(b chart.Bars, w, h float64, f *chart.Font) (image.Image, error) {
	d, err := b.Draw(w/trendZoom, h/trendZoom, f)
	if err != nil {
		return nil, err
	}
	return d.Image(2*trendZoom, assets.FontRegular, assets.FontBold)
}

// showCharts puts a chart per theme under its title and change.
func (c *CompareScreen) showCharts(res *comparison) {
	cm := res.Comparison
	c.ChartImages = nil
	w := float32(trendWidth(len(cm.Columns)))
	// As many charts to a row as the window has room for.
	c.Charts = container.New(layout.NewGridWrapLayout(fyne.NewSize(w, trendH+trendHeadH)))
	for i, th := range cm.Themes {
		title := boldLabel(th.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		var body fyne.CanvasObject
		if img := res.charts[i]; img != nil {
			ci := canvas.NewImageFromImage(img)
			ci.FillMode = canvas.ImageFillContain
			ci.SetMinSize(fyne.NewSize(w, trendH))
			c.ChartImages = append(c.ChartImages, ci)
			body = ci
		} else {
			msg := widget.NewLabel("The chart could not be drawn: " + errText(res.chartErr) + ". The table above gives every level.")
			msg.Wrapping = fyne.TextWrapWord
			body = msg
		}
		word := changeLabel(th.Change, th.Scores[len(th.Scores)-2], th.Scores[len(th.Scores)-1])
		word.Truncation = fyne.TextTruncateOff
		head := container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewIcon(changeIcon(th.Change)), word), title)
		c.Charts.Objects = append(c.Charts.Objects, container.NewBorder(head, nil, nil, nil, body))
	}
}

// errText is an error's text, or "unknown error".
func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}
