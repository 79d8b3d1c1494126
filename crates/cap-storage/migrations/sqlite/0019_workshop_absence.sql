-- A participant who left the room for a while: no longer awaited on the next indicators, while
-- what they voted still counts (removal, by contrast, withdraws their votes).
ALTER TABLE workshop_voters ADD COLUMN absent INTEGER NOT NULL DEFAULT 0;
