-- 0005_scrutiny_signoff: independent scrutiny and signed sign-off.
--
-- Challenge threads (challenge → response → reply), the scrutineer's
-- judgement of each theme, the assurance level and statement, a reason
-- for a question left not assessed, signatures on sign-offs, the keys a
-- partnership trusts, and amendments (a new revision of a signed-off
-- assessment with a reason, the signed original kept whole).

ALTER TABLE response ADD COLUMN not_assessed_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE assessment ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

ALTER TABLE signoff ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE signoff ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
ALTER TABLE signoff ADD COLUMN key_fingerprint TEXT NOT NULL DEFAULT '';

CREATE TABLE challenge (
    id            TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('challenge', 'response', 'reply')),
    author        TEXT NOT NULL CHECK (trim(author) <> ''),
    text          TEXT NOT NULL CHECK (trim(text) <> ''),
    at            TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX challenge_assessment ON challenge (assessment_id, question_id);

CREATE TABLE theme_judgement (
    id            TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    theme_id      TEXT NOT NULL,
    scrutineer    TEXT NOT NULL CHECK (trim(scrutineer) <> ''),
    level         INTEGER CHECK (level IS NULL OR level >= 1),
    reasons       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (assessment_id, theme_id)
) STRICT;

CREATE TABLE assurance (
    assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    scrutineer    TEXT NOT NULL CHECK (trim(scrutineer) <> ''),
    level         TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'substantial', 'moderate', 'limited', 'unsatisfactory')),
    reasons       TEXT NOT NULL DEFAULT '',
    statement     TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- A public key a partnership has confirmed belongs to a signer.
CREATE TABLE trusted_key (
    partnership_id TEXT NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
    public_key     TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    name           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (partnership_id, public_key)
) STRICT;

-- The signed original of each amended revision, kept whole and never
-- changed or deleted.
CREATE TABLE amendment (
    id              TEXT PRIMARY KEY,
    assessment_id   TEXT NOT NULL REFERENCES assessment (id),
    revision        INTEGER NOT NULL CHECK (revision >= 2),
    reason          TEXT NOT NULL CHECK (trim(reason) <> ''),
    actor           TEXT NOT NULL,
    original_sha256 TEXT NOT NULL,
    original_bundle TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (assessment_id, revision)
) STRICT;

CREATE TRIGGER amendment_no_update BEFORE UPDATE ON amendment
BEGIN
    SELECT RAISE(ABORT, 'an amendment keeps the signed original and cannot be changed');
END;

CREATE TRIGGER amendment_no_delete BEFORE DELETE ON amendment
BEGIN
    SELECT RAISE(ABORT, 'an amendment keeps the signed original and cannot be changed');
END;

-- A REPLACE would delete the clashing amendment without its delete trigger.
CREATE TRIGGER amendment_no_replace BEFORE INSERT ON amendment
WHEN EXISTS (SELECT 1 FROM amendment WHERE id = NEW.id OR rowid = NEW.rowid
             OR (assessment_id = NEW.assessment_id AND revision = NEW.revision))
BEGIN
    SELECT RAISE(ABORT, 'an amendment keeps the signed original and cannot be changed');
END;

-- A signed-off assessment stays read-only, except for the one change an
-- amendment makes: back to draft as the next revision, once the amendment
-- row keeping the signed original exists.
DROP TRIGGER assessment_signed_off_update;
CREATE TRIGGER assessment_signed_off_update BEFORE UPDATE ON assessment
WHEN OLD.status = 'signed off' AND NOT (
    NEW.status = 'draft' AND NEW.revision = OLD.revision + 1
    AND NEW.id = OLD.id AND NEW.period = OLD.period AND NEW.partnership_id = OLD.partnership_id
    AND NEW.questionnaire_id = OLD.questionnaire_id AND NEW.questionnaire_version = OLD.questionnaire_version
    AND NEW.facilitator = OLD.facilitator AND NEW.previous_id IS OLD.previous_id AND NEW.created_at = OLD.created_at
    AND EXISTS (SELECT 1 FROM amendment WHERE assessment_id = OLD.id AND revision = NEW.revision))
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER challenge_signed_off_insert BEFORE INSERT ON challenge
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = NEW.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER challenge_signed_off_update BEFORE UPDATE ON challenge
WHEN EXISTS (SELECT 1 FROM assessment WHERE id IN (OLD.assessment_id, NEW.assessment_id) AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER challenge_signed_off_delete BEFORE DELETE ON challenge
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER theme_judgement_signed_off_insert BEFORE INSERT ON theme_judgement
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = NEW.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER theme_judgement_signed_off_update BEFORE UPDATE ON theme_judgement
WHEN EXISTS (SELECT 1 FROM assessment WHERE id IN (OLD.assessment_id, NEW.assessment_id) AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER theme_judgement_signed_off_delete BEFORE DELETE ON theme_judgement
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER assurance_signed_off_insert BEFORE INSERT ON assurance
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = NEW.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER assurance_signed_off_update BEFORE UPDATE ON assurance
WHEN EXISTS (SELECT 1 FROM assessment WHERE id IN (OLD.assessment_id, NEW.assessment_id) AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER assurance_signed_off_delete BEFORE DELETE ON assurance
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

-- As 0003 does for the older tables: no new or changed row of a table under
-- an assessment may clash, by its id or rowid, with a row of a signed-off
-- assessment, which a REPLACE would delete without firing delete triggers.
-- (A clash on a key holding the assessment's id is refused above.)

CREATE TRIGGER challenge_signed_off_replace_insert BEFORE INSERT ON challenge
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM challenge WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM challenge WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER challenge_signed_off_replace_update BEFORE UPDATE ON challenge
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM challenge WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM challenge WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER theme_judgement_signed_off_replace_insert BEFORE INSERT ON theme_judgement
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM theme_judgement WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM theme_judgement WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER theme_judgement_signed_off_replace_update BEFORE UPDATE ON theme_judgement
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM theme_judgement WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM theme_judgement WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER assurance_signed_off_replace_insert BEFORE INSERT ON assurance
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM assurance WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER assurance_signed_off_replace_update BEFORE UPDATE ON assurance
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM assurance WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;
