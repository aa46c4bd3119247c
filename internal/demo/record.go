package demo

import (
	"fmt"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// year builds one year's record; it holds what the parts of a record share.
type year struct {
	*generator
	index    int
	period   string
	at       time.Time // when the workshop was held
	previous *assessment.Record
	rec      assessment.Record
}

// latest reports whether this is the last year assessed.
func (y *year) latest() bool { return y.index == len(y.periods)-1 }

// record builds the assessment of one period, started from previous.
func (g *generator) record(index int, period string, previous *assessment.Record) assessment.Record {
	at := startOf(period).AddDate(0, 9, 14).Add(10 * time.Hour) // mid-January
	y := &year{generator: g, index: index, period: period, at: at, previous: previous}
	a := assessment.Assessment{ID: g.id(), PartnershipID: g.p.ID, QuestionnaireID: g.q.ID,
		QuestionnaireVersion: g.q.Version, Period: period, Status: g.profile.latest,
		Facilitator: g.facilitator, CreatedAt: at, UpdatedAt: at}
	if previous != nil {
		a.PreviousID = previous.Assessment.ID
	}
	if !y.latest() {
		a.Status = assessment.SignedOff
	}
	y.rec = assessment.Record{Partnership: g.p, Assessment: a}
	y.participants()
	y.responses()
	y.votes()
	y.scrutiny()
	y.actions()
	y.scrutinyRecord()
	y.signOffs()
	return y.rec
}

// participants adds everyone taking part this year.
func (y *year) participants() {
	for _, p := range y.attendees(y) {
		y.rec.Participants = append(y.rec.Participants, assessment.Participant{ID: y.id(),
			AssessmentID: y.rec.Assessment.ID, Name: p.name, Role: p.role,
			AgencyID: y.agency(p.agency).ID, CreatedAt: y.at, UpdatedAt: y.at})
	}
}

// lastLevel is the level agreed for question id the year before, or
// NotAssessed in the first year or when it was not assessed.
func (y *year) lastLevel(id string) int {
	if y.previous == nil {
		return assessment.NotAssessed
	}
	for _, r := range y.previous.Responses {
		if r.QuestionID == id {
			return r.Level
		}
	}
	return assessment.NotAssessed
}

// clamp keeps a level on the question set's scale.
func (y *year) clamp(level int) int {
	return max(y.q.MinLevel(), min(y.q.MaxLevel(), level))
}

// responses agrees a level, target and text for every question.
func (y *year) responses() {
	for _, t := range y.q.Themes {
		text := y.words(y, t.ID)
		for i, qu := range t.Questions {
			lvl := y.level(y, qu.ID)
			r := assessment.Response{AssessmentID: y.rec.Assessment.ID, QuestionID: qu.ID, Level: lvl,
				Confidence: assessment.Confidences[y.rng.IntN(3)], Evidence: text.evidence,
				Strengths: text.strengths, AreasForDevelopment: text.areas, Rationale: text.rationale,
				CreatedAt: y.at, UpdatedAt: y.at}
			if lvl != assessment.NotAssessed {
				r.Target = min(lvl+1+y.rng.IntN(2), y.q.MaxLevel())
			}
			y.rec.Responses = append(y.rec.Responses, r)
			docs := y.docs[t.ID]
			if len(docs) == 0 {
				docs = y.docs[""]
			}
			doc := docs[i%len(docs)]
			y.rec.EvidenceRefs = append(y.rec.EvidenceRefs, assessment.EvidenceRef{ID: y.id(),
				AssessmentID: y.rec.Assessment.ID, QuestionID: qu.ID, Title: fmt.Sprintf("%s %s", doc.title, y.period),
				Location: doc.location, CreatedAt: y.at, UpdatedAt: y.at})
		}
	}
}

// votes has every participant rate every assessed question near the agreed
// level; a few questions divide the room.
func (y *year) votes() {
	for _, r := range y.rec.Responses {
		if r.Level == assessment.NotAssessed {
			continue
		}
		divided := y.rng.Float64() < 0.2
		for _, p := range y.rec.Participants {
			delta := []int{-1, 0, 0, 0, 1}[y.rng.IntN(5)]
			if divided {
				delta = []int{-2, -1, 0, 1, 1}[y.rng.IntN(5)]
			}
			v := assessment.Vote{ID: y.id(), AssessmentID: r.AssessmentID, QuestionID: r.QuestionID,
				ParticipantID: p.ID, Level: y.clamp(r.Level + delta), CreatedAt: y.at, UpdatedAt: y.at}
			if delta <= -2 {
				v.Comment = "I have not seen evidence that this reaches the front line."
			}
			y.rec.Votes = append(y.rec.Votes, v)
		}
	}
}

// scrutiny records the independent scrutineer's view on the effectiveness
// and culture questions after the first year.
func (y *year) scrutiny() {
	if y.index == 0 {
		return
	}
	at := y.at.AddDate(0, 1, 0)
	for _, r := range y.rec.Responses {
		if r.QuestionID != "effectiveness.1" && r.QuestionID != "culture.3" && r.QuestionID != "workforce.2" ||
			r.Level == assessment.NotAssessed {
			continue
		}
		s := assessment.Scrutiny{ID: y.id(), AssessmentID: r.AssessmentID, QuestionID: r.QuestionID,
			Scrutineer: y.scrutineer, Level: r.Level, EvidenceSeen: "Minutes, audit reports and the dataset for the year; interviews with six practitioners.",
			Challenge: "I agree with the level: the evidence shows it in practice.", CreatedAt: at, UpdatedAt: at}
		if r.QuestionID != "culture.3" {
			s.Level = max(y.q.MinLevel(), r.Level-1)
			s.Challenge = "The evidence still reports activity more than impact; I would place this one level lower until outcome data for a full year is available."
		}
		y.rec.Scrutiny = append(y.rec.Scrutiny, s)
	}
}

// signOffs has the signers for the three statutory partners, and the
// scrutineer when one took part, sign off every signed-off year, each with
// their demo key.
func (y *year) signOffs() {
	if y.rec.Assessment.Status != assessment.SignedOff {
		return
	}
	at := y.at.AddDate(0, 1, 6)
	for _, s := range y.signers {
		y.rec.SignOffs = append(y.rec.SignOffs, assessment.SignOff{ID: y.id(), AssessmentID: y.rec.Assessment.ID,
			AgencyID: y.agency(s.agency).ID, Name: s.name, Role: s.role, SignedAt: at, CreatedAt: at, UpdatedAt: at})
	}
	if len(y.rec.Scrutiny) > 0 {
		y.rec.SignOffs = append(y.rec.SignOffs, assessment.SignOff{ID: derivedID(y.rec.Assessment.ID, "scrutineer sign-off"), AssessmentID: y.rec.Assessment.ID,
			Name: y.scrutineer, Role: "Independent scrutineer", SignedAt: at, CreatedAt: at, UpdatedAt: at})
	}
	y.sign()
}
