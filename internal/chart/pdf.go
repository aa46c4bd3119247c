package chart

import (
	"image/color"

	"codeberg.org/go-pdf/fpdf"
)

// PDF draws the drawing as vector graphics on pdf's current page with its
// top-left corner at (x, y), both in the document's unit (the unit given to
// fpdf.New: "pt", "mm", "cm" or "in"); the drawing's points are converted to
// that unit, so a 600×500 drawing is 600×500 pt (about 212×176 mm) whatever
// the unit. Text uses family, a font the caller registered with
// AddUTF8FontFromBytes in the regular ("") and bold ("B") styles. Errors are
// recorded in pdf (see pdf.Err). The draw, fill and text colours, line
// width, font and alpha are restored afterwards; the dash pattern is reset
// to solid and the line cap and join styles to fpdf's defaults (butt,
// miter).
func (d Drawing) PDF(pdf *fpdf.Fpdf, x, y float64, family string) {
	w := pdfWriter{pdf: pdf, x: x, y: y, u: pdf.PointToUnitConvert(1), family: family}
	restore := w.save()
	defer restore()
	pdf.SetLineJoinStyle("round")
	for _, s := range d.Shapes {
		switch s := s.(type) {
		case Path:
			w.path(s)
		case MarkerShape:
			w.marker(s)
		case Text:
			w.text(s)
		}
	}
}

// pdfWriter draws shapes on a page; u is the document's units per point.
type pdfWriter struct {
	pdf    *fpdf.Fpdf
	x, y   float64
	u      float64
	family string
}

// save records the pdf's graphics state and returns a function restoring it.
func (w pdfWriter) save() func() {
	p := w.pdf
	dr, dg, db := p.GetDrawColor()
	fr, fg, fb := p.GetFillColor()
	tr, tg, tb := p.GetTextColor()
	lw := p.GetLineWidth()
	fam, style := p.GetFontFamily(), p.GetFontStyle()
	size, _ := p.GetFontSize()
	alpha, blend := p.GetAlpha()
	return func() {
		p.SetDrawColor(dr, dg, db)
		p.SetFillColor(fr, fg, fb)
		p.SetTextColor(tr, tg, tb)
		p.SetLineWidth(lw)
		p.SetDashPattern(nil, 0)
		p.SetLineCapStyle("butt")
		p.SetLineJoinStyle("miter")
		p.SetAlpha(alpha, blend)
		if fam != "" {
			p.SetFont(fam, style, size)
		}
	}
}

// pt converts a drawing point to page coordinates.
func (w pdfWriter) pt(p Point) (float64, float64) { return w.x + p.X*w.u, w.y + p.Y*w.u }

// trace adds pts to the current path, closing it when closed.
func (w pdfWriter) trace(pts []Point, closed bool) {
	w.pdf.MoveTo(w.pt(pts[0]))
	for _, p := range pts[1:] {
		w.pdf.LineTo(w.pt(p))
	}
	if closed {
		w.pdf.ClosePath()
	}
}

// stroke sets the line colour, width and dash pattern for a line of width
// lw points in style.
func (w pdfWriter) stroke(c color.RGBA, lw float64, style LineStyle) {
	p := w.pdf
	p.SetDrawColor(int(c.R), int(c.G), int(c.B))
	p.SetLineWidth(lw * w.u)
	switch style {
	case Dashed:
		p.SetLineCapStyle("butt")
		p.SetDashPattern([]float64{dashOn * lw * w.u, dashOff * lw * w.u}, 0)
	case Dotted:
		p.SetLineCapStyle("round")
		p.SetDashPattern([]float64{0, dotSpacing * lw * w.u}, 0)
	default:
		p.SetLineCapStyle("round")
		p.SetDashPattern(nil, 0)
	}
}

// fill sets the fill colour and opacity.
func (w pdfWriter) fill(c color.RGBA, opacity float64) {
	w.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	w.pdf.SetAlpha(min(1, opacity), "Normal")
}

// path fills p (with its opacity, so the stroke stays opaque), then strokes
// it.
func (w pdfWriter) path(p Path) {
	if len(p.Points) < 2 {
		return
	}
	if p.Closed && p.FillOpacity > 0 && len(p.Points) > 2 {
		w.fill(p.Fill, p.FillOpacity)
		w.trace(p.Points, true)
		w.pdf.DrawPath("F")
		w.pdf.SetAlpha(1, "Normal")
	}
	if p.Width > 0 {
		w.stroke(p.Stroke, p.Width, p.Style)
		w.trace(p.Points, p.Closed)
		w.pdf.DrawPath("D")
	}
}

// marker draws m, filled and outlined.
func (w pdfWriter) marker(m MarkerShape) {
	style := "F"
	if m.OutlineWidth > 0 {
		style = "FD"
		w.stroke(m.Outline, m.OutlineWidth, Solid)
	}
	w.fill(m.Fill, 1)
	if m.Kind == Circle {
		x, y := w.pt(m.Centre)
		w.pdf.Circle(x, y, m.Size/2*0.9*w.u, style)
		return
	}
	w.trace(m.polygon(), true)
	w.pdf.DrawPath(style)
}

// text writes t with the caller's font, aligned by fpdf's own measure of it.
func (w pdfWriter) text(t Text) {
	style := ""
	if t.Bold {
		style = "B"
	}
	w.pdf.SetFont(w.family, style, t.Size)
	w.pdf.SetTextColor(int(t.Colour.R), int(t.Colour.G), int(t.Colour.B))
	x, y := w.pt(Point{t.X, t.Y})
	switch t.Align {
	case AlignCentre:
		x -= w.pdf.GetStringWidth(t.String) / 2
	case AlignRight:
		x -= w.pdf.GetStringWidth(t.String)
	}
	w.pdf.Text(x, y, t.String)
}
