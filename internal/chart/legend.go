package chart

import (
	"image/color"
	"math"
	"strings"
)

// legendKind is what a legend entry's sample looks like.
type legendKind int

const (
	lineSample   legendKind = iota // a stretch of line with the marker on it (radar)
	swatchSample                   // a small bar with the series' fill pattern (bars)
)

// legendEntry is one series' entry, measured.
type legendEntry struct {
	series int
	name   string
	colour color.RGBA
	style  LineStyle
	marker Marker
	w      float64 // sample + gap + name
}

// legend is a laid-out legend: rows of entries, each row centred.
type legend struct {
	kind    legendKind
	size    float64
	rows    [][]legendEntry
	rowW    []float64
	sampleW float64
	h       float64
}

// legendGap is the space between entries on a row, per point of font size.
const legendGap = 1.8

// newLegend lays out an entry per named series in rows no wider than width,
// shortening names that would not fit on a row of their own.
func newLegend(f *Font, series []Series, kind legendKind, size, width float64) legend {
	lg := legend{kind: kind, size: size, sampleW: 2.8 * size}
	if kind == swatchSample {
		lg.sampleW = 1.6 * size
	}
	gap := 0.5 * size
	var row []legendEntry
	rowW := 0.0
	for i, s := range series {
		if s.Name == "" {
			continue
		}
		name := f.truncate(s.Name, size, width-lg.sampleW-gap)
		e := legendEntry{series: i, name: name, colour: seriesColour(s, i), style: s.Style, marker: s.Marker,
			w: lg.sampleW + gap + f.Width(name, size)}
		if len(row) > 0 && rowW+legendGap*size+e.w > width {
			lg.rows, lg.rowW = append(lg.rows, row), append(lg.rowW, rowW)
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			rowW += legendGap * size
		}
		row, rowW = append(row, e), rowW+e.w
	}
	if len(row) > 0 {
		lg.rows, lg.rowW = append(lg.rows, row), append(lg.rowW, rowW)
	}
	lg.h = float64(len(lg.rows)) * f.LineHeight(size) * 1.15
	return lg
}

// truncate shortens s with an ellipsis until it is no wider than width.
func (f *Font) truncate(s string, size, width float64) string {
	if f.Width(s, size) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimSpace(string(r)) + "…"
		if f.Width(t, size) <= width {
			return t
		}
	}
	return "…"
}

// shapes draws the legend with its top edge at top, centred on centreX.
func (lg legend) shapes(f *Font, centreX, top float64) []Shape {
	var out []Shape
	rowH := f.LineHeight(lg.size) * 1.15
	for r, row := range lg.rows {
		x := centreX - lg.rowW[r]/2
		mid := top + float64(r)*rowH + rowH/2
		for _, e := range row {
			out = append(out, lg.sample(e, x, mid)...)
			base := mid - (f.Ascent(lg.size)+f.Descent(lg.size))/2 + f.Ascent(lg.size)
			t := f.text(Tag{Role: RoleLegendLabel, Series: e.series, Index: -1}, e.name,
				x+lg.sampleW+0.5*lg.size, base, lg.size, AlignLeft, inkColour)
			out = append(out, t)
			x += e.w + legendGap*lg.size
		}
	}
	return out
}

// sample draws an entry's sample starting at x, vertically centred on mid.
func (lg legend) sample(e legendEntry, x, mid float64) []Shape {
	tg := Tag{Role: RoleLegendSample, Series: e.series, Index: -1}
	if lg.kind == swatchSample {
		h := 0.9 * lg.size
		return barShapes(rect(x, mid-h/2, lg.sampleW, h), e.colour, e.style, tg)
	}
	line := Path{Tag: tg, Points: []Point{{x, mid}, {x + lg.sampleW, mid}},
		Stroke: e.colour, Width: seriesWidth, Style: e.style}
	m := MarkerShape{Tag: tg, Kind: e.marker, Centre: Point{x + lg.sampleW/2, mid},
		Size: markerSize, Fill: e.colour, Outline: white, OutlineWidth: 0.75}
	return []Shape{line, m}
}

// barShapes draws a bar (or legend swatch) in r: Solid series are filled,
// Dashed ones tinted and hatched diagonally, Dotted ones tinted and
// cross-hatched, all outlined in the series' colour.
func barShapes(r Rect, c color.RGBA, style LineStyle, tg Tag) []Shape {
	box := []Point{r.Min, {r.Max.X, r.Min.Y}, r.Max, {r.Min.X, r.Max.Y}}
	body := Path{Tag: tg, Points: box, Closed: true, Stroke: c, Width: 1, Fill: c, FillOpacity: 1}
	if style == Solid {
		return []Shape{body}
	}
	body.FillOpacity = 0.22
	out := []Shape{body}
	spacing, w := 4.0, 1.1
	if style == Dotted {
		spacing, w = 5.0, 0.8
		out = append(out, hatch(r, spacing, false, c, w, tg)...)
	}
	return append(out, hatch(r, spacing, true, c, w, tg)...)
}

// hatch returns parallel 45° lines spacing apart clipped to r, rising to the
// right when up is true.
func hatch(r Rect, spacing float64, up bool, c color.RGBA, w float64, tg Tag) []Shape {
	var out []Shape
	line := func(a, b Point) {
		if math.Hypot(b.X-a.X, b.Y-a.Y) > 0.5 {
			out = append(out, Path{Tag: tg, Points: []Point{a, b}, Stroke: c, Width: w})
		}
	}
	if up { // x + y = k
		for k := r.Min.X + r.Min.Y + spacing; k < r.Max.X+r.Max.Y; k += spacing {
			x0, x1 := math.Max(r.Min.X, k-r.Max.Y), math.Min(r.Max.X, k-r.Min.Y)
			line(Point{x0, k - x0}, Point{x1, k - x1})
		}
		return out
	}
	for k := r.Min.X - r.Max.Y + spacing; k < r.Max.X-r.Min.Y; k += spacing { // x - y = k
		x0, x1 := math.Max(r.Min.X, k+r.Min.Y), math.Min(r.Max.X, k+r.Max.Y)
		line(Point{x0, x0 - k}, Point{x1, x1 - k})
	}
	return out
}
