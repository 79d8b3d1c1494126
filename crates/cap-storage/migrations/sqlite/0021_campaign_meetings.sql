-- A campaign's calendar: its meetings (séances), each with its kind, day and Paris times, place
-- or video link, pillars, invited collèges (none: everyone) and notes. `sequence` counts the
-- changes sent to calendars (iCalendar's SEQUENCE); a cancelled meeting stays, marked.

CREATE TABLE campaign_meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    pillars TEXT NOT NULL DEFAULT '[]',
    invited TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    cancelled INTEGER NOT NULL DEFAULT 0,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX campaign_meetings_campaign ON campaign_meetings(campaign_id, held_on);
CREATE INDEX campaign_meetings_day ON campaign_meetings(held_on);
