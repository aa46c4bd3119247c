-- 0004_workshop: what a workshop records. A participant says who
-- facilitates and how they joined (listed on the laptop, from a phone in the
-- room, or by importing the ratings they made beforehand); a vote says which
-- round it was cast in, so that a re-vote keeps round 1 for the record.

ALTER TABLE participant ADD COLUMN facilitator INTEGER NOT NULL DEFAULT 0 CHECK (facilitator IN (0, 1));
ALTER TABLE participant ADD COLUMN joined_by TEXT NOT NULL DEFAULT 'laptop' CHECK (joined_by IN ('laptop', 'phone', 'bundle'));

-- The vote table is rebuilt because its uniqueness now includes the round.
-- Nothing refers to a vote, so it can be dropped and renamed in place.
CREATE TABLE vote_by_round (
    id             TEXT PRIMARY KEY,
    assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    participant_id TEXT NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    level          INTEGER CHECK (level IS NULL OR level >= 1),
    comment        TEXT NOT NULL DEFAULT '',
    round          INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (assessment_id, question_id, participant_id, round)
) STRICT;

INSERT INTO vote_by_round (id, assessment_id, question_id, participant_id, level, comment, round, created_at, updated_at)
    SELECT id, assessment_id, question_id, participant_id, level, comment, 1, created_at, updated_at FROM vote;

DROP TABLE vote;
ALTER TABLE vote_by_round RENAME TO vote;

CREATE INDEX vote_participant ON vote (participant_id);

CREATE TRIGGER vote_signed_off_insert BEFORE INSERT ON vote
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = NEW.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER vote_signed_off_update BEFORE UPDATE ON vote
WHEN EXISTS (SELECT 1 FROM assessment WHERE id IN (OLD.assessment_id, NEW.assessment_id) AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE TRIGGER vote_signed_off_delete BEFORE DELETE ON vote
WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

-- Dropping the old table dropped 0003's triggers that refuse a REPLACE
-- clashing with a vote of a signed-off assessment: make them again.
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
