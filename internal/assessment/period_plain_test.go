package assessment

import (
	"errors"
	"testing"
)

func TestPeriodErrorReadsPlainly(t *testing.T) {
	for in, want := range map[string]string{
		"2025":    `Period "2025": write it as 2025/26`,
		"2025-26": `Period "2025-26": write it as 2025/26`,
		"2025/27": `Period "2025/27": write it as 2025/26`,
		"next":    `Period "next": write it as 2025/26`,
	} {
		err := ValidatePeriod(in)
		if err == nil || err.Error() != want || !errors.Is(err, ErrPeriod) {
			t.Errorf("%q: got %v; want %q, matching ErrPeriod", in, err, want)
		}
	}
	if err := ValidatePeriod("2026/27"); err != nil {
		t.Errorf("2026/27: %v", err)
	}
}
