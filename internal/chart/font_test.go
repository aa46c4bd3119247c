package chart

import (
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/partnership-maturity/maturity/assets"
)

func TestFontWidthMatchesPDF(t *testing.T) {
	f := testFont(t)
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("Noto", "", assets.FontRegular)
	pdf.AddPage()
	tests := []struct {
		text string
		size float64
	}{
		{"Culture", 10},
		{"Clear partnership intent", 9.5},
		{"£1,000 for Cwm Rhondda – ‘Łódź’ é", 12},
		{"WWW iii", 7},
	}
	for _, tt := range tests {
		pdf.SetFont("Noto", "", tt.size)
		want := pdf.GetStringWidth(tt.text)
		if got := f.Width(tt.text, tt.size); math.Abs(got-want) > 0.01*want+0.05 {
			t.Errorf("Width(%q, %g) = %.2f; fpdf measures %.2f", tt.text, tt.size, got, want)
		}
	}
	if a, b := f.Width("Culture", 10), f.Width("Culture", 20); math.Abs(b-2*a) > 1e-9 {
		t.Errorf("width at 20 pt is %.3f; want twice %.3f", b, a)
	}
}

func TestNewFontRejectsGarbage(t *testing.T) {
	if _, err := NewFont([]byte("not a font")); err == nil {
		t.Error("NewFont accepted garbage")
	}
}

func TestWrap(t *testing.T) {
	f := testFont(t)
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"Clear partnership intent", 1000, []string{"Clear partnership intent"}},
		{"Clear partnership intent", f.Width("Clear partnership", 10), []string{"Clear partnership", "intent"}},
		{"Assessing effectiveness", 10, []string{"Assessing", "effectiveness"}},
	}
	for _, tt := range tests {
		got := f.wrap(tt.text, 10, tt.width)
		if len(got) != len(tt.want) {
			t.Errorf("wrap(%q, %g) = %q; want %q", tt.text, tt.width, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("wrap(%q, %g) = %q; want %q", tt.text, tt.width, got, tt.want)
			}
		}
	}
	if got := f.splitTwo("Clear partnership intent", 10); len(got) != 2 || got[0] != "Clear partnership" {
		t.Errorf("splitTwo = %q; want the most balanced split", got)
	}
}

func BenchmarkRadarDrawImage(b *testing.B) {
	f := testFont(b)
	r := themeRadar()
	for b.Loop() {
		d, err := r.Draw(600, 500, f)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.Image(1, assets.FontRegular, assets.FontBold); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRadarDraw(b *testing.B) {
	f := testFont(b)
	r := themeRadar()
	for b.Loop() {
		if _, err := r.Draw(600, 500, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBarsDrawImage(b *testing.B) {
	f := testFont(b)
	bars := themeBars()
	for b.Loop() {
		d, err := bars.Draw(600, 500, f)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.Image(1, assets.FontRegular, assets.FontBold); err != nil {
			b.Fatal(err)
		}
	}
}
