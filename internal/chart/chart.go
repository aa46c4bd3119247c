// Package chart lays out the app's charts — a radar of theme scores and
// grouped bars of themes by year — as device-independent geometry, and draws
// that geometry with two back-ends: anti-aliased raster images for the screens
// (Drawing.Image) and vector graphics in a PDF (Drawing.PDF).
//
// A chart's Draw method measures text with a Font and returns a Drawing: a
// list of Shapes in points (1/72 inch) with the origin at the top left and y
// growing downwards. The layout is computed once, so both back-ends show the
// same chart, and tests can check the geometry without rendering it.
//
// Series are told apart by more than colour: each has a line style and a
// marker, and bars of different series carry different fill patterns. Palette
// holds colour-blind-safe colours (Okabe–Ito) for the callers to use.
package chart

import (
	"errors"
	"image/color"
	"math"
)

// LineStyle is how a series' line is drawn.
type LineStyle int

// The line styles.
const (
	Solid LineStyle = iota
	Dashed
	Dotted
)

// String returns the style's name.
func (s LineStyle) String() string {
	switch s {
	case Dashed:
		return "dashed"
	case Dotted:
		return "dotted"
	default:
		return "solid"
	}
}

// Marker is the symbol drawn on each point of a series.
type Marker int

// The markers.
const (
	Circle Marker = iota
	Square
	Triangle
	Diamond
)

// String returns the marker's name.
func (m Marker) String() string {
	switch m {
	case Square:
		return "square"
	case Triangle:
		return "triangle"
	case Diamond:
		return "diamond"
	default:
		return "circle"
	}
}

// Series is one set of values plotted on a chart, such as this year's agreed
// levels, the targets or last year's levels.
type Series struct {
	// Name is shown in the legend.
	Name string
	// Values holds one value per axis or category, in the same order;
	// math.NaN() means no value (not assessed), which is never plotted as 0.
	Values []float64
	// Colour is the series' colour; the zero value picks Palette[i] for the
	// i-th series.
	Colour color.RGBA
	// Style is the line style (radar) or, for bars, selects the fill
	// pattern: Solid fills, Dashed adds diagonal hatching, Dotted adds
	// cross-hatching.
	Style LineStyle
	// Marker is drawn on every radar vertex and in the legend.
	Marker Marker
}

// Palette is the Okabe–Ito colour-blind-safe palette, in the order the app
// uses it: blue for the current assessment (draw it Solid with Circle),
// orange for the target (Dashed, Square), bluish green for the previous year
// (Dotted, Triangle), then vermilion, reddish purple and sky blue for further
// years.
var Palette = []color.RGBA{
	{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF},
	{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF},
	{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF},
	{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF},
	{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF},
	{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF},
}

// Errors returned by Draw. Wrapped errors say more; test with errors.Is.
var (
	// ErrInvalid means the chart's data cannot be drawn: too few axes, a
	// scale with Max <= Min, too many series or a Values slice of the wrong
	// length.
	ErrInvalid = errors.New("chart: invalid chart")
	// ErrTooSmall means the drawing box is too small for the chart and its
	// labels at the smallest font size.
	ErrTooSmall = errors.New("chart: drawing too small")
)

// Colours of the chart furniture.
var (
	inkColour   = color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}
	mutedColour = color.RGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xFF}
	gridColour  = color.RGBA{R: 0xC8, G: 0xC8, B: 0xC8, A: 0xFF}
	axisColour  = color.RGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xFF}
	white       = color.RGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}
)

// seriesColour returns s's colour, or the palette's i-th colour when s has
// none.
func seriesColour(s Series, i int) color.RGBA {
	if s.Colour != (color.RGBA{}) {
		return s.Colour
	}
	return Palette[i%len(Palette)]
}

// fitFont tries label sizes from the largest that suits a w×h box down to
// the smallest, in half points, and returns the first layout that works.
func fitFont[L any](w, h float64, at func(size float64) (L, bool)) (L, bool) {
	start := math.Max(minFontSize, math.Min(maxFontSize, math.Min(w, h)/48))
	for size := start; size >= minFontSize-1e-9; size -= 0.5 {
		if lay, ok := at(size); ok {
			return lay, true
		}
	}
	var none L
	return none, false
}
