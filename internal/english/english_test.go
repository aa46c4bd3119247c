package english

import "testing"

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "action", "0 actions"},
		{1, "action", "1 action"},
		{2, "agency", "2 agencies"},
		{2, "day", "2 days"},
		{3, "box", "3 boxes"},
		{2, "match", "2 matches"},
		{2, "bus", "2 buses"},
		{5, "challenge", "5 challenges"},
		{1, "agency", "1 agency"},
		{2, "y", "2 ys"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q; want %q", c.n, c.noun, got, c.want)
		}
	}
}

func TestVerb(t *testing.T) {
	if got := Verb(1, "awaits", "await"); got != "awaits" {
		t.Errorf("one: %q", got)
	}
	if got := Verb(0, "awaits", "await"); got != "await" {
		t.Errorf("none: %q", got)
	}
}
