package chart

import (
	"image/color"

	"github.com/partnership-maturity/maturity/assets"
	"testing"
)

func TestImageInDarkColours(t *testing.T) {
	f := testFont(t)
	r := Radar{Axes: themes, Min: 1, Max: 5,
		Series: threeSeries(len(themes))}
	d, err := r.Draw(500, 420, f)
	if err != nil {
		t.Fatal(err)
	}
	dark := Colours{Background: color.RGBA{0x17, 0x17, 0x18, 0xFF}, Ink: color.RGBA{0xF0, 0xF0, 0xF0, 0xFF},
		Muted: color.RGBA{0xAA, 0xAA, 0xAA, 0xFF}, Grid: color.RGBA{0x44, 0x44, 0x44, 0xFF}, Axis: color.RGBA{0x77, 0x77, 0x77, 0xFF}}
	img, err := d.ImageIn(2, assets.FontRegular, nil, dark)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.RGBAAt(0, 0); got != dark.Background {
		t.Errorf("corner %v; want the dark background %v", got, dark.Background)
	}
	light, err := d.Image(1, assets.FontRegular, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := light.RGBAAt(0, 0); got != white {
		t.Errorf("Image's corner %v; want white", got)
	}
	inked := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R > 0xC0 && c.G > 0xC0 && c.B > 0xC0 {
				inked++
			}
			if img.RGBAAt(x, y) == white {
				t.Fatalf("a white pixel at %d,%d in the dark image", x, y)
			}
		}
	}
	if inked == 0 {
		t.Error("no text drawn in the dark theme's light ink")
	}
}
