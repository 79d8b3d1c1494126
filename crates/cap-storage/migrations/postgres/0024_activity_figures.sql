-- A campaign's activity figures for the State's « dialogue de gestion »: counts typed once, rates
-- computed from them. One row per campaign, versioned so two people never overwrite each other.
CREATE TABLE campaign_activity (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    people BIGINT NOT NULL CHECK (people >= 0),
    women BIGINT NOT NULL CHECK (women >= 0),
    hours_worked BIGINT NOT NULL CHECK (hours_worked >= 0),
    training_hours BIGINT NOT NULL CHECK (training_hours >= 0),
    exits BIGINT NOT NULL CHECK (exits >= 0),
    durable BIGINT NOT NULL CHECK (durable >= 0),
    transition BIGINT NOT NULL CHECK (transition >= 0),
    positive BIGINT NOT NULL CHECK (positive >= 0),
    other BIGINT NOT NULL CHECK (other >= 0),
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL
);
