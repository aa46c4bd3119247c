package assessment

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// periodPattern is the shape of a period: a year, a slash, two digits.
var periodPattern = regexp.MustCompile(`^(\d{4})/(\d{2})$`)

// ErrPeriod is wrapped by every error about a malformed period.
var ErrPeriod = errors.New("period must be a financial year such as 2025/26")

// The years a period may start in.
const (
	FirstPeriodYear = 1990
	LastPeriodYear  = 2099
)

// ValidatePeriod checks that p is a financial year such as "2025/26": four
// digits, a slash, and the last two digits of the following year, starting
// from FirstPeriodYear to LastPeriodYear.
func ValidatePeriod(p string) error {
	m := periodPattern.FindStringSubmatch(p)
	if m == nil {
		return &PeriodError{Period: p}
	}
	start, _ := strconv.Atoi(m[1])
	end, _ := strconv.Atoi(m[2])
	if (start+1)%100 != end {
		return &PeriodError{Period: p}
	}
	if start < FirstPeriodYear || start > LastPeriodYear {
		return fmt.Errorf("%q: a period starts from %d to %d: %w", p, FirstPeriodYear, LastPeriodYear, ErrPeriod)
	}
	return nil
}

// PeriodError is a period that is not a financial year. It reads plainly,
// with the period it most likely means: `Period "2025": write it as
// 2025/26`; errors.Is matches it to ErrPeriod.
type PeriodError struct {
	// Period is the text given.
	Period string
}

// Error says how to write the period.
func (e *PeriodError) Error() string {
	example := "2025/26"
	if y := leadingYearOf(e.Period); y != "" {
		start, _ := strconv.Atoi(y)
		example = periodOf(start)
	}
	return fmt.Sprintf("Period %q: write it as %s", shortText(e.Period, 30), example)
}

// Is makes errors.Is(err, ErrPeriod) true.
func (e *PeriodError) Is(target error) bool { return target == ErrPeriod }

// leadingYear is the year a period starts with, if it starts with one.
var leadingYear = regexp.MustCompile(`^\s*(\d{4})`)

// NextPeriod returns the financial year after p, such as "2026/27" after
// "2025/26", or "" when p is not a valid period or is the last.
func NextPeriod(p string) string {
	if ValidatePeriod(p) != nil {
		return ""
	}
	start, _ := strconv.Atoi(p[:4])
	if next := periodOf(start + 1); ValidatePeriod(next) == nil {
		return next
	}
	return ""
}

// periodOf formats the financial year starting in year.
func periodOf(year int) string {
	return fmt.Sprintf("%04d/%02d", year, (year+1)%100)
}

// shortText is s cut to at most n characters, marked with "…" when cut,
// for quoting in a message.
func shortText(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// leadingYearOf is the four-digit year p starts with, or "".
func leadingYearOf(p string) string {
	if m := leadingYear.FindStringSubmatch(p); m != nil {
		return m[1]
	}
	return ""
}
