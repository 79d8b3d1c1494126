-- A démarche a group's lead launches across the group's structures: one referential and one
-- calendar, a campaign per structure (each answered by its own people and collèges), and whether
-- the structures see one another's results (off until the lead decides).
CREATE TABLE group_campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES groups_ges(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    referential_version_id INTEGER NOT NULL REFERENCES referential_versions(id),
    answering_from TEXT,
    consolidation_on TEXT,
    restitution_on TEXT,
    shared_within_group INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX group_campaigns_group ON group_campaigns(group_id, id);
ALTER TABLE campaigns ADD COLUMN group_campaign_id INTEGER REFERENCES group_campaigns(id) ON DELETE SET NULL;
CREATE INDEX campaigns_group_campaign ON campaigns(group_campaign_id);
