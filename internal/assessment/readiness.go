package assessment

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// LargeGap is the gap between target and agreed level, in levels, from
// which the readiness check wants an action.
const LargeGap = 2

// ReadinessItem is one thing that stops an assessment being agreed.
type ReadinessItem struct {
	// QuestionID is the question it concerns; Question names it as people
	// read it ("Culture, question 1").
	QuestionID, Question string
	// Problem says what is missing, in words.
	Problem string
}

// Readiness lists what stops rec, answered against set, being agreed, in
// question order: a question neither assessed nor marked "not assessed"
// with a reason, a gap of LargeGap levels or more with no action, and a
// challenge the partnership has not responded to. An empty list means
// the assessment is ready.
func Readiness(set *questionnaire.Questionnaire, rec Record) []ReadinessItem {
	responses := map[string]Response{}
	for _, r := range rec.Responses {
		responses[r.QuestionID] = r
	}
	acted := map[string]bool{}
	for _, a := range rec.Actions {
		if a.QuestionID != "" && a.Status != Dropped {
			acted[a.QuestionID] = true
		}
	}
	awaiting := AwaitingResponse(rec.Challenges)
	var out []ReadinessItem
	for _, t := range set.Themes {
		for _, q := range t.Questions {
			r := responses[q.ID]
			add := func(problem string) {
				out = append(out, ReadinessItem{q.ID, set.QuestionName(q.ID), problem})
			}
			switch {
			case r.Level == NotAssessed && strings.TrimSpace(r.NotAssessedReason) == "":
				add("not assessed, and no reason given")
			case r.Level != NotAssessed && r.Target != NotAssessed && r.Target-r.Level >= LargeGap && !acted[q.ID]:
				add(fmt.Sprintf("a gap of %d levels with no action", r.Target-r.Level))
			}
			if awaiting[q.ID] {
				add("a challenge awaits the partnership's response")
			}
		}
	}
	return out
}

// StatutoryKinds are the agencies whose leads must sign an assessment off.
var StatutoryKinds = []AgencyKind{LocalAuthority, IntegratedCareBoard, Police}

// Scrutineers returns the names of everyone who took part as an
// independent scrutineer: who recorded a view of a question, a theme
// judgement, the assurance judgement, a challenge or a reply.
func Scrutineers(rec Record) []string {
	var names []string
	add := func(name string) {
		name = strings.TrimSpace(name)
		if name != "" && !slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, name) }) {
			names = append(names, name)
		}
	}
	for _, s := range rec.Scrutiny {
		add(s.Scrutineer)
	}
	for _, j := range rec.Judgements {
		add(j.Scrutineer)
	}
	if rec.Assurance != nil {
		add(rec.Assurance.Scrutineer)
	}
	for _, c := range rec.Challenges {
		if c.Kind != ResponseMessage {
			add(c.Author)
		}
	}
	return names
}

// IsScrutineerSignOff reports whether so is an independent scrutineer's
// sign-off: one for no agency.
func IsScrutineerSignOff(so SignOff) bool { return so.AgencyID == "" }

// MissingSignOffs lists, in words, whose sign-off rec still needs among
// those that count (a sign-off counts when counts says so, such as when
// its signature is good): the lead of each statutory partner, signing for
// an agency of that kind, and every scrutineer who took part, signing for
// no agency. An empty list means the sign-off is complete.
func MissingSignOffs(rec Record, counts func(SignOff) bool) []string {
	kinds := map[string]AgencyKind{}
	for _, a := range rec.Partnership.Agencies {
		kinds[a.ID] = a.Kind
	}
	signedKinds := map[AgencyKind]bool{}
	var signedScrutineers []string
	for _, so := range rec.SignOffs {
		if !counts(so) {
			continue
		}
		if IsScrutineerSignOff(so) {
			signedScrutineers = append(signedScrutineers, strings.ToLower(strings.TrimSpace(so.Name)))
		} else {
			signedKinds[kinds[so.AgencyID]] = true
		}
	}
	var missing []string
	for _, k := range StatutoryKinds {
		if !signedKinds[k] {
			missing = append(missing, "the "+string(k)+"'s lead")
		}
	}
	for _, name := range Scrutineers(rec) {
		if !slices.Contains(signedScrutineers, strings.ToLower(name)) {
			missing = append(missing, "the independent scrutineer, "+name)
		}
	}
	return missing
}
