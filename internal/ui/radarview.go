package ui

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/chart"
)

// The radar's size on screen at normal text size, in Fyne units; it grows
// with the text size.
const (
	radarW = 430
	radarH = 360
)

// RadarView draws a radar chart in the theme's colours, as large as the
// text size asks. It draws only when shown and when its data or the
// theme's colours changed, so saving an edit on another tab costs nothing
// here.
type RadarView struct {
	widget.BaseWidget
	// Image is the chart as last drawn.
	Image *canvas.Image
	// Draws counts how many times the chart was drawn, for tests.
	Draws int
	data  chart.Radar
	fresh bool
	ink   chart.Colours
	// failed says why the chart could not be drawn, if it could not.
	failed func(error)
}

// NewRadarView makes an empty radar; failed is told when a chart cannot be
// drawn.
func NewRadarView(failed func(error)) *RadarView {
	r := &RadarView{Image: canvas.NewImageFromImage(nil), failed: failed}
	r.Image.FillMode = canvas.ImageFillContain
	r.ExtendBaseWidget(r)
	return r
}

// SetData sets the chart to draw and draws it if the radar is shown.
func (r *RadarView) SetData(d chart.Radar) {
	r.data, r.fresh = d, false
	r.Refresh()
}

// MinSize is the radar's size at normal text, scaled with the text size.
func (r *RadarView) MinSize() fyne.Size {
	k := textScaleOf(r.Theme())
	return fyne.NewSize(radarW*k, radarH*k)
}

// CreateRenderer shows the image.
func (r *RadarView) CreateRenderer() fyne.WidgetRenderer { return &radarRenderer{r: r} }

// radarRenderer draws the chart when it is refreshed.
type radarRenderer struct{ r *RadarView }

func (rr *radarRenderer) Layout(size fyne.Size)        { rr.r.Image.Resize(size) }
func (rr *radarRenderer) MinSize() fyne.Size           { return rr.r.MinSize() }
func (rr *radarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.r.Image} }
func (rr *radarRenderer) Destroy()                     {}

// Refresh draws the chart again if its data or the theme's colours changed.
func (rr *radarRenderer) Refresh() {
	r := rr.r
	ink := chartColours(r.Theme())
	if r.fresh && ink == r.ink || len(r.data.Axes) == 0 {
		return
	}
	img, err := drawRadar(r.data, ink)
	if err != nil {
		r.failed(err)
		return
	}
	r.Draws++
	r.fresh, r.ink = true, ink
	r.Image.Image = img
	r.Image.Refresh()
}

// drawRadar draws a radar at twice the screen size, for sharp text.
func drawRadar(d chart.Radar, ink chart.Colours) (image.Image, error) {
	f, err := chart.NewFont(assets.FontRegular)
	if err != nil {
		return nil, err
	}
	dr, err := d.Draw(radarW, radarH, f)
	if err != nil {
		return nil, err
	}
	return dr.ImageIn(2, assets.FontRegular, assets.FontBold, ink)
}

// chartColours are a chart's colours in theme th: its background and
// foreground, and the grid, axes and quieter text mixed between them.
func chartColours(th fyne.Theme) chart.Colours {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := rgba(th.Color(theme.ColorNameBackground, v))
	fg := rgba(th.Color(theme.ColorNameForeground, v))
	return chart.Colours{Background: bg, Ink: fg, Muted: mix(bg, fg, 0.7), Grid: mix(bg, fg, 0.25), Axis: mix(bg, fg, 0.5)}
}

// rgba is c as opaque 8-bit RGBA.
func rgba(c color.Color) color.RGBA {
	x := color.RGBAModel.Convert(c).(color.RGBA)
	x.A = 0xFF
	return x
}

// mix is the colour a fraction t of the way from a to b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t) }
	return color.RGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xFF}
}

// textScaleOf is how much larger than normal th draws text.
func textScaleOf(th fyne.Theme) float32 {
	return th.Size(theme.SizeNameText) / theme.DefaultTheme().Size(theme.SizeNameText)
}
