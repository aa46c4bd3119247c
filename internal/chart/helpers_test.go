package chart

import (
	"fmt"
	"math"
	"testing"

	"github.com/partnership-maturity/maturity/assets"
)

// themes are the six strategic themes.
var themes = []string{"Culture", "Clear partnership intent", "Strategy to delivery",
	"Assessing effectiveness", "Getting upstream", "Workforce"}

// testFont returns the Noto Sans regular font.
func testFont(tb testing.TB) *Font {
	tb.Helper()
	f, err := NewFont(assets.FontRegular)
	if err != nil {
		tb.Fatalf("NewFont: %v", err)
	}
	return f
}

// threeSeries returns current, target and previous-year series over n axes.
func threeSeries(n int) []Series {
	cur, tgt, prev := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		cur[i] = 1 + float64((i*7)%5)*0.9
		tgt[i] = math.Min(5, cur[i]+1)
		prev[i] = math.Max(1, cur[i]-0.8)
	}
	return []Series{
		{Name: "2025/26 agreed", Values: cur, Colour: Palette[0], Style: Solid, Marker: Circle},
		{Name: "Target", Values: tgt, Colour: Palette[1], Style: Dashed, Marker: Square},
		{Name: "2024/25 agreed", Values: prev, Colour: Palette[2], Style: Dotted, Marker: Triangle},
	}
}

// themeRadar is the six themes with three series.
func themeRadar() Radar {
	return Radar{Axes: themes, Min: 1, Max: 5, Series: []Series{
		{Name: "2025/26 agreed", Values: []float64{3.2, 2.5, 4, 1.7, 2, 3.5}, Style: Solid, Marker: Circle},
		{Name: "Target", Values: []float64{4, 4, 4.5, 3, 3, 4}, Style: Dashed, Marker: Square},
		{Name: "2024/25 agreed", Values: []float64{2.8, 2, 3.3, 1.5, 1, 3}, Style: Dotted, Marker: Triangle},
	}}
}

// gapRadar is themeRadar with missing values.
func gapRadar() Radar {
	r := themeRadar()
	r.Series[0].Values = []float64{3.2, math.NaN(), 4, 1.7, math.NaN(), 3.5}
	r.Series[2].Values = []float64{math.NaN(), 2, 3.3, 1.5, 1, 3}
	return r
}

// radarOf returns a radar of n axes, with long labels when long is true.
func radarOf(n int, long bool) Radar {
	axes := make([]string, n)
	for i := range axes {
		axes[i] = themes[i%len(themes)]
		if long {
			axes[i] = fmt.Sprintf("%s and partnership working %d", themes[i%len(themes)], i+1)
		} else if i >= len(themes) {
			axes[i] = fmt.Sprintf("%s %d", themes[i%len(themes)], i+1)
		}
	}
	return Radar{Axes: axes, Min: 1, Max: 5, Series: threeSeries(n)}
}

// themeBars is the six themes over three years.
func themeBars() Bars {
	return Bars{Categories: themes, Min: 1, Max: 5, Series: []Series{
		{Name: "2023/24", Values: []float64{2.5, 1.8, 3, math.NaN(), 1, 2.7}, Colour: Palette[2], Style: Dotted, Marker: Triangle},
		{Name: "2024/25", Values: []float64{2.8, 2, 3.3, 1.5, 1, 3}, Colour: Palette[1], Style: Dashed, Marker: Square},
		{Name: "2025/26", Values: []float64{3.2, 2.5, 4, 1.7, 2, 5}, Colour: Palette[0], Style: Solid, Marker: Circle},
	}}
}

// fmtSscan parses one value from s.
func fmtSscan(s string, v any) (int, error) { return fmt.Sscan(s, v) }
