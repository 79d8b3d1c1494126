-- Results brought back from a venue copy of a campaign: the file as uploaded (checked, signed),
-- kept until the coordinator has reviewed the conflicts and applied it. The same file uploaded
-- twice is one row; an applied file is never applied again.
CREATE TABLE venue_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    bundle_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    payload TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    uploaded_at INTEGER NOT NULL,
    applied_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    applied_at INTEGER,
    summary TEXT NOT NULL DEFAULT '',
    UNIQUE (campaign_id, digest)
);
