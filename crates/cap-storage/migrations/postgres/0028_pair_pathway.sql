-- The pair's pathway: a delegate proposes a member's person as a pair, who accepts (or
-- volunteers alone, accepted at once), enrols in a planned training and is « formé·e » once the
-- delegate records their attendance. Only accepted volunteers are in the directory.
ALTER TABLE pair_volunteers ADD COLUMN proposed_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE pair_volunteers ADD COLUMN accepted_at BIGINT;
UPDATE pair_volunteers SET accepted_at = since;

CREATE TABLE training_enrolments (
    training_id BIGINT NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    enrolled_at BIGINT NOT NULL,
    PRIMARY KEY (training_id, user_id)
);
CREATE INDEX training_enrolments_user ON training_enrolments(user_id);
