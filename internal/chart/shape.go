package chart

import (
	"image/color"
	"math"
)

// Point is a position in points, origin top-left, y down.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned box in points, from Min (top-left) to Max
// (bottom-right).
type Rect struct{ Min, Max Point }

// rect returns the box with top-left (x, y), width w and height h.
func rect(x, y, w, h float64) Rect {
	return Rect{Point{x, y}, Point{x + w, y + h}}
}

// Dx returns r's width.
func (r Rect) Dx() float64 { return r.Max.X - r.Min.X }

// Dy returns r's height.
func (r Rect) Dy() float64 { return r.Max.Y - r.Min.Y }

// Overlaps reports whether r and o share an area larger than a hair; boxes
// that only touch do not overlap.
func (r Rect) Overlaps(o Rect) bool {
	const eps = 1e-6
	return r.Min.X < o.Max.X-eps && o.Min.X < r.Max.X-eps &&
		r.Min.Y < o.Max.Y-eps && o.Min.Y < r.Max.Y-eps
}

// In reports whether r lies inside o (touching the edge counts as inside).
func (r Rect) In(o Rect) bool {
	const eps = 1e-6
	return r.Min.X >= o.Min.X-eps && r.Min.Y >= o.Min.Y-eps &&
		r.Max.X <= o.Max.X+eps && r.Max.Y <= o.Max.Y+eps
}

// Union returns the smallest box holding r and o.
func (r Rect) Union(o Rect) Rect {
	return Rect{
		Point{math.Min(r.Min.X, o.Min.X), math.Min(r.Min.Y, o.Min.Y)},
		Point{math.Max(r.Max.X, o.Max.X), math.Max(r.Max.Y, o.Max.Y)},
	}
}

// DistanceTo returns the distance from p to the nearest point of r (0 when p
// is inside r).
func (r Rect) DistanceTo(p Point) float64 {
	dx := math.Max(math.Max(r.Min.X-p.X, 0), p.X-r.Max.X)
	dy := math.Max(math.Max(r.Min.Y-p.Y, 0), p.Y-r.Max.Y)
	return math.Hypot(dx, dy)
}

// Role says what part of a chart a shape is, so callers and tests can find
// the shapes they care about.
type Role int

// The roles.
const (
	RoleOther        Role = iota // anything else
	RoleGrid                     // rings, spokes, gridlines and axes
	RoleRingLabel                // a radar ring's level label
	RoleAxisLabel                // a radar axis (theme) label, or a bar chart's y-axis label
	RoleCategory                 // a bar chart's category label
	RoleSeries                   // a series' line, fill or bar
	RoleVertex                   // a series' marker on a radar axis
	RoleValueLabel               // a value printed above a bar
	RoleLegendSample             // a legend entry's line, marker or swatch
	RoleLegendLabel              // a legend entry's name
)

// Tag is embedded in every shape: its Role and, for shapes that belong to a
// series, the series' index (-1 otherwise). Index is the axis or category
// index for vertices, bars and labels (-1 otherwise).
type Tag struct {
	Role   Role
	Series int
	Index  int
}

// tag returns a Tag for role with no series or index.
func tag(role Role) Tag { return Tag{Role: role, Series: -1, Index: -1} }

// Shape is one drawing primitive: a Path, a MarkerShape or a Text.
type Shape interface {
	// Bounds returns the box the shape covers, ignoring stroke width.
	Bounds() Rect
	// Tags returns the shape's role, series and index.
	Tags() Tag
}

// Path is a polyline, or a polygon when Closed, stroked and optionally
// filled.
type Path struct {
	Tag
	Points []Point
	Closed bool
	// Stroke is the line colour; Width is the line width in points (0: no
	// stroke) and Style its dash pattern.
	Stroke color.RGBA
	Width  float64
	Style  LineStyle
	// Fill is the fill colour, used when FillOpacity > 0 (1 is opaque).
	Fill        color.RGBA
	FillOpacity float64
}

// Bounds returns the box around the path's points.
func (p Path) Bounds() Rect {
	if len(p.Points) == 0 {
		return Rect{}
	}
	b := Rect{p.Points[0], p.Points[0]}
	for _, q := range p.Points[1:] {
		b = b.Union(Rect{q, q})
	}
	return b
}

// Tags returns the path's tag.
func (p Path) Tags() Tag { return p.Tag }

// MarkerShape is a marker symbol centred on a point.
type MarkerShape struct {
	Tag
	Kind   Marker
	Centre Point
	// Size is the side of the square the marker fits in, in points.
	Size float64
	Fill color.RGBA
	// Outline is drawn OutlineWidth points wide (0: no outline).
	Outline      color.RGBA
	OutlineWidth float64
}

// Bounds returns the marker's box.
func (m MarkerShape) Bounds() Rect {
	h := m.Size / 2
	return Rect{Point{m.Centre.X - h, m.Centre.Y - h}, Point{m.Centre.X + h, m.Centre.Y + h}}
}

// Tags returns the marker's tag.
func (m MarkerShape) Tags() Tag { return m.Tag }

// polygon returns the marker's polygon; a circle is approximated by segments
// short enough to look round at any sensible scale.
func (m MarkerShape) polygon() []Point {
	c, h := m.Centre, m.Size/2
	switch m.Kind {
	case Square:
		s := h * 0.85 // a square looks bigger than a circle of the same width
		return []Point{{c.X - s, c.Y - s}, {c.X + s, c.Y - s}, {c.X + s, c.Y + s}, {c.X - s, c.Y + s}}
	case Triangle:
		// Equilateral, centred on its centroid, fitting the box.
		return []Point{{c.X, c.Y - h}, {c.X + h, c.Y + h*0.75}, {c.X - h, c.Y + h*0.75}}
	case Diamond:
		return []Point{{c.X, c.Y - h}, {c.X + h, c.Y}, {c.X, c.Y + h}, {c.X - h, c.Y}}
	default:
		return circlePoints(c, h*0.9, 24)
	}
}

// circlePoints returns n points on the circle of radius r round c, starting
// at the top and going clockwise.
func circlePoints(c Point, r float64, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}

// Align is how a Text sits on its anchor point.
type Align int

// The alignments.
const (
	AlignLeft   Align = iota // the text starts at X
	AlignCentre              // the text is centred on X
	AlignRight               // the text ends at X
)

// Text is one line of text. (X, Y) is the anchor on the baseline.
type Text struct {
	Tag
	String string
	X, Y   float64
	// Size is the font size in points.
	Size   float64
	Align  Align
	Colour color.RGBA
	Bold   bool
	// Box is the measured box (advance width × ascent+descent), filled in by
	// the Draw methods; the back-ends do not need it.
	Box Rect
}

// Bounds returns the text's measured box.
func (t Text) Bounds() Rect { return t.Box }

// Tags returns the text's tag.
func (t Text) Tags() Tag { return t.Tag }

// Drawing is a chart laid out in points: Width × Height with the origin at
// the top left, and the shapes to draw in order.
type Drawing struct {
	Width, Height float64
	Shapes        []Shape
}

// add appends shapes to d.
func (d *Drawing) add(s ...Shape) { d.Shapes = append(d.Shapes, s...) }

// Texts returns the drawing's texts, in order.
func (d Drawing) Texts() []Text {
	var out []Text
	for _, s := range d.Shapes {
		if t, ok := s.(Text); ok {
			out = append(out, t)
		}
	}
	return out
}
