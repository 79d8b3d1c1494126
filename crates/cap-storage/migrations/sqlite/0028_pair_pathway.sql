-- The pair's pathway: a delegate proposes a member's person as a pair, who accepts (or
-- volunteers alone, accepted at once), enrols in a planned training and is « formé·e » once the
-- delegate records their attendance. Only accepted volunteers are in the directory.
ALTER TABLE pair_volunteers ADD COLUMN proposed_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE pair_volunteers ADD COLUMN accepted_at INTEGER;
UPDATE pair_volunteers SET accepted_at = since;

CREATE TABLE training_enrolments (
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    enrolled_at INTEGER NOT NULL,
    PRIMARY KEY (training_id, user_id)
);
CREATE INDEX training_enrolments_user ON training_enrolments(user_id);
