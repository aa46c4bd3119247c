-- 0003_tamper_evidence: close the SQL paths round the signed-off lock, keep
-- question sets in use unchanged, chain the audit log and seal signed-off
-- assessments.
--
-- A REPLACE (INSERT OR REPLACE, REPLACE INTO, UPDATE OR REPLACE) deletes the
-- row it clashes with without firing delete triggers unless the connection
-- has recursive_triggers on, which the app always sets but a person with
-- the sqlite3 shell need not. So every protected table also refuses, BEFORE
-- the insert or update, a new row whose id, rowid or other unique key clashes
-- with a row of a signed-off assessment. A person who drops these triggers
-- can still change rows; the audit chain and the seals below then show it
-- in `maturityctl check-db`.

-- The chain: each row's hash is the SHA-256 (hex) of its content and the
-- hash of the row before it (by rowid); prev_hash of the first row is ''.
-- The app computes both (internal/store/chain.go); rows written before this
-- migration are chained by the upgrade in the same transaction.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR rowid = NEW.rowid)
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

-- The seal of each signed-off revision of an assessment: the SHA-256 of a
-- canonical encoding of everything in it (internal/store/seal.go), taken
-- when it was signed off. scheme says which encoding: 1 for seals this
-- upgrade takes of assessments signed off before it (the rows of 0001),
-- 2 for seals taken since, which also cover scrutiny and signatures (0005).
-- An assessment has a revision from 0005; until then every one is 1.
CREATE TABLE assessment_seal (
    assessment_id TEXT NOT NULL REFERENCES assessment (id),
    revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    scheme        INTEGER NOT NULL CHECK (scheme IN (1, 2)),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    sealed_at     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, revision)
) STRICT;

CREATE TRIGGER assessment_seal_no_update BEFORE UPDATE ON assessment_seal
BEGIN
    SELECT RAISE(ABORT, 'a seal is permanent');
END;

CREATE TRIGGER assessment_seal_no_delete BEFORE DELETE ON assessment_seal
BEGIN
    SELECT RAISE(ABORT, 'a seal is permanent');
END;

CREATE TRIGGER assessment_seal_no_replace BEFORE INSERT ON assessment_seal
WHEN EXISTS (SELECT 1 FROM assessment_seal WHERE (assessment_id = NEW.assessment_id AND revision = NEW.revision) OR rowid = NEW.rowid)
BEGIN
    SELECT RAISE(ABORT, 'a seal is permanent');
END;

-- A question set an assessment answers never changes.
CREATE TRIGGER questionnaire_in_use_update BEFORE UPDATE ON questionnaire
WHEN EXISTS (SELECT 1 FROM assessment WHERE questionnaire_id = OLD.id AND questionnaire_version = OLD.version)
  OR EXISTS (SELECT 1 FROM questionnaire q JOIN assessment a ON a.questionnaire_id = q.id AND a.questionnaire_version = q.version
             WHERE (q.id = NEW.id AND q.version = NEW.version) OR q.rowid = NEW.rowid)
BEGIN
    SELECT RAISE(ABORT, 'question set is in use by an assessment and cannot change');
END;

CREATE TRIGGER questionnaire_in_use_delete BEFORE DELETE ON questionnaire
WHEN EXISTS (SELECT 1 FROM assessment WHERE questionnaire_id = OLD.id AND questionnaire_version = OLD.version)
BEGIN
    SELECT RAISE(ABORT, 'question set is in use by an assessment and cannot change');
END;

CREATE TRIGGER questionnaire_in_use_replace BEFORE INSERT ON questionnaire
WHEN EXISTS (SELECT 1 FROM questionnaire q JOIN assessment a ON a.questionnaire_id = q.id AND a.questionnaire_version = q.version
             WHERE (q.id = NEW.id AND q.version = NEW.version) OR q.rowid = NEW.rowid)
BEGIN
    SELECT RAISE(ABORT, 'question set is in use by an assessment and cannot change');
END;

-- No new or changed row may clash with a signed-off assessment's row. The
-- message differs from the read-only one: for the app's own plain INSERT or
-- UPDATE such a clash is a duplicate, never a replace. Each looks the
-- clashing row up by its key alone, then its assessment by id, so that the
-- cost of a check does not grow with the number of signed-off assessments.

CREATE TRIGGER assessment_signed_off_replace_insert BEFORE INSERT ON assessment
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = NEW.id AND status = 'signed off')
  OR EXISTS (SELECT 1 FROM assessment WHERE rowid = NEW.rowid AND status = 'signed off')
  OR EXISTS (SELECT 1 FROM assessment WHERE partnership_id = NEW.partnership_id AND questionnaire_id = NEW.questionnaire_id
             AND period = NEW.period AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER assessment_signed_off_replace_update BEFORE UPDATE ON assessment
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = NEW.id AND status = 'signed off' AND rowid <> OLD.rowid)
  OR EXISTS (SELECT 1 FROM assessment WHERE rowid = NEW.rowid AND status = 'signed off' AND rowid <> OLD.rowid)
  OR EXISTS (SELECT 1 FROM assessment WHERE partnership_id = NEW.partnership_id AND questionnaire_id = NEW.questionnaire_id
             AND period = NEW.period AND status = 'signed off' AND rowid <> OLD.rowid)
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER response_signed_off_replace_insert BEFORE INSERT ON response
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM response WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER response_signed_off_replace_update BEFORE UPDATE ON response
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM response WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER participant_signed_off_replace_insert BEFORE INSERT ON participant
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM participant WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM participant WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER participant_signed_off_replace_update BEFORE UPDATE ON participant
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM participant WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM participant WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER evidence_ref_signed_off_replace_insert BEFORE INSERT ON evidence_ref
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM evidence_ref WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM evidence_ref WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER evidence_ref_signed_off_replace_update BEFORE UPDATE ON evidence_ref
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM evidence_ref WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM evidence_ref WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER vote_signed_off_replace_insert BEFORE INSERT ON vote
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM vote WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM vote WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER vote_signed_off_replace_update BEFORE UPDATE ON vote
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM vote WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM vote WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER scrutiny_signed_off_replace_insert BEFORE INSERT ON scrutiny
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM scrutiny WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM scrutiny WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER scrutiny_signed_off_replace_update BEFORE UPDATE ON scrutiny
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM scrutiny WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM scrutiny WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER action_signed_off_replace_insert BEFORE INSERT ON action
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER action_signed_off_replace_update BEFORE UPDATE ON action
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER signoff_signed_off_replace_insert BEFORE INSERT ON signoff
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM signoff WHERE id = NEW.id)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM signoff WHERE rowid = NEW.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER signoff_signed_off_replace_update BEFORE UPDATE ON signoff
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM signoff WHERE id = NEW.id AND rowid <> OLD.rowid)) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM signoff WHERE rowid = NEW.rowid AND rowid <> OLD.rowid)) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER action_update_signed_off_replace_insert BEFORE INSERT ON action_update
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE id = (SELECT action_id FROM action_update WHERE id = NEW.id))) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE id = (SELECT action_id FROM action_update WHERE rowid = NEW.rowid))) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;

CREATE TRIGGER action_update_signed_off_replace_update BEFORE UPDATE ON action_update
WHEN (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE id = (SELECT action_id FROM action_update WHERE id = NEW.id AND rowid <> OLD.rowid))) = 'signed off'
  OR (SELECT status FROM assessment WHERE id = (SELECT assessment_id FROM action WHERE id = (SELECT action_id FROM action_update WHERE rowid = NEW.rowid AND rowid <> OLD.rowid))) = 'signed off'
BEGIN
    SELECT RAISE(ABORT, 'clashes with a row of a signed-off assessment');
END;
