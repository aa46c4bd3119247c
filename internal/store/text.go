package store

import (
	"fmt"
)

// textChecker is a value whose text the assessment package can check.
type textChecker interface{ CheckText() error }

// checkText refuses v when any of its text breaks the limits of
// assessment.TextField (length, control characters); the error matches both
// ErrInvalid and assessment.ErrText.
func checkText(v textChecker) error {
	if err := v.CheckText(); err != nil {
		return fmt.Errorf("%w (%w)", err, ErrInvalid)
	}
	return nil
}
