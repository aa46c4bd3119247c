package chart

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Image renders the drawing as an anti-aliased image on an opaque white
// background, scale pixels per point (e.g. 2 for a 2× display): a 600×500
// point drawing at scale 1 is 600×500 pixels. Text is drawn with the regular
// and bold fonts given (TrueType or OpenType bytes, e.g. assets.FontRegular
// and assets.FontBold); bold may be nil, when bold text uses the regular
// font.
func (d Drawing) Image(scale float64, regular, bold []byte) (*image.RGBA, error) {
	return d.render(scale, regular, bold, white)
}

// render draws the drawing on background.
func (d Drawing) render(scale float64, regular, bold []byte, background color.RGBA) (*image.RGBA, error) {
	if scale <= 0 || d.Width <= 0 || d.Height <= 0 {
		return nil, fmt.Errorf("%w: %g×%g pt at scale %g", ErrInvalid, d.Width, d.Height, scale)
	}
	fonts, err := newFaces(regular, bold, scale)
	if err != nil {
		return nil, err
	}
	defer fonts.close()
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(d.Width*scale)), int(math.Ceil(d.Height*scale))))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	rs := &raster{dst: img, scale: scale, z: vector.NewRasterizer(0, 0)}
	for _, s := range d.Shapes {
		switch s := s.(type) {
		case Path:
			rs.path(s)
		case MarkerShape:
			rs.marker(s)
		case Text:
			if s.String == "" || s.Size <= 0 {
				continue
			}
			if err := fonts.draw(img, s, scale); err != nil {
				return nil, err
			}
		}
	}
	return img, nil
}

// raster draws shapes onto an image.
type raster struct {
	dst   *image.RGBA
	scale float64
	z     *vector.Rasterizer
	mask  image.Alpha // coverage of the shape being drawn, reused
}

// fill paints the union of polys (in points) in colour c with opacity a.
func (rs *raster) fill(polys [][]Point, c color.RGBA, a float64) {
	if len(polys) == 0 || a <= 0 {
		return
	}
	bounds := image.Rectangle{}
	for i, poly := range polys {
		poly = scaled(poly, rs.scale)
		if signedArea(poly) < 0 { // one winding for all, so overlaps unite
			reverse(poly)
		}
		polys[i] = poly
		for _, p := range poly {
			px := image.Rect(int(math.Floor(p.X)), int(math.Floor(p.Y)), int(math.Ceil(p.X))+1, int(math.Ceil(p.Y))+1)
			bounds = bounds.Union(px)
		}
	}
	bounds = bounds.Intersect(rs.dst.Bounds())
	if bounds.Empty() {
		return
	}
	rs.z.Reset(bounds.Dx(), bounds.Dy())
	rs.z.DrawOp = draw.Src
	ox, oy := float64(bounds.Min.X), float64(bounds.Min.Y)
	for _, poly := range polys {
		rs.z.MoveTo(float32(poly[0].X-ox), float32(poly[0].Y-oy))
		for _, p := range poly[1:] {
			rs.z.LineTo(float32(p.X-ox), float32(p.Y-oy))
		}
		rs.z.ClosePath()
	}
	rs.mask.Rect, rs.mask.Stride = image.Rect(0, 0, bounds.Dx(), bounds.Dy()), bounds.Dx()
	if n := bounds.Dx() * bounds.Dy(); cap(rs.mask.Pix) < n {
		rs.mask.Pix = make([]uint8, n)
	} else {
		rs.mask.Pix = rs.mask.Pix[:n]
	}
	rs.z.Draw(&rs.mask, rs.mask.Rect, image.Opaque, image.Point{})
	rs.composite(bounds, c, uint32(math.Round(255*math.Min(1, a))))
}

// composite paints colour c at opacity a (0..255) through the mask onto the
// destination at bounds, touching only the pixels the mask covers.
func (rs *raster) composite(bounds image.Rectangle, c color.RGBA, a uint32) {
	w := bounds.Dx()
	for y := 0; y < bounds.Dy(); y++ {
		row := rs.mask.Pix[y*w : (y+1)*w]
		off := rs.dst.PixOffset(bounds.Min.X, bounds.Min.Y+y)
		for x, m := range row {
			if m == 0 {
				continue
			}
			k := uint32(m) * a / 255 // coverage × opacity, 0..255
			px := rs.dst.Pix[off+4*x : off+4*x+4 : off+4*x+4]
			px[0] = uint8((uint32(px[0])*(255-k) + uint32(c.R)*k) / 255)
			px[1] = uint8((uint32(px[1])*(255-k) + uint32(c.G)*k) / 255)
			px[2] = uint8((uint32(px[2])*(255-k) + uint32(c.B)*k) / 255)
			px[3] = uint8((uint32(px[3])*(255-k) + 255*k) / 255)
		}
	}
}

// path fills and strokes p.
func (rs *raster) path(p Path) {
	if len(p.Points) < 2 {
		return
	}
	if p.Closed && p.FillOpacity > 0 && len(p.Points) > 2 {
		rs.fill([][]Point{append([]Point(nil), p.Points...)}, p.Fill, p.FillOpacity)
	}
	if p.Width > 0 {
		rs.fill(strokePolys(p.Points, p.Closed, p.Width, p.Style), p.Stroke, 1)
	}
}

// marker fills m and strokes its outline.
func (rs *raster) marker(m MarkerShape) {
	poly := m.polygon()
	rs.fill([][]Point{poly}, m.Fill, 1)
	if m.OutlineWidth > 0 {
		rs.fill(strokePolys(m.polygon(), true, m.OutlineWidth, Solid), m.Outline, 1)
	}
}

// scaled returns pts multiplied by s.
func scaled(pts []Point, s float64) []Point {
	out := make([]Point, len(pts))
	for i, p := range pts {
		out[i] = Point{p.X * s, p.Y * s}
	}
	return out
}

// signedArea returns the polygon's area, positive when clockwise on screen.
func signedArea(pts []Point) float64 {
	a := 0.0
	for i, p := range pts {
		q := pts[(i+1)%len(pts)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

// reverse reverses pts in place.
func reverse(pts []Point) {
	for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
		pts[i], pts[j] = pts[j], pts[i]
	}
}

// strokePolys returns polygons covering a line of width w along pts: a
// rectangle per segment and a disc at every vertex (round joins and caps),
// cut into dashes or dots by style. The back-ends use the same patterns.
func strokePolys(pts []Point, closed bool, w float64, style LineStyle) [][]Point {
	if closed {
		pts = append(append([]Point(nil), pts...), pts[0])
	}
	switch style {
	case Dashed:
		var out [][]Point
		for _, dash := range dashes(pts, dashOn*w, dashOff*w) {
			out = append(out, solidStroke(dash, w)...)
		}
		return out
	case Dotted:
		var out [][]Point
		for _, c := range dots(pts, dotSpacing*w) {
			out = append(out, circlePoints(c, w/2*1.1, 12))
		}
		return out
	}
	return solidStroke(pts, w)
}

// Dash patterns, in multiples of the line width: dashes dashOn long with
// dashOff gaps; dots every dotSpacing.
const (
	dashOn     = 3.5
	dashOff    = 2.2
	dotSpacing = 2.2
)

// solidStroke covers an unbroken line with quads and round joins.
func solidStroke(pts []Point, w float64) [][]Point {
	var out [][]Point
	h := w / 2
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		if l == 0 {
			continue
		}
		nx, ny := -(b.Y-a.Y)/l*h, (b.X-a.X)/l*h
		out = append(out, []Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}})
	}
	if w >= 1 { // joins matter only for lines thick enough to show gaps
		for _, p := range pts {
			out = append(out, circlePoints(p, h, 12))
		}
	}
	return out
}

// dashes cuts a polyline into pieces on long with off gaps between.
func dashes(pts []Point, on, off float64) [][]Point {
	var out [][]Point
	var cur []Point
	drawing, left := true, on
	cur = append(cur, pts[0])
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		pos := 0.0
		for l-pos > left {
			pos += left
			p := lerpPoint(a, b, pos/l)
			if drawing {
				out = append(out, append(cur, p))
				cur = nil
				left = off
			} else {
				cur = []Point{p}
				left = on
			}
			drawing = !drawing
		}
		left -= l - pos
		if drawing {
			cur = append(cur, b)
		}
	}
	if drawing && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// dots returns points every spacing along a polyline, starting at its first
// point.
func dots(pts []Point, spacing float64) []Point {
	out := []Point{pts[0]}
	next := spacing
	travelled := 0.0
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		for next <= travelled+l {
			out = append(out, lerpPoint(a, b, (next-travelled)/l))
			next += spacing
		}
		travelled += l
	}
	return out
}

// lerpPoint returns the point t of the way from a to b.
func lerpPoint(a, b Point, t float64) Point {
	return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
}

// faces draws text with a regular and a bold font at one scale, caching a
// face per size.
type faces struct {
	regular, bold *sfnt.Font
	scale         float64
	cache         map[faceKey]font.Face
}

// faceKey identifies a cached face.
type faceKey struct {
	bold bool
	size float64
}

// newFaces parses the fonts; bold may be nil.
func newFaces(regular, bold []byte, scale float64) (*faces, error) {
	r, err := opentype.Parse(regular)
	if err != nil {
		return nil, fmt.Errorf("chart: parsing regular font: %w", err)
	}
	b := r
	if bold != nil {
		if b, err = opentype.Parse(bold); err != nil {
			return nil, fmt.Errorf("chart: parsing bold font: %w", err)
		}
	}
	return &faces{regular: r, bold: b, scale: scale, cache: map[faceKey]font.Face{}}, nil
}

// face returns the face for t's size and weight.
func (fs *faces) face(t Text) (font.Face, error) {
	k := faceKey{t.Bold, t.Size}
	if f, ok := fs.cache[k]; ok {
		return f, nil
	}
	sf := fs.regular
	if t.Bold {
		sf = fs.bold
	}
	f, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: t.Size * fs.scale, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("chart: making a %g pt face: %w", t.Size, err)
	}
	fs.cache[k] = f
	return f, nil
}

// draw draws t onto img.
func (fs *faces) draw(img *image.RGBA, t Text, scale float64) error {
	face, err := fs.face(t)
	if err != nil {
		return err
	}
	dr := font.Drawer{Dst: img, Src: image.NewUniform(t.Colour), Face: face}
	w := float64(dr.MeasureString(t.String)) / 64
	x := t.X * scale
	switch t.Align {
	case AlignCentre:
		x -= w / 2
	case AlignRight:
		x -= w
	}
	dr.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(t.Y * scale * 64))}
	dr.DrawString(t.String)
	return nil
}

// close releases the cached faces.
func (fs *faces) close() {
	for _, f := range fs.cache {
		_ = f.Close()
	}
}
