package chart

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// outerRing returns the centre and radius of a radar drawing's outermost
// ring, read back from the drawing itself.
func outerRing(t *testing.T, d Drawing) (Point, float64) {
	t.Helper()
	var best Rect
	for _, s := range d.Shapes {
		if p, ok := s.(Path); ok && p.Role == RoleGrid && p.Closed && p.Bounds().Dx() > best.Dx() {
			best = p.Bounds()
		}
	}
	if best.Dx() == 0 {
		t.Fatal("no ring in the drawing")
	}
	return Point{(best.Min.X + best.Max.X) / 2, (best.Min.Y + best.Max.Y) / 2}, best.Dx() / 2
}

// farthest returns the distance from c to r's farthest corner.
func farthest(r Rect, c Point) float64 {
	dx := math.Max(math.Abs(r.Min.X-c.X), math.Abs(r.Max.X-c.X))
	dy := math.Max(math.Abs(r.Min.Y-c.Y), math.Abs(r.Max.Y-c.Y))
	return math.Hypot(dx, dy)
}

// checkTexts fails unless every text lies inside the drawing and no two
// texts overlap.
func checkTexts(t *testing.T, d Drawing) {
	t.Helper()
	page := rect(0, 0, d.Width, d.Height)
	texts := d.Texts()
	for i, a := range texts {
		if !a.Box.In(page) {
			t.Errorf("text %q box %v lies outside the %gx%g drawing", a.String, a.Box, d.Width, d.Height)
		}
		for _, b := range texts[i+1:] {
			if a.Box.Overlaps(b.Box) {
				t.Errorf("text %q %v overlaps text %q %v", a.String, a.Box, b.String, b.Box)
			}
		}
	}
}

func TestRadarTextsFit(t *testing.T) {
	tests := []struct {
		name string
		r    Radar
		w, h float64
	}{
		{"3 axes, long labels", radarOf(3, true), 600, 500},
		{"6 themes", themeRadar(), 600, 500},
		{"6 themes, small", themeRadar(), 320, 260},
		{"6 themes, wide", themeRadar(), 800, 360},
		{"6 axes, long labels", radarOf(6, true), 600, 500},
		{"12 axes, long labels", radarOf(12, true), 600, 500},
		{"12 axes, long labels, small", radarOf(12, true), 400, 340},
		{"12 axes, short labels, tall", radarOf(12, false), 360, 600},
		{"missing values", gapRadar(), 600, 500},
	}
	f := testFont(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.r.Draw(tt.w, tt.h, f)
			if err != nil {
				t.Fatalf("Draw: %v", err)
			}
			checkTexts(t, d)
			c, R := outerRing(t, d)
			if R < 0.18*math.Min(tt.w, tt.h) {
				t.Errorf("radius %.1f is too small for %gx%g", R, tt.w, tt.h)
			}
			axisLabels := 0
			for _, x := range d.Texts() {
				switch x.Role {
				case RoleAxisLabel, RoleLegendLabel:
					if x.Role == RoleAxisLabel {
						axisLabels++
					}
					// Clear of the outer circle and the markers on it.
					if got := x.Box.DistanceTo(c); got < R+markerSize/2 {
						t.Errorf("label %q is %.1f from the centre; want >= %.1f (outside the ring of radius %.1f and its markers)", x.String, got, R+markerSize/2, R)
					}
				case RoleRingLabel:
					if got := farthest(x.Box, c); got > R {
						t.Errorf("ring label %q reaches %.1f from the centre, crossing the outer ring %.1f", x.String, got, R)
					}
				}
			}
			if axisLabels < len(tt.r.Axes) {
				t.Errorf("got %d axis label lines; want at least %d", axisLabels, len(tt.r.Axes))
			}
			checkLegendClear(t, d)
		})
	}
}

// checkLegendClear fails if a legend sample overlaps a text other than its
// own label, or an axis label.
func checkLegendClear(t *testing.T, d Drawing) {
	t.Helper()
	for _, s := range d.Shapes {
		if s.Tags().Role != RoleLegendSample {
			continue
		}
		for _, x := range d.Texts() {
			if x.Role != RoleLegendLabel && s.Bounds().Overlaps(x.Box) {
				t.Errorf("legend sample %v overlaps text %q %v", s.Bounds(), x.String, x.Box)
			}
		}
	}
}

func TestRadarLabelsWrapAndAlign(t *testing.T) {
	f := testFont(t)
	d, err := themeRadar().Draw(600, 500, f)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int][]Text{}
	for _, x := range d.Texts() {
		if x.Role == RoleAxisLabel {
			lines[x.Index] = append(lines[x.Index], x)
		}
	}
	tests := []struct {
		axis  int
		lines int
		align Align
	}{
		{0, 1, AlignCentre}, // Culture, at the top
		{1, 2, AlignLeft},   // Clear partnership intent, upper right
		{2, 2, AlignLeft},   // Strategy to delivery, lower right
		{3, 2, AlignCentre}, // Assessing effectiveness, at the bottom
		{4, 2, AlignRight},  // Getting upstream, lower left
		{5, 1, AlignRight},  // Workforce, upper left
	}
	for _, tt := range tests {
		got := lines[tt.axis]
		if len(got) != tt.lines {
			t.Errorf("axis %d (%s): got %d lines; want %d", tt.axis, themes[tt.axis], len(got), tt.lines)
			continue
		}
		var words []string
		for _, l := range got {
			words = append(words, l.String)
			if l.Align != tt.align {
				t.Errorf("axis %d line %q: got align %d; want %d", tt.axis, l.String, l.Align, tt.align)
			}
		}
		if j := strings.Join(words, " "); j != themes[tt.axis] {
			t.Errorf("axis %d: lines join to %q; want %q", tt.axis, j, themes[tt.axis])
		}
	}
}

func TestRadarVertexPositions(t *testing.T) {
	f := testFont(t)
	tests := []struct {
		name  string
		axes  int
		axis  int
		value float64
		frac  float64 // of the radius
	}{
		{"Max on the top axis", 6, 0, 5, 1},
		{"Min on the top axis sits on the first ring", 6, 0, 1, 0.2},
		{"3 on the bottom axis", 6, 3, 3, 0.6},
		{"2.5 on the right axis of 4", 4, 1, 2.5, 0.5},
		{"Max on the left axis of 4", 4, 3, 5, 1},
		{"above Max is clamped", 3, 1, 7, 1},
		{"below Min is clamped", 12, 5, 0, 0.2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := radarOf(tt.axes, false)
			r.Series = r.Series[:1]
			r.Series[0].Values[tt.axis] = tt.value
			d, err := r.Draw(600, 500, f)
			if err != nil {
				t.Fatal(err)
			}
			c, R := outerRing(t, d)
			a := 2 * math.Pi * float64(tt.axis) / float64(tt.axes) // clockwise from the top
			want := Point{c.X + tt.frac*R*math.Sin(a), c.Y - tt.frac*R*math.Cos(a)}
			got, ok := vertex(d, 0, tt.axis)
			if !ok {
				t.Fatalf("no vertex on axis %d", tt.axis)
			}
			if math.Hypot(got.X-want.X, got.Y-want.Y) > 0.01 {
				t.Errorf("vertex at (%.2f, %.2f); want (%.2f, %.2f) (centre (%.2f, %.2f), R %.2f)", got.X, got.Y, want.X, want.Y, c.X, c.Y, R)
			}
			if !onSeriesPath(d, 0, got) {
				t.Errorf("the series' polygon does not pass through its vertex (%.2f, %.2f)", got.X, got.Y)
			}
		})
	}
}

// vertex returns the centre of series s's marker on axis i.
func vertex(d Drawing, s, i int) (Point, bool) {
	for _, sh := range d.Shapes {
		if m, ok := sh.(MarkerShape); ok && m.Role == RoleVertex && m.Series == s && m.Index == i {
			return m.Centre, true
		}
	}
	return Point{}, false
}

// onSeriesPath reports whether one of series s's paths has a point at p.
func onSeriesPath(d Drawing, s int, p Point) bool {
	for _, sh := range d.Shapes {
		if pa, ok := sh.(Path); ok && pa.Role == RoleSeries && pa.Series == s {
			for _, q := range pa.Points {
				if math.Hypot(q.X-p.X, q.Y-p.Y) < 1e-9 {
					return true
				}
			}
		}
	}
	return false
}

func TestRadarMissingValues(t *testing.T) {
	f := testFont(t)
	nan := math.NaN()
	tests := []struct {
		name      string
		values    []float64
		wantPaths []int // points in each path drawn, in order
		closed    bool
	}{
		{"complete", []float64{3, 3, 3, 3, 3, 3}, []int{6}, true},
		{"one missing", []float64{3, nan, 3, 3, 3, 3}, []int{5}, false},
		{"first missing", []float64{nan, 3, 3, 3, 3, 3}, []int{5}, false},
		{"two apart", []float64{3, nan, 3, 3, nan, 3}, []int{2, 2}, false},
		{"two together", []float64{3, nan, nan, 3, 3, 3}, []int{4}, false},
		{"alternate", []float64{3, nan, 3, nan, 3, nan}, nil, false},
		{"all missing", []float64{nan, nan, nan, nan, nan, nan}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := themeRadar()
			r.Series = r.Series[:1]
			r.Series[0].Values = tt.values
			d, err := r.Draw(600, 500, f)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := outerRing(t, d)
			var got []int
			for _, sh := range d.Shapes {
				p, ok := sh.(Path)
				if !ok || p.Role != RoleSeries {
					continue
				}
				got = append(got, len(p.Points))
				if p.Closed != tt.closed {
					t.Errorf("path closed = %v; want %v", p.Closed, tt.closed)
				}
				for _, q := range p.Points {
					if math.Hypot(q.X-c.X, q.Y-c.Y) < 1 {
						t.Errorf("a point is plotted at the centre")
					}
				}
			}
			if len(got) != len(tt.wantPaths) {
				t.Fatalf("got paths of %v points; want %v", got, tt.wantPaths)
			}
			for i := range got {
				if got[i] != tt.wantPaths[i] {
					t.Errorf("got paths of %v points; want %v", got, tt.wantPaths)
				}
			}
			for i, v := range tt.values {
				_, has := vertex(d, 0, i)
				if has == math.IsNaN(v) {
					t.Errorf("axis %d (value %v): vertex present = %v", i, v, has)
				}
			}
		})
	}
}

func TestRadarLegend(t *testing.T) {
	f := testFont(t)
	r := themeRadar()
	d, err := r.Draw(600, 500, f)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range r.Series {
		var label bool
		var line *Path
		var mark *MarkerShape
		for _, sh := range d.Shapes {
			if sh.Tags().Series != i {
				continue
			}
			switch x := sh.(type) {
			case Text:
				label = label || (x.Role == RoleLegendLabel && x.String == s.Name)
			case Path:
				if x.Role == RoleLegendSample {
					line = &x
				}
			case MarkerShape:
				if x.Role == RoleLegendSample {
					mark = &x
				}
			}
		}
		if !label {
			t.Errorf("series %d: no legend label %q", i, s.Name)
		}
		if line == nil || line.Style != s.Style || line.Stroke != Palette[i] {
			t.Errorf("series %d: legend line %+v; want style %v in %v", i, line, s.Style, Palette[i])
		}
		if mark == nil || mark.Kind != s.Marker {
			t.Errorf("series %d: legend marker %+v; want %v", i, mark, s.Marker)
		}
	}
}

func TestRadarErrors(t *testing.T) {
	f := testFont(t)
	four := func(vals ...float64) []Series { return []Series{{Name: "x", Values: vals}} }
	axes := []string{"a", "b", "c", "d"}
	tests := []struct {
		name string
		r    Radar
		w, h float64
		font *Font
		want error
	}{
		{"two axes", Radar{Axes: axes[:2], Min: 1, Max: 5}, 600, 500, f, ErrInvalid},
		{"thirteen axes", radarOf(13, false), 600, 500, f, ErrInvalid},
		{"empty scale", Radar{Axes: axes, Min: 3, Max: 3}, 600, 500, f, ErrInvalid},
		{"too few values", Radar{Axes: axes, Min: 1, Max: 5, Series: four(1, 2, 3)}, 600, 500, f, ErrInvalid},
		{"four series", Radar{Axes: axes[:3], Min: 1, Max: 5, Series: append(threeSeries(3), threeSeries(3)[0])}, 600, 500, f, ErrInvalid},
		{"wrong ring labels", Radar{Axes: axes, Min: 1, Max: 5, RingLabels: []string{"1"}}, 600, 500, f, ErrInvalid},
		{"no font", Radar{Axes: axes, Min: 1, Max: 5}, 600, 500, nil, ErrInvalid},
		{"postage stamp", radarOf(12, true), 60, 50, f, ErrTooSmall},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.r.Draw(tt.w, tt.h, tt.font)
			if !errors.Is(err, tt.want) {
				t.Errorf("got error %v; want %v", err, tt.want)
			}
		})
	}
}

func TestRuns(t *testing.T) {
	p := func(x float64) *Point { return &Point{x, 0} }
	tests := []struct {
		name string
		pts  []*Point
		want [][]float64
	}{
		{"all", []*Point{p(0), p(1), p(2)}, [][]float64{{0, 1, 2}}},
		{"wraps round the gap", []*Point{p(0), p(1), nil, p(3)}, [][]float64{{3, 0, 1}}},
		{"lone vertices draw no line", []*Point{p(0), nil, p(2), nil}, nil},
	}
	for _, tt := range tests {
		got := runs(tt.pts)
		if len(got) != len(tt.want) {
			t.Fatalf("%s: got %d runs; want %d", tt.name, len(got), len(tt.want))
		}
		for i, r := range got {
			for j, q := range r.points {
				if q.X != tt.want[i][j] {
					t.Errorf("%s: run %d is %v; want %v", tt.name, i, r.points, tt.want[i])
					break
				}
			}
		}
	}
}
