package report

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// Verification is what a report carries, in its PDF keywords, so that a
// printed or emailed copy can be checked against the data: the assessment,
// the bundle's data checksum, and each signer's key fingerprint.
type Verification struct {
	AssessmentID string
	// DataSHA256 is the bundle's "sha256": its fingerprint.
	DataSHA256      string
	KeyFingerprints []string
}

// verificationMark starts the verification part of the PDF keywords.
const verificationMark = "partnership-maturity-verify"

// verificationPattern reads the verification part of the PDF keywords.
var verificationPattern = regexp.MustCompile(verificationMark +
	` assessment=([A-Za-z0-9_-]{1,64}) data-sha256=([0-9a-f]{0,64}) keys=([0-9a-f |]*)$`)

// fingerprintPattern is one key fingerprint as package signing prints it.
var fingerprintPattern = regexp.MustCompile(`^[0-9a-f]{4}( [0-9a-f]{4}){7}$`)

// keywords returns the PDF keywords: what the report is about, then the
// verification part.
func (v *view) keywords() string {
	fps := make([]string, 0, len(v.rec.SignOffs))
	for _, so := range v.rec.SignOffs {
		fps = append(fps, so.KeyFingerprint)
	}
	return fmt.Sprintf("safeguarding children partnership; maturity; self-assessment; action plan; %s assessment=%s data-sha256=%s keys=%s",
		verificationMark, v.rec.Assessment.ID, v.DataChecksum, strings.Join(fps, "|"))
}

// ParseVerification reads the verification part of a report's keywords.
func ParseVerification(keywords string) (Verification, error) {
	m := verificationPattern.FindStringSubmatch(keywords)
	if m == nil {
		return Verification{}, errors.New("the report's keywords carry no fingerprint to check")
	}
	v := Verification{AssessmentID: m[1], DataSHA256: m[2]}
	if len(v.DataSHA256) != 64 {
		return Verification{}, errors.New("the report was written without its bundle's fingerprint")
	}
	if m[3] != "" {
		v.KeyFingerprints = strings.Split(m[3], "|")
	}
	for _, fp := range v.KeyFingerprints {
		if !fingerprintPattern.MatchString(fp) {
			return Verification{}, fmt.Errorf("the report's key fingerprint %q is not a fingerprint", fp)
		}
	}
	return v, nil
}

// tookPart reports whether an independent scrutineer recorded anything.
func (v *view) tookPart() bool {
	return len(assessment.Scrutineers(*v.rec)) > 0
}

// scrutinyAndSignOff writes the "Independent scrutiny" section when a
// scrutineer took part, and the "Sign-off" block when anyone signed: on
// the scrutiny section's pages, else on a page of its own.
func (p *pdfWriter) scrutinyAndSignOff() {
	p.scrutinySection()
	if !p.tookPart() && len(p.rec.SignOffs) > 0 {
		p.newSection("Sign-off", "Sign-off")
	}
	p.signOffSection()
}

// scrutinySection writes "Independent scrutiny": the assurance level with
// its reasons, the statement, the scrutineer's view of each theme beside
// the partnership's, every question where the scrutineer's level differs,
// and the challenge threads.
func (p *pdfWriter) scrutinySection() {
	if !p.tookPart() {
		return
	}
	p.newSection("Independent scrutiny", "Independent scrutiny")
	p.para("Recorded by "+strings.Join(assessment.Scrutineers(*p.rec), ", ")+
		", independently of the partnership. The scrutineer judges both the partnership’s position and how far its self-assessment can be relied on.", "", 9.5, ink)
	p.pdf.Ln(3)
	if a := p.rec.Assurance; a != nil {
		p.heading("Assurance on the self-assessment", 13, 12)
		p.table(pdfTable{cols: []column{{"", 42}, {"", contentW - 42}}, keyed: true, size: 9.5, rows: [][]tcell{
			{styled("Assurance level", "B", ink), styled(cmp.Or(a.Level.Label(), "not yet judged"), "B", ink)},
			{styled("Reasons", "B", ink), plain(cmp.Or(a.Reasons, "none given"))},
		}})
		if strings.TrimSpace(a.Statement) != "" {
			p.heading("Scrutiny statement", 11, 10)
			p.para(a.Statement, "", 9.5, ink)
		}
		p.pdf.Ln(3)
	}
	p.themeJudgements()
	p.differences()
	p.threads()
}

// themeJudgements writes the scrutineer's level of each theme beside the
// partnership's score.
func (p *pdfWriter) themeJudgements() {
	if len(p.rec.Judgements) == 0 {
		return
	}
	judged := map[string]assessment.ThemeJudgement{}
	for _, j := range p.rec.Judgements {
		judged[j.ThemeID] = j
	}
	var rows [][]tcell
	for _, th := range p.themes {
		j, ok := judged[th.ThemeID]
		if !ok {
			continue
		}
		rows = append(rows, []tcell{plain(p.themeTitle(th.ThemeID)), plain(scoreWords(p.q, th.Level)),
			plain(levelWords(p.q, j.Level)), plain(j.Reasons)})
	}
	p.heading("The scrutineer’s view of each theme", 13, 14)
	p.table(pdfTable{cols: []column{{"Theme", 38}, {"Partnership", 30}, {"Scrutineer", 30}, {"Reasons", contentW - 98}}, rows: rows, size: 9})
	p.pdf.Ln(3)
}

// differences lists every question where the scrutineer's level differs
// from the agreed level, both side by side.
func (p *pdfWriter) differences() {
	var rows [][]tcell
	for _, s := range p.rec.Scrutiny {
		agreed := p.responses[s.QuestionID].Level
		if s.Level == assessment.NotAssessed || s.Level == agreed {
			continue
		}
		rows = append(rows, []tcell{plain(p.q.QuestionName(s.QuestionID)), plain(levelWords(p.q, agreed)), plain(levelWords(p.q, s.Level)),
			plain(cmp.Or(s.Challenge, "—"))})
	}
	p.heading("Where the scrutineer’s level differs", 13, 14)
	if len(rows) == 0 {
		p.para("On every question the scrutineer rated, the scrutineer’s level is the partnership’s.", "", 9.5, ink)
		p.pdf.Ln(3)
		return
	}
	p.table(pdfTable{cols: []column{{"Question", 28}, {"Partnership", 32}, {"Scrutineer", 32}, {"Challenge", contentW - 92}}, rows: rows, size: 9})
	p.pdf.Ln(3)
}

// threads writes each challenge with its response and reply, dated and
// named.
func (p *pdfWriter) threads() {
	if len(p.rec.Challenges) == 0 {
		return
	}
	p.heading("Challenges and responses", 13, 14)
	awaiting := assessment.AwaitingResponse(p.rec.Challenges)
	var rows [][]tcell
	for _, c := range p.rec.Challenges {
		who := fmt.Sprintf("%s, %s", c.Author, longDate(c.At.UTC()))
		rows = append(rows, []tcell{plain(p.q.QuestionName(c.QuestionID)), styled(c.Kind.Label(), "B", ink),
			cellOf(part{text: who + ": ", style: "I", c: muted}, part{text: c.Text, c: ink})})
	}
	p.table(pdfTable{cols: []column{{"Question", 28}, {"", 22}, {"", contentW - 50}}, rows: rows, size: 9})
	if len(awaiting) > 0 {
		p.para(fmt.Sprintf("%s %s the partnership’s response.", english.Count(len(awaiting), "challenge"), english.Verb(len(awaiting), "awaits", "await")), "B", 9.5, ink)
	}
	p.pdf.Ln(3)
}

// signOffSection writes the "Sign-off" block: who signed for which agency,
// in which role and when, with each signer's key fingerprint and the
// bundle's fingerprint, so a printed copy can be checked against a bundle
// with maturityctl verify.
func (p *pdfWriter) signOffSection() {
	if len(p.rec.SignOffs) == 0 {
		return
	}
	if p.tookPart() {
		p.heading("Sign-off", 13, 20)
	}
	p.para("Each signer signed the assessment’s content with their own key. Check a copy with “maturityctl verify FILE”: the fingerprints below must match.", "", 9.5, ink)
	p.pdf.Ln(1.5)
	var rows [][]tcell
	for _, so := range p.rec.SignOffs {
		key := cmp.Or(so.KeyFingerprint, "not signed")
		if sig, err := signing.ParseSignature(so.Signature); err == nil && sig.IsDemo() {
			key += "; demo key, not for real use"
		}
		rows = append(rows, []tcell{plain(cmp.Or(p.agencyName(so.AgencyID), "Independent scrutiny")),
			plain(so.Name + ", " + so.Role),
			plain(longDate(so.SignedAt.UTC())), plain(key)})
	}
	p.table(pdfTable{cols: []column{{"Agency", 34}, {"Name and role", 40}, {"Signed on", 22}, {"Key fingerprint", contentW - 96}}, rows: rows, size: 8.5})
	p.pdf.Ln(1.5)
	p.para("Bundle fingerprint (its sha256): "+cmp.Or(p.DataChecksum, "not given"), "B", 9, ink)
	p.pdf.Ln(3)
}

// auditSummary ends the appendix with the audit log in brief: how many
// edits each person made at each stage of the assessment.
func (p *pdfWriter) auditSummary() {
	if len(p.Edits) == 0 {
		return
	}
	p.pdf.Ln(3)
	p.heading("Audit summary", 13, 20)
	p.para("Every change is kept in the audit log, with who made it, when, and the old and new values. Edits by person and by stage:", "", 9.5, ink)
	p.pdf.Ln(1.5)
	var rows [][]tcell
	for _, e := range p.Edits {
		rows = append(rows, []tcell{plain(e.Person), plain(string(e.Stage)), plain(fmt.Sprint(e.Edits))})
	}
	p.table(pdfTable{cols: []column{{"Person", 80}, {"Stage", 40}, {"Edits", contentW - 120}}, rows: rows, size: 9})
}
