-- 0006_action_ref: give every action a short id within its assessment,
-- shown as "A-01", "A-02", … (internal/assessment/actionref.go).
--
-- The store gives a new action the next number of its assessment in the
-- transaction that adds it; an action carried forward keeps its number.
-- ref is NULL only for a row added outside the app. Actions already stored
-- are numbered here by when they were added. Adding a column keeps the
-- triggers of 0001 and 0003 on action; the one refusing changes to a
-- signed-off assessment's actions is lifted for the numbering alone and
-- put back as it was.
ALTER TABLE action ADD COLUMN ref INTEGER CHECK (ref IS NULL OR ref >= 1);

DROP TRIGGER action_signed_off_update;

UPDATE action SET ref = (
    SELECT count(*) FROM action b
    WHERE b.assessment_id = action.assessment_id
      AND (b.created_at < action.created_at OR (b.created_at = action.created_at AND b.id <= action.id)));

CREATE TRIGGER action_signed_off_update BEFORE UPDATE ON action
WHEN EXISTS (SELECT 1 FROM assessment WHERE id IN (OLD.assessment_id, NEW.assessment_id) AND status = 'signed off')
BEGIN
    SELECT RAISE(ABORT, 'assessment is signed off and read-only');
END;

CREATE UNIQUE INDEX action_ref ON action (assessment_id, ref);
