-- The writes made many times a minute are audited by the database itself, in the statement that
-- writes them: an answer saved (its participant, the indicator, the new version), a phone joining
-- a workshop, and a vote (which indicator, never which level: votes stay secret). The entry cannot
-- be lost without the write, and costs no round trip.
CREATE INDEX audit_log_actor ON audit_log(actor_user_id, id);
CREATE INDEX audit_log_action ON audit_log(action, id);
-- begin engine-specific
CREATE FUNCTION cap_audit_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, details, ip)
    SELECT NEW.updated_at, p.user_id, u.email, 'answers.save', 'campaign', CAST(NEW.campaign_id AS TEXT),
           NEW.indicator_code || ' v' || NEW.version, ''
    FROM campaign_participants p JOIN users u ON u.id = p.user_id WHERE p.id = NEW.participant_id;
    RETURN NULL;
END $$;
CREATE TRIGGER answers_audited AFTER INSERT OR UPDATE ON answers FOR EACH ROW EXECUTE FUNCTION cap_audit_answer();
CREATE FUNCTION cap_audit_workshop_join() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, details, ip)
    VALUES (NEW.joined_at, NULL, 'atelier · ' || NEW.first_name || ' · ' || NEW.seat, 'workshops.join', 'workshop',
            CAST(NEW.workshop_id AS TEXT), NEW.college, '');
    RETURN NULL;
END $$;
CREATE TRIGGER workshop_voters_audited AFTER INSERT ON workshop_voters FOR EACH ROW EXECUTE FUNCTION cap_audit_workshop_join();
CREATE FUNCTION cap_audit_workshop_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, details, ip)
    SELECT NEW.updated_at, NULL, 'atelier · ' || v.first_name || ' · ' || v.seat, 'workshops.vote', 'workshop',
           CAST(NEW.workshop_id AS TEXT), NEW.indicator_code, ''
    FROM workshop_voters v WHERE v.id = NEW.voter_id;
    RETURN NULL;
END $$;
CREATE TRIGGER workshop_votes_audited AFTER INSERT OR UPDATE ON workshop_votes FOR EACH ROW EXECUTE FUNCTION cap_audit_workshop_vote();
-- end engine-specific
