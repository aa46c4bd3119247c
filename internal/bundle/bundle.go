// Package bundle reads and writes the app's interchange file: one assessment
// with everything under it, its partnership, and the exact question set it
// was answered against, as a single JSON document.
//
// A bundle looks like this (lists shortened):
//
//	{
//	  "format": "partnership-maturity-bundle",
//	  "version": 1,
//	  "exported_at": "2026-03-01T10:00:00Z",
//	  "generator": "Partnership Maturity 1.0.0",
//	  "sha256": "<64 hex digits>",
//	  "payload": {
//	    "questionnaire": {"id": …, "version": …, "sha256": …, "yaml": "<the YAML text>"},
//	    "partnership": {"id", "name", "area", "created_at", "updated_at", "agencies": […]},
//	    "assessment": {…},
//	    "participants": […], "responses": […], "evidence_refs": […], "votes": […],
//	    "scrutiny": […], "actions": [{…, "updates": […]}], "signoffs": […]
//	  }
//	}
//
// Field names are snake_case. Timestamps (created_at, updated_at, signed_at,
// an action update's "on") are RFC 3339 in UTC with as many fraction digits
// as needed; an action's due date is a calendar date, "YYYY-MM-DD". A level,
// target or vote that is not assessed is null, never 0; so is an absent due
// date, confidence or optional reference (previous_id, a participant's or
// sign-off's agency_id, an action's question_id, owner_agency_id and
// carried_from_id). Lists are always present, [] when empty. An action's
// "ref" ("A-01") is written when it has one; a bundle without refs gets them
// on import. Schema holds the JSON Schema.
//
// The checksum: "sha256" is the lower-case hex SHA-256 of the canonical
// encoding of "payload": the payload struct as Go's encoding/json writes it
// compactly (json.Marshal) except that "<", ">" and "&" are not escaped, so
// the embedded YAML stays readable. That is: no insignificant white space,
// fields in the order of the schema, UTF-8 text, and within strings only
// '"', '\\', control characters, U+2028 and U+2029 escaped. For a file this
// package wrote, it is exactly the "payload" value with its white space
// removed. Because "exported_at" and "generator" sit outside the payload,
// exporting an imported bundle again gives the same payload and checksum.
//
// Decode checks a bundle completely (JSON syntax, format, version, unknown
// fields, checksum, the embedded question set, every reference and every
// signature) before it returns anything, so an import can be all-or-nothing.
// The checksum proves the file is whole; the signatures (signatures.go)
// prove who signed it off: a bundle whose content no longer matches a
// signature, or that claims to be signed off without the good signatures of
// the three statutory leads and any scrutineer who took part, is refused. Encode applies the
// same record checks, so every file it writes can be read back.
package bundle

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Format is the value of every bundle's "format" field.
const Format = "partnership-maturity-bundle"

// Version is the bundle layout version this package writes and the newest it
// reads.
const Version = 1

// Schema is the JSON Schema (draft 2020-12) of a version 1 bundle.
//
//go:embed bundle.schema.json
var Schema []byte

// Meta describes one export. It is written outside the payload, so it does
// not change the checksum.
type Meta struct {
	// ExportedAt is when the bundle was written; it is stored in UTC.
	ExportedAt time.Time
	// Generator names the program that wrote the bundle, with its version,
	// such as "Partnership Maturity 1.2.0".
	Generator string
}

// Encode writes rec, answered against question set q, as an indented JSON
// bundle ending in a newline. q must carry its YAML text in Raw. A record
// that Decode would refuse (a dangling reference, a level off the scale, a
// duplicate id, …) is refused with a Problems error listing every problem.
// Encoding the same inputs always gives the same bytes.
func Encode(q *questionnaire.Questionnaire, rec assessment.Record, meta Meta) ([]byte, error) {
	if q == nil {
		return nil, errors.New("bundle: no question set given to export against")
	}
	c := &collector{name: "export"}
	if len(q.Raw) == 0 {
		c.addf("question set %q has no YAML text to embed", q.ID)
	}
	if meta.ExportedAt.IsZero() {
		c.addf("no export time given")
	}
	checkRecord(c, q, rec)
	if err := c.err(); err != nil {
		return nil, err
	}
	return seal(toWire(q, rec), meta)
}

// seal computes the payload's checksum and writes the whole bundle.
func seal(p payload, meta Meta) ([]byte, error) {
	sum, err := checksum(p)
	if err != nil {
		return nil, err
	}
	f := file{
		Format:     Format,
		Version:    Version,
		ExportedAt: timestampToWire(meta.ExportedAt),
		Generator:  meta.Generator,
		SHA256:     sum,
		Payload:    p,
	}
	return marshal(f, "  ")
}

// checksum returns the hex SHA-256 of the payload's canonical encoding (see
// the package comment).
func checksum(p payload) (string, error) {
	canonical, err := marshal(p, "")
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(bytes.TrimSuffix(canonical, []byte("\n")))
	return hex.EncodeToString(sum[:]), nil
}

// marshal writes v as JSON without escaping "<", ">" and "&", indented by
// indent ("" for compact), ending in a newline.
func marshal(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Decode reads and checks the bundle in data; name is the file name used in
// messages. It returns the embedded question set (parsed and validated, with
// its exact YAML text in Raw) and the record, with every time in UTC and
// every list non-nil, as the store loads records. If anything is wrong it
// returns nothing but a Problems error holding one message per problem, each
// starting with name.
func Decode(name string, data []byte) (*questionnaire.Questionnaire, assessment.Record, error) {
	_, q, rec, err := readBundle(name, data)
	if err != nil {
		return nil, assessment.Record{}, err
	}
	c := &collector{name: name}
	checkSignaturePolicy(c, q, rec)
	if err := c.err(); err != nil {
		return nil, assessment.Record{}, err
	}
	return q, rec, nil
}

// readBundle reads and checks everything in a bundle but its signatures.
func readBundle(name string, data []byte) (file, *questionnaire.Questionnaire, assessment.Record, error) {
	c := &collector{name: name}
	f, ok := readFile(c, data)
	if !ok {
		return file{}, nil, assessment.Record{}, c.err()
	}
	verifyChecksum(c, f)
	q := readQuestionnaire(c, f.Payload.Questionnaire)
	r := &reader{c: c}
	rec := r.record(f.Payload)
	checkRecord(c, q, rec)
	checkText(c, rec)
	return f, q, rec, c.err()
}
