package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font measures text for layout. It is safe for concurrent use.
type Font struct {
	sf      *sfnt.Font
	upem    float64 // design units per em
	ascent  float64 // per point of font size
	descent float64 // per point of font size, positive
	advance map[rune]float64
}

// NewFont parses a TrueType or OpenType font (the regular face the text will
// be drawn with, e.g. assets.FontRegular).
func NewFont(ttf []byte) (*Font, error) {
	sf, err := opentype.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("chart: parsing font: %w", err)
	}
	upem := float64(sf.UnitsPerEm())
	var buf sfnt.Buffer
	m, err := sf.Metrics(&buf, fixed.Int26_6(sf.UnitsPerEm())<<6, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("chart: reading font metrics: %w", err)
	}
	f := &Font{
		sf:      sf,
		upem:    upem,
		ascent:  float64(m.Ascent) / 64 / upem,
		descent: float64(m.Descent) / 64 / upem,
		advance: map[rune]float64{},
	}
	for r := rune(0x20); r < 0x250; r++ {
		f.advance[r] = f.measureRune(&buf, r)
	}
	for _, r := range "‘’“”–—…•€£" {
		f.advance[r] = f.measureRune(&buf, r)
	}
	return f, nil
}

// measureRune returns r's advance per point of font size; a rune the font
// lacks measures as its .notdef glyph.
func (f *Font) measureRune(buf *sfnt.Buffer, r rune) float64 {
	gi, err := f.sf.GlyphIndex(buf, r)
	if err != nil {
		gi = 0
	}
	adv, err := f.sf.GlyphAdvance(buf, gi, fixed.Int26_6(f.upem)<<6, font.HintingNone)
	if err != nil {
		return 0.6 // a typical advance, so layout still leaves room
	}
	return float64(adv) / 64 / f.upem
}

// Width returns the advance width of text at size points, in points, as the
// PDF back-end lays it out (no kerning).
func (f *Font) Width(text string, size float64) float64 {
	var w float64
	var buf *sfnt.Buffer
	for _, r := range text {
		a, ok := f.advance[r]
		if !ok {
			if buf == nil {
				buf = new(sfnt.Buffer)
			}
			a = f.measureRune(buf, r)
		}
		w += a
	}
	return w * size
}

// Ascent returns the height above the baseline of a line at size points.
func (f *Font) Ascent(size float64) float64 { return f.ascent * size }

// Descent returns the depth below the baseline of a line at size points.
func (f *Font) Descent(size float64) float64 { return f.descent * size }

// LineHeight returns the distance between baselines of successive lines at
// size points: ascent plus descent, so the lines' boxes touch but do not
// overlap.
func (f *Font) LineHeight(size float64) float64 { return (f.ascent + f.descent) * size }

// text returns a Text anchored at (x, baseline) with its box measured.
func (f *Font) text(tg Tag, s string, x, baseline, size float64, align Align, c color.RGBA) Text {
	w := f.Width(s, size)
	left := x
	switch align {
	case AlignCentre:
		left = x - w/2
	case AlignRight:
		left = x - w
	}
	return Text{
		Tag: tg, String: s, X: x, Y: baseline, Size: size, Align: align, Colour: c,
		Box: Rect{Point{left, baseline - f.Ascent(size)}, Point{left + w, baseline + f.Descent(size)}},
	}
}

// block is a label of one or more lines, measured at a size.
type block struct {
	lines []string
	size  float64
	w, h  float64
}

// newBlock measures lines at size.
func (f *Font) newBlock(lines []string, size float64) block {
	b := block{lines: lines, size: size, h: float64(len(lines)) * f.LineHeight(size)}
	for _, l := range lines {
		b.w = math.Max(b.w, f.Width(l, size))
	}
	return b
}

// texts lays b out with its box's top-left at (left, top), each line aligned
// within the box by align.
func (f *Font) texts(b block, tg Tag, left, top float64, align Align, c color.RGBA) []Shape {
	out := make([]Shape, 0, len(b.lines))
	for i, l := range b.lines {
		base := top + float64(i)*f.LineHeight(b.size) + f.Ascent(b.size)
		x := left
		switch align {
		case AlignCentre:
			x = left + b.w/2
		case AlignRight:
			x = left + b.w
		}
		out = append(out, f.text(tg, l, x, base, b.size, align, c))
	}
	return out
}

// splitTwo splits s at the space that makes its longer half shortest, or
// returns s alone when it has no space.
func (f *Font) splitTwo(s string, size float64) []string {
	words := strings.Fields(s)
	if len(words) < 2 {
		return []string{s}
	}
	best, bestW := 1, math.Inf(1)
	for i := 1; i < len(words); i++ {
		a, b := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		if w := math.Max(f.Width(a, size), f.Width(b, size)); w < bestW {
			best, bestW = i, w
		}
	}
	return []string{strings.Join(words[:best], " "), strings.Join(words[best:], " ")}
}

// wrap breaks s into lines no wider than width, greedily; a word wider than
// width gets a line of its own.
func (f *Font) wrap(s string, size, width float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur != "" && f.Width(next, size) > width {
			lines = append(lines, cur)
			next = w
		}
		cur = next
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
