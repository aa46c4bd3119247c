package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

func TestVoteRoundsKeepTheFirst(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	p := must(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Jo", AgencyID: f.p.Agencies[0].ID,
		JoinedBy: assessment.JoinedByPhone}))
	one := must(f.s.SaveVote(WithActor(ctx, "Jo (phone)"), assessment.Vote{AssessmentID: f.a.ID, QuestionID: "intent.2", ParticipantID: p.ID, Level: 2}))
	two := must(f.s.SaveVote(ctx, assessment.Vote{AssessmentID: f.a.ID, QuestionID: "intent.2", ParticipantID: p.ID, Level: 4, Round: 2}))
	if one.ID == two.ID || one.Round != 1 || two.Round != 2 {
		t.Fatalf("round 1 %+v and round 2 %+v; want two votes", one, two)
	}
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if len(rec.Votes) != 2 || rec.Votes[0].Level != 2 || rec.Votes[1].Level != 4 || rec.Votes[1].Round != 2 {
		t.Errorf("votes = %+v; want round 1 at 2 and round 2 at 4", rec.Votes)
	}
	if got := rec.Participants[0].JoinedBy; got != assessment.JoinedByPhone {
		t.Errorf("joined by %q; want phone", got)
	}
	if s := assessment.Spreads(rec.Votes)["intent.2"]; s.Min != 4 || s.Count != 1 {
		t.Errorf("spread %+v; want only round 2 counted", s)
	}
	log := must(f.s.AuditLog(ctx, one.ID))
	if len(log) == 0 || log[0].Actor != "Jo (phone)" {
		t.Errorf("audit of the phone vote %+v; want it by Jo (phone)", log)
	}
	if log := must(f.s.AuditLog(ctx, two.ID)); len(log) == 0 || log[0].Actor != "tester" {
		t.Errorf("audit of the laptop vote %+v; want it by tester", log)
	}
}

func TestFacilitatorFlagIsSavedAndAudited(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	p := must(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Sam"}))
	p.Facilitator = true
	must(f.s.UpdateParticipant(ctx, p))
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if !rec.Participants[0].Facilitator || rec.Participants[0].JoinedBy != assessment.JoinedOnLaptop {
		t.Errorf("participant %+v; want the facilitator, listed on the laptop", rec.Participants[0])
	}
	log := must(f.s.AuditLog(ctx, p.ID))
	if last := log[len(log)-1]; last.Field != "facilitator" || last.Old != "false" || last.New != "true" {
		t.Errorf("last audit row %+v; want facilitator false → true", last)
	}
}

func TestImportVotesAllOrNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	votes := []assessment.Vote{{QuestionID: "culture.1", Level: 3}, {QuestionID: "culture.2"}}
	p := must(f.s.ImportVotes(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Pat", AgencyID: f.p.Agencies[2].ID}, votes))
	rec := must(f.s.LoadRecord(ctx, f.a.ID))
	if len(rec.Votes) != 2 || rec.Votes[0].ParticipantID != p.ID || rec.Votes[0].Level != 3 || rec.Participants[0].JoinedBy != assessment.JoinedByBundle {
		t.Fatalf("after import: participants %+v votes %+v", rec.Participants, rec.Votes)
	}
	bad := []assessment.Vote{{QuestionID: "culture.1", Level: 3}, {QuestionID: "no.such", Level: 2}}
	_, err := f.s.ImportVotes(ctx, assessment.Participant{AssessmentID: f.a.ID, Name: "Lee"}, bad)
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("importing a vote on an unknown question: %v; want ErrInvalid", err)
	}
	if rec := must(f.s.LoadRecord(ctx, f.a.ID)); len(rec.Participants) != 1 || len(rec.Votes) != 2 {
		t.Errorf("a refused import left %d participants and %d votes; want 1 and 2", len(rec.Participants), len(rec.Votes))
	}
}

func TestUpgradeKeepsVotesAsRoundOne(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "maturity.db")
	old := openAt(t, path, withMaxVersion(3))
	f := fixture{s: old, q: testQuestionnaire(t)}
	if err := old.SaveQuestionnaire(ctx, f.q); err != nil {
		t.Fatal(err)
	}
	p := must(old.CreatePartnership(ctx, assessment.Partnership{Name: "Eastshire"}))
	// The store's own CreateAssessment writes columns later migrations add,
	// so the assessment of a version 3 database is written as SQL.
	a := assessment.Assessment{ID: "a1"}
	db := old.db
	at := formatTime(now())
	if _, err := db.Exec(`INSERT INTO assessment (id, partnership_id, questionnaire_id, questionnaire_version, period, created_at, updated_at)
		VALUES ('a1', ?, ?, ?, '2024/25', ?, ?)`, p.ID, f.q.ID, f.q.Version, at, at); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO participant (id, assessment_id, name, role, created_at, updated_at) VALUES ('p1', ?, 'Ann', '', ?, ?)`, a.ID, at, at); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO vote (id, assessment_id, question_id, participant_id, level, comment, created_at, updated_at) VALUES ('v1', ?, 'culture.1', 'p1', 2, 'old', ?, ?)`, a.ID, at, at); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s := openAt(t, path)
	rec := must(s.LoadRecord(ctx, a.ID))
	if len(rec.Votes) != 1 || rec.Votes[0].Round != 1 || rec.Votes[0].Comment != "old" || rec.Participants[0].JoinedBy != assessment.JoinedOnLaptop {
		t.Errorf("after upgrade: votes %+v participants %+v; want the vote in round 1", rec.Votes, rec.Participants)
	}
	if _, err := s.SaveVote(ctx, assessment.Vote{AssessmentID: a.ID, QuestionID: "culture.1", ParticipantID: "p1", Level: 3, Round: 2}); err != nil {
		t.Errorf("a round 2 vote after upgrade: %v", err)
	}
}
