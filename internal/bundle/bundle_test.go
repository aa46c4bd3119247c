package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

func TestRoundTrip(t *testing.T) {
	q := fixtureQuestionnaire(t)
	bst := time.FixedZone("BST", 3600)
	tests := []struct {
		name string
		rec  assessment.Record
		want assessment.Record
	}{
		{"full record in UTC", fixtureRecord(time.UTC), fixtureRecord(time.UTC)},
		{"full record with local times comes back in UTC", fixtureRecord(bst), fixtureRecord(time.UTC)},
		{"fresh assessment with empty lists", minimalRecord(), minimalRecord()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Encode(q, tt.rec, fixtureMeta)
			if err != nil {
				t.Fatalf("Encode: %v", err)
			}
			gotQ, got, err := Decode("round.json", data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if gotQ.ID != q.ID || gotQ.Version != q.Version || !bytes.Equal(gotQ.Raw, q.Raw) {
				t.Errorf("question set: got %q %q (%d bytes); want %q %q (%d bytes, exact)",
					gotQ.ID, gotQ.Version, len(gotQ.Raw), q.ID, q.Version, len(q.Raw))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("record differs after a round trip:\n%s", firstDifference(t, got, tt.want))
			}
		})
	}
}

// firstDifference shows the first line where got and want differ, as JSON.
func firstDifference(tb testing.TB, got, want any) string {
	tb.Helper()
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			return fmt.Sprintf("line %d: got %s; want %s", i+1, gl[i], wl[i])
		}
	}
	return fmt.Sprintf("got %d lines; want %d (or a time's location differs)", len(gl), len(wl))
}

func TestRoundTripShippedQuestionSet(t *testing.T) {
	raw, err := questionnaires.Files.ReadFile(questionnaires.Default)
	if err != nil {
		t.Fatal(err)
	}
	q, err := questionnaire.Parse(questionnaires.Default, raw)
	if err != nil {
		t.Fatalf("shipped question set: %v", err)
	}
	rec := minimalRecord()
	rec.Assessment.QuestionnaireID, rec.Assessment.QuestionnaireVersion = q.ID, q.Version
	qu := q.Themes[0].Questions[0]
	rec.Responses = []assessment.Response{{AssessmentID: assessmentID, QuestionID: qu.ID, Level: q.MaxLevel(), CreatedAt: at(2, time.UTC), UpdatedAt: at(2, time.UTC)}}
	data, err := Encode(q, rec, fixtureMeta)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	gotQ, got, err := Decode("shipped.json", data)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !bytes.Equal(gotQ.Raw, raw) || !reflect.DeepEqual(got, rec) {
		t.Errorf("shipped question set or record changed in a round trip")
	}
}

func TestEncodeIsDeterministic(t *testing.T) {
	q := fixtureQuestionnaire(t)
	first, err := Encode(q, fixtureRecord(time.UTC), fixtureMeta)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Encode(q, fixtureRecord(time.UTC), fixtureMeta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("encoding the same record twice gave different bytes")
	}
	local, err := Encode(q, fixtureRecord(time.FixedZone("X", -5*3600)), fixtureMeta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, local) {
		t.Error("the same instants in another time zone gave different bytes; want UTC in the file")
	}
}

func TestReexportKeepsPayloadAndChecksum(t *testing.T) {
	first := encodeFixture(t)
	q, rec, err := Decode("first.json", first)
	if err != nil {
		t.Fatal(err)
	}
	later := Meta{ExportedAt: fixtureMeta.ExportedAt.Add(48 * time.Hour), Generator: "Partnership Maturity 9.9"}
	again, err := Encode(q, rec, later)
	if err != nil {
		t.Fatal(err)
	}
	a, b := envelopeOf(t, first), envelopeOf(t, again)
	if a.SHA256 != b.SHA256 || !bytes.Equal(a.Payload, b.Payload) {
		t.Errorf("export → import → export changed the payload or checksum: %s vs %s", a.SHA256, b.SHA256)
	}
	if a.ExportedAt == b.ExportedAt {
		t.Errorf("exported_at did not change (%s), so the test proves nothing", a.ExportedAt)
	}
}

// envelope is a bundle with its payload left as raw JSON.
type envelope struct {
	ExportedAt string          `json:"exported_at"`
	SHA256     string          `json:"sha256"`
	Payload    json.RawMessage `json:"payload"`
}

func envelopeOf(tb testing.TB, data []byte) envelope {
	tb.Helper()
	var e envelope
	if err := json.Unmarshal(data, &e); err != nil {
		tb.Fatal(err)
	}
	return e
}

func TestChecksumIsOverCompactPayload(t *testing.T) {
	data := encodeFixture(t)
	e := envelopeOf(t, data)
	var compact bytes.Buffer
	if err := json.Compact(&compact, e.Payload); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(compact.Bytes())
	if got, want := e.SHA256, hex.EncodeToString(sum[:]); got != want {
		t.Errorf("sha256 = %s; want %s, the SHA-256 of the payload with white space removed", got, want)
	}
	for _, text := range []string{`guidance_note: >-`, `Audit <2024> found 12 of 20 cases “good” & £3k spent.\nSecond line.`} {
		if !bytes.Contains(data, []byte(text)) {
			t.Errorf("bundle does not hold %s as written (escaped?)", text)
		}
	}
}

func TestEncodeLayout(t *testing.T) {
	q := fixtureQuestionnaire(t)
	data := encodeFixture(t)
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	p := obj(doc, "payload")
	tests := []struct {
		what string
		got  any
		want any
	}{
		{"format", doc["format"], Format},
		{"version", doc["version"], float64(Version)},
		{"exported_at", doc["exported_at"], "2026-03-01T10:00:00.123456789Z"},
		{"generator", doc["generator"], fixtureMeta.Generator},
		{"questionnaire id", obj(p, "questionnaire")["id"], "test-set"},
		{"questionnaire yaml", obj(p, "questionnaire")["yaml"], string(q.Raw)},
		{"questionnaire sha256", obj(p, "questionnaire")["sha256"], q.SHA256()},
		{"partnership created_at", obj(p, "partnership")["created_at"], "2025-04-01T09:00:00.000000007Z"},
		{"agency kind", list(obj(p, "partnership"), "agencies", 1)["kind"], "integrated care board"},
		{"period", obj(p, "assessment")["period"], "2025/26"},
		{"level", list(p, "responses", 0)["level"], float64(3)},
		{"level not assessed", list(p, "responses", 1)["level"], nil},
		{"target not set", list(p, "responses", 2)["target"], nil},
		{"confidence not said", list(p, "responses", 1)["confidence"], nil},
		{"participant without agency", list(p, "participants", 0)["agency_id"], nil},
		{"scrutiny level not given", list(p, "scrutiny", 1)["level"], nil},
		{"due date", list(p, "actions", 0)["due"], "2025-09-30"},
		{"no due date", list(p, "actions", 1)["due"], nil},
		{"theme action's question", list(p, "actions", 1)["question_id"], nil},
		{"update time", list(list(p, "actions", 0), "updates", 1)["on"], "2025-04-02T03:00:00.018018007Z"},
		{"vote not yet rated", list(p, "votes", 2)["level"], nil},
		{"sign-off for no agency", list(p, "signoffs", 1)["agency_id"], nil},
		{"no updates", list(p, "actions", 1)["updates"], []any{}},
		{"signed_at", list(p, "signoffs", 0)["signed_at"], "2025-04-02T15:00:00.030030007Z"},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %#v; want %#v", tt.what, tt.got, tt.want)
		}
	}
	for _, key := range []string{"level", "target"} {
		if _, ok := list(p, "responses", 1)[key]; !ok {
			t.Errorf("responses[1] has no %q key; want it present as null", key)
		}
	}
}

func TestEmptyListsAreWrittenAsEmpty(t *testing.T) {
	data, err := Encode(fixtureQuestionnaire(t), minimalRecord(), fixtureMeta)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"agencies", "participants", "responses", "evidence_refs", "votes", "scrutiny", "actions", "signoffs"} {
		if want := fmt.Sprintf("%q: []", key); !bytes.Contains(data, []byte(want)) {
			t.Errorf("bundle lacks %s", want)
		}
	}
	if bytes.Contains(data, []byte(": 0")) {
		t.Error("bundle holds a 0 value; a missing level must be null")
	}
}

func TestDecodeDetectsTampering(t *testing.T) {
	data := encodeFixture(t)
	tests := []struct {
		name string
		old  string
		new  string
	}{
		{"one character of evidence text", "12 of 20 cases", "13 of 20 cases"},
		{"a level", `"level": 3`, `"level": 4`},
		{"a status", `"status": "in progress"`, `"status": "complete"`},
		{"the checksum itself", `"sha256": "` + envelopeOf(t, data).SHA256[:4], `"sha256": "0000`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Count(data, []byte(tt.old)) != 1 {
				t.Fatalf("fixture holds %q %d times; want once", tt.old, bytes.Count(data, []byte(tt.old)))
			}
			changed := bytes.Replace(data, []byte(tt.old), []byte(tt.new), 1)
			q, rec, err := Decode("changed.json", changed)
			ps := problemsOf(t, "changed.json", err)
			if len(ps) != 1 || !strings.Contains(ps[0], "has been changed since it was exported") {
				t.Errorf("problems = %q; want just the tampering one", ps)
			}
			if q != nil || !reflect.DeepEqual(rec, assessment.Record{}) {
				t.Error("Decode returned data from a tampered bundle")
			}
		})
	}
}

func TestDecodeTruncated(t *testing.T) {
	data := encodeFixture(t)
	for _, cut := range []int{1, 2, 40, len(data) / 3, len(data) / 2, len(data) - 2} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			q, _, err := Decode("cut.json", data[:cut])
			ps := problemsOf(t, "cut.json", err)
			if len(ps) != 1 || !strings.Contains(ps[0], "the file is truncated") {
				t.Errorf("problems = %q; want one saying the file is truncated", ps)
			}
			if want := fmt.Sprintf("ends after %d bytes", cut); !strings.Contains(ps[0], want) {
				t.Errorf("problem %q does not say where (%s)", ps[0], want)
			}
			if q != nil {
				t.Error("Decode returned a question set from a truncated file")
			}
		})
	}
	_, _, err := Decode("empty.json", nil)
	if ps := problemsOf(t, "empty.json", err); len(ps) != 1 || !strings.Contains(ps[0], "the file is empty") {
		t.Errorf("empty file: problems = %q; want one saying it is empty", ps)
	}
}

func TestDecodeEnvelopeProblems(t *testing.T) {
	good := encodeFixture(t)
	set := func(path []string, key string, v any) func(map[string]any) {
		return func(doc map[string]any) { obj(doc, path...)[key] = v }
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"YAML, not JSON", []byte("format: partnership-maturity-questionnaire\n"), "bad.json:1:2: not valid JSON: invalid character 'o' in literal false"},
		{"bad value on line 2", []byte("{\n  \"format\": oops\n}\n"), "bad.json:2:13: not valid JSON: invalid character 'o' looking for beginning of value (byte offset 14)"},
		{"a JSON list", []byte("[]"), "is not a partnership maturity bundle: it holds a JSON list"},
		{"trailing data", append(bytes.Clone(good), "{}"...), "not valid JSON"},
		{"wrong format", edited(t, good, set(nil, "format", "partnership-maturity-questionnaire")), `its format is "partnership-maturity-questionnaire", want "partnership-maturity-bundle"`},
		{"no format", edited(t, good, func(d map[string]any) { delete(d, "format") }), `has no "format" field`},
		{"version 2", edited(t, good, set(nil, "version", 2)), "was made by a newer version of the app (bundle version 2"},
		{"version 2 with fields this app does not know", edited(t, good, func(d map[string]any) { d["version"] = 2; d["signature"] = "x" }), "made by a newer version of the app"},
		{"version 0", edited(t, good, set(nil, "version", 0)), "version 0 is not a bundle version"},
		{"version as a string", edited(t, good, set(nil, "version", "1")), `has no bundle version: "version" must be a whole number, found "1"`},
		{"unknown top-level field", edited(t, good, set(nil, "comment", "hi")), `bad.json: unknown field "comment"`},
		{"unknown nested field", edited(t, good, func(d map[string]any) { list(obj(d, "payload"), "votes", 1)["levle"] = 3 }), `payload.votes[1]: unknown field "levle"`},
		{"field in the wrong case", edited(t, good, func(d map[string]any) { obj(d, "payload", "assessment")["Period"] = "2025/26" }), `payload.assessment: unknown field "Period"`},
		{"wrong type", edited(t, good, func(d map[string]any) { list(obj(d, "payload"), "responses", 0)["level"] = "three" }), "payload.responses.level must be a whole number, found a JSON string"},
		{"no payload", edited(t, good, func(d map[string]any) { delete(d, "payload") }), `has no payload`},
		{"null payload", edited(t, good, set(nil, "payload", nil)), `has no payload`},
		{"no checksum", edited(t, good, func(d map[string]any) { delete(d, "sha256") }), "has no sha256 checksum"},
		{"malformed checksum", edited(t, good, set(nil, "sha256", "ABC")), `sha256 "ABC" is not a checksum`},
		{"bad exported_at", edited(t, good, set(nil, "exported_at", "yesterday")), `exported_at "yesterday" is not a timestamp`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, _, err := Decode("bad.json", tt.data)
			ps := problemsOf(t, "bad.json", err)
			if !containsProblem(ps, tt.want) {
				t.Errorf("problems = %q; want one containing %q", ps, tt.want)
			}
			if len(ps) != 1 {
				t.Errorf("got %d problems %q; want exactly one", len(ps), ps)
			}
			if q != nil {
				t.Error("Decode returned a question set despite problems")
			}
		})
	}
}

func TestDecodeChecksContent(t *testing.T) {
	setVote := func(i int, f func(v *voteJSON)) func(*payload) { return func(p *payload) { f(&p.Votes[i]) } }
	setResponse := func(i int, f func(r *responseJSON)) func(*payload) { return func(p *payload) { f(&p.Responses[i]) } }
	setAction := func(i int, f func(a *actionJSON)) func(*payload) { return func(p *payload) { f(&p.Actions[i]) } }
	tests := []struct {
		name   string
		change func(p *payload)
		want   string
	}{
		// The embedded question set.
		{"question set YAML invalid", func(p *payload) {
			p.Questionnaire.YAML = strings.Replace(p.Questionnaire.YAML, "title: \"Test question set\"", "title: \"Test question set\"\ncolour: blue", 1)
		}, "bad.json#questionnaire:"},
		{"question set id disagrees", func(p *payload) { p.Questionnaire.ID = "other-set" }, `payload.questionnaire names question set "other-set" version "2.1", but its YAML is "test-set" version "2.1"`},
		{"question set sha256 disagrees", func(p *payload) { p.Questionnaire.SHA256 = strings.Repeat("0", 64) }, "payload.questionnaire.sha256 does not match its YAML text"},
		{"assessment answered against another version", func(p *payload) { p.Assessment.QuestionnaireVersion = "3.0" }, `answered against question set "test-set" version "3.0", but the question set given is "test-set" version "2.1"`},
		// The partnership and assessment.
		{"agency of another partnership", func(p *payload) { p.Partnership.Agencies[0].PartnershipID = "other" }, `agency "` + laID + `": partnership_id "other" is not the partnership`},
		{"unknown agency kind", func(p *payload) { p.Partnership.Agencies[2].Kind = "fire service" }, `kind "fire service" is not one of "local authority", "integrated care board", "police", "relevant agency"`},
		{"duplicate participant id", func(p *payload) { p.Participants = append(p.Participants, p.Participants[0]) }, `participant "` + chairID + `" appears twice (duplicate id)`},
		{"assessment of another partnership", func(p *payload) { p.Assessment.PartnershipID = "other" }, `assessment: partnership_id "other" is not the partnership`},
		{"period with a dash", func(p *payload) { p.Assessment.Period = "2025-26" }, `period "2025-26" is not a financial year such as "2025/26"`},
		{"period of two years", func(p *payload) { p.Assessment.Period = "2025/27" }, `period "2025/27" is not a financial year`},
		{"unknown status", func(p *payload) { p.Assessment.Status = "finished" }, `assessment: status "finished" is not one of "draft", "workshop", "agreed", "signed off"`},
		{"bad id", func(p *payload) { p.EvidenceRefs[0].ID = "has space" }, `evidence reference "has space": id "has space" is not a valid id`},
		{"previous id empty string", func(p *payload) { p.Assessment.PreviousID = ptr("") }, "assessment: previous_id is empty: write null when there is none"},
		{"bad timestamp", func(p *payload) { p.Assessment.CreatedAt = "1 April 2025" }, `assessment: created_at "1 April 2025" is not a timestamp`},
		// Participants.
		{"participant agency not in partnership", func(p *payload) { p.Participants[1].AgencyID = ptr("nowhere") }, `participant "` + nurseID + `": agency_id "nowhere" is not an agency of the partnership`},
		{"participant of another assessment", func(p *payload) { p.Participants[0].AssessmentID = previousID }, `participant "` + chairID + `": assessment_id "` + previousID + `" is not this bundle's assessment`},
		{"scrutiny without id", func(p *payload) { p.Scrutiny[0].ID = "" }, "scrutiny #1 has no id"},
		// Responses.
		{"response to unknown question", setResponse(0, func(r *responseJSON) { r.QuestionID = "culture.9" }), `response to question "culture.9": question "culture.9" is not in question set "test-set" version "2.1"`},
		{"question answered twice", setResponse(2, func(r *responseJSON) { r.QuestionID = "leadership.2" }), `response to question "leadership.2" appears twice`},
		{"level above the scale", setResponse(0, func(r *responseJSON) { r.Level = ptr(6) }), `response to question "leadership.1": level 6 is not on the scale (1 to 5)`},
		{"level 0 instead of null", setResponse(0, func(r *responseJSON) { r.Level = ptr(0) }), "level is 0, which is not a level: write null when not assessed"},
		{"target off the scale", setResponse(0, func(r *responseJSON) { r.Target = ptr(-1) }), "target -1 is not on the scale"},
		{"unknown confidence", setResponse(0, func(r *responseJSON) { r.Confidence = ptr("certain") }), `confidence "certain" is not one of "low", "medium", "high"`},
		{"response of another assessment", setResponse(1, func(r *responseJSON) { r.AssessmentID = "x" }), `response to question "leadership.2": assessment_id "x" is not this bundle's assessment`},
		// Evidence, votes and scrutiny.
		{"evidence for unknown question", func(p *payload) { p.EvidenceRefs[0].QuestionID = "nope" }, `question "nope" is not in question set`},
		{"vote by a stranger", setVote(0, func(v *voteJSON) { v.ParticipantID = "stranger" }), `participant_id "stranger" is not a participant of the assessment`},
		{"vote level 0 instead of null", setVote(0, func(v *voteJSON) { v.Level = ptr(0) }), `vote "f6000000-0000-4000-8000-000000000001": level is 0, which is not a level`},
		{"vote off the scale", setVote(1, func(v *voteJSON) { v.Level = ptr(9) }), "level 9 is not on the scale (1 to 5)"},
		{"two votes by one person", setVote(1, func(v *voteJSON) { v.ParticipantID = chairID }), `participant "` + chairID + `" has already voted on question "leadership.1"`},
		{"duplicate vote id", setVote(1, func(v *voteJSON) { v.ID = "f6000000-0000-4000-8000-000000000001" }), "appears twice (duplicate id)"},
		{"vote on unknown question", setVote(1, func(v *voteJSON) { v.QuestionID = "leadership.9" }), `question "leadership.9" is not in question set`},
		{"scrutiny off the scale", func(p *payload) { p.Scrutiny[1].Level = ptr(6) }, "level 6 is not on the scale"},
		{"scrutiny of unknown question", func(p *payload) { p.Scrutiny[0].QuestionID = "x" }, `scrutiny "a7000000-0000-4000-8000-000000000001": question "x" is not in question set`},
		// Actions.
		{"action in unknown theme", setAction(1, func(a *actionJSON) { a.ThemeID = "culture" }), `action "` + themeActionID + `": theme "culture" is not in question set`},
		{"action question in another theme", setAction(0, func(a *actionJSON) { a.QuestionID = ptr("learning.2") }), `question "learning.2" belongs to theme "learning", not "leadership"`},
		{"action owned by unknown agency", setAction(0, func(a *actionJSON) { a.OwnerAgencyID = ptr("fire") }), `owner_agency_id "fire" is not an agency of the partnership`},
		{"unknown action status", setAction(0, func(a *actionJSON) { a.Status = "done" }), `status "done" is not one of "not started", "in progress", "at risk", "complete", "dropped"`},
		{"bad due date", setAction(0, func(a *actionJSON) { a.Due = ptr("30/09/2025") }), `due "30/09/2025" is not a date such as 2025-04-01`},
		{"update of another action", setAction(0, func(a *actionJSON) { a.Updates[1].ActionID = themeActionID }), `update "a8000000-0000-4000-8000-000000000002": action_id "` + themeActionID + `" is not the action it is listed under`},
		{"duplicate update id", setAction(0, func(a *actionJSON) { a.Updates[1].ID = a.Updates[0].ID }), `update "a8000000-0000-4000-8000-000000000001" appears twice`},
		{"action of another assessment", setAction(1, func(a *actionJSON) { a.AssessmentID = previousID }), "is not this bundle's assessment"},
		{"action ref not like A-01", setAction(1, func(a *actionJSON) { a.Ref = "7" }), `action "` + themeActionID + `": action ref "7" is not written like A-01`},
		{"action ref zero", setAction(1, func(a *actionJSON) { a.Ref = "A-00" }), `action ref "A-00" is not written like A-01`},
		{"action ref used twice", setAction(1, func(a *actionJSON) { a.Ref = "A-003" }), `action "` + themeActionID + `": ref A-03 is also another action's`},
		// Sign-offs.
		{"sign-off for unknown agency", func(p *payload) { p.SignOffs[0].AgencyID = ptr("nobody") }, `sign-off "a9000000-0000-4000-8000-000000000001": agency_id "nobody" is not an agency of the partnership`},
		{"sign-off without name", func(p *payload) { p.SignOffs[1].Name = " " }, `sign-off "a9000000-0000-4000-8000-000000000002" has no name`},
		// Names the store requires.
		{"partnership without name", func(p *payload) { p.Partnership.Name = "" }, "partnership has no name"},
		{"agency name used twice", func(p *payload) { p.Partnership.Agencies[2].Name = "northshire council" }, `agency "` + policeID + `": name "northshire council" is used by another agency`},
		{"action without title", setAction(1, func(a *actionJSON) { a.Title = "" }), `action "` + themeActionID + `" has no title`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, rec, err := Decode("bad.json", sealed(t, tt.change))
			ps := problemsOf(t, "bad.json", err)
			if !containsProblem(ps, tt.want) {
				t.Errorf("problems = %q; want one containing %q", ps, tt.want)
			}
			if len(ps) != 1 {
				t.Errorf("got %d problems %q; want exactly one", len(ps), ps)
			}
			if q != nil || !reflect.DeepEqual(rec, assessment.Record{}) {
				t.Error("Decode returned data despite problems")
			}
		})
	}
}

func TestDecodeReportsEveryProblem(t *testing.T) {
	data := sealed(t, func(p *payload) {
		p.Assessment.Period = "last year"
		p.Votes[0].ParticipantID = "stranger"
		p.SignOffs[0].AgencyID = ptr("nobody")
	})
	_, _, err := Decode("three.json", data)
	ps := problemsOf(t, "three.json", err)
	if len(ps) != 3 {
		t.Fatalf("got %d problems %q; want 3, one per problem", len(ps), ps)
	}
	if lines := strings.Split(err.Error(), "\n"); len(lines) != 3 {
		t.Errorf("Error() has %d lines; want one line per problem", len(lines))
	}
}

func TestEncodeRefusesWhatDecodeWouldRefuse(t *testing.T) {
	q := fixtureQuestionnaire(t)
	tests := []struct {
		name   string
		q      *questionnaire.Questionnaire
		change func(r *assessment.Record)
		meta   Meta
		want   string
	}{
		{"vote by a stranger", q, func(r *assessment.Record) { r.Votes[0].ParticipantID = "stranger" }, fixtureMeta, `export: vote "f6000000-0000-4000-8000-000000000001": participant_id "stranger" is not a participant`},
		{"action without title", q, func(r *assessment.Record) { r.Actions[0].Title = "" }, fixtureMeta, "has no title"},
		{"level off the scale", q, func(r *assessment.Record) { r.Responses[0].Level = 6 }, fixtureMeta, "level 6 is not on the scale"},
		{"wrong question set", q, func(r *assessment.Record) { r.Assessment.QuestionnaireID = "other" }, fixtureMeta, `answered against question set "other"`},
		{"question set without its text", &questionnaire.Questionnaire{ID: "test-set", Version: "2.1", Themes: q.Themes, Scale: q.Scale}, func(*assessment.Record) {}, fixtureMeta, `question set "test-set" has no YAML text`},
		{"no export time", q, func(*assessment.Record) {}, Meta{Generator: "x"}, "no export time given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := fixtureRecord(time.UTC)
			tt.change(&rec)
			data, err := Encode(tt.q, rec, tt.meta)
			ps := problemsOf(t, "export", err)
			if !containsProblem(ps, tt.want) || data != nil {
				t.Errorf("problems = %q (%d bytes written); want one containing %q and no bytes", ps, len(data), tt.want)
			}
		})
	}
	if _, err := Encode(nil, fixtureRecord(time.UTC), fixtureMeta); err == nil {
		t.Error("Encode with no question set succeeded")
	}
}

func TestDecodeGivesUTCForOffsetTimestamps(t *testing.T) {
	data := sealed(t, func(p *payload) { p.Assessment.CreatedAt = "2025-04-01T10:30:00.5+01:00" })
	_, rec, err := Decode("offset.json", data)
	if err != nil {
		t.Fatal(err)
	}
	got, want := rec.Assessment.CreatedAt, time.Date(2025, 4, 1, 9, 30, 0, 5e8, time.UTC)
	if got != want { // == on purpose: it compares the location too
		t.Errorf("created_at = %v (%s); want %v in UTC", got, got.Location(), want)
	}
}

// TestActionRefsOnTheWire checks that each action's ref is written as
// "ref": "A-03" and read back, and that a bundle written before refs (no
// "ref" field) still decodes, its actions left for the importer to number.
func TestActionRefsOnTheWire(t *testing.T) {
	data, err := Encode(fixtureQuestionnaire(t), fixtureRecord(time.UTC), fixtureMeta)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"ref":"A-03"`, `"ref":"A-07"`} {
		if !bytes.Contains(bytes.Join(bytes.Fields(data), nil), []byte(want)) {
			t.Errorf("bundle lacks %s", want)
		}
	}
	old := sealed(t, func(p *payload) {
		for i := range p.Actions {
			p.Actions[i].Ref = ""
		}
	})
	if bytes.Contains(old, []byte(`"ref"`)) {
		t.Fatal("a bundle of actions without refs still writes a ref field")
	}
	_, rec, err := Decode("old.json", old)
	if err != nil {
		t.Fatalf("Decode of a bundle without refs: %v", err)
	}
	for _, a := range rec.Actions {
		if a.Ref != 0 {
			t.Errorf("action %s of a bundle without refs has ref %s; want none", a.ID, a.Ref)
		}
	}
}
