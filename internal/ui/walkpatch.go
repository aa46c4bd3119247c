// walkPatch: a rectangle in a theme colour, behind last year's answer and under the question strip.

package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// walkPatch is a rectangle filled with a theme colour, kept up to date when
// the theme changes; with no colour name it is transparent.
type walkPatch struct {
	widget.BaseWidget
	colour fyne.ThemeColorName
	min    fyne.Size
	rect   *canvas.Rectangle
}

// newWalkPatch makes a patch of colour with rounded corners of radius and
// a least size of min.
func newWalkPatch(colour fyne.ThemeColorName, radius float32, min fyne.Size) *walkPatch {
	p := &walkPatch{colour: colour, min: min, rect: canvas.NewRectangle(color.Transparent)}
	p.rect.CornerRadius = radius
	p.ExtendBaseWidget(p)
	return p
}

// setColour fills the patch with another theme colour, or none.
func (p *walkPatch) setColour(colour fyne.ThemeColorName) {
	if p.colour != colour {
		p.colour = colour
		p.Refresh()
	}
}

// CreateRenderer draws the patch.
func (p *walkPatch) CreateRenderer() fyne.WidgetRenderer {
	r := &walkPatchRenderer{p: p}
	r.Refresh()
	return r
}

// walkPatchRenderer draws a walkPatch.
type walkPatchRenderer struct{ p *walkPatch }

func (r *walkPatchRenderer) Layout(size fyne.Size) { r.p.rect.Resize(size) }

func (r *walkPatchRenderer) MinSize() fyne.Size { return r.p.min }

func (r *walkPatchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.rect} }

func (r *walkPatchRenderer) Destroy() {}

// Refresh takes the colour from the current theme.
func (r *walkPatchRenderer) Refresh() {
	r.p.rect.FillColor = color.Transparent
	if r.p.colour != "" {
		r.p.rect.FillColor = r.p.Theme().Color(r.p.colour, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.p.rect.Refresh()
}
