-- Campaigns of participatory self-assessment, their participants and individual answers.
-- Calendar dates are calendar days (TEXT, YYYY-MM-DD), not instants.

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    referential_version_id INTEGER NOT NULL REFERENCES referential_versions(id),
    title TEXT NOT NULL,
    scope TEXT NOT NULL,
    status TEXT NOT NULL,
    answering_from TEXT,
    consolidation_on TEXT,
    restitution_on TEXT,
    protect_colleges INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_organisation ON campaigns(organisation_id);

CREATE TABLE campaign_participants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    college TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    UNIQUE (campaign_id, user_id)
);
CREATE INDEX campaign_participants_user ON campaign_participants(user_id);

CREATE TABLE answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES campaign_participants(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    level_value INTEGER,
    number_value TEXT,
    text_value TEXT,
    comment TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (participant_id, indicator_code)
);
CREATE INDEX answers_campaign ON answers(campaign_id, indicator_code);

-- The organisation's shared answer per indicator, with where it came from and why it differs
-- from the proposal; individual answers are never changed by it.
CREATE TABLE consolidated_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    level_value INTEGER,
    number_value TEXT,
    text_value TEXT,
    proposal INTEGER,
    rationale TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (campaign_id, indicator_code)
);

-- What each participant is asked to answer (pillars, objectives or single indicators);
-- a participant with no row answers everything.
CREATE TABLE campaign_assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id INTEGER NOT NULL REFERENCES campaign_participants(id) ON DELETE CASCADE,
    node_code TEXT NOT NULL,
    UNIQUE (participant_id, node_code)
);

-- A session opened by a personal campaign link reaches that campaign only.
ALTER TABLE sessions ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id) ON DELETE CASCADE;
