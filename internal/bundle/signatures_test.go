package bundle

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// signedFixture returns the fixture record signed off by the three
// statutory leads and the scrutineer, each with their own key.
func signedFixture(tb testing.TB) (*questionnaire.Questionnaire, assessment.Record) {
	tb.Helper()
	q := fixtureQuestionnaire(tb)
	rec := fixtureRecord(time.UTC)
	rec.Assessment.Status = assessment.SignedOff
	signers := []assessment.SignOff{
		{ID: "a9000000-0000-4000-8000-000000000011", AgencyID: laID, Name: "Dana Director", Role: "Director of Children's Services"},
		{ID: "a9000000-0000-4000-8000-000000000012", AgencyID: icbID, Name: "Chris Nurse", Role: "Chief Nurse"},
		{ID: "a9000000-0000-4000-8000-000000000013", AgencyID: policeID, Name: "Chief Superintendent Lee", Role: "Police lead"},
		{ID: "a9000000-0000-4000-8000-000000000014", Name: "Jo Scrutineer", Role: "Independent scrutineer"},
	}
	rec.SignOffs = nil
	for i, so := range signers {
		key, err := signing.GenerateKey(nil)
		if err != nil {
			tb.Fatal(err)
		}
		so.SignedAt, so.CreatedAt, so.UpdatedAt = at(50+i, time.UTC), at(50+i, time.UTC), at(50+i, time.UTC)
		signed, err := SignOff(q, rec, key, so, "test key")
		if err != nil {
			tb.Fatal(err)
		}
		rec.SignOffs = append(rec.SignOffs, signed)
	}
	return q, rec
}

// resealed applies change to the bundle's payload and recomputes its
// sha256, as someone editing a signed-off bundle by hand would.
func resealed(tb testing.TB, data []byte, change func(*payload)) []byte {
	tb.Helper()
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		tb.Fatal(err)
	}
	change(&f.Payload)
	sum, err := checksum(f.Payload)
	if err != nil {
		tb.Fatal(err)
	}
	f.SHA256 = sum
	out, err := marshal(f, "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestSignedOffBundleImportsAndVerifies(t *testing.T) {
	q, rec := signedFixture(t)
	data, err := Encode(q, rec, Meta{ExportedAt: at(60, time.UTC), Generator: "test"})
	if err != nil {
		t.Fatal(err)
	}
	_, got, err := Decode("signed.json", data)
	if err != nil {
		t.Fatalf("Decode of a properly signed bundle: %v", err)
	}
	if err := validate(t, compileSchema(t), data); err != nil {
		t.Errorf("the schema refuses a signed bundle: %v", err)
	}
	_, results, err := CheckSignatures(q, got)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 4 {
		t.Fatalf("%d signature results; want 4", len(results))
	}
	for _, r := range results {
		if !r.Good || r.Fingerprint != r.SignOff.KeyFingerprint {
			t.Errorf("%s: good %v (%s), fingerprint %q vs %q", r.SignOff.Name, r.Good, r.Problem, r.Fingerprint, r.SignOff.KeyFingerprint)
		}
	}
	if results[0].Agency != "Northshire Council" || results[3].Agency != "" {
		t.Errorf("agencies %q, %q; want the council's name and none for the scrutineer", results[0].Agency, results[3].Agency)
	}
}

func TestEditedSignedOffBundleIsRefused(t *testing.T) {
	q, rec := signedFixture(t)
	data, err := Encode(q, rec, Meta{ExportedAt: at(60, time.UTC), Generator: "test"})
	if err != nil {
		t.Fatal(err)
	}
	four := 4
	tests := []struct {
		name   string
		change func(*payload)
		want   string
	}{
		{"a level", func(p *payload) { p.Responses[0].Level = &four }, "signature of Dana Director is not good"},
		{"an action", func(p *payload) { p.Actions[0].Title = "Leaders' visits, when convenient" }, "is not good"},
		{"a participant's name", func(p *payload) { p.Participants[0].Name = "Alexandra Chair" }, "is not good"},
		{"the partnership's name", func(p *payload) { p.Partnership.Name = "Southshire" }, "is not good"},
		{"a signer's name", func(p *payload) { p.SignOffs[1].Name = "Chris Nurse-Smith" }, "signature of Chris Nurse-Smith is not good"},
		{"a signer's role", func(p *payload) { p.SignOffs[2].Role = "Chief Constable" }, "signature of Chief Superintendent Lee is not good"},
		{"the status", func(p *payload) { p.Assessment.Status = "agreed" }, `claims the status "agreed"`},
		{"a signature", func(p *payload) {
			lines := strings.Split(p.SignOffs[0].Signature, "\n")
			lines[3] = strings.Repeat("A", len(lines[3])-2) + "=="
			p.SignOffs[0].Signature = strings.Join(lines, "\n")
		}, "signature of Dana Director is not good"},
		{"a signature swapped for another signer's", func(p *payload) { p.SignOffs[0].Signature = p.SignOffs[1].Signature }, "Dana Director is not good"},
		{"a public key swapped", func(p *payload) {
			p.SignOffs[0].PublicKey, p.SignOffs[0].KeyFingerprint = p.SignOffs[1].PublicKey, p.SignOffs[1].KeyFingerprint
		}, "Dana Director is not good"},
		{"the embedded question set", func(p *payload) {
			y := strings.Replace(p.Questionnaire.YAML, "Work has started.", "Work has nearly finished.", 1)
			if y == p.Questionnaire.YAML {
				t.Fatal("question set edit changed nothing")
			}
			qq, err := questionnaire.Parse("edited", []byte(y))
			if err != nil {
				t.Fatal(err)
			}
			p.Questionnaire.YAML, p.Questionnaire.SHA256 = y, qq.SHA256()
		}, "is not good"},
		{"a sign-off removed", func(p *payload) { p.SignOffs = p.SignOffs[:3] }, "no good signature from the independent scrutineer, Jo Scrutineer"},
		{"every sign-off removed", func(p *payload) { p.SignOffs = []signOffJSON{} }, "claims to be signed off but has no good signature from the local authority's lead, the integrated care board's lead, the police's lead"},
		{"signatures stripped", func(p *payload) {
			for i := range p.SignOffs {
				p.SignOffs[i].Signature, p.SignOffs[i].PublicKey, p.SignOffs[i].KeyFingerprint = "", "", ""
			}
		}, "claims to be signed off but has no good signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := resealed(t, data, tt.change)
			_, _, err := Decode("edited.json", edited)
			if err == nil {
				t.Fatal("an edited signed-off bundle with a recomputed sha256 was accepted")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestContentHashIgnoresSigningProgress(t *testing.T) {
	q, rec := signedFixture(t)
	before, err := ContentHash(q, rec)
	if err != nil {
		t.Fatal(err)
	}
	later := rec
	later.Assessment.Status, later.Assessment.UpdatedAt = assessment.Agreed, at(99, time.UTC)
	later.SignOffs = nil
	later.Partnership.UpdatedAt = at(98, time.UTC)
	if after, _ := ContentHash(q, later); after != before {
		t.Error("content hash changed with the status, sign-offs or the partnership's timestamps")
	}
	// Another database may know the partnership and its agencies by other
	// ids: an import matches them by name.
	moved := later
	moved.Partnership.ID, moved.Assessment.PartnershipID = "elsewhere", "elsewhere"
	moved.Partnership.Agencies = append([]assessment.Agency(nil), rec.Partnership.Agencies...)
	moved.Participants = append([]assessment.Participant(nil), rec.Participants...)
	for i := range moved.Partnership.Agencies {
		moved.Partnership.Agencies[i].ID = "local-" + moved.Partnership.Agencies[i].ID
	}
	for i := range moved.Participants {
		if moved.Participants[i].AgencyID == icbID {
			moved.Participants[i].AgencyID = "local-" + icbID
		}
	}
	moved.Actions = append([]assessment.Action(nil), rec.Actions...)
	moved.Actions[0].OwnerAgencyID = "local-" + laID
	if after, _ := ContentHash(q, moved); after != before {
		t.Error("content hash changed with the partnership's and agencies' ids")
	}
	moved.Participants[1].AgencyID = "local-" + policeID
	if after, _ := ContentHash(q, moved); after == before {
		t.Error("content hash did not change when a participant's agency did")
	}
	later.Responses = append([]assessment.Response(nil), rec.Responses...)
	later.Responses[0].Evidence += " More."
	if after, _ := ContentHash(q, later); after == before {
		t.Error("content hash did not change with a response's evidence")
	}
}

func TestCheckSignOffsRefusesAStaleSignature(t *testing.T) {
	q, rec := signedFixture(t)
	if err := CheckSignOffs(q, rec); err != nil {
		t.Fatalf("CheckSignOffs of good signatures = %v", err)
	}
	rec.Responses[0].Rationale = "Changed after signing."
	err := CheckSignOffs(q, rec)
	if err == nil || !strings.Contains(err.Error(), "sign-off by Dana Director cannot be accepted") {
		t.Errorf("CheckSignOffs after a change = %v; want the first signer refused", err)
	}
}
