package bundle

import (
	"github.com/partnership-maturity/maturity/internal/assessment"
)

// challengeJSON is one message of a challenge thread.
type challengeJSON struct {
	ID           string `json:"id"`
	AssessmentID string `json:"assessment_id"`
	QuestionID   string `json:"question_id"`
	Kind         string `json:"kind"`
	Author       string `json:"author"`
	Text         string `json:"text"`
	At           string `json:"at"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

// themeJudgementJSON is the scrutineer's view of one theme.
type themeJudgementJSON struct {
	ID           string `json:"id"`
	AssessmentID string `json:"assessment_id"`
	ThemeID      string `json:"theme_id"`
	Scrutineer   string `json:"scrutineer"`
	Level        *int   `json:"level"`
	Reasons      string `json:"reasons"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

// assuranceJSON is the scrutineer's assurance judgement and statement.
type assuranceJSON struct {
	AssessmentID string  `json:"assessment_id"`
	Scrutineer   string  `json:"scrutineer"`
	Level        *string `json:"level"`
	Reasons      string  `json:"reasons"`
	Statement    string  `json:"statement"`
	CreatedAt    string  `json:"created_at"`
	UpdatedAt    string  `json:"updated_at"`
}

// revisionToWire writes a revision from 2; the first revision is left out.
func revisionToWire(r int) int {
	if r <= 1 {
		return 0
	}
	return r
}

// challengeToWire writes a thread message.
func challengeToWire(c assessment.Challenge) challengeJSON {
	return challengeJSON{
		ID: c.ID, AssessmentID: c.AssessmentID, QuestionID: c.QuestionID, Kind: string(c.Kind),
		Author: c.Author, Text: c.Text, At: timestampToWire(c.At),
		CreatedAt: timestampToWire(c.CreatedAt), UpdatedAt: timestampToWire(c.UpdatedAt),
	}
}

// judgementToWire writes a theme judgement.
func judgementToWire(j assessment.ThemeJudgement) themeJudgementJSON {
	return themeJudgementJSON{
		ID: j.ID, AssessmentID: j.AssessmentID, ThemeID: j.ThemeID, Scrutineer: j.Scrutineer,
		Level: levelToWire(j.Level), Reasons: j.Reasons,
		CreatedAt: timestampToWire(j.CreatedAt), UpdatedAt: timestampToWire(j.UpdatedAt),
	}
}

// assuranceToWire writes the assurance judgement, or nothing.
func assuranceToWire(a *assessment.Assurance) *assuranceJSON {
	if a == nil {
		return nil
	}
	return &assuranceJSON{
		AssessmentID: a.AssessmentID, Scrutineer: a.Scrutineer, Level: optionalToWire(string(a.Level)),
		Reasons: a.Reasons, Statement: a.Statement,
		CreatedAt: timestampToWire(a.CreatedAt), UpdatedAt: timestampToWire(a.UpdatedAt),
	}
}

// challenge reads the i'th thread message.
func (r *reader) challenge(i int, c challengeJSON) assessment.Challenge {
	where := label("challenge", c.ID, i)
	return assessment.Challenge{
		ID: c.ID, AssessmentID: c.AssessmentID, QuestionID: c.QuestionID, Kind: assessment.MessageKind(c.Kind),
		Author: c.Author, Text: c.Text, At: r.timestamp(where, "at", c.At),
		CreatedAt: r.timestamp(where, "created_at", c.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", c.UpdatedAt),
	}
}

// judgement reads the i'th theme judgement.
func (r *reader) judgement(i int, j themeJudgementJSON) assessment.ThemeJudgement {
	where := label("theme judgement", j.ID, i)
	return assessment.ThemeJudgement{
		ID: j.ID, AssessmentID: j.AssessmentID, ThemeID: j.ThemeID, Scrutineer: j.Scrutineer,
		Level: r.level(where, "level", j.Level), Reasons: j.Reasons,
		CreatedAt: r.timestamp(where, "created_at", j.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", j.UpdatedAt),
	}
}

// assurance reads the assurance judgement, or nothing.
func (r *reader) assurance(a *assuranceJSON) *assessment.Assurance {
	if a == nil {
		return nil
	}
	const where = "assurance"
	return &assessment.Assurance{
		AssessmentID: a.AssessmentID, Scrutineer: a.Scrutineer,
		Level:   assessment.AssuranceLevel(r.optional(where, "level", a.Level)),
		Reasons: a.Reasons, Statement: a.Statement,
		CreatedAt: r.timestamp(where, "created_at", a.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", a.UpdatedAt),
	}
}

// scrutinyRecord checks the threads, theme judgements and assurance.
func (k *checker) scrutinyRecord() {
	seen := map[string]bool{}
	for i, c := range k.rec.Challenges {
		where := label("challenge", c.ID, i)
		k.id(where, c.ID, seen)
		k.belongs(where, c.AssessmentID)
		k.question(where, c.QuestionID)
		enum(k, where, "kind", c.Kind, assessment.MessageKinds)
		k.named(where, "author", c.Author)
		k.named(where, "text", c.Text)
	}
	themes := map[string]bool{}
	for i, j := range k.rec.Judgements {
		where := label("theme judgement", j.ID, i)
		k.id(where, j.ID, seen)
		k.belongs(where, j.AssessmentID)
		k.named(where, "scrutineer", j.Scrutineer)
		if themes[j.ThemeID] {
			k.c.addf("%s: theme %q is judged twice", where, j.ThemeID)
		}
		themes[j.ThemeID] = true
		if k.q != nil {
			if _, ok := k.q.Theme(j.ThemeID); !ok {
				k.c.addf("%s: theme %q is not in question set %q version %q", where, j.ThemeID, k.q.ID, k.q.Version)
			}
		}
		k.level(where, "level", j.Level)
	}
	if a := k.rec.Assurance; a != nil {
		k.belongs("assurance", a.AssessmentID)
		k.named("assurance", "scrutineer", a.Scrutineer)
		if a.Level != "" {
			enum(k, "assurance", "level", a.Level, assessment.AssuranceLevels)
		}
	}
}
