-- The deployment's view is kept in memory while nothing it shows has changed: every write to what
-- it reads (members, their campaigns' steps, informed and volunteer marks, review accesses and
-- accompaniment days, presentations, trainings and their attendees, regions) adds one to its
-- stamp, in the statement that writes. The database bumps it, so no write can forget to, and
-- every instance sees it.
CREATE TABLE change_stamps (
    name TEXT PRIMARY KEY NOT NULL,
    stamp BIGINT NOT NULL
);
INSERT INTO change_stamps (name, stamp) VALUES ('deployment', 0);
-- begin engine-specific
CREATE TRIGGER regions_deployment_insert AFTER INSERT ON regions
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER regions_deployment_delete AFTER DELETE ON regions
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER regions_deployment_update AFTER UPDATE OF name ON regions
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER organisations_deployment_insert AFTER INSERT ON organisations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER organisations_deployment_delete AFTER DELETE ON organisations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER organisations_deployment_update AFTER UPDATE OF name, region_id, org_type ON organisations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER campaigns_deployment_insert AFTER INSERT ON campaigns
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER campaigns_deployment_delete AFTER DELETE ON campaigns
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER campaigns_deployment_update AFTER UPDATE OF status, organisation_id, created_at ON campaigns
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER informed_organisations_deployment_insert AFTER INSERT ON informed_organisations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER informed_organisations_deployment_delete AFTER DELETE ON informed_organisations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER informed_organisations_deployment_update AFTER UPDATE ON informed_organisations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER test_volunteers_deployment_insert AFTER INSERT ON test_volunteers
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER test_volunteers_deployment_delete AFTER DELETE ON test_volunteers
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER test_volunteers_deployment_update AFTER UPDATE ON test_volunteers
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER review_grants_deployment_insert AFTER INSERT ON review_grants
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER review_grants_deployment_delete AFTER DELETE ON review_grants
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER review_grants_deployment_update AFTER UPDATE OF campaign_id ON review_grants
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER accompaniment_days_deployment_insert AFTER INSERT ON accompaniment_days
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER accompaniment_days_deployment_delete AFTER DELETE ON accompaniment_days
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER accompaniment_days_deployment_update AFTER UPDATE OF campaign_id ON accompaniment_days
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER presentations_deployment_insert AFTER INSERT ON presentations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER presentations_deployment_delete AFTER DELETE ON presentations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER presentations_deployment_update AFTER UPDATE ON presentations
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER trainings_deployment_insert AFTER INSERT ON trainings
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER trainings_deployment_delete AFTER DELETE ON trainings
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER trainings_deployment_update AFTER UPDATE ON trainings
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER training_attendees_deployment_insert AFTER INSERT ON training_attendees
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER training_attendees_deployment_delete AFTER DELETE ON training_attendees
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER training_attendees_deployment_update AFTER UPDATE ON training_attendees
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
CREATE TRIGGER users_deployment_update AFTER UPDATE OF display_name ON users
BEGIN UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment'; END;
-- end engine-specific
