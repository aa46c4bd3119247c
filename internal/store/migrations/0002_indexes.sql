-- 0002_indexes: indexes for the lookups the app makes by parent row.

CREATE INDEX agency_partnership ON agency (partnership_id);
CREATE INDEX assessment_questionnaire ON assessment (questionnaire_id, questionnaire_version);
CREATE INDEX assessment_previous ON assessment (previous_id);
CREATE INDEX participant_assessment ON participant (assessment_id);
CREATE INDEX evidence_ref_assessment ON evidence_ref (assessment_id, question_id);
CREATE INDEX vote_participant ON vote (participant_id);
CREATE INDEX scrutiny_assessment ON scrutiny (assessment_id, question_id);
CREATE INDEX action_assessment ON action (assessment_id);
CREATE INDEX action_update_action ON action_update (action_id);
CREATE INDEX signoff_assessment ON signoff (assessment_id);
CREATE INDEX audit_log_entity ON audit_log (entity_id, at);
