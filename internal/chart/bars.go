package chart

import (
	"fmt"
	"math"
	"strconv"
)

// Bars is a grouped bar chart: a group per category (e.g. theme) with a bar
// per series (e.g. year), rising from 0 so heights are proportional to the
// values, with a gridline per level from Min to Max. A NaN value has no bar:
// "n/a" is printed in its place.
type Bars struct {
	// Categories name the groups, left to right.
	Categories []string
	// Min and Max are the scale, e.g. 1 and 5; Min must not be negative.
	Min, Max int
	// Series are the bars of each group, at most six, each with a value
	// per category.
	Series []Series
}

// maxBarSeries is how many series a bar chart takes.
const maxBarSeries = 6

// barsLayout is where everything of a bar chart goes.
type barsLayout struct {
	size      float64 // font size of axis and category labels
	plot      Rect    // the area between the baseline and Max
	ylabelW   float64
	cats      []block
	valueSize float64 // 0: no value labels
	barW, gap float64
	legend    legend
	top       float64 // the legend's top edge
}

// Draw lays the bar chart out in a w × h box (points), measuring text with f.
func (b Bars) Draw(w, h float64, f *Font) (Drawing, error) {
	if err := b.validate(f); err != nil {
		return Drawing{}, err
	}
	lay, err := b.layout(w, h, f)
	if err != nil {
		return Drawing{}, err
	}
	d := Drawing{Width: w, Height: h}
	b.drawAxes(&d, lay, f)
	b.drawBars(&d, lay, f)
	for i, cb := range lay.cats {
		gx := b.groupX(lay, i)
		d.add(f.texts(cb, Tag{Role: RoleCategory, Series: -1, Index: i},
			gx-cb.w/2, lay.plot.Max.Y+0.4*lay.size, AlignCentre, inkColour)...)
	}
	d.add(lay.legend.shapes(f, w/2, lay.top)...)
	return d, nil
}

// validate checks the chart can be drawn.
func (b Bars) validate(f *Font) error {
	switch {
	case f == nil:
		return fmt.Errorf("%w: no font", ErrInvalid)
	case len(b.Categories) == 0:
		return fmt.Errorf("%w: no categories", ErrInvalid)
	case b.Min < 0 || b.Max <= b.Min:
		return fmt.Errorf("%w: scale %d..%d", ErrInvalid, b.Min, b.Max)
	case len(b.Series) > maxBarSeries:
		return fmt.Errorf("%w: a bar chart shows at most %d series, not %d", ErrInvalid, maxBarSeries, len(b.Series))
	}
	for _, s := range b.Series {
		if len(s.Values) != len(b.Categories) {
			return fmt.Errorf("%w: series %q has %d values for %d categories", ErrInvalid, s.Name, len(s.Values), len(b.Categories))
		}
	}
	return nil
}

// layout tries font sizes from the largest down until the category labels
// fit under their groups.
func (b Bars) layout(w, h float64, f *Font) (barsLayout, error) {
	lay, ok := fitFont(w, h, func(size float64) (barsLayout, bool) { return b.layoutAt(w, h, f, size) })
	if !ok {
		return lay, fmt.Errorf("%w: %.0f×%.0f pt for %d categories", ErrTooSmall, w, h, len(b.Categories))
	}
	return lay, nil
}

// layoutAt lays the chart out with labels at size points, reporting whether
// the result is usable.
func (b Bars) layoutAt(w, h float64, f *Font, size float64) (barsLayout, bool) {
	pad := 0.4 * size
	lay := barsLayout{size: size}
	lay.legend = newLegend(f, b.Series, swatchSample, 0.95*size, w-2*pad)
	for v := b.Min; v <= b.Max; v++ {
		lay.ylabelW = math.Max(lay.ylabelW, f.Width(strconv.Itoa(v), size))
	}
	left := pad + lay.ylabelW + 0.5*size
	right := w - pad
	groupW := (right - left) / float64(len(b.Categories))
	lay.cats = make([]block, len(b.Categories))
	catH := 0.0
	for i, c := range b.Categories {
		lay.cats[i] = f.newBlock(f.wrap(c, size, 0.96*groupW), size)
		if lay.cats[i].w > 0.98*groupW || len(lay.cats[i].lines) > 3 {
			return lay, false
		}
		catH = math.Max(catH, lay.cats[i].h)
	}
	bottom := h - pad - catH - 0.4*size
	if lay.legend.h > 0 {
		bottom -= lay.legend.h + size
	}
	lay.top = bottom + 0.4*size + catH + size
	lay.setBars(f, b, groupW)
	topY := pad + f.LineHeight(size)*0.5 // room for the Max label's top half
	if lay.valueSize > 0 {
		topY = math.Max(topY, pad+f.LineHeight(lay.valueSize)+0.25*size)
	}
	lay.plot = Rect{Point{left, topY}, Point{right, bottom}}
	return lay, lay.plot.Dy() >= 4*float64(b.Max-b.Min+1)
}

// setBars sizes the bars of a group and the value labels above them, which
// are left out when they cannot be made to fit the bars' width.
func (lay *barsLayout) setBars(f *Font, b Bars, groupW float64) {
	n := float64(len(b.Series))
	if n == 0 {
		return
	}
	inner := 0.8 * groupW
	lay.gap = math.Min(2, 0.1*inner/n)
	lay.barW = (inner - lay.gap*(n-1)) / n
	widest := 0.0
	for _, s := range b.Series {
		for _, v := range s.Values {
			widest = math.Max(widest, f.Width(valueText(v), 1))
		}
	}
	lay.valueSize = math.Min(0.85*lay.size, (lay.barW+lay.gap)/widest*0.95)
	if lay.valueSize < 5 {
		lay.valueSize = 0
	}
}

// valueText is how a value is printed above its bar.
func valueText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// groupX returns the centre of category i's group.
func (b Bars) groupX(lay barsLayout, i int) float64 {
	gw := lay.plot.Dx() / float64(len(b.Categories))
	return lay.plot.Min.X + gw*(float64(i)+0.5)
}

// y returns the height on the page of value v (clamped to 0..Max).
func (b Bars) y(lay barsLayout, v float64) float64 {
	v = math.Max(0, math.Min(float64(b.Max), v))
	return lay.plot.Max.Y - lay.plot.Dy()*v/float64(b.Max)
}

// drawAxes adds the level gridlines and their labels, and the baseline.
func (b Bars) drawAxes(d *Drawing, lay barsLayout, f *Font) {
	for v := b.Min; v <= b.Max; v++ {
		y := b.y(lay, float64(v))
		d.add(Path{Tag: tag(RoleGrid), Points: []Point{{lay.plot.Min.X, y}, {lay.plot.Max.X, y}}, Stroke: gridColour, Width: gridWidth})
		base := y - (f.Ascent(lay.size)+f.Descent(lay.size))/2 + f.Ascent(lay.size)
		d.add(f.text(Tag{Role: RoleAxisLabel, Series: -1, Index: v}, strconv.Itoa(v),
			lay.plot.Min.X-0.5*lay.size, base, lay.size, AlignRight, mutedColour))
	}
	y0 := lay.plot.Max.Y
	d.add(Path{Tag: tag(RoleGrid), Points: []Point{{lay.plot.Min.X, y0}, {lay.plot.Max.X, y0}}, Stroke: axisColour, Width: 0.9})
}

// drawBars adds every bar and its value label; a missing value gets only
// the label "n/a".
func (b Bars) drawBars(d *Drawing, lay barsLayout, f *Font) {
	n := float64(len(b.Series))
	for i := range b.Categories {
		x := b.groupX(lay, i) - (n*lay.barW+(n-1)*lay.gap)/2
		for si, s := range b.Series {
			v := s.Values[i]
			top := lay.plot.Max.Y
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				top = b.y(lay, v)
				r := Rect{Point{x, top}, Point{x + lay.barW, lay.plot.Max.Y}}
				d.add(barShapes(r, seriesColour(s, si), s.Style, Tag{Role: RoleSeries, Series: si, Index: i})...)
			}
			if lay.valueSize > 0 {
				col := inkColour
				if top == lay.plot.Max.Y {
					col = mutedColour
				}
				base := top - 0.25*lay.size - f.Descent(lay.valueSize)
				d.add(f.text(Tag{Role: RoleValueLabel, Series: si, Index: i}, valueText(v),
					x+lay.barW/2, base, lay.valueSize, AlignCentre, col))
			}
			x += lay.barW + lay.gap
		}
	}
}
