-- Glossaries: the terms the federation (group_id NULL) or a group agreed on, with their
-- definitions, versioned; every version written is kept, to read how a definition moved.
CREATE TABLE glossary_terms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER REFERENCES groups_ges(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    definition TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX glossary_terms_group ON glossary_terms(group_id, term);
CREATE TABLE glossary_revisions (
    term_id INTEGER NOT NULL REFERENCES glossary_terms(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    term TEXT NOT NULL,
    definition TEXT NOT NULL,
    written_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    written_at INTEGER NOT NULL,
    PRIMARY KEY (term_id, version)
);
