-- Who will test the programme, as the federation's lists tell it: a member volunteers (on the
-- day of a presentation it attended, or when its delegate records it) and, once a date is set,
-- will test from that day; its campaigns tell the rest. A presentation says whom it addressed.
ALTER TABLE presentations ADD COLUMN audience TEXT NOT NULL DEFAULT '';
CREATE TABLE test_volunteers (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    volunteered_on TEXT NOT NULL,
    planned_from TEXT,
    presentation_id INTEGER REFERENCES presentations(id) ON DELETE SET NULL,
    recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    recorded_at INTEGER NOT NULL
);
