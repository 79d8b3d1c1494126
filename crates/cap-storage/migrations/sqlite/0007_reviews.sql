-- Reviews by a tiers or a pair: their time-limited access to one campaign and the comment
-- threads; the directory of pair volunteers; the trainings pairs and tiers attended.

CREATE TABLE review_grants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    conflicts TEXT NOT NULL DEFAULT '',
    invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX review_grants_user ON review_grants(user_id, campaign_id);
CREATE INDEX review_grants_campaign ON review_grants(campaign_id);

-- A thread is its first comment (thread_id NULL); replies point at it. Only the first comment
-- carries the resolution.
CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    thread_id INTEGER REFERENCES review_comments(id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    author_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX review_comments_campaign ON review_comments(campaign_id, id);

CREATE TABLE pair_volunteers (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    availability TEXT NOT NULL DEFAULT '',
    since INTEGER NOT NULL
);

CREATE TABLE trainings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    audience TEXT NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL,
    region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX trainings_region ON trainings(region_id, held_on);

CREATE TABLE training_attendees (
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (training_id, user_id)
);
CREATE INDEX training_attendees_user ON training_attendees(user_id);
