package assessment

import "testing"

func TestActionRefWrittenAndRead(t *testing.T) {
	for _, tt := range []struct {
		ref  ActionRef
		text string
	}{{1, "A-01"}, {7, "A-07"}, {42, "A-42"}, {123, "A-123"}, {0, ""}} {
		if got := tt.ref.String(); got != tt.text {
			t.Errorf("ActionRef(%d) = %q; want %q", tt.ref, got, tt.text)
		}
		if tt.ref == 0 {
			continue
		}
		if back, err := ParseActionRef(tt.text); err != nil || back != tt.ref {
			t.Errorf("ParseActionRef(%q) = %d, %v; want %d", tt.text, back, err, tt.ref)
		}
	}
	for _, bad := range []string{"", "A-", "A-0", "A-00", "a-01", "B-01", "A-+1", "A-1x", "A--1", "01"} {
		if _, err := ParseActionRef(bad); err == nil {
			t.Errorf("ParseActionRef(%q) accepted", bad)
		}
	}
}
