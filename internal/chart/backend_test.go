package chart

import (
	"image"
	"image/color"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/partnership-maturity/maturity/assets"
)

// isWhite reports whether c is the background.
func isWhite(c color.RGBA) bool { return c.R > 250 && c.G > 250 && c.B > 250 }

func TestImage(t *testing.T) {
	f := testFont(t)
	tests := []struct {
		name  string
		w, h  float64
		scale float64
	}{
		{"1x", 600, 500, 1},
		{"2x", 600, 500, 2},
		{"fractional", 333.3, 250.5, 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := themeRadar().Draw(tt.w, tt.h, f)
			if err != nil {
				t.Fatal(err)
			}
			img, err := d.Image(tt.scale, assets.FontRegular, assets.FontBold)
			if err != nil {
				t.Fatal(err)
			}
			want := image.Pt(int(math.Ceil(tt.w*tt.scale)), int(math.Ceil(tt.h*tt.scale)))
			if got := img.Bounds().Size(); got != want {
				t.Fatalf("image is %v; want %v", got, want)
			}
			if c := img.RGBAAt(0, 0); !isWhite(c) || c.A != 255 {
				t.Errorf("corner pixel %v; want opaque white", c)
			}
			for i := range themes {
				p, _ := vertex(d, 0, i)
				c := img.RGBAAt(int(p.X*tt.scale), int(p.Y*tt.scale))
				if dist := colourDistance(c, Palette[0]); dist > 60 {
					t.Errorf("pixel at series 0's vertex on axis %d is %v; want near %v", i, c, Palette[0])
				}
			}
			for _, x := range d.Texts() {
				if x.Role == RoleAxisLabel && inkPixels(img, x.Box, tt.scale) == 0 {
					t.Errorf("no dark pixels in label %q's box", x.String)
				}
			}
		})
	}
}

// colourDistance returns the largest channel difference of a and b.
func colourDistance(a, b color.RGBA) int {
	d := 0
	for _, p := range [][2]uint8{{a.R, b.R}, {a.G, b.G}, {a.B, b.B}} {
		d = max(d, int(math.Abs(float64(p[0])-float64(p[1]))))
	}
	return d
}

// inkPixels counts the dark pixels inside box (points).
func inkPixels(img *image.RGBA, box Rect, scale float64) int {
	n := 0
	for y := int(box.Min.Y * scale); y < int(box.Max.Y*scale); y++ {
		for x := int(box.Min.X * scale); x < int(box.Max.X*scale); x++ {
			if c := img.RGBAAt(x, y); int(c.R)+int(c.G)+int(c.B) < 3*128 {
				n++
			}
		}
	}
	return n
}

func TestImageDashesAndGaps(t *testing.T) {
	// A dashed line leaves background between its dashes; a solid one does not.
	tests := []struct {
		style LineStyle
		gaps  bool
	}{{Solid, false}, {Dashed, true}, {Dotted, true}}
	for _, tt := range tests {
		d := Drawing{Width: 200, Height: 20, Shapes: []Shape{
			Path{Points: []Point{{10, 10}, {190, 10}}, Stroke: Palette[0], Width: 2, Style: tt.style},
		}}
		img, err := d.Image(1, assets.FontRegular, nil)
		if err != nil {
			t.Fatal(err)
		}
		white, ink := 0, 0
		for x := 20; x < 180; x++ {
			if isWhite(img.RGBAAt(x, 10)) {
				white++
			} else {
				ink++
			}
		}
		if (white > 10) != tt.gaps || ink < 30 {
			t.Errorf("%v line: %d background and %d ink pixels along it; want gaps %v", tt.style, white, ink, tt.gaps)
		}
	}
}

func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	f := testFont(t)
	tests := []struct {
		name  string
		unit  string
		chart interface {
			Draw(w, h float64, f *Font) (Drawing, error)
		}
		want []string
	}{
		{"radar in mm", "mm", themeRadar(), []string{"Culture", "Clear partnership", "intent", "Strategy",
			"to delivery", "Assessing", "effectiveness", "Getting", "upstream", "Workforce",
			"2025/26 agreed", "Target", "2024/25 agreed"}},
		{"bars in pt", "pt", themeBars(), []string{"Culture", "Clear partnership", "Strategy to delivery",
			"n/a", "3.2", "2023/24", "2024/25", "2025/26"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.chart.Draw(500, 400, f)
			if err != nil {
				t.Fatal(err)
			}
			pdf := fpdf.New("P", tt.unit, "A4", "")
			pdf.AddUTF8FontFromBytes("Noto", "", assets.FontRegular)
			pdf.AddUTF8FontFromBytes("Noto", "B", assets.FontBold)
			pdf.AddPage()
			pdf.SetFont("Noto", "", 12)
			d.PDF(pdf, pdf.PointToUnitConvert(40), pdf.PointToUnitConvert(60), "Noto")
			file := filepath.Join(t.TempDir(), "chart.pdf")
			if err := pdf.OutputFileAndClose(file); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text := string(out)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("pdftotext output lacks %q:\n%s", w, text)
				}
			}
			bbox, err := exec.Command("pdftotext", "-bbox", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext -bbox: %v", err)
			}
			checkPDFWordsInside(t, string(bbox), 40, 60, 500, 400)
		})
	}
}

// checkPDFWordsInside fails unless every word pdftotext finds lies within the
// drawing's box on the page (points).
func checkPDFWordsInside(t *testing.T, bbox string, x, y, w, h float64) {
	t.Helper()
	words := 0
	for _, line := range strings.Split(bbox, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "<word ") {
			continue
		}
		words++
		var xMin, yMin, xMax, yMax float64
		fields := strings.NewReplacer(`"`, " ", "=", " ").Replace(line)
		parts := strings.Fields(fields)
		for i := 0; i+1 < len(parts); i++ {
			var v float64
			if _, err := fmtSscan(parts[i+1], &v); err != nil {
				continue
			}
			switch parts[i] {
			case "xMin":
				xMin = v
			case "yMin":
				yMin = v
			case "xMax":
				xMax = v
			case "yMax":
				yMax = v
			}
		}
		const slack = 1.5
		if xMin < x-slack || yMin < y-slack || xMax > x+w+slack || yMax > y+h+slack {
			t.Errorf("word %s lies outside the drawing at (%g, %g) %gx%g", line, x, y, w, h)
		}
	}
	if words == 0 {
		t.Error("pdftotext found no words")
	}
}
