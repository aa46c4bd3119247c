package assessment

import "strings"

// Label is the status as a person reads it, capitalised: "Signed off".
// The desktop app, the reports and the command line all use it.
func (s Status) Label() string {
	switch s {
	case Draft:
		return "Draft"
	case Workshop:
		return "In workshop"
	case Agreed:
		return "Agreed"
	case SignedOff:
		return "Signed off"
	}
	return string(s)
}

// Label is the action status as a person reads it, capitalised: "At risk".
// An unset status is "Not started", which is what the store saves it as.
func (s ActionStatus) Label() string {
	switch s {
	case "", NotStarted:
		return "Not started"
	case InProgress:
		return "In progress"
	case AtRisk:
		return "At risk"
	case Complete:
		return "Complete"
	case Dropped:
		return "Dropped"
	}
	return string(s)
}

// Label is the confidence as a person reads it, capitalised: "Medium";
// "" when it was not said.
func (c Confidence) Label() string {
	switch c {
	case Low:
		return "Low"
	case Medium:
		return "Medium"
	case High:
		return "High"
	}
	return string(c)
}

// Label is the fate as a person reads it, capitalised: "Carried forward".
func (f Fate) Label() string {
	if f == "" {
		return ""
	}
	return strings.ToUpper(string(f[:1])) + string(f[1:])
}
