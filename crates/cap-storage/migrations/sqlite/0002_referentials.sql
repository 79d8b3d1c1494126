-- Referentials as versioned data, and the federation's offer of services.
-- Lists are stored as JSON text; the scale of a version as one JSON document.

CREATE TABLE service_offers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT,
    description TEXT NOT NULL,
    contact TEXT,
    region_code TEXT,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);

CREATE TABLE referential_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    version TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT,
    previous TEXT,
    description TEXT,
    notice TEXT,
    scale TEXT NOT NULL,
    indicator_count INTEGER NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    frozen_at INTEGER,
    imported_at INTEGER NOT NULL,
    imported_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (code, version)
);

CREATE TABLE referential_nodes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES referential_versions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_code TEXT,
    title TEXT,
    title_en TEXT,
    statement TEXT,
    statement_en TEXT,
    answer TEXT NOT NULL,
    unit TEXT,
    min_value INTEGER,
    max_value INTEGER,
    applies_to TEXT NOT NULL,
    weight INTEGER NOT NULL,
    target INTEGER,
    services TEXT NOT NULL,
    guidance TEXT,
    evidence TEXT NOT NULL,
    UNIQUE (version_id, code)
);
CREATE INDEX referential_nodes_version ON referential_nodes(version_id, position);

CREATE TABLE referential_mappings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    node_id INTEGER NOT NULL REFERENCES referential_nodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    target_referential TEXT NOT NULL,
    target_code TEXT NOT NULL,
    relation TEXT NOT NULL,
    rationale TEXT NOT NULL
);
CREATE INDEX referential_mappings_node ON referential_mappings(node_id);
CREATE INDEX referential_mappings_target ON referential_mappings(target_referential, target_code);

CREATE TABLE referential_code_maps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES referential_versions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    old_code TEXT NOT NULL,
    new_codes TEXT NOT NULL,
    change TEXT NOT NULL,
    note TEXT
);
CREATE INDEX referential_code_maps_version ON referential_code_maps(version_id);
