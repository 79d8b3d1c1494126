-- Workshops: live collective rating sessions, the phones that joined, and their votes.

CREATE TABLE workshops (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    indicator_codes TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    revealed INTEGER NOT NULL DEFAULT 0,
    by_college INTEGER NOT NULL DEFAULT 0,
    admission INTEGER NOT NULL DEFAULT 0,
    timer_ends_at INTEGER,
    closed_at INTEGER,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX workshops_campaign ON workshops(campaign_id);

CREATE TABLE workshop_voters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    college TEXT NOT NULL,
    admitted INTEGER NOT NULL DEFAULT 1,
    removed INTEGER NOT NULL DEFAULT 0,
    joined_at INTEGER NOT NULL
);
CREATE INDEX workshop_voters_workshop ON workshop_voters(workshop_id);

CREATE TABLE workshop_votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    voter_id INTEGER NOT NULL REFERENCES workshop_voters(id) ON DELETE CASCADE,
    indicator_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    level_value INTEGER,
    updated_at INTEGER NOT NULL,
    UNIQUE (voter_id, indicator_code)
);
CREATE INDEX workshop_votes_workshop ON workshop_votes(workshop_id, indicator_code);
