-- The network's figures read each campaign's scores from here: derived from its shared answers
-- and targets by the scoring formula, rebuilt whenever those change (the stamp), never the truth.
-- `latest` marks each organisation's most recent scored campaign. Shares are stored in millionths
-- (integers), so both engines sum them exactly.

CREATE TABLE network_campaigns (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    region_id BIGINT NOT NULL,
    org_type TEXT NOT NULL,
    year BIGINT NOT NULL,
    latest BIGINT NOT NULL DEFAULT 0,
    stamp TEXT NOT NULL,
    overall_ppm BIGINT,
    refreshed_at BIGINT NOT NULL
);
CREATE INDEX network_campaigns_organisation ON network_campaigns(organisation_id);
CREATE INDEX network_campaigns_latest ON network_campaigns(latest, region_id, org_type, year);

CREATE TABLE network_scores (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    node_code TEXT NOT NULL,
    is_indicator BIGINT NOT NULL,
    score_ppm BIGINT,
    target_ppm BIGINT,
    level BIGINT,
    target_level BIGINT,
    PRIMARY KEY (campaign_id, node_code)
);
CREATE INDEX network_scores_node ON network_scores(node_code);
