package bundle

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// idPattern is what a record id looks like: a UUID, or any other short run
// of letters, digits, '-' and '_' (the schema uses the same pattern).
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// checker checks that a record is whole and consistent with the question set
// it was answered against: every id well formed and unique, every reference
// pointing at something in the record or the question set, every level on
// the scale, every enumerated value known, and the names the store requires
// present. Encode and Decode share it, so what Encode writes Decode accepts.
type checker struct {
	c *collector
	// q is the question set, or nil when it could not be read; the checks
	// that need it are then skipped (its own problems are already reported).
	q            *questionnaire.Questionnaire
	rec          assessment.Record
	agencies     map[string]bool
	participants map[string]bool
}

// checkRecord records every problem with rec against q on c.
func checkRecord(c *collector, q *questionnaire.Questionnaire, rec assessment.Record) {
	k := &checker{c: c, q: q, rec: rec, agencies: map[string]bool{}, participants: map[string]bool{}}
	k.partnership()
	k.assessment()
	k.participantList()
	k.responses()
	k.evidenceRefs()
	k.votes()
	k.scrutiny()
	k.actions()
	k.signOffs()
	k.scrutinyRecord()
}

// checkText records every text of rec that breaks the limits of
// assessment.TextField. Only Decode checks it: data stored before the
// limits existed can still be exported.
func checkText(c *collector, rec assessment.Record) {
	if err := rec.CheckText(); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			c.addf("payload.%s", line)
		}
	}
}

// id checks that a required id is present, well formed and not already in seen.
func (k *checker) id(where, id string, seen map[string]bool) {
	switch {
	case id == "":
		k.c.addf("%s has no id", where)
	case !idPattern.MatchString(id):
		k.c.addf("%s: id %q is not a valid id (up to 64 letters, digits, '-' and '_')", where, id)
	case seen[id]:
		k.c.addf("%s appears twice (duplicate id)", where)
	}
	seen[id] = true
}

// belongs checks that an item's assessment_id is the record's assessment.
func (k *checker) belongs(where, assessmentID string) {
	if want := k.rec.Assessment.ID; assessmentID != want {
		k.c.addf("%s: assessment_id %q is not this bundle's assessment %q", where, assessmentID, want)
	}
}

// question checks a required question id against the question set and
// returns the theme holding the question.
func (k *checker) question(where, id string) (questionnaire.Theme, bool) {
	if id == "" {
		k.c.addf("%s has no question_id", where)
		return questionnaire.Theme{}, false
	}
	if k.q == nil {
		return questionnaire.Theme{}, false
	}
	_, theme, ok := k.q.Question(id)
	if !ok {
		k.c.addf("%s: question %q is not in question set %q version %q", where, id, k.q.ID, k.q.Version)
	}
	return theme, ok
}

// level checks that a level is on the question set's scale; NotAssessed is
// always allowed here (callers that need a level check for it).
func (k *checker) level(where, field string, v int) {
	if k.q == nil || v == assessment.NotAssessed {
		return
	}
	if _, ok := k.q.Level(v); !ok {
		k.c.addf("%s: %s %d is not on the scale (%d to %d)", where, field, v, k.q.MinLevel(), k.q.MaxLevel())
	}
}

// agency checks an optional agency reference.
func (k *checker) agency(where, field, id string) {
	if id != "" && !k.agencies[id] {
		k.c.addf("%s: %s %q is not an agency of the partnership", where, field, id)
	}
}

// enum checks that v is one of all.
func enum[T ~string](k *checker, where, field string, v T, all []T) {
	if !slices.Contains(all, v) {
		k.c.addf("%s: %s %q is not one of %s", where, field, v, quoteAll(all))
	}
}

// quoteAll lists values quoted and comma-separated.
func quoteAll[T ~string](all []T) string {
	quoted := make([]string, len(all))
	for i, v := range all {
		quoted[i] = strconv.Quote(string(v))
	}
	return strings.Join(quoted, ", ")
}

// named checks that a name the store requires is not blank.
func (k *checker) named(where, field, name string) {
	if strings.TrimSpace(name) == "" {
		k.c.addf("%s has no %s", where, field)
	}
}

// partnership checks the partnership and its agencies.
func (k *checker) partnership() {
	p := k.rec.Partnership
	k.id("partnership", p.ID, map[string]bool{})
	k.named("partnership", "name", p.Name)
	names := map[string]bool{}
	for i, a := range p.Agencies {
		where := label("agency", a.ID, i)
		k.id(where, a.ID, k.agencies)
		if a.PartnershipID != p.ID {
			k.c.addf("%s: partnership_id %q is not the partnership %q", where, a.PartnershipID, p.ID)
		}
		k.named(where, "name", a.Name)
		if key := strings.ToLower(strings.TrimSpace(a.Name)); key != "" && names[key] {
			k.c.addf("%s: name %q is used by another agency of the partnership", where, a.Name)
		} else {
			names[key] = true
		}
		enum(k, where, "kind", a.Kind, assessment.AgencyKinds)
	}
}

// assessment checks the assessment itself.
func (k *checker) assessment() {
	a := k.rec.Assessment
	const where = "assessment"
	k.id(where, a.ID, map[string]bool{})
	if a.PartnershipID != k.rec.Partnership.ID {
		k.c.addf("%s: partnership_id %q is not the partnership %q", where, a.PartnershipID, k.rec.Partnership.ID)
	}
	if k.q != nil && (a.QuestionnaireID != k.q.ID || a.QuestionnaireVersion != k.q.Version) {
		k.c.addf("%s: answered against question set %q version %q, but the question set given is %q version %q",
			where, a.QuestionnaireID, a.QuestionnaireVersion, k.q.ID, k.q.Version)
	}
	if assessment.ValidatePeriod(a.Period) != nil {
		k.c.addf("%s: period %q is not a financial year such as \"2025/26\"", where, a.Period)
	}
	enum(k, where, "status", a.Status, assessment.Statuses)
	switch {
	case a.PreviousID == "":
	case !idPattern.MatchString(a.PreviousID):
		k.c.addf("%s: previous_id %q is not a valid id", where, a.PreviousID)
	case a.PreviousID == a.ID:
		k.c.addf("%s: previous_id is the assessment itself", where)
	}
}

// participantList checks the participants.
func (k *checker) participantList() {
	for i, p := range k.rec.Participants {
		where := label("participant", p.ID, i)
		k.id(where, p.ID, k.participants)
		k.belongs(where, p.AssessmentID)
		k.agency(where, "agency_id", p.AgencyID)
	}
}

// responses checks the agreed answers: one per question, levels on the scale.
func (k *checker) responses() {
	answered := map[string]bool{}
	for i, r := range k.rec.Responses {
		where := responseLabel(r.QuestionID, i)
		k.belongs(where, r.AssessmentID)
		k.question(where, r.QuestionID)
		if r.QuestionID != "" && answered[r.QuestionID] {
			k.c.addf("%s appears twice (one response per question)", where)
		}
		answered[r.QuestionID] = true
		k.level(where, "level", r.Level)
		k.level(where, "target", r.Target)
		if r.Confidence != "" {
			enum(k, where, "confidence", r.Confidence, assessment.Confidences)
		}
	}
}

// evidenceRefs checks the evidence references.
func (k *checker) evidenceRefs() {
	seen := map[string]bool{}
	for i, e := range k.rec.EvidenceRefs {
		where := label("evidence reference", e.ID, i)
		k.id(where, e.ID, seen)
		k.belongs(where, e.AssessmentID)
		k.question(where, e.QuestionID)
	}
}

// votes checks the individual ratings: one per participant per question.
func (k *checker) votes() {
	seen := map[string]bool{}
	cast := map[[3]string]bool{}
	for i, v := range k.rec.Votes {
		where := label("vote", v.ID, i)
		k.id(where, v.ID, seen)
		k.belongs(where, v.AssessmentID)
		k.question(where, v.QuestionID)
		switch {
		case v.ParticipantID == "":
			k.c.addf("%s has no participant_id", where)
		case !k.participants[v.ParticipantID]:
			k.c.addf("%s: participant_id %q is not a participant of the assessment", where, v.ParticipantID)
		case v.Round < 0:
			k.c.addf("%s: round %d is below 1", where, v.Round)
		case cast[[3]string{v.QuestionID, v.ParticipantID, strconv.Itoa(v.RoundOf())}]:
			k.c.addf("%s: participant %q has already voted on question %q in round %d", where, v.ParticipantID, v.QuestionID, v.RoundOf())
		}
		cast[[3]string{v.QuestionID, v.ParticipantID, strconv.Itoa(v.RoundOf())}] = true
		k.level(where, "level", v.Level)
	}
}

// scrutiny checks the scrutineers' views.
func (k *checker) scrutiny() {
	seen := map[string]bool{}
	for i, s := range k.rec.Scrutiny {
		where := label("scrutiny", s.ID, i)
		k.id(where, s.ID, seen)
		k.belongs(where, s.AssessmentID)
		k.question(where, s.QuestionID)
		k.level(where, "level", s.Level)
	}
}

// actions checks the action plan and the progress notes under each action.
func (k *checker) actions() {
	seen, updates, refs := map[string]bool{}, map[string]bool{}, map[assessment.ActionRef]bool{}
	for i, a := range k.rec.Actions {
		where := label("action", a.ID, i)
		k.id(where, a.ID, seen)
		if a.Ref > 0 && refs[a.Ref] {
			k.c.addf("%s: ref %s is also another action's", where, a.Ref)
		}
		refs[a.Ref] = true
		k.belongs(where, a.AssessmentID)
		k.actionTheme(where, a)
		k.named(where, "title", a.Title)
		k.agency(where, "owner_agency_id", a.OwnerAgencyID)
		enum(k, where, "status", a.Status, assessment.ActionStatuses)
		if a.CarriedFromID != "" && !idPattern.MatchString(a.CarriedFromID) {
			k.c.addf("%s: carried_from_id %q is not a valid id", where, a.CarriedFromID)
		}
		for j, u := range a.Updates {
			uwhere := where + ": " + label("update", u.ID, j)
			k.id(uwhere, u.ID, updates)
			if u.ActionID != a.ID {
				k.c.addf("%s: action_id %q is not the action it is listed under", uwhere, u.ActionID)
			}
		}
	}
}

// actionTheme checks an action's theme and that its question, if any,
// belongs to that theme.
func (k *checker) actionTheme(where string, a assessment.Action) {
	if a.ThemeID == "" {
		k.c.addf("%s has no theme_id", where)
		return
	}
	if k.q == nil {
		return
	}
	if _, ok := k.q.Theme(a.ThemeID); !ok {
		k.c.addf("%s: theme %q is not in question set %q version %q", where, a.ThemeID, k.q.ID, k.q.Version)
		return
	}
	if a.QuestionID == "" {
		return
	}
	if theme, ok := k.question(where, a.QuestionID); ok && theme.ID != a.ThemeID {
		k.c.addf("%s: question %q belongs to theme %q, not %q", where, a.QuestionID, theme.ID, a.ThemeID)
	}
}

// signOffs checks the sign-offs.
func (k *checker) signOffs() {
	seen := map[string]bool{}
	for i, s := range k.rec.SignOffs {
		where := label("sign-off", s.ID, i)
		k.id(where, s.ID, seen)
		k.belongs(where, s.AssessmentID)
		k.agency(where, "agency_id", s.AgencyID)
		k.named(where, "name", s.Name)
	}
}
