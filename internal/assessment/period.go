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
		return fmt.Errorf("%q: %w", shortText(p, 30), ErrPeriod)
	}
	start, _ := strconv.Atoi(m[1])
	end, _ := strconv.Atoi(m[2])
	if (start+1)%100 != end {
		return fmt.Errorf("%q: the years must follow on, as in %s: %w", p, periodOf(start), ErrPeriod)
	}
	if start < FirstPeriodYear || start > LastPeriodYear {
		return fmt.Errorf("%q: a period starts from %d to %d: %w", p, FirstPeriodYear, LastPeriodYear, ErrPeriod)
	}
	return nil
}

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
