-- Feedback on the referential, from any node: what is unclear or missing, and its triage.

CREATE TABLE referential_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    referential_version_id INTEGER NOT NULL REFERENCES referential_versions(id) ON DELETE CASCADE,
    node_code TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    triaged_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    triaged_at INTEGER,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referential_feedback_status ON referential_feedback(status, id);
