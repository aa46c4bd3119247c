package demo

import (
	"crypto/sha256"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// scrutinyRecord has the scrutineer of a signed-off year after the first
// judge each theme and the self-assessment, and challenge one question
// whose level they would place lower: the partnership responds and the
// scrutineer replies.
func (y *year) scrutinyRecord() {
	if y.index == 0 || y.rec.Assessment.Status != assessment.SignedOff {
		return
	}
	id := y.rec.Assessment.ID
	at := y.at.AddDate(0, 1, 0)
	for _, ts := range assessment.ThemeScores(y.q, y.rec.Responses) {
		level := ts.Level.Rounded()
		reasons := "The evidence supports the partnership’s level."
		if ts.ThemeID == "effectiveness" {
			level, reasons = max(y.q.MinLevel(), level-1), "Impact is not yet measured: activity is counted instead."
		}
		y.rec.Judgements = append(y.rec.Judgements, assessment.ThemeJudgement{ID: derivedID(id, "judgement", ts.ThemeID), AssessmentID: id,
			ThemeID: ts.ThemeID, Scrutineer: y.scrutineer, Level: level, Reasons: reasons, CreatedAt: at, UpdatedAt: at})
	}
	y.rec.Assurance = &assessment.Assurance{AssessmentID: id, Scrutineer: y.scrutineer, Level: assessment.Moderate,
		Reasons:   "Most levels rest on audit evidence; those on effectiveness rest on activity counts rather than outcomes.",
		Statement: "The partnership knows itself well and its self-assessment is honest; it should now measure the difference its work makes to children.",
		CreatedAt: at, UpdatedAt: at}
	for _, s := range y.rec.Scrutiny {
		if s.Level == assessment.NotAssessed || s.Level == y.levelOf(s.QuestionID) {
			continue
		}
		y.thread(s.QuestionID)
		break
	}
}

// levelOf is this year's agreed level of question id.
func (y *year) levelOf(id string) int {
	for _, r := range y.rec.Responses {
		if r.QuestionID == id {
			return r.Level
		}
	}
	return assessment.NotAssessed
}

// thread adds a challenge on question q, the partnership's response and
// the scrutineer's reply, a few days apart.
func (y *year) thread(q string) {
	msgs := []struct {
		kind   assessment.MessageKind
		author string
		text   string
	}{
		{assessment.ChallengeMessage, y.scrutineer, "What shows the impact on children, rather than the activity?"},
		{assessment.ResponseMessage, y.facilitator, "The outcomes framework reports from June; until then we rely on the multi-agency audit."},
		{assessment.ReplyMessage, y.scrutineer, "Accepted for this year; I will look for the outcome data next year."},
	}
	for i, m := range msgs {
		at := y.at.AddDate(0, 1, 2*i)
		y.rec.Challenges = append(y.rec.Challenges, assessment.Challenge{ID: derivedID(y.rec.Assessment.ID, "challenge", q, string(m.kind)), AssessmentID: y.rec.Assessment.ID,
			QuestionID: q, Kind: m.kind, Author: m.author, Text: m.text, At: at, CreatedAt: at, UpdatedAt: at})
	}
}

// sign signs every sign-off of the record with its signer's demo key,
// whose signatures say "demo key, not for real use".
func (y *year) sign() {
	content, err := bundle.ContentHash(y.q, y.rec)
	if err != nil {
		panic(err) // the demo's own records always encode
	}
	for i, so := range y.rec.SignOffs {
		key := signing.DemoKey(so.Name)
		sig, err := key.Sign(bundle.Statement(y.rec, so, content), signing.DemoComment)
		if err != nil {
			panic(err)
		}
		y.rec.SignOffs[i].Signature, y.rec.SignOffs[i].PublicKey, y.rec.SignOffs[i].KeyFingerprint = sig, key.String(), key.Fingerprint()
	}
}

// derivedID makes a UUID-shaped id from the sha256 of parts, so that what
// scrutiny adds draws nothing from the demo's random numbers and leaves
// every other generated value as it was.
func derivedID(parts ...string) string {
	sum := sha256.Sum256(fmt.Append(nil, parts))
	sum[6] = sum[6]&0x0f | 0x80 // version 8: custom
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}
