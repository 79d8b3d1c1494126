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
CREATE FUNCTION cap_deployment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_stamps SET stamp = stamp + 1 WHERE name = 'deployment';
    RETURN NULL;
END $$;
CREATE TRIGGER regions_deployment AFTER INSERT OR DELETE OR UPDATE OF name ON regions FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER organisations_deployment AFTER INSERT OR DELETE OR UPDATE OF name, region_id, org_type ON organisations FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER campaigns_deployment AFTER INSERT OR DELETE OR UPDATE OF status, organisation_id, created_at ON campaigns FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER informed_organisations_deployment AFTER INSERT OR DELETE OR UPDATE ON informed_organisations FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER test_volunteers_deployment AFTER INSERT OR DELETE OR UPDATE ON test_volunteers FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER review_grants_deployment AFTER INSERT OR DELETE OR UPDATE OF campaign_id ON review_grants FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER accompaniment_days_deployment AFTER INSERT OR DELETE OR UPDATE OF campaign_id ON accompaniment_days FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER presentations_deployment AFTER INSERT OR DELETE OR UPDATE ON presentations FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER trainings_deployment AFTER INSERT OR DELETE OR UPDATE ON trainings FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER training_attendees_deployment AFTER INSERT OR DELETE OR UPDATE ON training_attendees FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
CREATE TRIGGER users_deployment AFTER UPDATE OF display_name ON users FOR EACH STATEMENT EXECUTE FUNCTION cap_deployment_changed();
-- end engine-specific
