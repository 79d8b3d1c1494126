-- The accompaniment day of a campaign: when, who was there, what was concluded, and the
-- decision (the plan carried out alone, or a further accompaniment through offers of services).

CREATE TABLE accompaniment_days (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    attendees TEXT NOT NULL,
    conclusions TEXT NOT NULL,
    decision TEXT NOT NULL,
    offers TEXT NOT NULL DEFAULT '[]',
    recorded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
