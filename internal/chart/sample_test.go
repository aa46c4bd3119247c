package chart

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/partnership-maturity/maturity/assets"
)

// TestWriteSamples writes sample PNGs and a PDF page into $CHART_SAMPLES, for
// a person to look at; it is skipped when the variable is unset.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("CHART_SAMPLES")
	if dir == "" {
		t.Skip("set CHART_SAMPLES to a directory to write sample charts")
	}
	f := testFont(t)
	charts := map[string]interface {
		Draw(w, h float64, f *Font) (Drawing, error)
	}{
		"radar6":     themeRadar(),
		"radar3":     radarOf(3, true),
		"radar12":    radarOf(12, true),
		"radar6-gap": gapRadar(),
		"bars":       themeBars(),
	}
	sizes := map[string][2]float64{"": {600, 500}, "-small": {320, 260}, "-wide": {800, 360}}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Noto", "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes("Noto", "B", assets.FontBold)
	pdf.AddPage()
	y := 10.0
	for name, c := range charts {
		for suffix, wh := range sizes {
			d, err := c.Draw(wh[0], wh[1], f)
			if err != nil {
				t.Fatalf("%s%s: %v", name, suffix, err)
			}
			img, err := d.Image(1.5, assets.FontRegular, assets.FontBold)
			if err != nil {
				t.Fatal(err)
			}
			out, err := os.Create(filepath.Join(dir, name+suffix+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(out, img); err != nil {
				t.Fatal(err)
			}
			out.Close()
			if suffix == "" && (name == "radar6" || name == "bars") {
				small, err := c.Draw(480, 380, f)
				if err != nil {
					t.Fatal(err)
				}
				small.PDF(pdf, 20, y, "Noto")
				y += 380*25.4/72 + 5
			}
		}
	}
	writeZoom(t, f, filepath.Join(dir, "radar6-zoom.png"))
	if err := pdf.OutputFileAndClose(filepath.Join(dir, "charts.pdf")); err != nil {
		t.Fatal(err)
	}
}

// writeZoom writes part of the six-theme radar at 4× so line joins, dashes
// and dots can be inspected.
func writeZoom(t *testing.T, f *Font, file string) {
	d, err := themeRadar().Draw(600, 500, f)
	if err != nil {
		t.Fatal(err)
	}
	img, err := d.Image(4, assets.FontRegular, assets.FontBold)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := vertex(d, 0, 2)
	x, y := int(c.X*4), int(c.Y*4)
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img.SubImage(image.Rect(x-500, y-350, x+200, y+150))); err != nil {
		t.Fatal(err)
	}
}
