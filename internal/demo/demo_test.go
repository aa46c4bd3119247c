package demo_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// strategic parses the default question set.
func strategic(t *testing.T) *questionnaire.Questionnaire {
	t.Helper()
	data, err := questionnaires.Files.ReadFile(questionnaires.Default)
	if err != nil {
		t.Fatal(err)
	}
	q, err := questionnaire.Parse(questionnaires.Default, data)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestNorthshire(t *testing.T) {
	q := strategic(t)
	recs := demo.Northshire(q, 1)
	if len(recs) != 3 {
		t.Fatalf("got %d records; want 3", len(recs))
	}
	wantStatus := []assessment.Status{assessment.SignedOff, assessment.SignedOff, assessment.Agreed}
	var overall []float64
	for i, rec := range recs {
		a := rec.Assessment
		if a.Period != demo.Periods[i] || a.Status != wantStatus[i] || rec.Partnership.Name != demo.PartnershipName {
			t.Errorf("record %d: period %q status %q partnership %q", i, a.Period, a.Status, rec.Partnership.Name)
		}
		if i > 0 && a.PreviousID != recs[i-1].Assessment.ID {
			t.Errorf("record %d was not started from the one before", i)
		}
		if len(rec.Responses) != 18 || len(rec.Participants) < 8 || len(rec.Actions) < 5 || len(rec.Votes) < 100 {
			t.Errorf("record %d: %d responses, %d participants, %d actions, %d votes; want a full workshop",
				i, len(rec.Responses), len(rec.Participants), len(rec.Actions), len(rec.Votes))
		}
		signers := 3
		if len(rec.Scrutiny) > 0 {
			signers++ // the scrutineer took part and signs too
		}
		if (a.Status == assessment.SignedOff) != (len(rec.SignOffs) == signers) {
			t.Errorf("record %d: status %q with %d sign-offs", i, a.Status, len(rec.SignOffs))
		}
		if a.Status == assessment.SignedOff && i > 0 && (len(rec.Judgements) != 6 || rec.Assurance == nil || len(rec.Challenges) != 3) {
			t.Errorf("record %d: %d theme judgements, assurance %v, %d thread messages; want 6, one and 3",
				i, len(rec.Judgements), rec.Assurance, len(rec.Challenges))
		}
		rep, err := bundle.Inspect(q, rec)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rep.Signatures {
			if !r.Good || !r.Demo {
				t.Errorf("record %d: %s's signature good %v (%s), demo %v; want a good demo signature", i, r.SignOff.Name, r.Good, r.Problem, r.Demo)
			}
		}
		// Every reference must hold: the bundle's checks see to that.
		data, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: time.Unix(0, 0), Generator: "test"})
		if err != nil {
			t.Fatalf("record %d: Encode: %v", i, err)
		}
		if _, _, err := bundle.Decode("demo.json", data); err != nil {
			t.Errorf("record %d does not check out as a bundle:\n%v", i, err)
		}
		overall = append(overall, assessment.ScoreOf(q, rec.Responses).Mean)
	}
	if !(overall[0] < overall[1] && overall[1] < overall[2]) {
		t.Errorf("overall scores %v do not improve year on year", overall)
	}
	if assessment.ScoreOf(q, recs[0].Responses).Assessed != 17 {
		t.Errorf("first year should leave one question unassessed")
	}
	carried := 0
	for _, a := range recs[1].Actions {
		if a.CarriedFromID != "" {
			carried++
		}
	}
	if carried == 0 {
		t.Errorf("no action was carried into the second year")
	}
}

func TestNorthshireIsReproducible(t *testing.T) {
	q := strategic(t)
	if !reflect.DeepEqual(demo.Northshire(q, 7), demo.Northshire(q, 7)) {
		t.Errorf("the same seed gave different data")
	}
	if reflect.DeepEqual(demo.Northshire(q, 7)[0].Assessment.ID, demo.Northshire(q, 8)[0].Assessment.ID) {
		t.Errorf("different seeds gave the same ids")
	}
}
