package demo_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// national collects every record of a national dataset, by partnership.
func national(q *questionnaire.Questionnaire, o demo.Options) [][]assessment.Record {
	var out [][]assessment.Record
	for recs := range demo.National(q, o) {
		out = append(out, recs)
	}
	return out
}

func TestNationalIsReproducible(t *testing.T) {
	q := strategic(t)
	o := demo.Options{Partnerships: 3, Years: 4, Seed: 11}
	a, b := national(q, o), national(q, o)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the same seed gave different data")
	}
	o.Seed = 12
	c := national(q, o)
	if a[0][0].Assessment.ID == c[0][0].Assessment.ID || a[0][0].Partnership.Name == c[0][0].Partnership.Name &&
		a[1][0].Partnership.Name == c[1][0].Partnership.Name {
		t.Errorf("different seeds gave the same ids or names")
	}
	// A smaller dataset is the start of a larger one.
	o = demo.Options{Partnerships: 2, Years: 4, Seed: 11}
	if !reflect.DeepEqual(national(q, o), a[:2]) {
		t.Errorf("the first 2 of 3 partnerships differ from a dataset of 2")
	}
}

// TestNationalSmall checks 3 partnerships over 4 years record by record.
func TestNationalSmall(t *testing.T) {
	q := strategic(t)
	data := national(q, demo.Options{Partnerships: 3, Years: 4, Seed: 5})
	if len(data) != 3 {
		t.Fatalf("got %d partnerships; want 3", len(data))
	}
	wantPeriods := []string{"2022/23", "2023/24", "2024/25", "2025/26"}
	if got := demo.NationalPeriods(4); !slices.Equal(got, wantPeriods) {
		t.Errorf("NationalPeriods(4) = %v; want %v", got, wantPeriods)
	}
	names := map[string]bool{}
	for _, recs := range data {
		p := recs[0].Partnership
		if names[p.Name] || !strings.HasSuffix(p.Name, " Safeguarding Children Partnership") || p.Name == demo.PartnershipName {
			t.Errorf("partnership name %q is taken or malformed", p.Name)
		}
		names[p.Name] = true
		checkAgencies(t, p)
		if len(recs) != 4 {
			t.Fatalf("%s: %d records; want 4", p.Name, len(recs))
		}
		for i, rec := range recs {
			checkRecord(t, q, rec, i, wantPeriods[i], len(recs))
			if i > 0 {
				checkCarried(t, recs[i-1], rec)
			}
		}
	}
}

// checkAgencies checks a partnership has the three statutory partners
// first and two to four relevant agencies.
func checkAgencies(t *testing.T, p assessment.Partnership) {
	t.Helper()
	var kinds []assessment.AgencyKind
	for _, a := range p.Agencies {
		kinds = append(kinds, a.Kind)
	}
	if len(kinds) < 5 || len(kinds) > 7 || !slices.Equal(kinds[:3], assessment.AgencyKinds[:3]) ||
		slices.ContainsFunc(kinds[3:], func(k assessment.AgencyKind) bool { return k != assessment.RelevantAgency }) {
		t.Errorf("%s: agency kinds %v; want the three statutory partners and 2 to 4 relevant agencies", p.Name, kinds)
	}
}

// checkRecord checks one generated record: period, status, previous, the
// workshop's size, levels on the scale, and every reference (through the
// bundle's checks).
func checkRecord(t *testing.T, q *questionnaire.Questionnaire, rec assessment.Record, i int, period string, years int) {
	t.Helper()
	a := rec.Assessment
	name := rec.Partnership.Name + " " + a.Period
	if a.Period != period {
		t.Errorf("%s: period %q; want %q", name, a.Period, period)
	}
	if (i == 0) != (a.PreviousID == "") {
		t.Errorf("%s: previous %q", name, a.PreviousID)
	}
	switch {
	case i < years-1 && (a.Status != assessment.SignedOff || len(rec.SignOffs) != 3+min(len(rec.Scrutiny), 1)):
		t.Errorf("%s: status %q with %d sign-offs; want signed off by 3, and the scrutineer when they took part", name, a.Status, len(rec.SignOffs))
	case i == years-1 && (a.Status != assessment.Agreed && a.Status != assessment.Draft || len(rec.SignOffs) != 0):
		t.Errorf("%s: latest is %q with %d sign-offs; want agreed or draft", name, a.Status, len(rec.SignOffs))
	}
	if n := len(rec.Participants); n < 8 || n > 10 {
		t.Errorf("%s: %d participants; want 8 to 10", name, n)
	}
	if len(rec.Responses) != q.QuestionCount() {
		t.Errorf("%s: %d responses; want %d", name, len(rec.Responses), q.QuestionCount())
	}
	assessed := 0
	onScale := func(l int) bool { return l >= q.MinLevel() && l <= q.MaxLevel() }
	for _, r := range rec.Responses {
		if r.Level != assessment.NotAssessed {
			assessed++
			if !onScale(r.Level) || !onScale(r.Target) || r.Target < r.Level {
				t.Errorf("%s %s: level %d target %d", name, r.QuestionID, r.Level, r.Target)
			}
		}
	}
	if len(rec.Votes) != assessed*len(rec.Participants) {
		t.Errorf("%s: %d votes; want %d participants × %d assessed", name, len(rec.Votes), len(rec.Participants), assessed)
	}
	for _, v := range rec.Votes {
		if !onScale(v.Level) {
			t.Errorf("%s: vote level %d off the scale", name, v.Level)
		}
	}
	if n := len(rec.Actions) - carriedCount(rec); n < 3 || n > 5 {
		t.Errorf("%s: %d new actions; want 3 to 5", name, n)
	}
	data, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: time.Unix(0, 0), Generator: "test"})
	if err != nil {
		t.Fatalf("%s: Encode: %v", name, err)
	}
	if _, _, err := bundle.Decode("national.json", data); err != nil {
		t.Errorf("%s does not check out as a bundle:\n%v", name, err)
	}
}

// carriedCount counts the actions carried from the year before.
func carriedCount(rec assessment.Record) int {
	n := 0
	for _, a := range rec.Actions {
		if a.CarriedFromID != "" {
			n++
		}
	}
	return n
}

// checkCarried checks that rec carries exactly the open actions of prev,
// each once and unchanged in what it is.
func checkCarried(t *testing.T, prev, rec assessment.Record) {
	t.Helper()
	open := map[string]assessment.Action{}
	for _, a := range prev.Actions {
		if a.Status.Open() {
			open[a.ID] = a
		}
	}
	for _, a := range rec.Actions {
		if a.CarriedFromID == "" {
			continue
		}
		old, ok := open[a.CarriedFromID]
		if !ok {
			t.Errorf("%s: action %q carried from %s, not an open action of the year before", rec.Assessment.Period, a.Title, a.CarriedFromID)
			continue
		}
		if old.Title != a.Title || old.QuestionID != a.QuestionID || old.OwnerAgencyID != a.OwnerAgencyID {
			t.Errorf("%s: carried action %q changed from %q", rec.Assessment.Period, a.Title, old.Title)
		}
		delete(open, a.CarriedFromID)
	}
	for _, a := range open {
		t.Errorf("%s: open action %q of the year before was not carried", rec.Assessment.Period, a.Title)
	}
}

// TestNationalShape builds the target case in memory and checks its size
// and that levels drift as promised: most partnerships improve, some do
// not, and a few questions go unassessed.
func TestNationalShape(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,320 assessments")
	}
	q := strategic(t)
	var assessments, responses, unassessed, votes, actions, updates, improved, declined int
	for recs := range demo.National(q, demo.Options{Partnerships: demo.England, Years: 10, Seed: 1}) {
		for _, rec := range recs {
			assessments++
			responses += len(rec.Responses)
			votes += len(rec.Votes)
			actions += len(rec.Actions)
			for _, r := range rec.Responses {
				if r.Level == assessment.NotAssessed {
					unassessed++
				}
			}
			for _, a := range rec.Actions {
				updates += len(a.Updates)
			}
		}
		first, last := assessment.ScoreOf(q, recs[0].Responses).Mean, assessment.ScoreOf(q, recs[len(recs)-1].Responses).Mean
		switch {
		case last > first+0.2:
			improved++
		case last < first-0.2:
			declined++
		}
	}
	t.Logf("%d assessments, %d responses (%d unassessed), %d votes, %d actions with %d progress notes; %d partnerships improved, %d declined",
		assessments, responses, unassessed, votes, actions, updates, improved, declined)
	if assessments != 1320 || responses != 1320*18 {
		t.Errorf("%d assessments, %d responses; want 1320 and %d", assessments, responses, 1320*18)
	}
	if votes < 170_000 || votes > 210_000 {
		t.Errorf("%d votes; want about 190,000", votes)
	}
	if improved < demo.England/2 || declined == 0 || improved+declined == demo.England {
		t.Errorf("%d improved, %d declined of %d; want most improving, some declining, some steady", improved, declined, demo.England)
	}
	if unassessed == 0 || unassessed > responses/20 {
		t.Errorf("%d of %d questions unassessed; want a few", unassessed, responses)
	}
}

func TestAreaNames(t *testing.T) {
	if demo.MaxPartnerships() < demo.England {
		t.Fatalf("only %d area names; want at least %d", demo.MaxPartnerships(), demo.England)
	}
	all := demo.NationalAreas(1, demo.MaxPartnerships())
	seen := map[string]bool{}
	for _, a := range all {
		if seen[a] || a == "Northshire" {
			t.Errorf("area %q repeated or taken by the demo", a)
		}
		seen[a] = true
	}
	if !slices.Equal(demo.NationalAreas(1, 5), all[:5]) {
		t.Errorf("the first 5 areas depend on how many are asked for")
	}
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		o    demo.Options
		want bool
	}{
		{demo.Options{Partnerships: 1, Years: 1}, true},
		{demo.Options{Partnerships: demo.England, Years: demo.MaxYears}, true},
		{demo.Options{Partnerships: 0, Years: 3}, false},
		{demo.Options{Partnerships: -1, Years: 3}, false},
		{demo.Options{Partnerships: demo.MaxPartnerships() + 1, Years: 3}, false},
		{demo.Options{Partnerships: 3, Years: 0}, false},
		{demo.Options{Partnerships: 3, Years: demo.MaxYears + 1}, false},
	}
	for _, tt := range tests {
		err := tt.o.Validate()
		if (err == nil) != tt.want || err != nil && !errors.Is(err, demo.ErrOptions) {
			t.Errorf("%+v: Validate() = %v; want ok %v", tt.o, err, tt.want)
		}
	}
}
