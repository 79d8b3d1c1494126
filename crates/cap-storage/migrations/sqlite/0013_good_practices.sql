-- Good practices shared by members, linked to indicators, with attachments, moderated by a
-- regional delegate before publication. Attachments are kept in the database (a few MiB at most)
-- so a backup of the database is a backup of everything.

CREATE TABLE good_practices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    referential_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    moderation_note TEXT NOT NULL DEFAULT '',
    moderated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    moderated_at INTEGER,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- Published practices are listed by publication date, a page at a time.
CREATE INDEX good_practices_status ON good_practices(status, published_at, id);
CREATE INDEX good_practices_author ON good_practices(author_id, id);

CREATE TABLE good_practice_indicators (
    practice_id INTEGER NOT NULL REFERENCES good_practices(id) ON DELETE CASCADE,
    node_code TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (practice_id, node_code)
);
CREATE INDEX good_practice_indicators_node ON good_practice_indicators(node_code, practice_id);

CREATE TABLE good_practice_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    practice_id INTEGER NOT NULL REFERENCES good_practices(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX good_practice_files_practice ON good_practice_files(practice_id, position);

-- One counter moved by every write to the practices, in the same transaction: views computed from
-- them (the counts per indicator) are kept until it moves, on every instance.
CREATE TABLE good_practice_stamp (
    id INTEGER PRIMARY KEY,
    changes INTEGER NOT NULL
);
INSERT INTO good_practice_stamp (id, changes) VALUES (1, 0);
