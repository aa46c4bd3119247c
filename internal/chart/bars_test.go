package chart

import (
	"errors"
	"math"
	"testing"
)

// barBodies returns the closed rectangles of series bars (not their hatch
// lines), keyed by series and category.
func barBodies(d Drawing) map[[2]int]Rect {
	out := map[[2]int]Rect{}
	for _, s := range d.Shapes {
		if p, ok := s.(Path); ok && p.Role == RoleSeries && p.Closed {
			out[[2]int{p.Series, p.Index}] = p.Bounds()
		}
	}
	return out
}

func TestBarsHeights(t *testing.T) {
	f := testFont(t)
	tests := []struct {
		name string
		w, h float64
	}{
		{"report size", 600, 500},
		{"small", 320, 260},
		{"wide", 800, 300},
	}
	b := themeBars()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := b.Draw(tt.w, tt.h, f)
			if err != nil {
				t.Fatal(err)
			}
			bodies := barBodies(d)
			perUnit := math.NaN()
			var baseline float64
			for si, s := range b.Series {
				for ci, v := range s.Values {
					r, ok := bodies[[2]int{si, ci}]
					if math.IsNaN(v) {
						if ok {
							t.Errorf("series %d category %d: a bar %v for a missing value", si, ci, r)
						}
						continue
					}
					if !ok {
						t.Fatalf("series %d category %d: no bar for %v", si, ci, v)
					}
					if math.IsNaN(perUnit) {
						perUnit, baseline = r.Dy()/v, r.Max.Y
					}
					if got := r.Dy() / v; math.Abs(got-perUnit) > 1e-9 {
						t.Errorf("series %d category %d: %.4f pt per unit; want %.4f (heights proportional to values)", si, ci, got, perUnit)
					}
					if r.Max.Y != baseline {
						t.Errorf("series %d category %d: bar ends at %.2f; want the baseline %.2f", si, ci, r.Max.Y, baseline)
					}
				}
			}
			checkTexts(t, d)
			checkLegendClear(t, d)
		})
	}
}

func TestBarsValueLabels(t *testing.T) {
	f := testFont(t)
	b := themeBars()
	d, err := b.Draw(600, 500, f)
	if err != nil {
		t.Fatal(err)
	}
	bodies := barBodies(d)
	labels := map[[2]int]Text{}
	for _, x := range d.Texts() {
		if x.Role == RoleValueLabel {
			labels[[2]int{x.Series, x.Index}] = x
		}
	}
	tests := []struct {
		series, cat int
		want        string
	}{
		{2, 0, "3.2"},
		{2, 5, "5.0"},
		{0, 3, "n/a"},
		{1, 4, "1.0"},
	}
	for _, tt := range tests {
		got, ok := labels[[2]int{tt.series, tt.cat}]
		if !ok || got.String != tt.want {
			t.Errorf("series %d category %d: label %q; want %q", tt.series, tt.cat, got.String, tt.want)
			continue
		}
		if bar, ok := bodies[[2]int{tt.series, tt.cat}]; ok {
			if got.Box.Max.Y > bar.Min.Y || math.Abs((got.Box.Min.X+got.Box.Max.X)/2-(bar.Min.X+bar.Max.X)/2) > 0.01 {
				t.Errorf("label %q at %v is not centred above its bar %v", got.String, got.Box, bar)
			}
		}
	}
}

func TestBarsLegendPatterns(t *testing.T) {
	f := testFont(t)
	b := themeBars()
	d, err := b.Draw(600, 500, f)
	if err != nil {
		t.Fatal(err)
	}
	wantHatch := map[LineStyle]bool{Solid: false, Dashed: true, Dotted: true}
	for i, s := range b.Series {
		var label bool
		var swatch, hatchLines int
		for _, sh := range d.Shapes {
			tg := sh.Tags()
			if tg.Series != i {
				continue
			}
			if x, ok := sh.(Text); ok && x.Role == RoleLegendLabel && x.String == s.Name {
				label = true
			}
			if p, ok := sh.(Path); ok && tg.Role == RoleLegendSample {
				if p.Closed {
					swatch++
				} else {
					hatchLines++
				}
			}
		}
		if !label || swatch != 1 {
			t.Errorf("series %d: legend label %v, %d swatches; want a label and one swatch", i, label, swatch)
		}
		if (hatchLines > 0) != wantHatch[s.Style] {
			t.Errorf("series %d (%v): %d hatch lines in its swatch; want hatching %v", i, s.Style, hatchLines, wantHatch[s.Style])
		}
	}
}

func TestBarsErrors(t *testing.T) {
	f := testFont(t)
	tests := []struct {
		name string
		b    Bars
		want error
	}{
		{"no categories", Bars{Min: 1, Max: 5}, ErrInvalid},
		{"negative scale", Bars{Categories: themes, Min: -1, Max: 5}, ErrInvalid},
		{"empty scale", Bars{Categories: themes, Min: 5, Max: 5}, ErrInvalid},
		{"short series", Bars{Categories: themes, Min: 1, Max: 5, Series: []Series{{Values: []float64{1}}}}, ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := tt.b.Draw(600, 500, f); !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v; want %v", tt.name, err, tt.want)
		}
	}
	if _, err := themeBars().Draw(40, 30, f); !errors.Is(err, ErrTooSmall) {
		t.Errorf("40×30: got %v; want %v", err, ErrTooSmall)
	}
}
