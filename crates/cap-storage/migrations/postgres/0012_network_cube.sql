-- The network's figures pre-added per region, organisation type and year over each
-- organisation's latest scored campaign, rebuilt after the scores change: a view of any filter
-- adds up a few thousand rows whatever the number of organisations.

CREATE TABLE network_cube_nodes (
    region_id BIGINT NOT NULL,
    org_type TEXT NOT NULL,
    year BIGINT NOT NULL,
    node_code TEXT NOT NULL,
    organisations BIGINT NOT NULL,
    score_sum BIGINT NOT NULL,
    target_sum BIGINT NOT NULL,
    targets BIGINT NOT NULL
);
CREATE INDEX network_cube_nodes_filter ON network_cube_nodes(region_id, org_type, year);

CREATE TABLE network_cube_levels (
    region_id BIGINT NOT NULL,
    org_type TEXT NOT NULL,
    year BIGINT NOT NULL,
    node_code TEXT NOT NULL,
    is_target BIGINT NOT NULL,
    level BIGINT NOT NULL,
    organisations BIGINT NOT NULL
);
CREATE INDEX network_cube_levels_filter ON network_cube_levels(region_id, org_type, year);

-- The figures' stamp reads the last changes through these, in a few steps whatever the volume.
CREATE INDEX campaigns_updated ON campaigns(updated_at);
CREATE INDEX organisations_updated ON organisations(updated_at);
CREATE INDEX plan_actions_updated ON plan_actions(updated_at);
