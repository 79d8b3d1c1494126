-- Evidence behind a campaign's shared answers: a title and an address, by indicator. Evidence
-- carried from the previous campaign waits to be confirmed (to_review = 1).
CREATE TABLE answer_evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    added_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    added_at INTEGER NOT NULL,
    carried_from INTEGER,
    to_review INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX answer_evidence_campaign ON answer_evidence(campaign_id, indicator_code);
