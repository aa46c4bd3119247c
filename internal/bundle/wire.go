package bundle

// The types below are the bundle's JSON layout. They are private: the domain
// types in package assessment carry no JSON tags, and convert.go maps between
// the two. Field order here is the order in the file and in the canonical
// encoding the checksum covers, so do not reorder fields within a version.
//
// Conventions: timestamps are RFC 3339 strings in UTC with as many fraction
// digits as needed; calendar dates (only an action's due date) are
// "YYYY-MM-DD"; an absent level, date, confidence or optional reference is
// null (a level is never 0); lists are always present, [] when empty.

// file is the whole bundle.
type file struct {
	Format     string  `json:"format"`
	Version    int     `json:"version"`
	ExportedAt string  `json:"exported_at"`
	Generator  string  `json:"generator"`
	SHA256     string  `json:"sha256"`
	Payload    payload `json:"payload"`
}

// payload is everything the checksum covers.
type payload struct {
	Questionnaire questionnaireJSON `json:"questionnaire"`
	Partnership   partnershipJSON   `json:"partnership"`
	Assessment    assessmentJSON    `json:"assessment"`
	Participants  []participantJSON `json:"participants"`
	Responses     []responseJSON    `json:"responses"`
	EvidenceRefs  []evidenceRefJSON `json:"evidence_refs"`
	Votes         []voteJSON        `json:"votes"`
	Scrutiny      []scrutinyJSON    `json:"scrutiny"`
	Actions       []actionJSON      `json:"actions"`
	SignOffs      []signOffJSON     `json:"signoffs"`
	// The scrutiny record (see wire_scrutiny.go) is written only when there
	// is one, so bundles without it keep their layout and checksum.
	Challenges []challengeJSON      `json:"challenges,omitempty"`
	Judgements []themeJudgementJSON `json:"theme_judgements,omitempty"`
	Assurance  *assuranceJSON       `json:"assurance,omitempty"`
}

// questionnaireJSON is the question set the assessment was answered against,
// with its exact YAML text.
type questionnaireJSON struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
	YAML    string `json:"yaml"`
}

// partnershipJSON is the partnership with its agencies.
type partnershipJSON struct {
	ID        string       `json:"id"`
	Name      string       `json:"name"`
	Area      string       `json:"area"`
	CreatedAt string       `json:"created_at"`
	UpdatedAt string       `json:"updated_at"`
	Agencies  []agencyJSON `json:"agencies"`
}

// agencyJSON is one agency of the partnership.
type agencyJSON struct {
	ID            string `json:"id"`
	PartnershipID string `json:"partnership_id"`
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	CreatedAt     string `json:"created_at"`
	UpdatedAt     string `json:"updated_at"`
}

// assessmentJSON is the assessment itself.
type assessmentJSON struct {
	ID                   string  `json:"id"`
	PartnershipID        string  `json:"partnership_id"`
	QuestionnaireID      string  `json:"questionnaire_id"`
	QuestionnaireVersion string  `json:"questionnaire_version"`
	Period               string  `json:"period"`
	Status               string  `json:"status"`
	Facilitator          string  `json:"facilitator"`
	PreviousID           *string `json:"previous_id"`
	CreatedAt            string  `json:"created_at"`
	UpdatedAt            string  `json:"updated_at"`
	// Revision is written only from 2, after an amendment.
	Revision int `json:"revision,omitempty"`
}

// participantJSON is one person taking part.
type participantJSON struct {
	ID           string  `json:"id"`
	AssessmentID string  `json:"assessment_id"`
	Name         string  `json:"name"`
	Role         string  `json:"role"`
	AgencyID     *string `json:"agency_id"`
	// Facilitator and JoinedBy came with the workshop; older bundles lack them.
	Facilitator bool   `json:"facilitator,omitempty"`
	JoinedBy    string `json:"joined_by,omitempty"`
	CreatedAt   string `json:"created_at"`
	UpdatedAt   string `json:"updated_at"`
}

// responseJSON is the agreed answer to one question.
type responseJSON struct {
	AssessmentID        string  `json:"assessment_id"`
	QuestionID          string  `json:"question_id"`
	Level               *int    `json:"level"`
	Target              *int    `json:"target"`
	Confidence          *string `json:"confidence"`
	Evidence            string  `json:"evidence"`
	Strengths           string  `json:"strengths"`
	AreasForDevelopment string  `json:"areas_for_development"`
	Rationale           string  `json:"rationale"`
	CarriedForward      bool    `json:"carried_forward"`
	CreatedAt           string  `json:"created_at"`
	UpdatedAt           string  `json:"updated_at"`
	NotAssessedReason   string  `json:"not_assessed_reason,omitempty"`
}

// evidenceRefJSON points to a document supporting a response.
type evidenceRefJSON struct {
	ID             string `json:"id"`
	AssessmentID   string `json:"assessment_id"`
	QuestionID     string `json:"question_id"`
	Title          string `json:"title"`
	Location       string `json:"location"`
	CarriedForward bool   `json:"carried_forward"`
	CreatedAt      string `json:"created_at"`
	UpdatedAt      string `json:"updated_at"`
}

// voteJSON is one participant's own rating of a question.
type voteJSON struct {
	ID            string `json:"id"`
	AssessmentID  string `json:"assessment_id"`
	QuestionID    string `json:"question_id"`
	ParticipantID string `json:"participant_id"`
	Level         *int   `json:"level"`
	Comment       string `json:"comment"`
	// Round is the workshop round; older bundles lack it (round 1).
	Round     int    `json:"round,omitempty"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// scrutinyJSON is an independent scrutineer's view of a question.
type scrutinyJSON struct {
	ID           string `json:"id"`
	AssessmentID string `json:"assessment_id"`
	QuestionID   string `json:"question_id"`
	Scrutineer   string `json:"scrutineer"`
	Level        *int   `json:"level"`
	Challenge    string `json:"challenge"`
	EvidenceSeen string `json:"evidence_seen"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

// actionJSON is one action of the plan, with its progress notes.
type actionJSON struct {
	ID             string             `json:"id"`
	AssessmentID   string             `json:"assessment_id"`
	Ref            string             `json:"ref,omitempty"`
	ThemeID        string             `json:"theme_id"`
	QuestionID     *string            `json:"question_id"`
	Title          string             `json:"title"`
	Owner          string             `json:"owner"`
	OwnerAgencyID  *string            `json:"owner_agency_id"`
	Due            *string            `json:"due"`
	SuccessMeasure string             `json:"success_measure"`
	Status         string             `json:"status"`
	Outcome        string             `json:"outcome"`
	CarriedFromID  *string            `json:"carried_from_id"`
	CreatedAt      string             `json:"created_at"`
	UpdatedAt      string             `json:"updated_at"`
	Updates        []actionUpdateJSON `json:"updates"`
}

// actionUpdateJSON is one dated progress note on an action.
type actionUpdateJSON struct {
	ID        string `json:"id"`
	ActionID  string `json:"action_id"`
	On        string `json:"on"`
	Author    string `json:"author"`
	Note      string `json:"note"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// signOffJSON records one agency's sign-off.
type signOffJSON struct {
	ID           string  `json:"id"`
	AssessmentID string  `json:"assessment_id"`
	AgencyID     *string `json:"agency_id"`
	Name         string  `json:"name"`
	Role         string  `json:"role"`
	SignedAt     string  `json:"signed_at"`
	CreatedAt    string  `json:"created_at"`
	UpdatedAt    string  `json:"updated_at"`
	// Signature is the signer's minisign signature (see package signing),
	// PublicKey their minisign public key and KeyFingerprint its
	// fingerprint; all absent for a sign-off recorded unsigned.
	Signature      string `json:"signature,omitempty"`
	PublicKey      string `json:"public_key,omitempty"`
	KeyFingerprint string `json:"key_fingerprint,omitempty"`
}
