package report

import (
	"cmp"
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Input is everything an export says: one assessment, the question set it
// was answered against and, optionally, the previous year's assessment to
// compare with.
type Input struct {
	// Questionnaire is the question set the assessment was answered against.
	Questionnaire *questionnaire.Questionnaire
	// Record is the assessment with everything under it.
	Record assessment.Record
	// Previous is the assessment this one was started from, or nil. It is
	// scored against Questionnaire, question by question.
	Previous *assessment.Record
	// Fingerprint is the hex SHA-256 of the JSON bundle exported with this
	// report, so a printed report can be matched to its data.
	Fingerprint string
	// DataChecksum is the bundle's own "sha256" field: the checksum of the
	// data alone, the same in every JSON export of the unchanged assessment.
	DataChecksum string
	// ExportedAt is when the export was made; its UTC date decides which
	// actions are overdue.
	ExportedAt time.Time
	// Edits summarises the audit log: edits by person and by stage. The
	// PDF's appendix shows it when it is given.
	Edits []assessment.EditCount
}

// check refuses an Input no export can be written from.
func (in Input) check() error {
	if in.Questionnaire == nil {
		return errors.New("report: no question set given")
	}
	if in.ExportedAt.IsZero() {
		return errors.New("report: no export time given")
	}
	return nil
}

// MaxFileName is the most characters FileName suggests; a longer
// partnership name is cut to fit.
const MaxFileName = 100

// FileName suggests a file name for an export of rec, such as
// "Northshire-2025-26-action-plan.pdf" for kind "action-plan" and ext "pdf",
// at most MaxFileName characters long.
func FileName(rec assessment.Record, kind, ext string) string {
	name := strings.TrimSpace(rec.Partnership.Name)
	for _, suffix := range []string{" Safeguarding Children Partnership", " Safeguarding Children's Partnership",
		" Safeguarding Children’s Partnership", " Children's Safeguarding Partnership", " Safeguarding Partnership"} {
		if t, ok := strings.CutSuffix(name, suffix); ok && t != "" {
			name = t
			break
		}
	}
	period := unsafeName.ReplaceAllString(rec.Assessment.Period, "-")
	name = unsafeName.ReplaceAllString(name, "-")
	room := max(MaxFileName-utf8.RuneCountInString(period+kind+ext)-3, 0)
	if utf8.RuneCountInString(name) > room {
		name = string([]rune(name)[:room])
	}
	parts := []string{name, period, kind}
	stem := strings.Trim(strings.Join(parts, "-"), "-")
	stem = strings.Join(strings.FieldsFunc(stem, func(r rune) bool { return r == '-' }), "-")
	return cmp.Or(stem, "assessment") + "." + ext
}

// unsafeName matches runs of characters best kept out of file names.
var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}._]+`)
