package bundle

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// The signed content: signatures cover the SHA-256 of the canonical payload
// (as the checksum is computed) with the parts that change as an assessment
// is signed off, or that another database may hold differently, left out
// or made neutral: the sign-offs themselves, the assessment's status and
// updated_at, the partnership's id, area and timestamps (it is known by
// its name), agencies named by name
// rather than id (an import matches a partnership and its agencies by
// name), only the agencies the assessment names (a participant's or an
// action owner's), and every list sorted by id (responses by question), so
// the order a database reads rows in does not matter. Everything else, the
// embedded question set included, is covered.

// ContentHash returns the hex SHA-256 that the signatures on rec, answered
// against q, cover.
func ContentHash(q *questionnaire.Questionnaire, rec assessment.Record) (string, error) {
	return contentHash(toWire(q, rec))
}

// contentHash computes the signed content's hash of a payload.
func contentHash(p payload) (string, error) {
	names := map[string]string{}
	for _, a := range p.Partnership.Agencies {
		names[a.ID] = a.Name
	}
	named := map[string]bool{}
	byName := func(id *string) *string {
		if id == nil {
			return nil
		}
		name := cmp.Or(names[*id], *id)
		named[name] = true
		return &name
	}
	p.Participants = sortedBy(p.Participants, func(x participantJSON) string { return x.ID })
	for i := range p.Participants {
		p.Participants[i].AgencyID = byName(p.Participants[i].AgencyID)
	}
	p.Actions = sortedBy(p.Actions, func(x actionJSON) string { return x.ID })
	for i := range p.Actions {
		p.Actions[i].OwnerAgencyID = byName(p.Actions[i].OwnerAgencyID)
		p.Actions[i].Updates = sortedBy(p.Actions[i].Updates, func(x actionUpdateJSON) string { return x.ID })
	}
	agencies := []agencyJSON{}
	for _, a := range p.Partnership.Agencies {
		if named[a.Name] {
			agencies = append(agencies, agencyJSON{Name: a.Name, Kind: a.Kind})
		}
	}
	p.Partnership.Agencies = sortedBy(agencies, func(a agencyJSON) string { return a.Name })
	p.Partnership.ID, p.Partnership.Area, p.Partnership.CreatedAt, p.Partnership.UpdatedAt = "", "", "", ""
	p.Assessment.PartnershipID, p.Assessment.Status, p.Assessment.UpdatedAt = "", "", ""
	p.SignOffs = []signOffJSON{}
	p.Responses = sortedBy(p.Responses, func(x responseJSON) string { return x.QuestionID })
	p.EvidenceRefs = sortedBy(p.EvidenceRefs, func(x evidenceRefJSON) string { return x.ID })
	p.Votes = sortedBy(p.Votes, func(x voteJSON) string { return x.ID })
	p.Scrutiny = sortedBy(p.Scrutiny, func(x scrutinyJSON) string { return x.ID })
	p.Challenges = sortedBy(p.Challenges, func(x challengeJSON) string { return x.ID })
	p.Judgements = sortedBy(p.Judgements, func(x themeJudgementJSON) string { return x.ID })
	return checksum(p)
}

// sortedBy returns a sorted copy of list, ordered by key: the signed
// content does not depend on the order a database reads rows in.
func sortedBy[T any](list []T, key func(T) string) []T {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b T) int { return strings.Compare(key(a), key(b)) })
	return out
}

// Statement returns what the signature of so on rec covers, given the
// content hash of rec.
func Statement(rec assessment.Record, so assessment.SignOff, content string) signing.Statement {
	return signing.Statement{
		ContentSHA256: content, AssessmentID: rec.Assessment.ID, Name: so.Name,
		Agency: agencyName(rec.Partnership, so.AgencyID), Role: so.Role, SignedAt: so.SignedAt,
	}
}

// agencyName returns the name of the partnership's agency id, or "".
func agencyName(p assessment.Partnership, id string) string {
	for _, a := range p.Agencies {
		if a.ID == id {
			return a.Name
		}
	}
	return ""
}

// SignOff signs rec off with key as name, for the agency agencyID ("" for
// an independent scrutineer) in role, at the sign-off's SignedAt (which
// must be set), and returns the sign-off carrying the signature, the
// public key and its fingerprint. untrusted is the signature's untrusted
// comment (signing.DemoComment for demo keys).
func SignOff(q *questionnaire.Questionnaire, rec assessment.Record, key *signing.PrivateKey, so assessment.SignOff, untrusted string) (assessment.SignOff, error) {
	if so.SignedAt.IsZero() {
		return so, errors.New("a sign-off needs the time it was signed")
	}
	content, err := ContentHash(q, rec)
	if err != nil {
		return so, err
	}
	so.SignedAt = so.SignedAt.UTC()
	so.AssessmentID = rec.Assessment.ID
	sig, err := key.Sign(Statement(rec, so, content), untrusted)
	if err != nil {
		return so, err
	}
	so.Signature, so.PublicKey, so.KeyFingerprint = sig, key.String(), key.Fingerprint()
	return so, nil
}

// SignatureResult is one sign-off with its signature checked.
type SignatureResult struct {
	SignOff assessment.SignOff
	// Agency is the name of the agency signed for, or "" for a scrutineer.
	Agency string
	// Fingerprint is computed from the public key, not taken on trust.
	Fingerprint string
	// Good is true when the signature is the key's over the content and
	// the signer's details.
	Good bool
	// Demo is true when a demo key made the signature.
	Demo bool
	// Problem says why it is not good, in words.
	Problem string
}

// CheckSignatures checks every sign-off's signature on rec, answered
// against q, and returns the content hash they should cover with a result
// per sign-off, in order.
func CheckSignatures(q *questionnaire.Questionnaire, rec assessment.Record) (string, []SignatureResult, error) {
	content, err := ContentHash(q, rec)
	if err != nil {
		return "", nil, err
	}
	results := make([]SignatureResult, 0, len(rec.SignOffs))
	for _, so := range rec.SignOffs {
		results = append(results, checkSignOff(rec, so, content))
	}
	return content, results, nil
}

// checkSignOff checks one sign-off's signature against the content hash.
func checkSignOff(rec assessment.Record, so assessment.SignOff, content string) SignatureResult {
	res := SignatureResult{SignOff: so, Agency: agencyName(rec.Partnership, so.AgencyID)}
	if so.Signature == "" {
		res.Problem = "not signed"
		return res
	}
	key, err := signing.ParsePublicKey(so.PublicKey)
	if err != nil {
		res.Problem = "its public key is not a key"
		return res
	}
	res.Fingerprint = key.Fingerprint()
	if sig, err := signing.ParseSignature(so.Signature); err == nil {
		res.Demo = sig.IsDemo()
	}
	switch err := signing.Verify(key, Statement(rec, so, content), so.Signature); {
	case so.KeyFingerprint != "" && so.KeyFingerprint != res.Fingerprint:
		res.Problem = "its key fingerprint does not match its public key"
	case errors.Is(err, signing.ErrBadSignature):
		res.Problem = "the signature does not match the content and the signer's details"
	case err != nil:
		res.Problem = "the signature cannot be read"
	default:
		res.Good = true
	}
	return res
}

// goodSignOffs returns a function that says whether a sign-off's
// signature is among the good results.
func goodSignOffs(results []SignatureResult) func(assessment.SignOff) bool {
	return func(so assessment.SignOff) bool {
		return slices.ContainsFunc(results, func(r SignatureResult) bool { return r.Good && r.SignOff.ID == so.ID })
	}
}

// CheckSignOffs refuses a record whose sign-offs do not all carry good
// signatures over its content; it is the check the store runs before it
// records a new sign-off (store.SignatureCheck).
func CheckSignOffs(q *questionnaire.Questionnaire, rec assessment.Record) error {
	_, results, err := CheckSignatures(q, rec)
	if err != nil {
		return err
	}
	for _, r := range results {
		if !r.Good {
			return fmt.Errorf("the sign-off by %s cannot be accepted: %s (was the assessment changed after they signed?)", r.SignOff.Name, r.Problem)
		}
	}
	return nil
}

// checkSignaturePolicy refuses, on import, a bundle with a signature that
// does not match, one that claims to be signed off without the good
// signatures it needs, and one that carries a complete signed sign-off but
// claims another status.
func checkSignaturePolicy(c *collector, q *questionnaire.Questionnaire, rec assessment.Record) {
	_, results, err := CheckSignatures(q, rec)
	if err != nil {
		c.addf("cannot check the signatures: %v", err)
		return
	}
	for _, r := range results {
		if r.SignOff.Signature != "" && !r.Good {
			c.addf("the signature of %s is not good: %s; the bundle was changed after it was signed", r.SignOff.Name, r.Problem)
		}
	}
	missing := assessment.MissingSignOffs(rec, goodSignOffs(results))
	status := rec.Assessment.Status
	switch {
	case status == assessment.SignedOff && len(missing) > 0:
		c.addf("claims to be signed off but has no good signature from %s", strings.Join(missing, ", "))
	case status != assessment.SignedOff && len(missing) == 0 && len(rec.SignOffs) > 0:
		c.addf("carries every signature of a completed sign-off but claims the status %q: the status was changed after it was signed off", status)
	}
}

// Report is what verifying a bundle found: what it is, its fingerprint,
// and each signature checked.
type Report struct {
	Questionnaire *questionnaire.Questionnaire
	Record        assessment.Record
	// SHA256 is the bundle's checksum of its payload (its fingerprint), and
	// ContentSHA256 the hash its signatures cover.
	SHA256        string
	ContentSHA256 string
	Signatures    []SignatureResult
	// Missing lists whose good signature a signed-off assessment lacks.
	Missing []string
}

// Good reports whether every signature is good and, when the bundle claims
// to be signed off, none is missing.
func (r Report) Good() bool {
	for _, s := range r.Signatures {
		if !s.Good {
			return false
		}
	}
	return r.Record.Assessment.Status != assessment.SignedOff || len(r.Missing) == 0
}

// Verify reads a bundle as Decode does, except that a signature problem is
// reported in the Report rather than refused, so that it can be shown.
// The error holds every other problem (a changed checksum, a broken file).
func Verify(name string, data []byte) (Report, error) {
	_, q, rec, err := readBundle(name, data)
	if err != nil {
		return Report{}, err
	}
	return Inspect(q, rec)
}

// Inspect checks the signatures of rec, answered against q, as Verify
// does a bundle's: for a record read from the database.
func Inspect(q *questionnaire.Questionnaire, rec assessment.Record) (Report, error) {
	content, results, err := CheckSignatures(q, rec)
	if err != nil {
		return Report{}, err
	}
	sum, err := Checksum(q, rec)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Questionnaire: q, Record: rec, SHA256: sum, ContentSHA256: content, Signatures: results}
	if rec.Assessment.Status == assessment.SignedOff {
		rep.Missing = assessment.MissingSignOffs(rec, goodSignOffs(results))
	}
	return rep, nil
}

// Checksum returns the "sha256" a bundle of rec, answered against q, would
// carry: the fingerprint of its payload, the same in every export while
// the assessment is unchanged.
func Checksum(q *questionnaire.Questionnaire, rec assessment.Record) (string, error) {
	return checksum(toWire(q, rec))
}
