package chart

import (
	"fmt"
	"math"
	"strconv"
)

// Radar is a radar (spider) chart: one spoke per axis, starting at the top
// and going clockwise, a ring per level of the scale, and each series as a
// polygon with a marker on every vertex.
//
// A value v sits at radius R·(v−Min+1)/(Max−Min+1), so level Min lies on
// the innermost ring and Max on the outermost; values are clamped to that
// range. A NaN value has no vertex: the polygon is broken on either side of
// it and only the remaining segments are drawn. The first series is filled
// lightly when it has every value.
type Radar struct {
	// Axes names the spokes (the themes), 3 to 12 of them.
	Axes []string
	// Min and Max are the scale, e.g. 1 and 5.
	Min, Max int
	// RingLabels are optional labels, one per level from Min to Max; nil
	// labels the rings with the level numbers.
	RingLabels []string
	// Series are the values to plot: at most three (e.g. current, target,
	// previous year), each with a value per axis.
	Series []Series
}

// Sizes shared by the charts, in points.
const (
	seriesWidth = 2.0
	markerSize  = 7.0
	gridWidth   = 0.6
	maxFontSize = 10.0
	minFontSize = 6.0
	maxRadarSer = 3
	maxAxes     = 12
)

// radarLayout is where everything of a radar goes.
type radarLayout struct {
	centre Point
	radius float64
	size   float64 // the axis labels' font size
	labels []labelBox
	legend legend
	top    float64 // the legend's top edge
}

// labelBox is an axis label and the box it occupies.
type labelBox struct {
	block
	box   Rect
	align Align
}

// Draw lays the radar out in a w × h box (points), measuring text with f.
func (r Radar) Draw(w, h float64, f *Font) (Drawing, error) {
	if err := r.validate(f); err != nil {
		return Drawing{}, err
	}
	lay, err := r.layout(w, h, f)
	if err != nil {
		return Drawing{}, err
	}
	d := Drawing{Width: w, Height: h}
	r.drawGrid(&d, lay)
	r.drawSeries(&d, lay)
	r.drawRingLabels(&d, lay, f)
	for i, lb := range lay.labels {
		d.add(f.texts(lb.block, Tag{Role: RoleAxisLabel, Series: -1, Index: i}, lb.box.Min.X, lb.box.Min.Y, lb.align, inkColour)...)
	}
	d.add(lay.legend.shapes(f, w/2, lay.top)...)
	return d, nil
}

// validate checks the radar can be drawn.
func (r Radar) validate(f *Font) error {
	switch {
	case f == nil:
		return fmt.Errorf("%w: no font", ErrInvalid)
	case len(r.Axes) < 3 || len(r.Axes) > maxAxes:
		return fmt.Errorf("%w: a radar needs 3 to %d axes, not %d", ErrInvalid, maxAxes, len(r.Axes))
	case r.Max <= r.Min:
		return fmt.Errorf("%w: scale %d..%d", ErrInvalid, r.Min, r.Max)
	case len(r.Series) > maxRadarSer:
		return fmt.Errorf("%w: a radar shows at most %d series, not %d", ErrInvalid, maxRadarSer, len(r.Series))
	case r.RingLabels != nil && len(r.RingLabels) != r.Max-r.Min+1:
		return fmt.Errorf("%w: %d ring labels for %d levels", ErrInvalid, len(r.RingLabels), r.Max-r.Min+1)
	}
	for _, s := range r.Series {
		if len(s.Values) != len(r.Axes) {
			return fmt.Errorf("%w: series %q has %d values for %d axes", ErrInvalid, s.Name, len(s.Values), len(r.Axes))
		}
	}
	return nil
}

// angle returns axis i's direction: −π/2 (up) for the first, then
// clockwise on screen.
func (r Radar) angle(i int) float64 {
	return -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(r.Axes))
}

// levels returns the number of rings.
func (r Radar) levels() int { return r.Max - r.Min + 1 }

// radiusOf returns the radius of value v when the outer ring has radius R.
func (r Radar) radiusOf(v, R float64) float64 {
	v = math.Max(float64(r.Min), math.Min(float64(r.Max), v))
	return R * (v - float64(r.Min) + 1) / float64(r.levels())
}

// at returns the point at radius rad along axis i.
func (r Radar) at(lay radarLayout, i int, rad float64) Point {
	a := r.angle(i)
	return Point{lay.centre.X + rad*math.Cos(a), lay.centre.Y + rad*math.Sin(a)}
}

// layout tries font sizes from the largest down until the labels fit
// around a circle of a useful size without overlapping.
func (r Radar) layout(w, h float64, f *Font) (radarLayout, error) {
	lay, ok := fitFont(w, h, func(size float64) (radarLayout, bool) { return r.layoutAt(w, h, f, size) })
	if !ok {
		return lay, fmt.Errorf("%w: %.0f×%.0f pt for a radar of %d axes", ErrTooSmall, w, h, len(r.Axes))
	}
	return lay, nil
}

// layoutAt lays the radar out with axis labels at size points, reporting
// whether the result is usable.
func (r Radar) layoutAt(w, h float64, f *Font, size float64) (radarLayout, bool) {
	pad := 0.4 * size
	lay := radarLayout{size: size}
	lay.legend = newLegend(f, r.Series, lineSample, 0.95*size, w-2*pad)
	area := Rect{Point{pad, pad}, Point{w - pad, h - pad}}
	if lay.legend.h > 0 {
		area.Max.Y -= lay.legend.h + size
	}
	lay.top = area.Max.Y + size
	if area.Dx() <= 0 || area.Dy() <= 0 {
		return lay, false
	}
	blocks := r.labelBlocks(f, size)
	lay.centre = Point{(area.Min.X + area.Max.X) / 2, (area.Min.Y + area.Max.Y) / 2}
	// Fit, then centre the whole (circle and labels) in the area, and fit again.
	for range 3 {
		lay.radius = r.fitRadius(lay.centre, blocks, area, size)
		all := r.extent(lay.centre, lay.radius, r.placeLabels(lay.centre, lay.radius, blocks, size))
		lay.centre.X += (area.Min.X + area.Max.X - all.Min.X - all.Max.X) / 2
		lay.centre.Y += (area.Min.Y + area.Max.Y - all.Min.Y - all.Max.Y) / 2
	}
	lay.radius = r.fitRadius(lay.centre, blocks, area, size)
	lay.labels = r.placeLabels(lay.centre, lay.radius, blocks, size)
	minR := math.Max(4*float64(r.levels()), 0.18*math.Min(area.Dx(), area.Dy()))
	if lay.radius < minR || !r.fits(lay.labels, area) || overlapping(lay.labels) {
		return lay, false
	}
	return lay, true
}

// labelBlocks measures the axis labels, putting long ones on two lines.
func (r Radar) labelBlocks(f *Font, size float64) []block {
	out := make([]block, len(r.Axes))
	for i, a := range r.Axes {
		lines := []string{a}
		if f.Width(a, size) > 7*size {
			lines = f.splitTwo(a, size)
		}
		out[i] = f.newBlock(lines, size)
	}
	return out
}

// clearance is how far axis labels stay from the outer ring: beyond the
// markers on it, plus a gap.
func clearance(size float64) float64 { return markerSize/2 + seriesWidth + 0.4*size }

// placeLabels puts each label just outside a circle of radius R: left-aligned
// on the right, right-aligned on the left, centred at the top and bottom, then
// pushed outwards until it clears the circle.
func (r Radar) placeLabels(c Point, R float64, blocks []block, size float64) []labelBox {
	out := make([]labelBox, len(blocks))
	need := R + clearance(size)
	for i, b := range blocks {
		a := r.angle(i)
		ux, uy := math.Cos(a), math.Sin(a)
		p := Point{c.X + need*ux, c.Y + need*uy}
		lb := labelBox{block: b, align: AlignCentre}
		left := p.X - b.w/2
		switch {
		case ux > 0.05:
			lb.align, left = AlignLeft, p.X
		case ux < -0.05:
			lb.align, left = AlignRight, p.X-b.w
		}
		top := p.Y - b.h*(1-uy)/2
		lb.box = rect(left, top, b.w, b.h)
		for range 50 {
			d := lb.box.DistanceTo(c)
			if d >= need-1e-6 {
				break
			}
			step := need - d + 0.25
			lb.box = rect(lb.box.Min.X+step*ux, lb.box.Min.Y+step*uy, b.w, b.h)
		}
		out[i] = lb
	}
	return out
}

// fitRadius returns the largest radius, found by bisection, at which every
// label around a circle centred on c stays inside area.
func (r Radar) fitRadius(c Point, blocks []block, area Rect, size float64) float64 {
	lo, hi := 0.0, math.Min(area.Dx(), area.Dy())/2
	for range 30 {
		mid := (lo + hi) / 2
		inside := r.fits(r.placeLabels(c, mid, blocks, size), area) &&
			rect(c.X-mid, c.Y-mid, 2*mid, 2*mid).In(area)
		if inside {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// fits reports whether every label lies inside area.
func (r Radar) fits(labels []labelBox, area Rect) bool {
	for _, l := range labels {
		if !l.box.In(area) {
			return false
		}
	}
	return true
}

// overlapping reports whether any two labels overlap.
func overlapping(labels []labelBox) bool {
	for i := range labels {
		for j := i + 1; j < len(labels); j++ {
			if labels[i].box.Overlaps(labels[j].box) {
				return true
			}
		}
	}
	return false
}

// extent returns the box around the circle and the labels.
func (r Radar) extent(c Point, R float64, labels []labelBox) Rect {
	all := rect(c.X-R, c.Y-R, 2*R, 2*R)
	for _, l := range labels {
		all = all.Union(l.box)
	}
	return all
}

// ringLabel returns level i's label.
func (r Radar) ringLabel(i int) string {
	if r.RingLabels != nil {
		return r.RingLabels[i]
	}
	return strconv.Itoa(r.Min + i)
}

// drawGrid adds the rings and the spokes.
func (r Radar) drawGrid(d *Drawing, lay radarLayout) {
	for k := 1; k <= r.levels(); k++ {
		rad := lay.radius * float64(k) / float64(r.levels())
		col, wid := gridColour, gridWidth
		if k == r.levels() {
			col, wid = axisColour, 0.9
		}
		d.add(Path{Tag: tag(RoleGrid), Points: circlePoints(lay.centre, rad, 120), Closed: true, Stroke: col, Width: wid})
	}
	for i := range r.Axes {
		d.add(Path{Tag: Tag{Role: RoleGrid, Series: -1, Index: i},
			Points: []Point{lay.centre, r.at(lay, i, lay.radius)}, Stroke: gridColour, Width: gridWidth})
	}
}

// drawRingLabels labels each ring just inside it, halfway between the first
// two spokes, leaving out labels that would crowd the one before. They are
// drawn over the series on a translucent white backing, so lines crossing
// them do not make them illegible.
func (r Radar) drawRingLabels(d *Drawing, lay radarLayout, f *Font) {
	size := 0.8 * lay.size
	a := r.angle(0) + math.Pi/float64(len(r.Axes))
	ux, uy := math.Cos(a), math.Sin(a)
	var prev Rect
	for k := 0; k < r.levels(); k++ {
		s := r.ringLabel(k)
		b := f.newBlock([]string{s}, size)
		half := math.Hypot(b.w, b.h) / 2
		rad := lay.radius*float64(k+1)/float64(r.levels()) - half - 1
		if rad < half {
			continue
		}
		cx, cy := lay.centre.X+rad*ux, lay.centre.Y+rad*uy
		box := rect(cx-b.w/2, cy-b.h/2, b.w, b.h)
		if k > 0 && box.Overlaps(prev) {
			continue
		}
		prev = box
		backing := rect(box.Min.X-1, box.Min.Y+0.15*b.h, b.w+2, 0.7*b.h)
		d.add(Path{Tag: Tag{Role: RoleRingLabel, Series: -1, Index: k}, Closed: true, Fill: white, FillOpacity: 0.75,
			Points: []Point{backing.Min, {backing.Max.X, backing.Min.Y}, backing.Max, {backing.Min.X, backing.Max.Y}}})
		d.add(f.texts(b, Tag{Role: RoleRingLabel, Series: -1, Index: k}, box.Min.X, box.Min.Y, AlignCentre, mutedColour)...)
	}
}

// drawSeries adds each series, the first last so it is on top: its fill (if
// complete), its lines (broken at missing values) and its markers.
func (r Radar) drawSeries(d *Drawing, lay radarLayout) {
	for si := len(r.Series) - 1; si >= 0; si-- {
		s := r.Series[si]
		c := seriesColour(s, si)
		pts := make([]*Point, len(r.Axes))
		for i, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				p := r.at(lay, i, r.radiusOf(v, lay.radius))
				pts[i] = &p
			}
		}
		tg := Tag{Role: RoleSeries, Series: si, Index: -1}
		for _, run := range runs(pts) {
			d.add(Path{Tag: tg, Points: run.points, Closed: run.closed, Stroke: c, Width: seriesWidth, Style: s.Style,
				Fill: c, FillOpacity: fillOpacity(si, run.closed)})
		}
		for i, p := range pts {
			if p != nil {
				d.add(MarkerShape{Tag: Tag{Role: RoleVertex, Series: si, Index: i}, Kind: s.Marker, Centre: *p,
					Size: markerSize, Fill: c, Outline: white, OutlineWidth: 0.75})
			}
		}
	}
}

// fillOpacity is how strongly a series is filled: only the first (the
// current assessment), and only when it is complete, so fills never mix.
func fillOpacity(series int, closed bool) float64 {
	if series == 0 && closed {
		return 0.12
	}
	return 0
}

// run is a stretch of consecutive vertices.
type run struct {
	points []Point
	closed bool
}

// runs splits a ring of vertices (nil where a value is missing) into the
// stretches to draw: the whole closed polygon when none is missing, else
// each maximal run of present vertices, wrapping round from the last axis to
// the first. A lone vertex makes no line (its marker still shows).
func runs(pts []*Point) []run {
	n := len(pts)
	first := -1
	for i, p := range pts {
		if p == nil {
			first = i
			break
		}
	}
	if first < 0 {
		all := make([]Point, n)
		for i, p := range pts {
			all[i] = *p
		}
		return []run{{points: all, closed: true}}
	}
	var out []run
	var cur []Point
	for k := 1; k <= n; k++ { // start just after a gap so no run is split by the wrap
		p := pts[(first+k)%n]
		if p != nil {
			cur = append(cur, *p)
			continue
		}
		if len(cur) > 1 {
			out = append(out, run{points: cur})
		}
		cur = nil
	}
	return out
}
