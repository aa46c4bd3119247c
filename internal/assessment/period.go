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

// ValidatePeriod checks that p is a financial year such as "2025/26": four
// digits, a slash, and the last two digits of the following year.
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
	return fmt.Sprintf("Period %q: write it as %s", e.Period, example)
}

// Is makes errors.Is(err, ErrPeriod) true.
func (e *PeriodError) Is(target error) bool { return target == ErrPeriod }

// leadingYear is the year a period starts with, if it starts with one.
var leadingYear = regexp.MustCompile(`^\s*(\d{4})`)

// NextPeriod returns the financial year after p, such as "2026/27" after
// "2025/26", or "" when p is not a valid period.
func NextPeriod(p string) string {
	if ValidatePeriod(p) != nil {
		return ""
	}
	start, _ := strconv.Atoi(p[:4])
	return periodOf(start + 1)
}

// periodOf formats the financial year starting in year.
func periodOf(year int) string {
	return fmt.Sprintf("%04d/%02d", year, (year+1)%100)
}

// leadingYearOf is the four-digit year p starts with, or "".
func leadingYearOf(p string) string {
	if m := leadingYear.FindStringSubmatch(p); m != nil {
		return m[1]
	}
	return ""
}
