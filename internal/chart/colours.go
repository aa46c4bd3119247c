package chart

import (
	"image"
	"image/color"
)

// Colours are the colours of a chart's furniture: what is behind it, its
// text, its quieter text, its gridlines and its axes. The series keep
// their own colours. LightColours are the ones Image uses.
type Colours struct {
	Background, Ink, Muted, Grid, Axis color.RGBA
}

// LightColours are dark ink on white, as printed.
var LightColours = Colours{Background: white, Ink: inkColour, Muted: mutedColour, Grid: gridColour, Axis: axisColour}

// ImageIn is Image drawn in the colours c instead of dark ink on white,
// for a screen in a dark theme.
func (d Drawing) ImageIn(scale float64, regular, bold []byte, c Colours) (*image.RGBA, error) {
	swap := map[color.RGBA]color.RGBA{white: c.Background, inkColour: c.Ink, mutedColour: c.Muted,
		gridColour: c.Grid, axisColour: c.Axis}
	to := func(x color.RGBA) color.RGBA {
		if y, ok := swap[x]; ok {
			return y
		}
		return x
	}
	recoloured := d
	recoloured.Shapes = make([]Shape, len(d.Shapes))
	for i, s := range d.Shapes {
		switch s := s.(type) {
		case Path:
			s.Stroke, s.Fill = to(s.Stroke), to(s.Fill)
			recoloured.Shapes[i] = s
		case MarkerShape:
			s.Fill, s.Outline = to(s.Fill), to(s.Outline)
			recoloured.Shapes[i] = s
		case Text:
			s.Colour = to(s.Colour)
			recoloured.Shapes[i] = s
		default:
			recoloured.Shapes[i] = s
		}
	}
	return recoloured.render(scale, regular, bold, c.Background)
}
