package assessment

import "testing"

func TestLabels(t *testing.T) {
	for _, c := range [][2]string{
		{Draft.Label(), "Draft"}, {Workshop.Label(), "In workshop"}, {Agreed.Label(), "Agreed"}, {SignedOff.Label(), "Signed off"},
		{NotStarted.Label(), "Not started"}, {ActionStatus("").Label(), "Not started"}, {InProgress.Label(), "In progress"},
		{AtRisk.Label(), "At risk"}, {Complete.Label(), "Complete"}, {Dropped.Label(), "Dropped"},
		{Low.Label(), "Low"}, {Medium.Label(), "Medium"}, {High.Label(), "High"}, {Confidence("").Label(), ""},
		{CarriedForward.Label(), "Carried forward"}, {Fate("").Label(), ""},
	} {
		if c[0] != c[1] {
			t.Errorf("label %q; want %q", c[0], c[1])
		}
	}
	for _, s := range Statuses {
		if s.Label() == string(s) && s != "" {
			t.Errorf("status %q has no label of its own", s)
		}
	}
	for _, s := range ActionStatuses {
		if s.Label() == string(s) {
			t.Errorf("action status %q has no label of its own", s)
		}
	}
}
