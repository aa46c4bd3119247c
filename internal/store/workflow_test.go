package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// readyFixture is the fixture with every question assessed or explained,
// one large gap with an action, and a challenge the partnership answered.
func readyFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t)
	for _, qid := range questionIDs {
		must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: qid, Level: 3, Target: 4}))
	}
	return f
}

func TestAgreeChecksReadiness(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	var nr *NotReadyError
	if err := f.s.Agree(ctx, f.a.ID); !errors.As(err, &nr) || len(nr.Items) != len(questionIDs) {
		t.Fatalf("Agree of a blank assessment = %v; want one item per question", err)
	}
	if msg := nr.Error(); !strings.Contains(msg, fmt.Sprintf("%d things outstanding, first Culture, question 1: not assessed", len(questionIDs))) {
		t.Errorf("the refusal reads %q; want the count in words and the first question by name", msg)
	}
	for _, qid := range questionIDs {
		must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: qid, Level: 3, Target: 4}))
	}
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1"}))
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.2", Level: 1, Target: 4}))
	must(f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.3",
		Kind: assessment.ChallengeMessage, Author: "Sam Scrutineer", Text: "Where is the evidence?"}))
	err := f.s.Agree(ctx, f.a.ID)
	if !errors.As(err, &nr) {
		t.Fatalf("Agree = %v; want NotReadyError", err)
	}
	got := map[string]string{}
	for _, it := range nr.Items {
		got[it.QuestionID] += it.Problem + ";"
	}
	want := map[string]string{
		"culture.1": "not assessed, and no reason given;",
		"culture.2": "a gap of 3 levels with no action;",
		"culture.3": "a challenge awaits the partnership's response;",
	}
	if len(got) != len(want) {
		t.Errorf("readiness items %v; want %v", got, want)
	}
	for q, w := range want {
		if got[q] != w {
			t.Errorf("%s: %q; want %q", q, got[q], w)
		}
	}
	if a := must(f.s.Assessment(ctx, f.a.ID)); a.Status != assessment.Draft {
		t.Errorf("a refused Agree left the status %q", a.Status)
	}
	// A reply may only follow a response.
	if _, err := f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.3",
		Kind: assessment.ReplyMessage, Author: "Sam Scrutineer", Text: "And?"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("reply before a response: %v; want ErrInvalid", err)
	}
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1", NotAssessedReason: "No data until June."}))
	must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: f.a.ID, ThemeID: "culture", QuestionID: "culture.2",
		Title: "Close the gap", Owner: "Owner", OwnerAgencyID: f.p.Agencies[0].ID, SuccessMeasure: "Audit", Status: assessment.NotStarted}))
	must(f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.3",
		Kind: assessment.ResponseMessage, Author: "Sam", Text: "The audit of May."}))
	if err := f.s.Agree(ctx, f.a.ID); err != nil {
		t.Fatalf("Agree once ready = %v", err)
	}
	if a := must(f.s.Assessment(ctx, f.a.ID)); a.Status != assessment.Agreed {
		t.Errorf("status %q after Agree; want agreed", a.Status)
	}
}

// signAs signs the fixture's assessment off as name for agency (nil for
// the scrutineer), returning whether that completed the sign-off.
func signAs(t *testing.T, f fixture, key *signing.PrivateKey, name string, agency *assessment.Agency) (bool, error) {
	t.Helper()
	ctx := context.Background()
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	so := assessment.SignOff{Name: name, Role: "Lead", SignedAt: time.Now()}
	if agency != nil {
		so.AgencyID = agency.ID
	}
	so, err := bundle.SignOff(f.q, rec, key, so, "test")
	if err != nil {
		t.Fatal(err)
	}
	return f.s.Sign(ctx, so, bundle.CheckSignOffs)
}

func TestSignLocksAndAmendReopens(t *testing.T) {
	ctx := context.Background()
	f := readyFixture(t)
	must(f.s.SaveScrutiny(ctx, assessment.Scrutiny{AssessmentID: f.a.ID, QuestionID: "culture.1", Scrutineer: "Sam Scrutineer", Level: 2}))
	key := signing.DemoKey("test")
	if _, err := signAs(t, f, key, "Early", &f.p.Agencies[0]); !errors.Is(err, ErrInvalid) {
		t.Errorf("signing a draft: %v; want ErrInvalid", err)
	}
	if err := f.s.Agree(ctx, f.a.ID); err != nil {
		t.Fatal(err)
	}
	for i := range f.p.Agencies {
		done, err := signAs(t, f, signing.DemoKey(f.p.Agencies[i].Name), "Lead "+f.p.Agencies[i].Name, &f.p.Agencies[i])
		if err != nil || done {
			t.Fatalf("signature %d: done %v, %v; want not yet done (the scrutineer has not signed)", i, done, err)
		}
	}
	// A change after signing makes the earlier signatures stale: the next
	// sign-off is refused and nothing is written.
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.2", Level: 4, Target: 4}))
	if _, err := signAs(t, f, key, "Sam Scrutineer", nil); err == nil || !strings.Contains(err.Error(), "cannot be accepted") {
		t.Fatalf("signing after a change: %v; want the stale signatures refused", err)
	}
	if err := f.s.ClearSignOffs(ctx, f.a.ID); err != nil {
		t.Fatal(err)
	}
	if rec := must(f.s.LoadRecord(ctx, f.a.ID)); len(rec.SignOffs) != 0 {
		t.Fatalf("%d sign-offs after clearing", len(rec.SignOffs))
	}
	for i := range f.p.Agencies {
		if _, err := signAs(t, f, signing.DemoKey(f.p.Agencies[i].Name), "Lead "+f.p.Agencies[i].Name, &f.p.Agencies[i]); err != nil {
			t.Fatal(err)
		}
	}
	done, err := signAs(t, f, key, "Sam Scrutineer", nil)
	if err != nil || !done {
		t.Fatalf("the scrutineer's signature: done %v, %v; want the sign-off complete", done, err)
	}
	if a := must(f.s.Assessment(ctx, f.a.ID)); a.Status != assessment.SignedOff {
		t.Fatalf("status %q; want signed off", a.Status)
	}
	if _, err := f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.1",
		Kind: assessment.ChallengeMessage, Author: "Sam", Text: "Late"}); !errors.Is(err, ErrSignedOff) {
		t.Errorf("challenge on a signed-off assessment: %v; want ErrSignedOff", err)
	}
	if _, err := f.s.SaveAssurance(ctx, assessment.Assurance{AssessmentID: f.a.ID, Scrutineer: "Sam", Level: assessment.Limited}); !errors.Is(err, ErrSignedOff) {
		t.Errorf("assurance on a signed-off assessment: %v; want ErrSignedOff", err)
	}
	// The database itself refuses reopening without an amendment.
	if _, err := f.s.db.Exec(`UPDATE assessment SET status = 'draft', revision = revision + 1 WHERE id = ?`, f.a.ID); !errors.Is(mapErr(err), ErrSignedOff) {
		t.Errorf("reopening by hand: %v; want ErrSignedOff", err)
	}
	keys := must(f.s.TrustedKeys(ctx, f.p.ID))
	if len(keys) != 4 || keys[3].Fingerprint != key.Fingerprint() {
		t.Errorf("trusted keys %v; want the four signers'", keys)
	}

	am, err := f.s.Amend(ctx, f.a.ID, "A level was recorded wrongly.", []byte(`{"the":"original"}`), strings.Repeat("a", 64))
	if err != nil {
		t.Fatal(err)
	}
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if rec.Assessment.Status != assessment.Draft || rec.Assessment.Revision != 2 || len(rec.SignOffs) != 0 || am.Revision != 2 {
		t.Errorf("after Amend: %s revision %d with %d sign-offs", rec.Assessment.Status, rec.Assessment.Revision, len(rec.SignOffs))
	}
	ams := must(f.s.Amendments(ctx, f.a.ID))
	if len(ams) != 1 || string(ams[0].OriginalBundle) != `{"the":"original"}` || ams[0].Reason != "A level was recorded wrongly." {
		t.Errorf("amendments %+v", ams)
	}
	if _, err := f.s.db.Exec(`DELETE FROM amendment`); err == nil {
		t.Error("an amendment (the signed original) was deleted")
	}
	if _, err := f.s.Amend(ctx, f.a.ID, "again", []byte("x"), "y"); !errors.Is(err, ErrInvalid) {
		t.Errorf("amending a draft: %v; want ErrInvalid", err)
	}
}

func TestUnknownKeys(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	k1, k2 := signing.DemoKey("one"), signing.DemoKey("two")
	rec := assessment.Record{Partnership: assessment.Partnership{ID: "elsewhere", Name: "NORTHSHIRE"},
		SignOffs: []assessment.SignOff{{Name: "One", PublicKey: k1.String()}, {Name: "Two", PublicKey: k2.String()}, {Name: "Unsigned"}}}
	if got := must(f.s.UnknownKeys(ctx, rec)); len(got) != 2 {
		t.Fatalf("UnknownKeys = %v; want both signed ones", got)
	}
	err := f.s.write(ctx, func(t *tx) error { return t.trustKey(f.p.ID, k1.String(), k1.Fingerprint(), "One") })
	if err != nil {
		t.Fatal(err)
	}
	if got := must(f.s.UnknownKeys(ctx, rec)); len(got) != 1 || got[0].Name != "Two" {
		t.Errorf("UnknownKeys after trusting one = %v; want only Two (found by the partnership's name)", got)
	}
}

func TestAuditTrailFilters(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.fill(t)
	f.s.SetActor("Sam Scrutineer")
	must(f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.1",
		Kind: assessment.ChallengeMessage, Author: "Sam Scrutineer", Text: "Show me."}))
	all := must(f.s.AuditTrail(ctx, f.a.ID, AuditFilter{}))
	kinds := map[string]bool{}
	for _, e := range all {
		kinds[e.Entity] = true
	}
	for _, k := range []string{"assessment", "participant", "response", "vote", "evidence_ref", "scrutiny", "action", "action_update", "signoff", "challenge"} {
		if !kinds[k] {
			t.Errorf("the trail has no %s rows", k)
		}
	}
	byActor := must(f.s.AuditTrail(ctx, f.a.ID, AuditFilter{Actor: "sam scrutineer"}))
	if len(byActor) == 0 || len(byActor) >= len(all) {
		t.Errorf("%d rows by the scrutineer of %d", len(byActor), len(all))
	}
	for _, e := range byActor {
		if e.Entity != "challenge" {
			t.Errorf("actor filter kept a %s row by %s", e.Entity, e.Actor)
		}
	}
	for _, e := range must(f.s.AuditTrail(ctx, f.a.ID, AuditFilter{QuestionID: "culture.2"})) {
		if e.QuestionID != "culture.2" {
			t.Errorf("question filter kept a row about %q", e.QuestionID)
		}
	}
	if n := len(must(f.s.AuditTrail(ctx, f.a.ID, AuditFilter{Entity: "vote", QuestionID: "culture.1"}))); n == 0 {
		t.Error("no vote rows on culture.1")
	}
	if n := len(must(f.s.AuditTrail(ctx, f.a.ID, AuditFilter{From: time.Now().Add(time.Hour)}))); n != 0 {
		t.Errorf("%d rows from an hour ahead; want none", n)
	}
	other := must(f.s.CreateAssessment(ctx, assessment.Assessment{PartnershipID: f.p.ID, QuestionnaireID: f.q.ID,
		QuestionnaireVersion: f.q.Version, Period: "2026/27"}))
	for _, e := range must(f.s.AuditTrail(ctx, other.ID, AuditFilter{})) {
		if e.EntityID != other.ID {
			t.Errorf("another assessment's trail holds %s %s", e.Entity, e.EntityID)
		}
	}
}

func TestEditCountsByPersonAndStage(t *testing.T) {
	ctx := context.Background()
	f := readyFixture(t)
	if err := f.s.Agree(ctx, f.a.ID); err != nil {
		t.Fatal(err)
	}
	f.s.SetActor("Sam Scrutineer")
	must(f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.1",
		Kind: assessment.ChallengeMessage, Author: "Sam Scrutineer", Text: "Why?"}))
	must(f.s.AddChallenge(ctx, assessment.Challenge{AssessmentID: f.a.ID, QuestionID: "culture.2",
		Kind: assessment.ChallengeMessage, Author: "Sam Scrutineer", Text: "And this?"}))
	got := must(f.s.EditCounts(ctx, f.a.ID))
	// The tester created the assessment and its responses, then agreed it
	// (one edit of the assessment, made while a draft).
	want := []assessment.EditCount{{Person: "tester", Stage: assessment.Draft, Edits: 2 + len(questionIDs)},
		{Person: "Sam Scrutineer", Stage: assessment.Agreed, Edits: 2}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("EditCounts = %+v; want %+v", got, want)
	}
}
