-- The programme's deployment: presentations a region holds, and members marked as informed.

CREATE TABLE presentations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL,
    attendees INTEGER NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX presentations_region ON presentations(region_id, held_on);

CREATE TABLE informed_organisations (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    informed_on TEXT NOT NULL,
    marked_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
