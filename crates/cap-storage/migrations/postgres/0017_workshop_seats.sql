-- A phone's seat in a workshop: shown when it joins, typed again to come back as the same
-- participant (with its votes) after losing its browser's memory.
ALTER TABLE workshop_voters ADD COLUMN seat TEXT NOT NULL DEFAULT '';
