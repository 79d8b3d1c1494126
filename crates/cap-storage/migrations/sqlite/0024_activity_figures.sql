-- A campaign's activity figures for the State's « dialogue de gestion »: counts typed once, rates
-- computed from them. One row per campaign, versioned so two people never overwrite each other.
CREATE TABLE campaign_activity (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    people INTEGER NOT NULL CHECK (people >= 0),
    women INTEGER NOT NULL CHECK (women >= 0),
    hours_worked INTEGER NOT NULL CHECK (hours_worked >= 0),
    training_hours INTEGER NOT NULL CHECK (training_hours >= 0),
    exits INTEGER NOT NULL CHECK (exits >= 0),
    durable INTEGER NOT NULL CHECK (durable >= 0),
    transition INTEGER NOT NULL CHECK (transition >= 0),
    positive INTEGER NOT NULL CHECK (positive >= 0),
    other INTEGER NOT NULL CHECK (other >= 0),
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
