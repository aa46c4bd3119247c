package report

import (
	"reflect"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/partnership-maturity/maturity/assets"
)

// Placeholder is drawn in a PDF in place of a character its fonts cannot
// draw, such as an emoji: U+FFFD, the replacement character.
const Placeholder = '\uFFFD'

// pdfFonts are the regular, bold and italic faces, parsed once to learn
// which characters they hold.
var pdfFonts = sync.OnceValue(func() []*sfnt.Font {
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("report: a shipped font does not parse: " + err.Error())
		}
		fonts = append(fonts, f)
	}
	return fonts
})

// glyphs decides, and remembers for one export, which characters the PDF
// can draw: those every face holds.
type glyphs struct {
	buf      sfnt.Buffer
	known    map[rune]bool
	replaced bool // a character was replaced by Placeholder
}

// drawable reports whether every face holds r.
func (g *glyphs) drawable(r rune) bool {
	if r < 0x7f {
		return true
	}
	ok, seen := g.known[r]
	if seen {
		return ok
	}
	ok = true
	for _, f := range pdfFonts() {
		if i, err := f.GlyphIndex(&g.buf, r); err != nil || i == 0 {
			ok = false
			break
		}
	}
	g.known[r] = ok
	return ok
}

// text returns s with every character the fonts lack replaced: a space the
// fonts lack by a plain space, anything else by Placeholder. Control
// characters are left for clean to deal with. It takes time linear in s.
func (g *glyphs) text(s string) string {
	clear := true
	for _, r := range s {
		if !g.drawable(r) {
			clear = false
			break
		}
	}
	if clear {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case g.drawable(r) || unicode.IsControl(r):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			g.replaced = true
			b.WriteRune(Placeholder)
		}
	}
	return b.String()
}

// drawableInput returns a copy of in whose every text the fonts can draw,
// and whether anything had to be replaced. in itself is not changed.
func drawableInput(in Input) (Input, bool) {
	g := &glyphs{known: map[rune]bool{}}
	v := reflect.ValueOf(&in).Elem()
	mapStrings(v, g.text)
	return in, g.replaced
}

// mapStrings replaces every exported string reachable from v (which must be
// settable) by f of it, copying slices and pointed-to values first so the
// original is never changed. Byte slices are left as they are.
func mapStrings(v reflect.Value, f func(string) string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(f(v.String()))
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if t.Field(i).IsExported() {
				mapStrings(v.Field(i), f)
			}
		}
	case reflect.Slice:
		if v.IsNil() || v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		v.Set(c)
		for i := range c.Len() {
			mapStrings(c.Index(i), f)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		v.Set(c)
		mapStrings(c.Elem(), f)
	}
}

// CharactersNotDrawn is what the appendix says when some characters were
// shown as Placeholder.
const CharactersNotDrawn = "Some characters in this assessment, such as emoji, cannot be drawn in this report’s font and are shown as \uFFFD. The exact text is kept in the app, the Excel workbook and the JSON bundle."
