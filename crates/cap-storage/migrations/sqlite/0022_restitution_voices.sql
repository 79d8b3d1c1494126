-- What participants say after the restitution — what surprised them, what they want to work on —
-- one entry per person and campaign, read without names by the coordinator building the plan.

CREATE TABLE restitution_voices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    surprised TEXT NOT NULL,
    work_on TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX restitution_voices_person ON restitution_voices(campaign_id, user_id);
