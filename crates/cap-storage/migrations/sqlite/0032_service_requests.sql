-- Services of the federation's offer asked for by a member, from a plan's action or its
-- accompaniment day, and followed through by a named person of the region or the federation:
-- asked, taken, scheduled, delivered, or declined with a reason. Versioned: two people moving
-- the same request never overwrite each other.
CREATE TABLE service_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    offer_code TEXT NOT NULL,
    origin TEXT NOT NULL,
    action_id INTEGER REFERENCES plan_actions(id) ON DELETE SET NULL,
    state TEXT NOT NULL,
    taken_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    scheduled_on TEXT,
    delivered_on TEXT,
    declined_reason TEXT NOT NULL DEFAULT '',
    asked_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    asked_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX service_requests_organisation ON service_requests(organisation_id, id);
CREATE INDEX service_requests_campaign ON service_requests(campaign_id, offer_code);
