-- Where each pillar of a campaign stands (answering, consolidation, consolidated): members
-- consolidate « Services rendus » first and open the other pillars later. A campaign without rows
-- here has its pillars where the campaign stands, so existing campaigns keep their meaning.
CREATE TABLE campaign_pillar_steps (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    pillar TEXT NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('answering', 'consolidation', 'consolidated')),
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, pillar)
);

-- The pillars a plan's proposals were drawn from: proposals fill in as pillars are consolidated.
-- NULL for the plans made before, from every pillar of their campaign.
ALTER TABLE plans ADD COLUMN proposed_pillars TEXT;
