//! One storage suite, run against SQLite and PostgreSQL alike.

use cap_domain::{
    College, Email, GroupId, Membership, OrganisationId, OrganisationName, OrganisationType, Role, Scope, Siret, UserId,
};
use cap_storage::organisations::{Filter, OrganisationInput};
use cap_storage::tokens::{NewToken, Purpose};
use cap_storage::{
    Db, Stale, StorageError, audit, groups, memberships, organisations, regions, sessions, settings, throttle, tokens,
    users,
};

/// Generates one test per backend for each scenario function below.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let t = cap_storage::testing::TestDb::new(cap_storage::Backend::Sqlite).await;
                    super::$name(&t.db).await;
                    t.cleanup().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let t = cap_storage::testing::TestDb::new(cap_storage::Backend::Postgres).await;
                    super::$name(&t.db).await;
                    t.cleanup().await;
                }
            )*
        }
    };
}

on_both_backends!(
    ping_and_settings,
    glossaries_keep_every_version_and_refuse_a_stale_one,
    service_requests_are_followed_through_once,
    a_group_demarche_is_launched_whole_or_not_at_all,
    a_harmonisation_action_has_a_line_in_each_structure,
    venue_results_are_applied_whole_and_once,
    migrations_are_idempotent,
    regions_and_conflicts,
    organisations_crud_and_stale_writes,
    users_and_memberships,
    sessions_expire,
    tokens_are_single_use,
    throttle_windows,
    throttle_counts_parallel_attempts_once_each,
    throttle_backs_off_without_locking_out,
    audit_log_pages,
    a_write_and_its_audit_entry_stand_or_fall_together,
    erasure_keeps_rows_but_forgets_the_person,
    referentials_round_trip,
    offers_are_upserted_and_edited_safely,
    campaigns_participants_and_answers,
    answers_saved_together_are_each_checked_alone,
    workshops_count_each_phone_once,
    plans_actions_and_follow_up,
    job_leases_and_reminders_run_once,
    accompaniment_day_is_versioned,
    suggestions_change_the_plan_with_their_decision,
    review_access_ends_and_threads_stay_in_their_campaign,
    directory_and_trainings,
    api_tokens_expire_and_are_revoked,
    good_practices_are_moderated_once_and_keep_their_files,
    network_scores_and_cube,
    deployment_stages_and_presentations,
    the_deployment_stamp_moves_with_what_the_deployment_shows,
);

fn input(name: &str, region: i64, group: Option<GroupId>, siret: Option<&str>) -> OrganisationInput {
    OrganisationInput {
        name: OrganisationName::parse(name).unwrap(),
        org_type: OrganisationType::Aci,
        siret: siret.map(|s| Siret::parse(s).unwrap()),
        region: cap_domain::RegionId(region),
        group,
        address: "1 rue de la Paix".into(),
        postal_code: "69001".into(),
        city: "Lyon".into(),
    }
}

async fn ping_and_settings(db: &Db) {
    db.ping().await.unwrap();
    assert_eq!(settings::get(db, "federation_name").await.unwrap(), None);
    settings::set(db, "federation_name", "Fédération A").await.unwrap();
    settings::set(db, "federation_name", "Fédération B").await.unwrap();
    assert_eq!(settings::get(db, "federation_name").await.unwrap().as_deref(), Some("Fédération B"));
    assert_eq!(settings::get_or_init(db, "session_key", "k1").await.unwrap(), "k1");
    assert_eq!(settings::get_or_init(db, "session_key", "k2").await.unwrap(), "k1", "first value is kept");
}

async fn migrations_are_idempotent(db: &Db) {
    let before = db.schema().await.unwrap();
    assert!(before.iter().any(|l| l.contains("organisations")), "the schema is described: {before:?}");
    assert!(before.iter().any(|l| l.contains("organisations_region")), "indexes are described");
    db.migrate().await.unwrap();
    db.migrate().await.unwrap();
    assert_eq!(db.schema().await.unwrap(), before, "migrating again changed the schema");
    db.ping().await.unwrap();
}

async fn regions_and_conflicts(db: &Db) {
    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    regions::create(db, "BRE", "Bretagne").await.unwrap();
    assert!(matches!(regions::create(db, "ARA", "Autre").await, Err(StorageError::Conflict)));
    let all = regions::list(db).await.unwrap();
    assert_eq!(all.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["ARA", "BRE"]);
    regions::update(db, ara, "ARA", "Auvergne–Rhône-Alpes").await.unwrap();
    assert_eq!(regions::get(db, ara).await.unwrap().name, "Auvergne–Rhône-Alpes");
    assert!(matches!(regions::get(db, cap_domain::RegionId(999)).await, Err(StorageError::NotFound)));
}

async fn organisations_crud_and_stale_writes(db: &Db) {
    let r1 = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let r2 = regions::create(db, "BRE", "Bretagne").await.unwrap();
    let ges = groups::create(db, "GES du Lac").await.unwrap();
    let a = organisations::create(db, &input("Atelier du Lac", r1.0, Some(ges), Some("73282932000074"))).await.unwrap();
    let b = organisations::create(db, &input("Bretagne Services", r2.0, None, None)).await.unwrap();
    assert!(matches!(
        organisations::create(db, &input("Doublon", r1.0, None, Some("732 829 320 00074"))).await,
        Err(StorageError::Conflict)
    ));

    let org = organisations::get(db, a).await.unwrap();
    assert_eq!(org.region_name, "Auvergne-Rhône-Alpes");
    assert_eq!(org.group_name.as_deref(), Some("GES du Lac"));
    assert_eq!(org.org_type(), Some(OrganisationType::Aci));
    assert_eq!(org.version, 1);

    let in_r2 = organisations::list(db, Filter { region: Some(r2), group: None }).await.unwrap();
    assert_eq!(in_r2.iter().map(|o| o.id).collect::<Vec<_>>(), [b.0]);
    let in_ges = organisations::list(db, Filter { region: None, group: Some(ges) }).await.unwrap();
    assert_eq!(in_ges.iter().map(|o| o.id).collect::<Vec<_>>(), [a.0]);
    assert_eq!(organisations::list(db, Filter::default()).await.unwrap().len(), 2);
    assert_eq!(groups::get(db, ges).await.unwrap().organisation_count, 1);

    organisations::update(db, a, 1, &input("Atelier du Lac (ACI)", r1.0, None, None)).await.unwrap();
    let stale = organisations::update(db, a, 1, &input("Écrasement", r1.0, None, None)).await;
    assert!(
        matches!(stale, Err(StorageError::Stale(Stale { read: 1, current: 2 }))),
        "a stale version is refused with both versions"
    );
    let org = organisations::get(db, a).await.unwrap();
    assert_eq!((org.name.as_str(), org.version, org.group_id), ("Atelier du Lac (ACI)", 2, None));
    assert!(matches!(
        organisations::update(db, OrganisationId(999), 1, &input("X y", r1.0, None, None)).await,
        Err(StorageError::NotFound)
    ));
}

async fn users_and_memberships(db: &Db) {
    let r1 = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let ges = groups::create(db, "GES").await.unwrap();
    let a = organisations::create(db, &input("Atelier A", r1.0, Some(ges), None)).await.unwrap();
    let b = organisations::create(db, &input("Atelier B", r1.0, None, None)).await.unwrap();
    let email = Email::parse("Claire@Exemple.fr").unwrap();
    let claire = users::create(db, &email, "Claire", Some("$argon2id$hash")).await.unwrap();
    assert!(matches!(users::create(db, &email, "Autre", None).await, Err(StorageError::Conflict)));
    assert_eq!(users::find_by_email(db, &email).await.unwrap().unwrap().id, claire.0);
    assert_eq!(users::count(db).await.unwrap(), 1);

    let participant = Membership::new(Role::Participant, Scope::Organisation(a), Some(College::Volunteer)).unwrap();
    memberships::grant(db, claire, participant).await.unwrap();
    let as_board = Membership::new(Role::Participant, Scope::Organisation(a), Some(College::BoardMember)).unwrap();
    memberships::grant(db, claire, as_board).await.unwrap();
    memberships::grant(db, claire, Membership::new(Role::GroupLead, Scope::Group(ges), None).unwrap()).await.unwrap();
    let mine = memberships::for_user(db, claire).await.unwrap();
    assert_eq!(mine.len(), 2, "granting the same role twice updates it");
    assert_eq!(mine[0].membership.college, Some(College::BoardMember));
    assert_eq!(mine[1].membership.scope, Scope::Group(ges));

    let orgs = organisations::list_for_user(db, claire).await.unwrap();
    assert_eq!(orgs.iter().map(|o| o.id).collect::<Vec<_>>(), [a.0]);
    assert!(memberships::members_of(db, b).await.unwrap().is_empty());
    let members = memberships::members_of(db, a).await.unwrap();
    assert_eq!(members.iter().map(|m| m.email.as_str()).collect::<Vec<_>>(), ["claire@exemple.fr"]);
    let (user, roles) = sessions_view(db, claire).await;
    assert_eq!(user.email, "claire@exemple.fr");
    assert_eq!(roles, memberships::for_user(db, claire).await.unwrap(), "one query gives the same roles");

    let removed = memberships::revoke(db, mine[0].id).await.unwrap();
    assert_eq!(removed.membership.role, Role::Participant);
    assert_eq!(memberships::for_user(db, claire).await.unwrap().len(), 1);
    assert_eq!(memberships::count_admins(db).await.unwrap(), 0);
}

async fn sessions_expire(db: &Db) {
    let user = users::create(db, &Email::parse("a@exemple.fr").unwrap(), "A", None).await.unwrap();
    sessions::create(db, "h1", user, 1000, 2000).await.unwrap();
    assert_eq!(sessions::user_of(db, "h1", 1500).await.unwrap(), Some(user));
    let viewer = sessions::signed_in_user(db, "h1", 1500).await.unwrap().unwrap();
    assert_eq!((viewer.user.id, viewer.memberships.len()), (user.0, 0), "a user without roles still signs in");
    assert!(sessions::signed_in_user(db, "h1", 2000).await.unwrap().is_none());
    assert_eq!(sessions::user_of(db, "h1", 2000).await.unwrap(), None, "expired");
    sessions::create(db, "h2", user, 1000, 1100).await.unwrap();
    assert_eq!(sessions::purge_expired(db, 1500).await.unwrap(), 1);
    assert_eq!(sessions::user_of(db, "h1", 1500).await.unwrap(), Some(user), "live sessions stay");
    users::set_password(db, user, "new-hash").await.unwrap();
    assert_eq!(sessions::user_of(db, "h1", 1500).await.unwrap(), None, "a new password ends other sessions");
    sessions::create(db, "h3", user, 1000, 9000).await.unwrap();
    sessions::delete(db, "h3").await.unwrap();
    assert_eq!(sessions::user_of(db, "h3", 2000).await.unwrap(), None);
    assert_eq!(users::get(db, UserId(user.0)).await.unwrap().password_hash.as_deref(), Some("new-hash"));
}

async fn tokens_are_single_use(db: &Db) {
    let new = |hash: &'static str, expires_at| NewToken {
        token_hash: hash,
        purpose: Purpose::Invitation,
        email: "invite@exemple.fr",
        user_id: None,
        payload: "{}",
        created_by: None,
        now: 100,
        expires_at,
    };
    tokens::create(db, new("t1", 1000)).await.unwrap();
    tokens::create(db, new("t2", 150)).await.unwrap();
    assert_eq!(tokens::peek(db, "t1", Purpose::Invitation, 200).await.unwrap().email, "invite@exemple.fr");
    assert!(matches!(tokens::peek(db, "t1", Purpose::PasswordReset, 200).await, Err(StorageError::NotFound)));
    assert!(matches!(tokens::consume(db, "t2", Purpose::Invitation, 200).await, Err(StorageError::NotFound)));
    tokens::consume(db, "t1", Purpose::Invitation, 200).await.unwrap();
    assert!(matches!(tokens::consume(db, "t1", Purpose::Invitation, 201).await, Err(StorageError::NotFound)));
    tokens::create(db, new("t3", 1000)).await.unwrap();
    tokens::revoke_all(db, Purpose::Invitation, 300).await.unwrap();
    assert!(matches!(tokens::peek(db, "t3", Purpose::Invitation, 301).await, Err(StorageError::NotFound)));
}

async fn throttle_windows(db: &Db) {
    let bucket = "account:a@exemple.fr";
    for expected in 1..=3 {
        assert_eq!(throttle::attempt(db, bucket, 1000, 900).await.unwrap(), expected);
    }
    assert_eq!(throttle::attempt(db, bucket, 1100, 900).await.unwrap(), 4);
    assert_eq!(throttle::attempt(db, bucket, 1900, 900).await.unwrap(), 1, "window passed: a new one starts at 1");
    assert_eq!(throttle::attempt(db, bucket, 2000, 900).await.unwrap(), 2, "the new window started at 1900");
    throttle::clear(db, bucket).await.unwrap();
    assert_eq!(throttle::attempt(db, bucket, 2000, 900).await.unwrap(), 1);
    // Purging forgets only buckets older than the cut: the live window keeps its count.
    assert_eq!(throttle::attempt(db, "account:old@exemple.fr", 100, 900).await.unwrap(), 1);
    assert_eq!(throttle::purge_stale(db, 1000).await.unwrap(), 1, "only the old bucket goes");
    assert_eq!(throttle::attempt(db, bucket, 2100, 900).await.unwrap(), 2, "the live window was kept");
    assert_eq!(throttle::attempt(db, "account:old@exemple.fr", 2100, 900).await.unwrap(), 1);
}

async fn throttle_counts_parallel_attempts_once_each(db: &Db) {
    let bucket = "account:parallel@exemple.fr";
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let db = db.clone();
        set.spawn(async move { throttle::attempt(&db, bucket, 5000, 900).await.unwrap() });
    }
    let mut counts = set.join_all().await;
    counts.sort_unstable();
    assert_eq!(counts, (1..=40).collect::<Vec<i64>>(), "every attempt got its own count");
}

async fn throttle_backs_off_without_locking_out(db: &Db) {
    let bucket = "address:203.0.113.7";
    // Three attempts at once, then one every 10 s.
    for _ in 0..3 {
        assert!(throttle::take(db, bucket, 1000, 10, 3).await.unwrap());
    }
    assert!(!throttle::take(db, bucket, 1000, 10, 3).await.unwrap(), "the burst is spent");
    for _ in 0..50 {
        assert!(!throttle::take(db, bucket, 1001, 10, 3).await.unwrap(), "still refused");
    }
    assert!(!throttle::take(db, bucket, 1015, 10, 3).await.unwrap(), "refusals pushed the refill back a little");
    assert!(throttle::take(db, bucket, 1040, 10, 3).await.unwrap(), "…but never more than two intervals");
    throttle::give_back(db, bucket, 10).await.unwrap();
    assert!(throttle::take(db, bucket, 1040, 10, 3).await.unwrap(), "an attempt given back is free again");
    assert!(throttle::take(db, "address:198.51.100.1", 1000, 10, 3).await.unwrap(), "buckets are separate");
    assert!(throttle::take(db, bucket, 2000, 10, 3).await.unwrap(), "a rested bucket is full");
}

async fn audit_log_pages(db: &Db) {
    for i in 0..5 {
        let id = i.to_string();
        audit::append(
            db,
            audit::NewEntry {
                actor: None,
                actor_label: "système",
                action: "region.create",
                entity: "region",
                entity_id: &id,
                details: "Région créée",
                ip: "127.0.0.1",
            },
        )
        .await
        .unwrap();
    }
    let first = audit::recent(db, None, 3).await.unwrap();
    assert_eq!(first.iter().map(|e| e.entity_id.as_str()).collect::<Vec<_>>(), ["4", "3", "2"]);
    let next = audit::recent(db, Some(first[2].id), 3).await.unwrap();
    assert_eq!(next.iter().map(|e| e.entity_id.as_str()).collect::<Vec<_>>(), ["1", "0"]);
}

fn pending(action: &str, entity_id: &str) -> audit::Pending {
    audit::Pending {
        actor: None,
        actor_label: "lou@exemple.fr".into(),
        action: action.into(),
        entity: "region".into(),
        entity_id: entity_id.into(),
        details: "détails".into(),
        ip: "192.0.2.1".into(),
    }
}

async fn a_write_and_its_audit_entry_stand_or_fall_together(db: &Db) {
    let entries = || async { audit::recent(db, None, 50).await.unwrap() };
    // A created row names itself in its entry.
    let ara = regions::create(db.audited(pending("regions.create", "")), "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let log = entries().await;
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].action.as_str(), log[0].entity_id.clone()), ("regions.create", ara.0.to_string()));
    assert_eq!((log[0].actor_label.as_str(), log[0].ip.as_str()), ("lou@exemple.fr", "192.0.2.1"));
    // A write refused for a taken code, or for a stale version, appends nothing.
    let taken = regions::create(db.audited(pending("regions.create", "")), "ARA", "Encore").await;
    assert!(matches!(taken, Err(StorageError::Conflict)), "{taken:?}");
    let org = organisations::create(db, &input("Atelier A", ara.0, None, None)).await.unwrap();
    assert_eq!(entries().await.len(), 1, "a write handed no entry appends none");
    let renamed = input("Atelier B", ara.0, None, None);
    let stale = organisations::update(db.audited(pending("organisations.update", "x")), org, 7, &renamed).await;
    assert!(matches!(stale, Err(StorageError::Stale(_))), "{stale:?}");
    assert_eq!(entries().await.len(), 1, "a refused write appends nothing");
    // An entry that cannot be written takes its write down with it.
    let refuse = match db.backend() {
        cap_storage::Backend::Sqlite => vec![
            "CREATE TRIGGER refuse_entry BEFORE INSERT ON audit_log WHEN NEW.action = 'test.refused'
             BEGIN SELECT RAISE(ABORT, 'refused'); END",
        ],
        cap_storage::Backend::Postgres => vec![
            "CREATE FUNCTION refuse_entry() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_entry BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'test.refused')
             EXECUTE FUNCTION refuse_entry()",
        ],
    };
    for sql in refuse {
        cap_storage::testing::execute(db, sql).await.unwrap();
    }
    let refused = regions::create(db.audited(pending("test.refused", "")), "BRE", "Bretagne").await;
    assert!(refused.is_err(), "the entry was refused, so is the write");
    assert!(regions::list(db).await.unwrap().iter().all(|r| r.code != "BRE"), "no region without its entry");
    let updated = organisations::update(db.audited(pending("test.refused", "")), org, 1, &renamed).await;
    assert!(updated.is_err());
    assert_eq!(organisations::get(db, org).await.unwrap().name, "Atelier A", "no change without its entry");
    assert_eq!(entries().await.len(), 1);
}

#[tokio::test]
async fn sqlite_backup_is_a_consistent_copy() {
    let t = cap_storage::testing::TestDb::new(cap_storage::Backend::Sqlite).await;
    regions::create(&t.db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let dir = cap_storage::testing::TempDir::new("cap-backup").unwrap();
    let target = dir.0.join("copy.db");
    assert!(t.db.backup_sqlite(&target).await.unwrap());
    assert!(t.db.backup_sqlite(&target).await.is_err(), "never overwrites an existing file");
    let copy = Db::connect(&format!("sqlite://{}", target.display())).await.unwrap();
    assert_eq!(regions::list(&copy).await.unwrap().len(), 1);
    copy.close().await;
    t.cleanup().await;
}

async fn erasure_keeps_rows_but_forgets_the_person(db: &Db) {
    let r = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let a = organisations::create(db, &input("Atelier A", r.0, None, None)).await.unwrap();
    let email = Email::parse("lou@exemple.fr").unwrap();
    let lou = users::create(db, &email, "Lou", Some("hash")).await.unwrap();
    memberships::grant(
        db,
        lou,
        Membership::new(Role::Participant, Scope::Organisation(a), Some(College::Volunteer)).unwrap(),
    )
    .await
    .unwrap();
    sessions::create(db, "s", lou, 1, i64::MAX).await.unwrap();
    audit::append(
        db,
        audit::NewEntry {
            actor: Some(lou),
            actor_label: "lou@exemple.fr",
            action: "users.sign_in",
            entity: "user",
            entity_id: "lou@exemple.fr",
            details: "",
            ip: "",
        },
    )
    .await
    .unwrap();
    users::erase(db, lou).await.unwrap();
    let user = users::get(db, lou).await.unwrap();
    assert_eq!(user.display_name, format!("personne effacée n° {}", lou.0));
    assert!(user.password_hash.is_none() && user.disabled_at.is_some());
    assert!(users::find_by_email(db, &email).await.unwrap().is_none());
    assert!(memberships::for_user(db, lou).await.unwrap().is_empty());
    assert_eq!(sessions::user_of(db, "s", 2).await.unwrap(), None);
    let entries = audit::by_actor(db, lou).await.unwrap();
    assert_eq!(entries.len(), 1, "the entry stays");
    assert!(!entries[0].actor_label.contains("lou@") && !entries[0].entity_id.contains("lou@"));
    assert!(matches!(users::erase(db, UserId(9999)).await, Err(StorageError::NotFound)));
}

/// The signed-in view of a user through a fresh session.
async fn sessions_view(db: &Db, user: UserId) -> (cap_storage::users::User, Vec<memberships::StoredMembership>) {
    sessions::create(db, "view", user, 1, i64::MAX).await.unwrap();
    let view = sessions::signed_in_user(db, "view", 2).await.unwrap().unwrap();
    sessions::delete(db, "view").await.unwrap();
    assert_eq!(view.campaign_only, None);
    (view.user, view.memberships)
}

fn offer(code: &str, title: &str) -> cap_domain::referential::ServiceOffer {
    cap_domain::referential::ServiceOffer {
        code: code.into(),
        kind: cap_domain::referential::OfferKind::Formation,
        title: title.into(),
        title_en: None,
        description: "Deux jours.".into(),
        contact: None,
        region: Some("ARA".into()),
    }
}

async fn offers_are_upserted_and_edited_safely(db: &Db) {
    use cap_storage::offers;
    offers::upsert_all(db, &[offer("F-B", "B"), offer("F-A", "A")]).await.unwrap();
    offers::upsert_all(db, &[offer("F-B", "B bis")]).await.unwrap();
    let all = offers::list(db).await.unwrap();
    assert_eq!(
        all.iter().map(|o| (o.offer.code.as_str(), o.offer.title.as_str())).collect::<Vec<_>>(),
        [("F-B", "B bis"), ("F-A", "A")]
    );
    assert_eq!(offers::codes(db).await.unwrap().len(), 2);
    let id = offers::create(db, &offer("F-C", "C")).await.unwrap();
    assert!(matches!(offers::create(db, &offer("F-C", "C")).await, Err(StorageError::Conflict)));
    offers::update(db, id, 1, &offer("F-C", "C modifié")).await.unwrap();
    assert!(matches!(
        offers::update(db, id, 1, &offer("F-C", "écrasement")).await,
        Err(StorageError::Stale(Stale { read: 1, current: 2 }))
    ));
    assert!(matches!(offers::update(db, 999_999, 1, &offer("F-C", "absente")).await, Err(StorageError::NotFound)));
    assert_eq!(offers::get(db, id).await.unwrap().offer.title, "C modifié");
    assert_eq!(offers::by_codes(db, &["F-A".into()]).await.unwrap().len(), 1);
}

async fn referentials_round_trip(db: &Db) {
    use cap_domain::referential::{emit_referential, generate};
    use cap_storage::referentials;
    assert!(referentials::is_empty(db).await.unwrap());
    let iso = generate("iso-test", 12, 1, None);
    let iso_codes: Vec<String> = iso.nodes.iter().map(|n| n.code.clone()).collect();
    let iso_id = referentials::import(db, &iso, true, None).await.unwrap();
    let mut r = generate("gen", 120, 7, Some(("iso-test", &iso_codes[..])));
    r.nodes[3].guidance = Some("Ligne 1\n\n- point \"cité\"\n- 100 % fait".into());
    r.nodes[3].applies_to = vec![OrganisationType::Aci];
    let id = referentials::import(db, &r, false, None).await.unwrap();
    assert!(
        matches!(referentials::import(db, &r, false, None).await, Err(StorageError::Conflict)),
        "versions never change"
    );
    let back = referentials::load(db, id).await.unwrap();
    assert_eq!(back, r);
    assert_eq!(emit_referential(&back), emit_referential(&r), "export gives back the same bytes");
    assert_eq!(referentials::find(db, "gen", "1").await.unwrap(), Some(id));
    let summary = referentials::summary(db, id).await.unwrap();
    assert_eq!((summary.indicator_count, summary.builtin, summary.frozen_at), (120, 0, None));
    assert_eq!(referentials::list(db).await.unwrap().len(), 2);
    let latest = referentials::latest_node_codes(db).await.unwrap();
    assert_eq!(latest["iso-test"].len(), iso.nodes.len());
    assert_eq!(referentials::node_codes(db, iso_id).await.unwrap().len(), iso.nodes.len());

    let mapped = r.indicators().find(|n| !n.mappings.is_empty()).unwrap();
    let target = &mapped.mappings[0];
    let node = referentials::node(db, id, &mapped.code).await.unwrap();
    assert_eq!(&node, mapped);
    let incoming = referentials::incoming_mappings(db, "iso-test", &target.code).await.unwrap();
    assert!(incoming.iter().any(|m| m.code == mapped.code && m.version_id == id));
    referentials::freeze(db, id).await.unwrap();
    assert!(referentials::summary(db, id).await.unwrap().frozen_at.is_some());
    assert_eq!(referentials::latest_version(db, "gen").await.unwrap(), Some(id));
    assert_eq!(referentials::latest_version(db, "absent").await.unwrap(), None);

    // Easy-to-read statements written after a version was imported fill in, once, where missing.
    let mut easier = r.clone();
    let (first, second) = (easier.nodes[3].code.clone(), easier.nodes[4].code.clone());
    easier.nodes[3].easy_read = Some("Nous le faisons souvent.".into());
    easier.nodes[4].easy_read_en = Some("We do it often.".into());
    assert_eq!(referentials::add_easy_read(db, id, &easier).await.unwrap(), 2);
    let back = referentials::load(db, id).await.unwrap();
    assert_eq!(back.node(&first).unwrap().easy_read.as_deref(), Some("Nous le faisons souvent."));
    assert_eq!(back.node(&second).unwrap().easy_read_in(true), Some("We do it often."));
    easier.nodes[3].easy_read = Some("Autre texte.".into());
    assert_eq!(referentials::add_easy_read(db, id, &easier).await.unwrap(), 0, "a text once there stays");
    assert_eq!(
        referentials::node(db, id, &first).await.unwrap().easy_read.as_deref(),
        Some("Nous le faisons souvent.")
    );
}

/// Saves written together: first answers and later ones in one batch, each checked against the
/// version its page saw; a stale one and one with no answer behind it are refused alone; two saves
/// of one answer in one batch are written one after the other.
async fn answers_saved_together_are_each_checked_alone(db: &Db) {
    use cap_domain::campaign::AnswerValue;
    use cap_storage::campaigns::{self, AnswerSave};
    let campaign = cap_storage::testing::campaign(db).await;
    let mut people = Vec::new();
    for name in ["ana", "bo", "cy"] {
        let user = users::create(db, &Email::parse(&format!("{name}@exemple.fr")).unwrap(), name, None).await.unwrap();
        people.push(campaigns::add_participant(db, campaign, user, College::Volunteer).await.unwrap());
    }
    let save =
        |participant: i64, code: &str, value: Option<AnswerValue>, comment: &str, expected_version: i64| AnswerSave {
            campaign,
            participant,
            code: code.to_owned(),
            value,
            comment: comment.to_owned(),
            expected_version,
        };
    let (ana, bo, cy) = (people[0], people[1], people[2]);
    let first = campaigns::save_answers(
        db,
        &[
            save(ana, "P1.1.1.1", Some(AnswerValue::Level(1)), "", 0),
            save(ana, "P1.1.1.2", Some(AnswerValue::Level(2)), "", 0),
            save(bo, "P1.1.1.1", Some(AnswerValue::Level(3)), "", 0),
        ],
    )
    .await
    .unwrap();
    assert!(first.iter().all(|o| matches!(o, Ok(w) if w.version == 1)), "{first:?}");

    let later = campaigns::save_answers(
        db,
        &[
            save(ana, "P1.1.1.1", Some(AnswerValue::Number(12.5)), "« douze »", 1),
            save(bo, "P1.1.1.1", Some(AnswerValue::Text("Texte libre".into())), "", 1),
            save(ana, "P1.1.1.2", Some(AnswerValue::Level(4)), "", 3),
            save(cy, "P1.1.1.1", Some(AnswerValue::Level(4)), "", 1),
            save(cy, "P1.1.1.2", None, "plus tard", 0),
        ],
    )
    .await
    .unwrap();
    assert!(matches!(later[0], Ok(w) if w.version == 2), "{later:?}");
    assert!(matches!(later[1], Ok(w) if w.version == 2), "{later:?}");
    assert!(
        matches!(later[2], Err(StorageError::Stale(Stale { read: 3, current: 1 }))),
        "a stale save is refused with the version stored: {later:?}"
    );
    assert!(matches!(later[3], Err(StorageError::NotFound)), "no answer to change: {later:?}");
    assert!(matches!(later[4], Ok(w) if w.version == 1), "{later:?}");
    let (of_ana, of_bo, of_cy) = (
        campaigns::answers_of(db, ana).await.unwrap(),
        campaigns::answers_of(db, bo).await.unwrap(),
        campaigns::answers_of(db, cy).await.unwrap(),
    );
    let stored = |a: &campaigns::StoredAnswer| (a.value.clone(), a.comment.clone(), a.version);
    assert_eq!(stored(&of_ana["P1.1.1.1"]), (Some(AnswerValue::Number(12.5)), "« douze »".to_owned(), 2));
    assert_eq!(stored(&of_ana["P1.1.1.2"]), (Some(AnswerValue::Level(2)), String::new(), 1), "left as it was");
    assert_eq!(stored(&of_bo["P1.1.1.1"]), (Some(AnswerValue::Text("Texte libre".into())), String::new(), 2));
    assert_eq!((of_cy.len(), stored(&of_cy["P1.1.1.2"])), (1, (None, "plus tard".to_owned(), 1)));

    // The same answer twice in one batch: the second save is checked against the first's version.
    let twice = campaigns::save_answers(
        db,
        &[
            save(bo, "P1.1.1.1", Some(AnswerValue::Level(1)), "", 2),
            save(bo, "P1.1.1.1", Some(AnswerValue::Level(2)), "", 3),
            save(bo, "P1.1.1.1", Some(AnswerValue::Level(3)), "", 3),
        ],
    )
    .await
    .unwrap();
    assert!(matches!(twice[..], [Ok(_), Ok(_), Err(StorageError::Stale(Stale { read: 3, current: 4 }))]), "{twice:?}");
    assert_eq!(stored(&campaigns::answer_of(db, bo, "P1.1.1.1").await.unwrap()).2, 4);

    // Each answer written has its entry, written by the same statement; the refused have none.
    let logged = audit::search(db, &audit::Filter::default(), None, 100).await.unwrap();
    let mut saved: Vec<&str> =
        logged.iter().filter(|e| e.action == "answers.save").map(|e| e.details.as_str()).collect();
    saved.sort_unstable();
    assert_eq!(
        saved,
        [
            "P1.1.1.1 v1",
            "P1.1.1.1 v1",
            "P1.1.1.1 v2",
            "P1.1.1.1 v2",
            "P1.1.1.1 v3",
            "P1.1.1.1 v4",
            "P1.1.1.2 v1",
            "P1.1.1.2 v1"
        ]
    );
}

async fn campaigns_participants_and_answers(db: &Db) {
    use cap_domain::campaign::{AnswerValue, CampaignStatus};
    use cap_storage::campaigns::{self, CampaignOption, NewCampaign, Written};
    use cap_storage::referentials;
    let r = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let org = organisations::create(db, &input("Atelier A", r.0, None, None)).await.unwrap();
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    let scope = vec!["P1".to_owned()];
    let id = campaigns::create(
        db,
        &NewCampaign {
            organisation: org,
            referential_version_id: version,
            title: "Auto-évaluation 2026",
            scope: &scope,
            answering_from: Some("2026-12-01"),
            consolidation_on: None,
            restitution_on: Some("2027-01-15"),
            created_by: None,
        },
    )
    .await
    .unwrap();
    let c = campaigns::get(db, id).await.unwrap();
    assert_eq!(
        (c.status, c.scope.clone(), c.answering_from.as_deref(), c.version),
        (CampaignStatus::Preparation, scope, Some("2026-12-01"), 1)
    );
    assert_eq!(campaigns::for_organisation(db, org).await.unwrap().len(), 1);

    let lou = users::create(db, &Email::parse("lou@exemple.fr").unwrap(), "Lou", None).await.unwrap();
    let p = campaigns::add_participant(db, id, lou, College::Volunteer).await.unwrap();
    assert!(matches!(campaigns::add_participant(db, id, lou, College::Direction).await, Err(StorageError::Conflict)));
    assert_eq!(campaigns::participant_of(db, id, lou).await.unwrap().unwrap().college, College::Volunteer);

    assert!(referentials::summary(db, version).await.unwrap().frozen_at.is_none());
    assert_eq!(
        campaigns::advance(db, id, CampaignStatus::Preparation, 1).await.unwrap(),
        CampaignStatus::SelfAssessment
    );
    assert!(
        matches!(campaigns::advance(db, id, CampaignStatus::Preparation, 1).await, Err(StorageError::Stale(_))),
        "only once"
    );
    assert!(
        referentials::summary(db, version).await.unwrap().frozen_at.is_some(),
        "opening answers freezes the version"
    );

    let first =
        campaigns::save_answer(db, id, p, "P1.1.1.1", &Some(AnswerValue::Level(3)), "D'accord", 0).await.unwrap();
    assert!(matches!(first, Written { version: 1, .. }));
    let stale = campaigns::save_answer(db, id, p, "P1.1.1.1", &Some(AnswerValue::Level(1)), "", 0).await;
    assert!(
        matches!(stale, Err(StorageError::Stale(Stale { read: 0, current: 1 }))),
        "a second first answer conflicts: {stale:?}"
    );
    let current = campaigns::answer_of(db, p, "P1.1.1.1").await.unwrap();
    assert_eq!(
        (current.value, current.comment.as_str(), current.version),
        (Some(AnswerValue::Level(3)), "D'accord", 1),
        "nothing was overwritten"
    );
    campaigns::save_answer(db, id, p, "P1.1.1.1", &Some(AnswerValue::NotApplicable), "", 1).await.unwrap();
    assert!(matches!(
        campaigns::save_answer(db, id, p, "P1.1.1.1", &Some(AnswerValue::Unknown), "", 1).await,
        Err(StorageError::Stale(Stale { read: 1, current: 2 }))
    ));
    campaigns::save_answer(db, id, p, "P1.1.1.2", &Some(AnswerValue::Number(12.5)), "", 0).await.unwrap();
    campaigns::save_answer(db, id, p, "P1.1.1.3", &Some(AnswerValue::Text("Texte « libre »".into())), "", 0)
        .await
        .unwrap();
    campaigns::save_answer(db, id, p, "P1.1.1.4", &None, "plus tard", 0).await.unwrap();
    let answers = campaigns::answers_of(db, p).await.unwrap();
    assert_eq!(answers["P1.1.1.1"].value, Some(AnswerValue::NotApplicable));
    assert_eq!(answers["P1.1.1.1"].version, 2);
    assert_eq!(answers["P1.1.1.2"].value, Some(AnswerValue::Number(12.5)));
    assert_eq!(answers["P1.1.1.3"].value, Some(AnswerValue::Text("Texte « libre »".into())));
    assert_eq!(answers["P1.1.1.4"].value, None);
    let listed = campaigns::participants(db, id).await.unwrap();
    assert_eq!((listed.len(), listed[0].answered), (1, 3), "a cleared answer does not count");
    let settled = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<std::collections::HashSet<_>>();
    assert_eq!(
        campaigns::settled_codes(db, id, p).await.unwrap(),
        settled(&["P1.1.1.1", "P1.1.1.2", "P1.1.1.3"]),
        "answered with a value"
    );
    // Decided in a workshop: settled for everyone; a shared answer left empty, or decided in
    // consolidation, settles nothing of the participant's.
    for (code, value, source) in [
        ("P1.1.2.1", Some(AnswerValue::Level(2)), "workshop"),
        ("P1.1.2.2", None, "workshop"),
        ("P1.1.2.3", Some(AnswerValue::Level(1)), "consolidation"),
    ] {
        let decided = campaigns::NewConsolidated { source, ..campaigns::NewConsolidated::settled(code, &value, None) };
        campaigns::save_consolidated(db, id, &decided, 0).await.unwrap();
    }
    assert_eq!(
        campaigns::settled_codes(db, id, p).await.unwrap(),
        settled(&["P1.1.1.1", "P1.1.1.2", "P1.1.1.3", "P1.1.2.1"])
    );
    let opened = campaigns::opened_by(db, id, lou).await.unwrap();
    let me = opened.participant.expect("lou takes part");
    assert_eq!((me.id, me.answered, me.email.as_str()), (p, 3, "lou@exemple.fr"));
    assert!(opened.assigned.is_empty(), "nothing assigned: everything");
    assert_eq!(
        (opened.campaign, opened.organisation.id, opened.organisation.name.as_str()),
        (campaigns::get(db, id).await.unwrap(), org.0, "Atelier A")
    );
    campaigns::set_assignment(db, p, &["P1.1".to_owned(), "P2".to_owned()]).await.unwrap();
    let opened = campaigns::opened_by(db, id, lou).await.unwrap();
    assert_eq!(
        (opened.participant.map(|m| m.id), opened.assigned),
        (Some(p), vec!["P1.1".to_owned(), "P2".to_owned()])
    );
    campaigns::set_assignment(db, p, &[]).await.unwrap();
    // Someone who does not take part opens the same campaign, without a participant record.
    let outsider = campaigns::opened_by(db, id, UserId(i64::MAX)).await.unwrap();
    assert_eq!((outsider.campaign.id, outsider.participant.is_none(), outsider.assigned.len()), (id, true, 0));
    assert!(matches!(campaigns::opened_by(db, i64::MAX, lou).await, Err(StorageError::NotFound)));

    // Each answer written is in the log, written by the same statement; the refused ones are not.
    let everything = audit::Filter::default();
    let logged = audit::search(db, &everything, None, 100).await.unwrap();
    let saves: Vec<&audit::Entry> = logged.iter().filter(|e| e.action == "answers.save").collect();
    assert_eq!(saves.len(), 5, "five answers written, two refused");
    assert!(saves.iter().all(|e| e.actor_user_id == Some(lou.0) && e.actor_label == "lou@exemple.fr"));
    assert_eq!((saves[0].entity.as_str(), saves[0].entity_id.clone()), ("campaign", id.to_string()));
    assert!(saves.iter().any(|e| e.details == "P1.1.1.1 v2"), "the indicator and the version written");
    let search = |f: audit::Filter| async move { audit::search(db, &f, None, 100).await.unwrap().len() };
    let by = |organisation: Option<&str>, person: Option<&str>, kind: Option<&str>| audit::Filter {
        organisation: organisation.map(str::to_owned),
        person: person.map(str::to_owned),
        kind: kind.map(str::to_owned),
        ..audit::Filter::default()
    };
    assert_eq!(search(by(Some("atelier a"), None, Some("answers"))).await, 5, "found through its campaign");
    assert_eq!(search(by(Some("Autre"), None, None)).await, 0);
    assert_eq!(search(by(None, Some("LOU@"), None)).await, 5);
    assert_eq!(search(by(None, Some("lou%"), None)).await, 0, "a % is a % to look for, not a wildcard");
    assert_eq!(search(by(None, None, Some("plans"))).await, 0);
    let at = saves[0].at;
    let window =
        |from: i64, until: i64| audit::Filter { from: Some(from), until: Some(until), ..audit::Filter::default() };
    assert_eq!(search(window(at + 1, at + 100)).await, 0);
    assert!(search(window(at - 100, at + 100)).await >= 5);
    assert!(audit::kinds(db).await.unwrap().contains(&"answers".to_owned()));

    let all = campaigns::all_answers(db, id).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|(pid, college, _)| *pid == p && *college == College::Volunteer));
    let shared = campaigns::NewConsolidated {
        code: "P1.1.1.1",
        value: &Some(AnswerValue::Level(2)),
        proposal: Some(3),
        rationale: "Débat : c'est encore en démarrage",
        source: "consolidation",
        decided_by: Some(lou),
    };
    assert!(matches!(campaigns::save_consolidated(db, id, &shared, 0).await.unwrap(), Written { version: 1, .. }));
    assert!(
        matches!(
            campaigns::save_consolidated(db, id, &shared, 0).await,
            Err(StorageError::Stale(Stale { read: 0, current: 1 }))
        ),
        "stale"
    );
    let decided = campaigns::consolidated(db, id).await.unwrap();
    assert_eq!(decided["P1.1.1.1"].value, Some(AnswerValue::Level(2)));
    assert_eq!((decided["P1.1.1.1"].proposal, decided["P1.1.1.1"].source.as_str()), (Some(3), "consolidation"));
    assert_eq!(
        campaigns::answers_of(db, p).await.unwrap()["P1.1.1.1"].value,
        Some(AnswerValue::NotApplicable),
        "individual answers never change"
    );
    let v = campaigns::get(db, id).await.unwrap().version;
    campaigns::set_option(db, id, CampaignOption::ProtectColleges, true, v).await.unwrap();
    let c = campaigns::get(db, id).await.unwrap();
    assert!(c.protect_colleges && !c.shared_with_region, "results are not shared with the region by default");
    campaigns::set_option(db, id, CampaignOption::SharedWithRegion, true, c.version).await.unwrap();
    let stale = campaigns::set_option(db, id, CampaignOption::SharedWithRegion, false, c.version).await;
    assert!(matches!(stale, Err(StorageError::Stale(_))), "a stale option change is refused");
    let c = campaigns::get(db, id).await.unwrap();
    assert!(c.protect_colleges && c.shared_with_region);
}

async fn workshops_count_each_phone_once(db: &Db) {
    use cap_domain::campaign::AnswerValue;
    use cap_storage::workshops;
    let campaign = cap_storage::testing::campaign(db).await;
    let codes = vec!["P1.1.1.1".to_owned(), "P1.1.1.2".to_owned()];
    let options = workshops::Options { by_college: true, admission: false };
    let id = workshops::create(db, campaign, "ACDEFH", &codes, options).await.unwrap();
    assert!(matches!(workshops::create(db, campaign, "ACDEFH", &codes, options).await, Err(StorageError::Conflict)));
    let w = workshops::by_code(db, "ACDEFH").await.unwrap();
    assert_eq!((w.id, w.current(), w.revealed, w.by_college), (id, Some("P1.1.1.1"), false, true));
    // A phone by its token in an open room, and one vote written alone, as the pages do.
    let phone = |code: &'static str, token: &'static str| async move {
        workshops::with_voter(db, code, token).await.unwrap().and_then(|(_, voter)| voter)
    };
    let vote = |workshop: i64, voter: i64, value: AnswerValue| async move {
        let ballot = workshops::Ballot { workshop, voter, code: "P1.1.1.1".to_owned(), value };
        workshops::record_ballots(db, &[ballot]).await.unwrap();
    };
    let lou = workshops::join(db, id, "t1", "Lou", College::Volunteer, "K7P").await.unwrap();
    let sam = workshops::join(db, id, "t2", "Sam", College::Direction, "MX4").await.unwrap();
    let known = phone("ACDEFH", "t1").await.unwrap();
    assert_eq!((known.first_name.as_str(), known.seat.as_str()), ("Lou", "K7P"));
    vote(id, lou, AnswerValue::Level(2)).await;
    // Lou's phone forgets its token and comes back: same participant, same vote.
    workshops::reclaim(db, id, lou, "t1-again").await.unwrap();
    assert!(phone("ACDEFH", "t1").await.is_none(), "the old token no longer works");
    assert_eq!(phone("ACDEFH", "t1-again").await.unwrap().id, lou);
    vote(id, lou, AnswerValue::Level(3)).await;
    vote(id, sam, AnswerValue::NotApplicable).await;
    let votes = workshops::votes(db, id, "P1.1.1.1").await.unwrap();
    assert_eq!(votes.len(), 2, "voting twice counts once");
    assert_eq!(votes[0], (lou, College::Volunteer, AnswerValue::Level(3)));
    workshops::remove_voter(db, id, sam).await.unwrap();
    assert!(
        matches!(workshops::reclaim(db, id, sam, "t2-again").await, Err(StorageError::NotFound)),
        "removed stays removed"
    );
    assert_eq!(workshops::votes(db, id, "P1.1.1.1").await.unwrap().len(), 1, "a removed phone no longer counts");
    // The room read in one statement is the phones and the votes read apart.
    assert_eq!(
        workshops::room(db, id, Some("P1.1.1.1")).await.unwrap(),
        (workshops::voters(db, id).await.unwrap(), workshops::votes(db, id, "P1.1.1.1").await.unwrap())
    );
    assert!(workshops::room(db, id, None).await.unwrap().1.is_empty(), "no indicator shown, no vote counted");
    // A phone and its room in one statement: the room without the phone when the token is not its.
    let (w, found) = workshops::with_voter(db, "ACDEFH", "t1-again").await.unwrap().unwrap();
    assert_eq!((w.id, found.map(|v| v.id)), (id, Some(lou)));
    assert_eq!(workshops::with_voter(db, "ACDEFH", "t2").await.unwrap().map(|(w, v)| (w.id, v)), Some((id, None)));
    assert!(workshops::with_voter(db, "ZZZZZZ", "t1-again").await.unwrap().is_none());
    assert!(phone("ACDEFH", "t2").await.is_none());
    workshops::set_state(db, id, 1, true, false).await.unwrap();
    let w = workshops::get(db, id).await.unwrap();
    assert_eq!((w.current(), w.revealed, w.version), (Some("P1.1.1.2"), true, 2));
    workshops::set_state(db, id, 1, false, true).await.unwrap();
    assert!(workshops::get(db, id).await.unwrap().closed);
    assert!(
        matches!(workshops::by_code(db, "ACDEFH").await, Err(StorageError::NotFound)),
        "a closed workshop takes no one"
    );
    assert_eq!(workshops::voters(db, id).await.unwrap().len(), 2);
    assert_eq!(workshops::for_campaign(db, campaign).await.unwrap().len(), 1);

    // With admission, a phone waits and its votes do not count until admitted.
    let guarded =
        workshops::create(db, campaign, "HJKMNP", &codes, workshops::Options { by_college: false, admission: true })
            .await
            .unwrap();
    let eve = workshops::join(db, guarded, "t3", "Ève", College::Volunteer, "ACD").await.unwrap();
    assert!(!phone("HJKMNP", "t3").await.unwrap().admitted);
    vote(guarded, eve, AnswerValue::Level(4)).await;
    assert!(workshops::votes(db, guarded, "P1.1.1.1").await.unwrap().is_empty());
    workshops::admit_voter(db, guarded, eve).await.unwrap();
    assert_eq!(workshops::votes(db, guarded, "P1.1.1.1").await.unwrap().len(), 1);

    // Joining and voting are in the log, written by the same statement, and a vote's level never.
    let logged = audit::search(db, &audit::Filter::default(), None, 100).await.unwrap();
    let of = |action: &str| logged.iter().filter(|e| e.action == action).collect::<Vec<_>>();
    assert_eq!(of("workshops.join").len(), 3);
    let votes = of("workshops.vote");
    assert_eq!(votes.len(), 4, "each vote, a changed one too");
    assert!(votes.iter().any(|e| e.actor_label == "atelier · Lou · K7P" && e.entity_id == id.to_string()));
    assert!(
        votes.iter().all(|e| e.details == "P1.1.1.1" && e.actor_user_id.is_none()),
        "which indicator, not which level"
    );

    // A burst of votes is written in one transaction: the later vote of a phone replaces its
    // earlier one, and a burst with one vote that cannot be written leaves nothing behind.
    let ballot = |voter: i64, code: &str, value: AnswerValue| workshops::Ballot {
        workshop: guarded,
        voter,
        code: code.to_owned(),
        value,
    };
    workshops::record_ballots(
        db,
        &[ballot(eve, "P1.1.1.2", AnswerValue::Level(1)), ballot(eve, "P1.1.1.2", AnswerValue::Level(2))],
    )
    .await
    .unwrap();
    assert_eq!(
        workshops::votes(db, guarded, "P1.1.1.2").await.unwrap(),
        vec![(eve, College::Volunteer, AnswerValue::Level(2))]
    );
    let refused = workshops::record_ballots(
        db,
        &[ballot(eve, "P1.1.1.1", AnswerValue::Level(1)), ballot(eve + 1000, "P1.1.1.1", AnswerValue::Level(1))],
    )
    .await;
    assert!(refused.is_err(), "a vote of nobody is refused");
    assert_eq!(
        workshops::votes(db, guarded, "P1.1.1.1").await.unwrap(),
        vec![(eve, College::Volunteer, AnswerValue::Level(4))],
        "nothing of a refused burst is written"
    );
}

async fn plan_fixture(db: &Db) -> (i64, UserId) {
    use cap_storage::referentials;
    let r = regions::create(db, "BRE", "Bretagne").await.unwrap();
    let org = organisations::create(db, &input("Atelier B", r.0, None, None)).await.unwrap();
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    let campaign = campaign_at(db, org, version, cap_domain::campaign::CampaignStatus::Preparation).await;
    let lou = users::create(db, &Email::parse("lou@exemple.fr").unwrap(), "Lou", None).await.unwrap();
    (campaign, lou)
}

async fn campaigns_org(db: &Db, campaign: i64) -> i64 {
    cap_storage::campaigns::get(db, campaign).await.unwrap().organisation_id
}

async fn plans_actions_and_follow_up(db: &Db) {
    use cap_domain::plan::{ActionStatus, Priority, Reason};
    use cap_storage::plans::{self, ActionChange, NewAction};
    let (campaign, lou) = plan_fixture(db).await;

    let org = campaigns_org(db, campaign).await;
    let blank = plans::results_stamp(db, campaign, org, true).await.unwrap();
    assert_eq!(blank, plans::ResultsStamp::default(), "nothing yet");
    plans::set_targets(db, campaign, &[("P1".into(), Some(3)), ("P1.1.1.1".into(), Some(4))]).await.unwrap();
    let first = plans::results_stamp(db, campaign, org, true).await.unwrap();
    assert_ne!(first, blank);
    plans::set_targets(db, campaign, &[("P1".into(), Some(2)), ("P1.1.1.1".into(), None)]).await.unwrap();
    assert_eq!(plans::targets(db, campaign).await.unwrap().into_iter().collect::<Vec<_>>(), vec![("P1".into(), 2)]);
    let second = plans::results_stamp(db, campaign, org, true).await.unwrap();
    assert_ne!(second, first, "every target edit changes the stamp, even a return to the recommendation");
    let value = Some(cap_domain::campaign::AnswerValue::Level(2));
    cap_storage::campaigns::save_consolidated(
        db,
        campaign,
        &cap_storage::campaigns::NewConsolidated::settled("P1.1.1.1", &value, None),
        0,
    )
    .await
    .unwrap();
    let third = plans::results_stamp(db, campaign, org, true).await.unwrap();
    assert_eq!((third.shared, third.shared_versions), (1, 1));
    let p = cap_storage::campaigns::add_participant(db, campaign, lou, College::Volunteer).await.unwrap();
    cap_storage::campaigns::save_answer(db, campaign, p, "P1.1.1.1", &value, "", 0).await.unwrap();
    let open = plans::results_stamp(db, campaign, org, true).await.unwrap();
    assert_eq!((open.answers, open.answer_versions), (1, 1), "individual answers count while answers are open");
    let frozen = plans::results_stamp(db, campaign, org, false).await.unwrap();
    assert_eq!((frozen.answers, frozen.shared), (0, 1), "and not once they are frozen");

    let proposal = |code: &str, due: &str| NewAction {
        title: format!("Progresser sur {code}"),
        description: format!("Guide {code}"),
        indicators: vec![code.to_owned()],
        starts_on: Some("2027-01-15".into()),
        due_on: Some(due.into()),
        offer_code: Some("FORM-1".into()),
        priority: Some(Priority::High),
        reasons: vec![Reason { key: "plan.reason.gap".into(), args: vec!["2".into(), "3".into()] }],
        proposed: true,
        ..NewAction::default()
    };
    let plan = plans::create(
        db,
        campaign,
        "2027-01-15",
        6,
        &[proposal("P1.1.1.1", "2027-03-15"), proposal("P1.1.1.2", "2027-05-15"), proposal("P2.1.1.1", "2027-07-15")],
    )
    .await
    .unwrap();
    assert!(matches!(plans::create(db, campaign, "2027-01-15", 6, &[]).await, Err(StorageError::Conflict)), "one plan");
    let p = plans::plan_of(db, campaign).await.unwrap().unwrap();
    assert_eq!((p.id, p.horizon_months, p.validated_at), (plan, 6, None));
    let actions = plans::actions(db, plan).await.unwrap();
    assert_eq!(actions.len(), 3);
    assert!(actions.iter().all(|a| a.proposed && a.status == ActionStatus::Todo));
    assert_eq!(actions[0].reasons[0].args, vec!["2", "3"]);

    let merged = plans::merge(db, plan, &[actions[0].id, actions[1].id]).await.unwrap();
    let kept = plans::action_of(db, plan, merged).await.unwrap();
    assert_eq!(kept.indicators, vec!["P1.1.1.1", "P1.1.1.2"]);
    assert_eq!(kept.due_on.as_deref(), Some("2027-05-15"), "the latest due date");
    assert_eq!(kept.description, "Guide P1.1.1.1\n\nGuide P1.1.1.2");
    assert!(!kept.proposed);
    plans::discard(db, plan, &[actions[2].id]).await.unwrap();
    let extra = plans::add_action(
        db,
        plan,
        &NewAction {
            title: "Accueil".into(),
            responsible_user_id: Some(lou.0),
            contributors: "Sam".into(),
            status: Some(ActionStatus::InProgress),
            progress: 10,
            notes: "Démarré".into(),
            ..NewAction::default()
        },
    )
    .await
    .unwrap();
    let added = plans::action_of(db, plan, extra).await.unwrap();
    assert_eq!(
        (
            added.responsible_name.as_deref(),
            added.contributors.as_str(),
            added.status,
            added.progress,
            added.notes.as_str(),
            added.proposed
        ),
        (Some("Lou"), "Sam", ActionStatus::InProgress, 10, "Démarré", false),
        "an added action is written whole, at once"
    );
    assert_eq!(plans::actions(db, plan).await.unwrap().iter().map(|a| a.id).collect::<Vec<_>>(), vec![merged, extra]);

    let change = ActionChange {
        title: "Former l'équipe",
        description: "",
        indicators: &["P1.1.1.1".to_owned()],
        responsible_user_id: Some(lou.0),
        contributors: "Sam, Alex",
        starts_on: Some("2027-01-15"),
        due_on: Some("2027-02-01"),
        status: ActionStatus::InProgress,
        progress: 40,
        notes: "",
        offer_code: None,
    };
    assert_eq!(plans::update_action(db, plan, merged, &change, kept.version).await.unwrap(), kept.version + 1);
    let stale = plans::update_action(db, plan, merged, &change, kept.version).await;
    assert!(
        matches!(stale, Err(StorageError::Stale(Stale { read, current })) if read == kept.version && current == kept.version + 1),
        "a stale write is refused with both versions: {stale:?}"
    );
    let current = plans::action_of(db, plan, merged).await.unwrap();
    assert_eq!((current.progress, current.responsible_name.as_deref()), (40, Some("Lou")), "nothing overwritten");
    assert!(
        matches!(plans::action_of(db, plan + 1000, merged).await, Err(StorageError::NotFound)),
        "only through its plan"
    );
    assert_eq!(
        plans::set_status(db, plan, merged, ActionStatus::Done, 100, kept.version + 1).await.unwrap(),
        kept.version + 2
    );

    assert!(plans::due_between(db, "2027-01-01", "2027-12-31").await.unwrap().is_empty(), "not validated yet");
    plans::validate(db, plan, lou, p.version).await.unwrap();
    assert!(matches!(plans::validate(db, plan, lou, p.version).await, Err(StorageError::Stale(_))));
    plans::set_status(db, plan, merged, ActionStatus::InProgress, 50, kept.version + 2).await.unwrap();
    let due = plans::due_between(db, "2027-01-20", "2027-02-10").await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].action_id, due[0].email.as_str(), due[0].title.as_str()),
        (merged, "lou@exemple.fr", "Former l'équipe")
    );
    assert_eq!(plans::followed_plans(db).await.unwrap().len(), 1);

    plans::record_completion(db, plan, "2027-02-01", 250).await.unwrap();
    plans::record_completion(db, plan, "2027-02-01", 300).await.unwrap();
    plans::record_completion(db, plan, "2027-01-20", 100).await.unwrap();
    assert_eq!(
        plans::completion_history(db, plan).await.unwrap(),
        vec![("2027-01-20".to_owned(), 100), ("2027-02-01".to_owned(), 300)]
    );

    plans::add_checkpoint(
        db,
        campaign,
        "2027-04-15",
        "À mi-parcours",
        Some(lou),
        &[("P1.1.1.1".into(), Some(3)), ("P1.1.1.2".into(), None)],
    )
    .await
    .unwrap();
    let checkpoints = plans::checkpoints(db, campaign).await.unwrap();
    assert_eq!(checkpoints.len(), 1);
    assert_eq!(checkpoints[0].ratings["P1.1.1.1"], Some(3));
    assert_eq!(checkpoints[0].ratings["P1.1.1.2"], None);
}

async fn job_leases_and_reminders_run_once(db: &Db) {
    use cap_storage::jobs;
    assert!(jobs::try_lease(db, "reminders", "a", 1000, 1060).await.unwrap());
    assert!(!jobs::try_lease(db, "reminders", "b", 1010, 1070).await.unwrap(), "held by a");
    assert!(jobs::try_lease(db, "reminders", "a", 1020, 1080).await.unwrap(), "a renews");
    assert!(jobs::try_lease(db, "reminders", "b", 1081, 1141).await.unwrap(), "expired: b takes it");
    jobs::release(db, "reminders", "b").await.unwrap();
    assert!(jobs::try_lease(db, "reminders", "a", 1090, 1150).await.unwrap(), "released");
    assert!(jobs::mark_sent(db, "due", 7, "2027-03-15", 1).await.unwrap());
    assert!(!jobs::mark_sent(db, "due", 7, "2027-03-15", 2).await.unwrap(), "once");
    assert!(jobs::mark_sent(db, "digest", 7, "2027-03", 2).await.unwrap());
    jobs::unmark_sent(db, "due", 7, "2027-03-15").await.unwrap();
    assert!(jobs::mark_sent(db, "due", 7, "2027-03-15", 3).await.unwrap(), "retried after a failed send");
}

async fn accompaniment_day_is_versioned(db: &Db) {
    use cap_domain::accompaniment::Decision;
    use cap_storage::accompaniment::{self, NewConclusion, NewDay};
    let (campaign, lou) = plan_fixture(db).await;
    assert!(accompaniment::day_of(db, campaign).await.unwrap().is_none());
    let pillars = vec!["SR".to_owned()];
    let planned = NewDay {
        held_on: "2027-02-10",
        place: "Maison des associations",
        attendees: "",
        pillars: &pillars,
        conclusion: None,
        by: Some(lou),
    };
    assert_eq!(accompaniment::save(db, campaign, &planned, 0).await.unwrap(), 1);
    assert!(matches!(accompaniment::save(db, campaign, &planned, 0).await, Err(StorageError::Stale(_))), "once");
    let stored = accompaniment::day_of(db, campaign).await.unwrap().unwrap();
    assert!(!stored.concluded(), "planned, not held yet");
    assert_eq!(
        (stored.place.as_str(), stored.pillars.clone(), stored.horizon_on),
        ("Maison des associations", pillars.clone(), None)
    );
    let offers = vec!["FORM-1".to_owned()];
    let held = NewDay {
        attendees: "Lou, Karim",
        conclusion: Some(NewConclusion {
            conclusions: "Un plan réaliste",
            decision: Decision::FurtherAccompaniment,
            offers: &offers,
            horizon_on: "2027-09-10",
            checkpoint_on: "2027-05-27",
        }),
        ..planned.clone()
    };
    assert_eq!(accompaniment::save(db, campaign, &held, 1).await.unwrap(), 2);
    let stored = accompaniment::day_of(db, campaign).await.unwrap().unwrap();
    assert_eq!(
        (stored.decision, stored.offers.clone(), stored.recorded_by.as_deref()),
        (Some(Decision::FurtherAccompaniment), offers.clone(), Some("Lou"))
    );
    assert_eq!(
        (stored.horizon_on.as_deref(), stored.checkpoint_on.as_deref()),
        (Some("2027-09-10"), Some("2027-05-27"))
    );
    assert!(matches!(accompaniment::save(db, campaign, &held, 1).await, Err(StorageError::Stale(_))), "stale");
}

async fn suggestions_change_the_plan_with_their_decision(db: &Db) {
    use cap_domain::suggestion::{SuggestionKind, SuggestionStatus};
    use cap_storage::plans::{self, NewAction};
    use cap_storage::suggestions::{self, Effect, NewSuggestion};
    let (campaign, lou) = plan_fixture(db).await;
    let plan = plans::create(db, campaign, "2027-01-15", 6, &[]).await.unwrap();
    let mut ids = Vec::new();
    for (title, due) in [("Accueil", "2027-03-01"), ("Livret d'accueil", "2027-05-01")] {
        let action = NewAction { title: title.into(), due_on: Some(due.into()), ..NewAction::default() };
        ids.push(plans::add_action(db, plan, &action).await.unwrap());
    }
    let merge =
        NewSuggestion { kind: Some(SuggestionKind::Merge), merge_ids: &ids, why: "Même sujet", ..Default::default() };
    let s = suggestions::suggest(db, campaign, lou, &merge).await.unwrap();
    let stored = suggestions::of_campaign(db, campaign).await.unwrap();
    assert_eq!(
        (stored[0].merge_ids.clone(), stored[0].status, stored[0].author.as_deref()),
        (ids.clone(), SuggestionStatus::Pending, Some("Lou"))
    );
    let chosen = plans::actions(db, plan).await.unwrap();
    let kept = suggestions::decide(db, campaign, plan, s, Effect::Merge(&chosen), lou, "").await.unwrap();
    assert_eq!(kept, Some(ids[0]), "merged into the first");
    let left = plans::actions(db, plan).await.unwrap();
    assert_eq!((left.len(), left[0].due_on.as_deref()), (1, Some("2027-05-01")), "the latest deadline kept");
    let again = suggestions::decide(db, campaign, plan, s, Effect::Decline, lou, "").await;
    assert!(matches!(again, Err(StorageError::Stale(_))), "decided once");
    let other = suggestions::decide(db, campaign + 1, plan, s, Effect::Decline, lou, "").await;
    assert!(matches!(other, Err(StorageError::Stale(_))), "not another campaign's");

    // A stale merge changes nothing: the suggestion stays pending, the actions stay.
    let a = plans::add_action(db, plan, &NewAction { title: "Tutorat".into(), ..NewAction::default() }).await.unwrap();
    let both = [ids[0], a];
    let s2 = suggestions::suggest(
        db,
        campaign,
        lou,
        &NewSuggestion { kind: Some(SuggestionKind::Merge), merge_ids: &both, ..Default::default() },
    )
    .await
    .unwrap();
    let before = plans::actions(db, plan).await.unwrap();
    plans::merge(db, plan, &both).await.unwrap();
    assert!(matches!(
        suggestions::decide(db, campaign, plan, s2, Effect::Merge(&before), lou, "").await,
        Err(StorageError::Stale(_) | StorageError::NotFound)
    ));
    assert_eq!(
        suggestions::of_campaign(db, campaign).await.unwrap()[1].status,
        SuggestionStatus::Pending,
        "rolled back"
    );
}

async fn review_access_ends_and_threads_stay_in_their_campaign(db: &Db) {
    use cap_domain::review::ReviewerKind;
    use cap_storage::reviews::{self, NewGrant};
    let (campaign, lou) = plan_fixture(db).await;
    let pair = users::create(db, &Email::parse("pair@exemple.fr").unwrap(), "Pia Pair", None).await.unwrap();
    let g = NewGrant {
        campaign,
        user: pair,
        kind: ReviewerKind::Pair,
        starts_on: "2027-01-10",
        ends_on: "2027-02-09",
        conflicts: "same_group",
        by: Some(lou),
    };
    let id = reviews::grant(db, &g).await.unwrap();
    assert!(reviews::open_grant(db, campaign, pair, "2027-01-09").await.unwrap().is_none(), "not yet");
    let open = reviews::open_grant(db, campaign, pair, "2027-01-10").await.unwrap().expect("first day");
    assert_eq!(
        (open.kind, open.invited_by.as_deref(), open.conflicts.as_str()),
        (ReviewerKind::Pair, Some("Lou"), "same_group")
    );
    assert!(reviews::open_grant(db, campaign, pair, "2027-02-09").await.unwrap().is_some(), "last day");
    assert!(reviews::open_grant(db, campaign, pair, "2027-02-10").await.unwrap().is_none(), "ends by itself");
    assert!(reviews::open_grant(db, campaign, lou, "2027-01-20").await.unwrap().is_none(), "only the invited");
    let mine = reviews::reviewing(db, pair, "2027-01-20").await.unwrap();
    assert_eq!((mine.len(), mine[0].campaign_id, mine[0].ends_on.as_str()), (1, campaign, "2027-02-09"));
    assert!(matches!(reviews::revoke(db, campaign + 1, id, lou).await, Err(StorageError::NotFound)), "other campaign");
    let ended = reviews::revoke(db, campaign, id, lou).await.unwrap();
    assert_eq!((ended.display_name.as_str(), ended.revoked_by.as_deref()), ("Pia Pair", Some("Lou")), "who ended it");
    assert!(matches!(reviews::revoke(db, campaign, id, lou).await, Err(StorageError::NotFound)), "once");
    assert!(reviews::open_grant(db, campaign, pair, "2027-01-20").await.unwrap().is_none(), "revoked");
    assert!(reviews::reviewing(db, pair, "2027-01-20").await.unwrap().is_empty());
    assert_eq!(reviews::grants(db, campaign).await.unwrap().len(), 1);

    let thread =
        reviews::open_thread(db, campaign, "indicator:SR.1.1.a", pair, "Niveau bien justifié ?").await.unwrap();
    let answer = reviews::reply(db, campaign, thread, lou, "Oui, voir le compte rendu.").await.unwrap();
    assert!(matches!(reviews::reply(db, campaign, answer, lou, "x").await, Err(StorageError::NotFound)), "no nesting");
    assert!(matches!(reviews::reply(db, campaign + 1, thread, lou, "x").await, Err(StorageError::NotFound)));
    reviews::set_resolved(db, campaign, thread, Some(lou)).await.unwrap();
    assert!(matches!(reviews::set_resolved(db, campaign + 1, thread, None).await, Err(StorageError::NotFound)));
    let all = reviews::comments(db, campaign).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].resolved_by.as_deref(), all[0].author.as_deref()), (Some("Lou"), Some("Pia Pair")));
    assert_eq!(
        (all[1].thread_id, all[1].target.as_str()),
        (Some(thread), "indicator:SR.1.1.a"),
        "a reply shares the target"
    );
    reviews::set_resolved(db, campaign, thread, None).await.unwrap();
    assert!(reviews::comments(db, campaign).await.unwrap()[0].resolved_at.is_none(), "reopened");
}

async fn directory_and_trainings(db: &Db) {
    use cap_domain::review::TrainingAudience;
    use cap_storage::directory::{self, NewTraining};
    let (campaign, lou) = plan_fixture(db).await;
    let org = OrganisationId(campaigns_org(db, campaign).await);
    let m = Membership::new(Role::Coordinator, Scope::Organisation(org), Some(College::Direction)).unwrap();
    memberships::grant(db, lou, m).await.unwrap();
    assert!(directory::volunteer_of(db, lou).await.unwrap().is_none());
    directory::volunteer(db, lou, org, "Les mardis").await.unwrap();
    directory::volunteer(db, lou, org, "Les jeudis").await.unwrap();
    let listed = directory::volunteers(db).await.unwrap();
    assert_eq!(listed.len(), 1, "volunteering twice updates");
    assert_eq!((listed[0].availability.as_str(), listed[0].organisation.as_str()), ("Les jeudis", "Atelier B"));
    assert_eq!(directory::organisations_of(db, lou).await.unwrap(), vec![(org, None)]);
    assert_eq!(directory::campaign_statuses(db, org).await.unwrap(), vec!["preparation".to_owned()]);

    let region = listed[0].region_id;
    let t = NewTraining {
        title: "Formation des pairs",
        audience: TrainingAudience::Pairs,
        held_on: "2026-03-12",
        place: "Rennes",
        region,
        by: Some(lou),
    };
    let id = directory::create_training(db, &t).await.unwrap();
    directory::set_attendees(db, id, &[lou, lou]).await.unwrap();
    let stored = directory::training(db, id).await.unwrap();
    assert_eq!((stored.audience, stored.attendees.clone()), (TrainingAudience::Pairs, vec![(lou.0, "Lou".to_owned())]));
    assert_eq!(directory::trainings(db, Some(region + 1)).await.unwrap().len(), 0, "another region");
    assert_eq!(directory::trainings(db, None).await.unwrap().len(), 1);
    assert_eq!(directory::volunteers(db).await.unwrap()[0].trainings, 1);
    assert_eq!(directory::trainings_of(db, lou).await.unwrap()[0].2, "Rennes");
    directory::set_attendees(db, id, &[]).await.unwrap();
    assert!(directory::training(db, id).await.unwrap().attendees.is_empty());
    assert!(matches!(directory::training(db, id + 1).await, Err(StorageError::NotFound)));
    directory::withdraw(db, lou).await.unwrap();
    assert!(directory::volunteers(db).await.unwrap().is_empty());
}

async fn api_tokens_expire_and_are_revoked(db: &Db) {
    use cap_storage::api_tokens;
    let (campaign, lou) = plan_fixture(db).await;
    let org = OrganisationId(campaigns_org(db, campaign).await);
    let m = Membership::new(Role::Coordinator, Scope::Organisation(org), Some(College::Direction)).unwrap();
    memberships::grant(db, lou, m).await.unwrap();
    let id = api_tokens::create(db, lou, "Tableur", "hash-1", "read write:actions", 1_000).await.unwrap();
    let (found, scopes, token) = sessions::api_token_user(db, "hash-1", 999).await.unwrap().expect("live");
    assert_eq!((found.user.display_name.as_str(), scopes.as_str(), token), ("Lou", "read write:actions", id));
    assert_eq!(found.memberships.len(), 1, "with the owner's roles");
    assert!(found.campaign_only.is_none());
    assert!(sessions::api_token_user(db, "hash-1", 1_000).await.unwrap().is_none(), "expired");
    assert!(sessions::api_token_user(db, "hash-2", 999).await.unwrap().is_none(), "unknown");
    assert_eq!(api_tokens::for_user(db, lou).await.unwrap()[0].last_used_at, Some(999), "use is recorded");
    let other = users::create(db, &Email::parse("autre@exemple.fr").unwrap(), "Autre", None).await.unwrap();
    assert!(matches!(api_tokens::revoke(db, other, id).await, Err(StorageError::NotFound)), "only the owner revokes");
    assert_eq!(api_tokens::revoke(db, lou, id).await.unwrap().name, "Tableur");
    assert!(sessions::api_token_user(db, "hash-1", 999).await.unwrap().is_none(), "revoked");
    assert!(matches!(api_tokens::revoke(db, lou, id).await, Err(StorageError::NotFound)), "once");
}

async fn good_practices_are_moderated_once_and_keep_their_files(db: &Db) {
    use cap_domain::practice::{PracticeInput, PracticeKind, PracticeStatus};
    use cap_storage::practices::{self, Filter, NewFile};
    let (campaign, lou) = plan_fixture(db).await;
    let org = OrganisationId(campaigns_org(db, campaign).await);
    let input = PracticeInput {
        kind: PracticeKind::Tool,
        title: "Grille d'accueil".into(),
        body: "Nous accueillons chaque salarié avec…".into(),
        indicators: vec!["1.2.1".into(), "1.1.1".into()],
    };
    // Bytes that are not valid UTF-8 prove the column keeps binary content as it is.
    let pdf: Vec<u8> = b"%PDF-1.7\n\xff\xfe\x00binary".to_vec();
    let files = [NewFile { name: "grille.pdf", media_type: "application/pdf", content: &pdf }];
    let before = practices::stamp(db).await.unwrap();
    let id = practices::add(db, org, lou, "CAP", &input, &files).await.unwrap();
    assert_eq!(practices::stamp(db).await.unwrap(), before + 1, "a write moves the stamp");
    let other = PracticeInput { kind: PracticeKind::Testimony, indicators: vec!["1.1.1".into()], ..input.clone() };
    let second = practices::add(db, org, lou, "CAP", &other, &[]).await.unwrap();

    let stored = practices::get(db, id).await.unwrap();
    assert_eq!((stored.status, stored.kind, stored.version), (PracticeStatus::Pending, PracticeKind::Tool, 1));
    assert_eq!(stored.indicators, vec!["1.2.1", "1.1.1"], "the author's order is kept");
    assert_eq!((stored.organisation.as_str(), stored.author.as_deref()), ("Atelier B", Some("Lou")));
    assert_eq!(stored.files.len(), 1);
    assert_eq!((stored.files[0].name.as_str(), stored.files[0].size), ("grille.pdf", pdf.len() as i64));
    let file = practices::file(db, id, stored.files[0].id).await.unwrap();
    assert_eq!((file.media_type.as_str(), file.content), ("application/pdf", pdf.clone()));
    assert!(matches!(practices::file(db, second, stored.files[0].id).await, Err(StorageError::NotFound)));

    let published = Filter { status: Some(PracticeStatus::Published), ..Filter::default() };
    assert!(practices::list(db, &published).await.unwrap().is_empty(), "nothing is published before moderation");
    let pending = Filter { status: Some(PracticeStatus::Pending), region: Some(stored.region_id), ..Filter::default() };
    assert_eq!(practices::list(db, &pending).await.unwrap().len(), 2);
    assert_eq!(practices::count(db, &pending).await.unwrap(), 2);
    let elsewhere = Filter { region: Some(stored.region_id + 1), ..pending };
    assert!(practices::list(db, &elsewhere).await.unwrap().is_empty());

    practices::moderate(db, id, PracticeStatus::Published, "", lou, 1).await.unwrap();
    let late = practices::moderate(db, id, PracticeStatus::Rejected, "Hors sujet", lou, 1).await;
    assert!(matches!(late, Err(StorageError::Stale(_))), "a second delegate's stale decision is refused");
    assert_eq!(practices::stamp(db).await.unwrap(), before + 3, "a refused write leaves it");
    assert!(matches!(
        practices::moderate(db, id + 100, PracticeStatus::Published, "", lou, 1).await,
        Err(StorageError::NotFound)
    ));
    let on_indicator = Filter { referential: Some("CAP"), indicator: Some("1.2.1"), ..published };
    let found = practices::list(db, &on_indicator).await.unwrap();
    assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), vec![id]);
    assert!(found[0].published_at.is_some());
    let all = Filter::default();
    let first = practices::list_page(db, &all, 1, 0).await.unwrap();
    let second = practices::list_page(db, &all, 1, 1).await.unwrap();
    assert_eq!(first.len() + second.len(), 2);
    assert_ne!(first[0].id, second[0].id, "pages do not overlap");
    assert!(practices::list_page(db, &all, 1, 2).await.unwrap().is_empty());
    let other_referential = Filter { referential: Some("AUTRE"), ..on_indicator };
    assert!(practices::list(db, &other_referential).await.unwrap().is_empty());
    let testimonies = Filter { kind: Some(PracticeKind::Testimony), ..published };
    assert!(practices::list(db, &testimonies).await.unwrap().is_empty());
    let counts = practices::published_counts(db, "CAP").await.unwrap();
    assert_eq!((counts.get("1.1.1"), counts.get("1.2.1"), counts.get("9.9.9")), (Some(&1), Some(&1), None));

    // Taken back from publication with a reason.
    practices::moderate(db, id, PracticeStatus::Rejected, "Données personnelles", lou, 2).await.unwrap();
    let back = practices::get(db, id).await.unwrap();
    assert_eq!(
        (back.status, back.moderation_note.as_str(), back.published_at),
        (PracticeStatus::Rejected, "Données personnelles", None)
    );
    let mine = Filter { author: Some(lou), ..Filter::default() };
    assert_eq!(practices::list(db, &mine).await.unwrap().len(), 2);

    // Its author corrects it: one file kept, one added, the indicators replaced; it waits again.
    let png: &[u8] = b"\x89PNG\r\n\x1a\nimage";
    let added = [NewFile { name: "photo.png", media_type: "image/png", content: png }];
    let corrected =
        PracticeInput { title: "Grille d'accueil, version 2".into(), indicators: vec!["1.1.1".into()], ..input };
    practices::update(db, id, 3, &corrected, &[stored.files[0].id], &added).await.unwrap();
    let after = practices::get(db, id).await.unwrap();
    assert_eq!((after.status, after.version, after.moderation_note.as_str()), (PracticeStatus::Pending, 4, ""));
    assert_eq!(
        (after.title.as_str(), after.indicators.clone()),
        ("Grille d'accueil, version 2", vec!["1.1.1".to_owned()])
    );
    assert_eq!(after.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["grille.pdf", "photo.png"]);
    assert!(matches!(practices::update(db, id, 3, &corrected, &[], &[]).await, Err(StorageError::Stale(_))));
    practices::update(db, id, 4, &corrected, &[], &[]).await.unwrap();
    assert!(practices::get(db, id).await.unwrap().files.is_empty(), "files not kept are removed");
    assert_eq!(practices::stamp(db).await.unwrap(), before + 6);

    practices::delete(db, id).await.unwrap();
    assert_eq!(practices::stamp(db).await.unwrap(), before + 7);
    assert!(matches!(practices::get(db, id).await, Err(StorageError::NotFound)));
    assert!(matches!(practices::file(db, id, stored.files[0].id).await, Err(StorageError::NotFound)));
    assert!(matches!(practices::delete(db, id).await, Err(StorageError::NotFound)));
    assert_eq!(practices::list(db, &mine).await.unwrap().len(), 1);
}

/// A campaign of `organisation` on `version`, moved forward to `status` as its coordinator would.
async fn campaign_at(
    db: &Db,
    organisation: OrganisationId,
    version: i64,
    status: cap_domain::campaign::CampaignStatus,
) -> i64 {
    use cap_storage::campaigns::{self, NewCampaign};
    let new = NewCampaign {
        organisation,
        referential_version_id: version,
        title: "Auto-évaluation",
        scope: &[],
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        created_by: None,
    };
    let id = campaigns::create(db, &new).await.unwrap();
    campaigns::advance_to(db, id, status).await.unwrap();
    id
}

/// A campaign's scores as the network job stores them: pillar P1 (with its target), objective
/// P1.1, and indicator P1.1.1.1 with its shared level and target level.
fn scored(
    p1: f64,
    p1_target: Option<f64>,
    p11: f64,
    level: Option<i64>,
    target_level: Option<i64>,
) -> Vec<cap_storage::network::NodeRow> {
    use cap_storage::network::NodeRow;
    vec![
        NodeRow {
            code: "P1.1.1.1".into(),
            is_indicator: true,
            score: level.map(|l| (l - 1) as f64 / 3.0),
            target: None,
            level,
            target_level,
        },
        NodeRow {
            code: "P1".into(),
            is_indicator: false,
            score: Some(p1),
            target: p1_target,
            level: None,
            target_level: None,
        },
        NodeRow {
            code: "P1.1".into(),
            is_indicator: false,
            score: Some(p11),
            target: None,
            level: None,
            target_level: None,
        },
    ]
}

/// A filter's means, by node: (node, organisations, score, target).
async fn means_of(db: &Db, f: &cap_storage::network::Filter) -> Vec<(String, i64, Option<f64>, Option<f64>)> {
    let mut out: Vec<_> = cap_storage::network::node_means(db, f)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.node_code, m.organisations, m.score, m.target))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A filter's level counts (or target level counts), in order.
async fn levels_of(db: &Db, f: &cap_storage::network::Filter, targets: bool) -> Vec<(String, i64, i64)> {
    let mut out = cap_storage::network::level_counts(db, f, targets).await.unwrap();
    out.sort();
    out
}

async fn network_scores_and_cube(db: &Db) {
    use cap_domain::campaign::{AnswerValue, CampaignStatus};
    use cap_domain::network::utc_year;
    use cap_domain::referential::generate;
    use cap_storage::campaigns::{self, NewConsolidated};
    use cap_storage::network::{self, Candidate, Filter};
    use cap_storage::{plans, referentials};

    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let bre = regions::create(db, "BRE", "Bretagne").await.unwrap();
    let ges = groups::create(db, "GES du Lac").await.unwrap();
    let typed = |name: &str, region: cap_domain::RegionId, group: Option<GroupId>, org_type: OrganisationType| {
        OrganisationInput { org_type, ..input(name, region.0, group, None) }
    };
    let a = organisations::create(db, &typed("Atelier A", ara, Some(ges), OrganisationType::Aci)).await.unwrap();
    let b = organisations::create(db, &typed("Atelier B", ara, None, OrganisationType::Ei)).await.unwrap();
    let c = organisations::create(db, &typed("Atelier C", bre, Some(ges), OrganisationType::Aci)).await.unwrap();
    let d = organisations::create(db, &typed("Atelier D", bre, None, OrganisationType::Aci)).await.unwrap();
    let e = organisations::create(db, &typed("Atelier E", ara, None, OrganisationType::Aci)).await.unwrap();
    let f = organisations::create(db, &typed("Atelier F", bre, None, OrganisationType::Aci)).await.unwrap();
    let gen1 = referentials::import(db, &generate("gen", 8, 1, None), false, None).await.unwrap();
    let mut second = generate("gen", 8, 1, None);
    second.version = "2".into();
    let gen2 = referentials::import(db, &second, false, None).await.unwrap();
    let other = referentials::import(db, &generate("autre", 8, 2, None), false, None).await.unwrap();
    assert!(network::candidates(db).await.unwrap().is_empty());
    assert_eq!(network::latest_referential_version(db).await.unwrap(), None, "nothing scored yet");

    // A has an older closed campaign and a newer one; D answers another referential; E is still
    // answering (not a candidate); F has no campaign.
    let a1 = campaign_at(db, a, gen1, CampaignStatus::Closed).await;
    let a2 = campaign_at(db, a, gen2, CampaignStatus::Consolidation).await;
    let b1 = campaign_at(db, b, gen1, CampaignStatus::Consolidation).await;
    let c1 = campaign_at(db, c, gen1, CampaignStatus::Consolidation).await;
    let d1 = campaign_at(db, d, other, CampaignStatus::Consolidation).await;
    let e1 = campaign_at(db, e, gen1, CampaignStatus::SelfAssessment).await;
    let year = utc_year(cap_storage::now());
    let listed = network::candidates(db).await.unwrap();
    assert_eq!(listed.iter().map(|c| c.campaign_id).collect::<Vec<_>>(), [a1, a2, b1, c1, d1]);
    assert_eq!(
        listed[2],
        Candidate {
            campaign_id: b1,
            organisation_id: b.0,
            region_id: ara.0,
            org_type: "EI".into(),
            year,
            stamp: format!("0:0:0:{}:EI:consolidation", ara.0),
            stored_stamp: None,
        }
    );
    assert_eq!(listed[0].stamp, format!("0:0:0:{}:ACI:closed", ara.0));

    // Shared answers and targets move the stamps.
    let level = |l| Some(AnswerValue::Level(l));
    for (campaign, value) in [(a1, level(1)), (a2, level(2)), (b1, level(3)), (c1, level(3)), (d1, level(1))] {
        let shared = NewConsolidated::settled("P1.1.1.1", &value, None);
        campaigns::save_consolidated(db, campaign, &shared, 0).await.unwrap();
    }
    plans::set_targets(db, a2, &[("P1".into(), Some(4)), ("P1.1.1.1".into(), Some(4))]).await.unwrap();
    plans::set_targets(db, c1, &[("P1.1.1.1".into(), Some(3))]).await.unwrap();
    let listed = network::candidates(db).await.unwrap();
    let stamp_of = |id: i64| listed.iter().find(|c| c.campaign_id == id).unwrap().stamp.clone();
    assert_eq!(stamp_of(a2), format!("1:1:2:{}:ACI:consolidation", ara.0));
    assert_eq!(stamp_of(b1), format!("1:1:0:{}:EI:consolidation", ara.0));

    // Stored as the job does; the newer campaign first, so the older one must not become latest.
    let scores = |id: i64| match id {
        x if x == a1 => scored(0.9, None, 0.9, Some(1), None),
        x if x == a2 => scored(0.5, Some(0.75), 0.25, Some(2), Some(4)),
        x if x == b1 => scored(0.25, None, 0.5, Some(3), None),
        x if x == c1 => scored(0.75, Some(0.5), 0.75, Some(3), Some(3)),
        _ => scored(0.1, None, 0.1, Some(1), Some(1)),
    };
    let store_all = |listed: Vec<Candidate>| async move {
        for id in [a2, a1, b1, c1, d1] {
            let candidate = listed.iter().find(|c| c.campaign_id == id).unwrap();
            network::replace_scores(db, candidate, Some(0.5), &scores(id)).await.unwrap();
        }
    };
    store_all(listed.clone()).await;
    let after = network::candidates(db).await.unwrap();
    assert!(
        after.iter().all(|c| c.stored_stamp.as_deref() == Some(c.stamp.as_str())),
        "stored with their stamps, no campaign is left to rebuild: {after:?}"
    );
    let all = Filter::default();
    assert!(network::node_means(db, &all).await.unwrap().is_empty(), "figures come from the cube only");

    let before = network::stamp(db).await.unwrap();
    assert_eq!((before.0.as_str(), before.1, before.3, before.4), ("", e1, f.0, 0), "no cube, no action yet");
    assert!(before.2 > 0, "campaigns and members changed");
    network::rebuild_cube(db).await.unwrap();
    let built = network::stamp(db).await.unwrap();
    assert!(!built.0.is_empty(), "a rebuild marks the stamp");
    assert_eq!((built.1, built.2, built.3, built.4), (before.1, before.2, before.3, before.4));

    // The latest campaigns on the network's referential (gen: A2, B1, C1), not A1 nor D1.
    assert_eq!(network::latest_referential_version(db).await.unwrap(), Some(gen2));
    let full = vec![("P1".to_owned(), 3, Some(0.5), Some(0.625)), ("P1.1".to_owned(), 3, Some(0.5), None)];
    assert_eq!(means_of(db, &all).await, full);
    assert_eq!(means_of(db, &Filter { year: Some(year), ..all.clone() }).await, full);
    assert!(means_of(db, &Filter { year: Some(year - 1), ..all.clone() }).await.is_empty());
    let in_ara = Filter { region: Some(ara.0), ..all.clone() };
    assert_eq!(
        means_of(db, &in_ara).await,
        [("P1".to_owned(), 2, Some(0.375), Some(0.75)), ("P1.1".to_owned(), 2, Some(0.375), None)]
    );
    let in_bre = Filter { region: Some(bre.0), ..all.clone() };
    assert_eq!(
        means_of(db, &in_bre).await,
        [("P1".to_owned(), 1, Some(0.75), Some(0.5)), ("P1.1".to_owned(), 1, Some(0.75), None)],
        "D answers another referential"
    );
    let aci = Filter { org_type: Some("ACI".into()), ..all.clone() };
    assert_eq!(
        means_of(db, &aci).await,
        [("P1".to_owned(), 2, Some(0.625), Some(0.625)), ("P1.1".to_owned(), 2, Some(0.5), None)]
    );
    let ara_ei = Filter { org_type: Some("EI".into()), ..in_ara.clone() };
    assert_eq!(
        means_of(db, &ara_ei).await,
        [("P1".to_owned(), 1, Some(0.25), None), ("P1.1".to_owned(), 1, Some(0.5), None)]
    );
    let p = |level: i64, n: i64| ("P1.1.1.1".to_owned(), level, n);
    assert_eq!(levels_of(db, &all, false).await, [p(2, 1), p(3, 2)]);
    assert_eq!(levels_of(db, &all, true).await, [p(3, 1), p(4, 1)]);
    assert_eq!(levels_of(db, &in_ara, false).await, [p(2, 1), p(3, 1)]);
    assert_eq!(levels_of(db, &in_bre, true).await, [p(3, 1)]);
    assert!(levels_of(db, &Filter { year: Some(year + 1), ..all.clone() }, false).await.is_empty());

    // A peer's view leaves its own organisation out and keeps to its referential.
    let peers = |f: &network::Filter, leave_out: i64, referential: &'static str| {
        let f = f.clone();
        async move {
            let mut scores: Vec<(String, f64)> = network::peer_scores(db, &f, referential)
                .await
                .unwrap()
                .into_iter()
                .filter(|(organisation, _, _)| *organisation != leave_out)
                .map(|(_, code, score)| (code, score))
                .collect();
            scores.sort_by(|x, y| x.0.cmp(&y.0));
            scores
        }
    };
    assert_eq!(peers(&in_ara, a.0, "gen").await, [("P1".to_owned(), 0.25), ("P1.1".to_owned(), 0.5)]);
    assert_eq!(peers(&all, c.0, "gen").await.len(), 4, "A2 and B1");
    assert_eq!(peers(&all, a.0, "autre").await, [("P1".to_owned(), 0.1), ("P1.1".to_owned(), 0.1)]);
    assert!(peers(&all, d.0, "autre").await.is_empty());

    // A group's scores list its organisations' latest campaigns.
    let mut group = network::group_scores(db, ges.0).await.unwrap();
    group.sort_by(|x, y| (x.0, &x.3).cmp(&(y.0, &y.3)));
    let in_group = vec![
        (a.0, a2, gen2, "P1".to_owned(), 0.5),
        (a.0, a2, gen2, "P1.1".to_owned(), 0.25),
        (c.0, c1, gen1, "P1".to_owned(), 0.75),
        (c.0, c1, gen1, "P1.1".to_owned(), 0.75),
    ];
    assert_eq!(group, in_group);
    assert!(network::group_scores(db, ges.0 + 1).await.unwrap().is_empty());

    // Storing twice gives the same rows.
    store_all(network::candidates(db).await.unwrap()).await;
    network::rebuild_cube(db).await.unwrap();
    assert_ne!(network::stamp(db).await.unwrap().0, built.0, "every rebuild marks the stamp");
    assert_eq!(network::candidates(db).await.unwrap(), after);
    assert_eq!(means_of(db, &all).await, full);
    assert_eq!(levels_of(db, &all, false).await, [p(2, 1), p(3, 2)]);
    let mut again = network::group_scores(db, ges.0).await.unwrap();
    again.sort_by(|x, y| (x.0, &x.3).cmp(&(y.0, &y.3)));
    assert_eq!(again, in_group);

    // Organisations engaged, campaigns by step: read live.
    let engagement = network::engagement(db, &all).await.unwrap();
    let rows = |list: &[network::Engagement]| {
        list.iter().map(|x| (x.region_id, x.org_type.clone(), x.organisations, x.engaged)).collect::<Vec<_>>()
    };
    assert_eq!(
        rows(&engagement),
        [(ara.0, "ACI".to_owned(), 2, 2), (ara.0, "EI".to_owned(), 1, 1), (bre.0, "ACI".to_owned(), 3, 2)]
    );
    assert_eq!(engagement[2].region, "Bretagne");
    let last_year = Filter { year: Some(year - 1), ..all.clone() };
    assert_eq!(
        rows(&network::engagement(db, &last_year).await.unwrap()),
        [(ara.0, "ACI".to_owned(), 2, 0), (ara.0, "EI".to_owned(), 1, 0), (bre.0, "ACI".to_owned(), 3, 0)],
        "the year filters campaigns, not members"
    );
    assert_eq!(rows(&network::engagement(db, &in_bre).await.unwrap()), [(bre.0, "ACI".to_owned(), 3, 2)]);
    assert_eq!(rows(&network::engagement(db, &ara_ei).await.unwrap()), [(ara.0, "EI".to_owned(), 1, 1)]);
    let statuses = |f: Filter| async move {
        let mut s = network::campaigns_by_status(db, &f).await.unwrap();
        s.sort();
        s
    };
    let step = |s: CampaignStatus, campaigns: i64, orgs: i64| (s.code().to_owned(), campaigns, orgs);
    assert_eq!(
        statuses(all.clone()).await,
        [
            step(CampaignStatus::Closed, 1, 1),
            step(CampaignStatus::Consolidation, 4, 4),
            step(CampaignStatus::SelfAssessment, 1, 1)
        ]
    );
    assert_eq!(
        statuses(in_ara.clone()).await,
        [
            step(CampaignStatus::Closed, 1, 1),
            step(CampaignStatus::Consolidation, 2, 2),
            step(CampaignStatus::SelfAssessment, 1, 1)
        ]
    );
    assert!(statuses(last_year.clone()).await.is_empty());

    // Plans' themes and offers: accepted actions of scored campaigns only.
    let action = |codes: &[&str], offer: Option<&str>, proposed: bool| plans::NewAction {
        title: format!("Progresser sur {}", codes.join(", ")),
        indicators: codes.iter().map(|c| (*c).to_owned()).collect(),
        offer_code: offer.map(str::to_owned),
        proposed,
        ..plans::NewAction::default()
    };
    plans::create(
        db,
        b1,
        "2026-09-01",
        6,
        &[action(&["P1.1.1.1", "P1.1.1.2"], Some("FORM-1"), false), action(&["P1.1.1.3"], Some("FORM-2"), true)],
    )
    .await
    .unwrap();
    plans::create(db, c1, "2026-09-01", 6, &[action(&["P1.1.1.1"], Some("FORM-1"), false)]).await.unwrap();
    plans::create(db, e1, "2026-09-01", 6, &[action(&["P1.1.1.4"], Some("FORM-3"), false)]).await.unwrap();
    let theme = |code: &str, actions: i64, orgs: i64| (code.to_owned(), actions, orgs);
    assert_eq!(network::plan_themes(db, &all).await.unwrap(), [theme("P1.1.1.1", 2, 2), theme("P1.1.1.2", 1, 1)]);
    assert_eq!(network::plan_themes(db, &in_ara).await.unwrap(), [theme("P1.1.1.1", 1, 1), theme("P1.1.1.2", 1, 1)]);
    let offer = |region: &str, code: &str| (region.to_owned(), code.to_owned(), 1, 1);
    assert_eq!(
        network::offers_requested(db, &all).await.unwrap(),
        [offer("Auvergne-Rhône-Alpes", "FORM-1"), offer("Bretagne", "FORM-1")]
    );
    assert_eq!(network::offers_requested(db, &in_bre).await.unwrap(), [offer("Bretagne", "FORM-1")]);
    let planned = network::stamp(db).await.unwrap();
    assert!(planned.4 > 0, "actions move the stamp");

    // A changed shared answer makes its campaign a candidate again, and only it.
    let v4 = level(4);
    let changed = NewConsolidated::settled("P1.1.1.1", &v4, None);
    assert!(matches!(
        campaigns::save_consolidated(db, b1, &changed, 1).await.unwrap(),
        campaigns::Written { version: 2, .. }
    ));
    let listed = network::candidates(db).await.unwrap();
    let stale: Vec<&Candidate> =
        listed.iter().filter(|c| c.stored_stamp.as_deref() != Some(c.stamp.as_str())).collect();
    assert_eq!(stale.len(), 1);
    assert_eq!(
        (stale[0].campaign_id, stale[0].stamp.clone(), stale[0].stored_stamp.clone()),
        (b1, format!("1:2:0:{}:EI:consolidation", ara.0), Some(format!("1:1:0:{}:EI:consolidation", ara.0)))
    );
    network::replace_scores(db, stale[0], Some(1.0), &scored(1.0, None, 0.5, Some(4), None)).await.unwrap();
    network::rebuild_cube(db).await.unwrap();
    assert_eq!(means_of(db, &in_ara).await[0], ("P1".to_owned(), 2, Some(0.75), Some(0.75)));
    assert_eq!(levels_of(db, &in_ara, false).await, [p(2, 1), p(4, 1)]);

    // A member moving to another region moves its figures there once rescored.
    let moved = organisations::get(db, b).await.unwrap();
    organisations::update(db, b, moved.version, &typed("Atelier B", bre, None, OrganisationType::Ei)).await.unwrap();
    let listed = network::candidates(db).await.unwrap();
    let b_now = listed.iter().find(|c| c.campaign_id == b1).unwrap();
    assert_eq!((b_now.region_id, b_now.stamp.clone()), (bre.0, format!("1:2:0:{}:EI:consolidation", bre.0)));
    network::replace_scores(db, b_now, Some(1.0), &scored(1.0, None, 0.5, Some(4), None)).await.unwrap();
    network::rebuild_cube(db).await.unwrap();
    assert_eq!(means_of(db, &in_ara).await[0], ("P1".to_owned(), 1, Some(0.5), Some(0.75)));
    assert_eq!(means_of(db, &in_bre).await[0], ("P1".to_owned(), 2, Some(0.875), Some(0.5)));
    assert!(means_of(db, &ara_ei).await.is_empty(), "the old cell is gone");
    assert_eq!(
        network::offers_requested(db, &in_bre).await.unwrap(),
        [("Bretagne".to_owned(), "FORM-1".to_owned(), 2, 2)]
    );
}

async fn deployment_stages_and_presentations(db: &Db) {
    use cap_domain::accompaniment::Decision;
    use cap_domain::campaign::CampaignStatus;
    use cap_domain::review::ReviewerKind;
    use cap_storage::deployment::{self, Member, Presentation};
    use cap_storage::{accompaniment, referentials, reviews};

    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let bre = regions::create(db, "BRE", "Bretagne").await.unwrap();
    let a = organisations::create(db, &input("Atelier A", ara.0, None, None)).await.unwrap();
    let b = organisations::create(db, &input("Atelier B", ara.0, None, None)).await.unwrap();
    let c = organisations::create(db, &input("Atelier C", bre.0, None, None)).await.unwrap();
    let lou = users::create(db, &Email::parse("lou@exemple.fr").unwrap(), "Lou", None).await.unwrap();
    let sam = users::create(db, &Email::parse("sam@exemple.fr").unwrap(), "Sam", None).await.unwrap();
    let member = |id: OrganisationId, name: &str, region: cap_domain::RegionId| Member {
        organisation_id: id.0,
        name: name.into(),
        region_id: region.0,
        org_type: "ACI".into(),
        informed_on: None,
        volunteered_on: None,
        planned_from: None,
        campaigns: 0,
        completed: 0,
        reviewed: 0,
    };
    let completed = cap_domain::deployment::Stage::COMPLETED.map(CampaignStatus::code);
    let members = |region: Option<i64>| deployment::members(db, region, &completed);
    assert_eq!(
        members(None).await.unwrap(),
        [member(a, "Atelier A", ara), member(b, "Atelier B", ara), member(c, "Atelier C", bre)]
    );
    assert!(deployment::campaign_starts(db, None).await.unwrap().is_empty());

    // Marked informed, then marked again on another day by someone else, or unmarked.
    deployment::set_informed(db, a.0, Some("2026-03-12"), lou).await.unwrap();
    deployment::set_informed(db, c.0, Some("2026-03-01"), lou).await.unwrap();
    deployment::set_informed(db, c.0, Some("2026-04-02"), sam).await.unwrap();
    deployment::set_informed(db, b.0, Some("2026-03-12"), lou).await.unwrap();
    deployment::set_informed(db, b.0, None, lou).await.unwrap();
    deployment::set_informed(db, b.0, None, lou).await.unwrap();

    // Campaigns at their steps; A's reviewed by a pair, C's through an accompaniment day.
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    let start = cap_storage::now();
    let a1 = campaign_at(db, a, version, CampaignStatus::Consolidation).await;
    campaign_at(db, a, version, CampaignStatus::Preparation).await;
    let c1 = campaign_at(db, c, version, CampaignStatus::SelfAssessment).await;
    let end = cap_storage::now();
    let grant = reviews::NewGrant {
        campaign: a1,
        user: sam,
        kind: ReviewerKind::Pair,
        starts_on: "2026-05-01",
        ends_on: "2026-05-31",
        conflicts: "",
        by: Some(lou),
    };
    reviews::grant(db, &grant).await.unwrap();

    let with = |m: Member, informed_on: Option<&str>, campaigns: i64, completed: i64, reviewed: i64| Member {
        informed_on: informed_on.map(str::to_owned),
        campaigns,
        completed,
        reviewed,
        ..m
    };
    let a_row = with(member(a, "Atelier A", ara), Some("2026-03-12"), 2, 0, 1);
    let b_row = member(b, "Atelier B", ara);
    assert_eq!(members(Some(ara.0)).await.unwrap(), [a_row.clone(), b_row.clone()]);
    let c_row = with(member(c, "Atelier C", bre), Some("2026-04-02"), 1, 0, 0);
    assert_eq!(members(Some(bre.0)).await.unwrap(), std::slice::from_ref(&c_row));
    let conclusion = accompaniment::NewConclusion {
        conclusions: "Un plan réaliste",
        decision: Decision::Alone,
        offers: &[],
        horizon_on: "2027-01-10",
        checkpoint_on: "2026-10-10",
    };
    let day = accompaniment::NewDay {
        held_on: "2026-06-10",
        place: "",
        attendees: "Lou",
        pillars: &[],
        conclusion: Some(conclusion),
        by: Some(lou),
    };
    accompaniment::save(db, c1, &day, 0).await.unwrap();
    let c_row = Member { reviewed: 1, ..c_row };
    // A campaign whose plan is validated has gone through.
    campaign_at(db, b, version, CampaignStatus::PlanValidated).await;
    let b_row = with(b_row, None, 1, 1, 0);
    assert_eq!(members(None).await.unwrap(), [a_row, b_row, c_row]);
    assert!(members(Some(bre.0 + 1)).await.unwrap().is_empty());

    // Presentations, most recent first (the later recorded first on the same day), by region.
    let presentation =
        |region: cap_domain::RegionId, held_on, place, attendees, notes, by| deployment::NewPresentation {
            region: region.0,
            held_on,
            place,
            audience: "",
            attendees,
            notes,
            interested: &[],
            by,
        };
    let lyon = deployment::add_presentation(db, &presentation(ara, "2026-03-12", "Lyon", 25, "Bon accueil", lou))
        .await
        .unwrap();
    let rennes =
        deployment::add_presentation(db, &presentation(bre, "2026-04-01", "Rennes", 8, "", sam)).await.unwrap();
    let grenoble =
        deployment::add_presentation(db, &presentation(ara, "2026-05-02", "Grenoble", 12, "", lou)).await.unwrap();
    // Annecy's: to directors, where B volunteered to test (C, of another region, is ignored).
    let annecy = deployment::add_presentation(
        db,
        &deployment::NewPresentation {
            audience: "Directions de SIAE",
            interested: &[b.0, c.0],
            ..presentation(ara, "2026-05-02", "Annecy", 7, "Soir", lou)
        },
    )
    .await
    .unwrap();
    let shown = |list: Vec<Presentation>| list.into_iter().map(|p| (p.id, p.place)).collect::<Vec<_>>();
    assert_eq!(
        deployment::presentations(db, Some(ara.0)).await.unwrap()[0],
        Presentation {
            id: annecy,
            region_id: ara.0,
            held_on: "2026-05-02".into(),
            place: "Annecy".into(),
            audience: "Directions de SIAE".into(),
            attendees: 7,
            notes: "Soir".into(),
            interested: vec!["Atelier B".into()],
        }
    );
    let volunteers =
        |list: Vec<Member>| list.into_iter().map(|m| (m.name, m.volunteered_on, m.planned_from)).collect::<Vec<_>>();
    assert_eq!(
        volunteers(members(None).await.unwrap()),
        [
            ("Atelier A".into(), None, None),
            ("Atelier B".into(), Some("2026-05-02".into()), None),
            ("Atelier C".into(), None, None)
        ],
        "volunteered on the day of the presentation"
    );
    // The day its test starts is set; then A volunteers; B withdraws.
    deployment::set_volunteer(db, b.0, Some("2026-05-02"), Some("2026-09-01"), Some(lou)).await.unwrap();
    deployment::set_volunteer(db, a.0, Some("2026-06-01"), None, Some(sam)).await.unwrap();
    assert_eq!(
        volunteers(members(Some(ara.0)).await.unwrap()),
        [
            ("Atelier A".into(), Some("2026-06-01".into()), None),
            ("Atelier B".into(), Some("2026-05-02".into()), Some("2026-09-01".into()))
        ]
    );
    deployment::set_volunteer(db, b.0, None, None, Some(lou)).await.unwrap();
    assert_eq!(deployment::presentations(db, Some(ara.0)).await.unwrap()[0].interested, Vec::<String>::new());
    assert_eq!(volunteers(members(Some(ara.0)).await.unwrap())[1], ("Atelier B".into(), None, None));
    assert_eq!(
        shown(deployment::presentations(db, Some(ara.0)).await.unwrap()),
        [(annecy, "Annecy".to_owned()), (grenoble, "Grenoble".to_owned()), (lyon, "Lyon".to_owned())]
    );
    assert_eq!(shown(deployment::presentations(db, Some(bre.0)).await.unwrap()), [(rennes, "Rennes".to_owned())]);
    assert_eq!(
        shown(deployment::presentations(db, None).await.unwrap()).iter().map(|p| p.0).collect::<Vec<_>>(),
        [annecy, grenoble, rennes, lyon]
    );

    // Campaign starts, for the timeline.
    let starts = deployment::campaign_starts(db, None).await.unwrap();
    let counted = |days: Vec<(i64, i64)>| days.iter().map(|(_, n)| n).sum::<i64>();
    assert_eq!(counted(starts.clone()), 4, "{starts:?}");
    let first_day = start - start % 86400;
    assert!(starts.iter().all(|(day, _)| (first_day..=end).contains(day) && day % 86400 == 0), "{starts:?}");
    assert_eq!(counted(deployment::campaign_starts(db, Some(ara.0)).await.unwrap()), 3);
    assert_eq!(counted(deployment::campaign_starts(db, Some(bre.0)).await.unwrap()), 1);
    assert!(deployment::campaign_starts(db, Some(bre.0 + 1)).await.unwrap().is_empty());
}

/// Reads the deployment's stamp and checks that the write just made moved it (or not).
async fn stamp_after(db: &Db, last: &mut i64, write: &str, moves: bool) {
    let now = cap_storage::deployment::stamp(db).await.unwrap();
    assert_eq!(now > *last, moves, "{write}: the deployment's stamp {}", if moves { "moves" } else { "stays" });
    assert!(now >= *last, "{write}: the stamp never goes back");
    *last = now;
}

async fn the_deployment_stamp_moves_with_what_the_deployment_shows(db: &Db) {
    use cap_domain::campaign::CampaignStatus;
    use cap_storage::{deployment, referentials, settings};
    let mut last = deployment::stamp(db).await.unwrap();
    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    stamp_after(db, &mut last, "a region", true).await;
    let a = organisations::create(db, &input("Atelier A", ara.0, None, None)).await.unwrap();
    stamp_after(db, &mut last, "a member", true).await;
    let lou = users::create(db, &Email::parse("lou@exemple.fr").unwrap(), "Lou", None).await.unwrap();
    settings::set(db, "something", "else").await.unwrap();
    stamp_after(db, &mut last, "a person, a setting", false).await;
    deployment::set_informed(db, a.0, Some("2026-03-12"), lou).await.unwrap();
    stamp_after(db, &mut last, "marked informed", true).await;
    deployment::set_volunteer(db, a.0, Some("2026-04-01"), None, Some(lou)).await.unwrap();
    stamp_after(db, &mut last, "volunteered", true).await;
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    stamp_after(db, &mut last, "a referential", false).await;
    let id = campaign_at(db, a, version, CampaignStatus::Preparation).await;
    stamp_after(db, &mut last, "a campaign", true).await;
    let c = cap_storage::campaigns::get(db, id).await.unwrap();
    cap_storage::campaigns::advance(db, id, CampaignStatus::Preparation, c.version).await.unwrap();
    stamp_after(db, &mut last, "a campaign's step", true).await;
    let presentation = deployment::NewPresentation {
        region: ara.0,
        held_on: "2026-05-02",
        place: "Annecy",
        audience: "",
        attendees: 7,
        notes: "",
        interested: &[],
        by: lou,
    };
    deployment::add_presentation(db, &presentation).await.unwrap();
    stamp_after(db, &mut last, "a presentation", true).await;
    let moved = organisations::get(db, a).await.unwrap();
    organisations::update(db, a, moved.version, &input("Atelier Alpha", ara.0, None, None)).await.unwrap();
    stamp_after(db, &mut last, "a member renamed", true).await;
}

async fn glossaries_keep_every_version_and_refuse_a_stale_one(db: &Db) {
    use cap_domain::glossary::TermInput;
    use cap_storage::glossary;
    let lou = users::create(db, &Email::parse("lou@exemple.fr").unwrap(), "Lou", None).await.unwrap();
    let ges = groups::create(db, "GES du Lac").await.unwrap().0;
    let term = |t: &str, d: &str| TermInput::parse(t, d).unwrap();
    let parcours = glossary::add(db, None, &term("Parcours", "Le chemin d'une personne."), Some(lou)).await.unwrap();
    glossary::add(db, None, &term("Établissement", "Un lieu."), Some(lou)).await.unwrap();
    let encadrant = glossary::add(db, Some(ges), &term("Encadrant", "Celui qui forme."), None).await.unwrap();
    // The same word again, case and accents aside, is refused in the same glossary only.
    let taken = glossary::add(db, None, &term("PARCOURS", "Autre chose."), None).await;
    assert!(matches!(taken, Err(StorageError::Conflict)), "{taken:?}");
    glossary::add(db, Some(ges), &term("parcours", "Chez nous : le parcours du salarié."), None).await.unwrap();
    let names = |list: Vec<glossary::Term>| list.into_iter().map(|t| t.term).collect::<Vec<_>>();
    assert_eq!(names(glossary::terms(db, None).await.unwrap()), ["Établissement", "Parcours"], "people's order");
    assert_eq!(names(glossary::terms(db, Some(ges)).await.unwrap()), ["Encadrant", "parcours"]);
    assert_eq!(
        names(glossary::terms_with_federation(db, Some(ges)).await.unwrap()),
        ["Encadrant", "parcours", "Établissement", "Parcours"],
        "the group's first, in one query"
    );
    assert_eq!(names(glossary::terms_with_federation(db, None).await.unwrap()), ["Établissement", "Parcours"]);

    // A new version from the one read; the one read before it is refused with both versions.
    let v2 = glossary::update(db, parcours, &term("Parcours", "De l'accueil à la sortie."), 1, None).await.unwrap();
    assert_eq!(v2, 2);
    let stale = glossary::update(db, parcours, &term("Parcours", "Écrit trop tard."), 1, Some(lou)).await;
    assert!(matches!(stale, Err(StorageError::Stale(Stale { read: 1, current: 2 }))), "{stale:?}");
    let renamed = glossary::update(db, parcours, &term("établissement", "x"), 2, None).await;
    assert!(matches!(renamed, Err(StorageError::Conflict)), "another term's name: {renamed:?}");
    let now = glossary::get(db, parcours).await.unwrap();
    assert_eq!((now.definition.as_str(), now.version, now.updated_by), ("De l'accueil à la sortie.", 2, None));
    let history = glossary::history(db, parcours).await.unwrap();
    assert_eq!(
        history.iter().map(|r| (r.version, r.definition.as_str(), r.written_by.as_deref())).collect::<Vec<_>>(),
        [(2, "De l'accueil à la sortie.", None), (1, "Le chemin d'une personne.", Some("Lou"))]
    );

    // Removed with its versions; another glossary keeps its own.
    assert_eq!(glossary::remove(db, parcours).await.unwrap().term, "Parcours");
    assert!(matches!(glossary::get(db, parcours).await, Err(StorageError::NotFound)));
    assert!(glossary::history(db, parcours).await.unwrap().is_empty());
    assert_eq!(glossary::terms(db, Some(ges)).await.unwrap().len(), 2);
    assert_eq!(glossary::get(db, encadrant).await.unwrap().group_id, Some(ges));
}

async fn service_requests_are_followed_through_once(db: &Db) {
    use cap_domain::campaign::CampaignStatus;
    use cap_domain::service_request::{Move, Origin, RequestState};
    use cap_storage::referentials;
    use cap_storage::services::{self, NewRequest};
    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let bre = regions::create(db, "BRE", "Bretagne").await.unwrap();
    let a = organisations::create(db, &input("Atelier A", ara.0, None, None)).await.unwrap();
    let c = organisations::create(db, &input("Atelier C", bre.0, None, None)).await.unwrap();
    let lou = users::create(db, &Email::parse("lou@exemple.fr").unwrap(), "Lou", None).await.unwrap();
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    let campaign = campaign_at(db, a, version, CampaignStatus::PlanValidated).await;
    let other = campaign_at(db, c, version, CampaignStatus::PlanValidated).await;
    let ask = |organisation: OrganisationId, campaign, offer_code, origin| NewRequest {
        organisation: organisation.0,
        campaign,
        offer_code,
        origin,
        action: None,
        by: Some(lou),
    };
    let first = services::ask(db, &ask(a, campaign, "DLA", Origin::Accompaniment)).await.unwrap();
    assert!(matches!(services::ask(db, &ask(a, campaign, "DLA", Origin::Plan)).await, Err(StorageError::Conflict)));
    services::ask(db, &ask(c, other, "FORM", Origin::Plan)).await.unwrap();
    let asked = services::get(db, first).await.unwrap();
    assert_eq!(
        (asked.state(), asked.organisation_name.as_str(), asked.asked_by.as_deref(), asked.version),
        (RequestState::Asked, "Atelier A", Some("Lou"), 1)
    );

    // Taken by Lou, scheduled, delivered; a move from a version read before is refused.
    let v2 = services::advance(db, first, &Move::Take, RequestState::Taken, 1, Some(lou)).await.unwrap();
    let day = |d: &str| d.to_owned();
    let v3 = services::advance(db, first, &Move::Schedule(day("2027-02-01")), RequestState::Scheduled, v2, None)
        .await
        .unwrap();
    let late = services::advance(db, first, &Move::Decline("Trop tard".into()), RequestState::Declined, v2, None).await;
    assert!(matches!(late, Err(StorageError::Stale(Stale { read: 2, current: 3 }))), "{late:?}");
    services::advance(db, first, &Move::Deliver(day("2027-02-03")), RequestState::Delivered, v3, None).await.unwrap();
    let done = services::get(db, first).await.unwrap();
    assert_eq!(
        (done.state(), done.taken_by.as_deref(), done.scheduled_on.as_deref(), done.delivered_on.as_deref()),
        (RequestState::Delivered, Some("Lou"), Some("2027-02-01"), Some("2027-02-03")),
        "who took it stays when others move it"
    );
    // Delivered, it may be asked again.
    let again = services::ask(db, &ask(a, campaign, "DLA", Origin::Plan)).await.unwrap();

    // By region, the open ones first; counted by state.
    let listed: Vec<i64> = services::of_region(db, Some(ara.0)).await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(listed, [again, first]);
    assert_eq!(services::of_region(db, None).await.unwrap().len(), 3);
    assert_eq!(services::of_campaign(db, other).await.unwrap().len(), 1);
    let mut counts = services::counts(db, Some(ara.0)).await.unwrap();
    counts.sort();
    assert_eq!(counts, [("asked".to_owned(), 1), ("delivered".to_owned(), 1)]);
}

async fn a_group_demarche_is_launched_whole_or_not_at_all(db: &Db) {
    use cap_storage::group_campaigns::{self, NewGroupCampaign};
    use cap_storage::{campaigns, referentials};
    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let ges = groups::create(db, "GES du Lac").await.unwrap();
    let a = organisations::create(db, &input("Atelier A", ara.0, Some(ges), None)).await.unwrap();
    let b = organisations::create(db, &input("Atelier B", ara.0, Some(ges), None)).await.unwrap();
    let outside = organisations::create(db, &input("Atelier C", ara.0, None, None)).await.unwrap();
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    let (mixed, both) = ([a.0, outside.0], [b.0, a.0]);
    let new = |organisations| NewGroupCampaign {
        group: ges.0,
        title: "Démarche commune",
        referential_version_id: version,
        answering_from: Some("2027-01-11"),
        consolidation_on: None,
        restitution_on: None,
        organisations,
        by: None,
    };
    // A structure outside the group takes the whole launch down.
    let refused = group_campaigns::launch(db, &new(&mixed)).await;
    assert!(matches!(refused, Err(StorageError::NotFound)), "{refused:?}");
    assert!(group_campaigns::of_group(db, ges.0).await.unwrap().is_empty());
    assert!(campaigns::for_organisation(db, a).await.unwrap().is_empty(), "no campaign left behind");

    let (id, made) = group_campaigns::launch(db, &new(&both)).await.unwrap();
    assert_eq!(made.len(), 2);
    let members = group_campaigns::members(db, id).await.unwrap();
    assert_eq!(members.iter().map(|m| m.organisation_name.as_str()).collect::<Vec<_>>(), ["Atelier A", "Atelier B"]);
    assert_eq!(group_campaigns::of_campaign(db, made[0]).await.unwrap().map(|g| g.id), Some(id));
    let stored = group_campaigns::get(db, id).await.unwrap();
    assert_eq!(
        (stored.shared_within_group, stored.version, stored.answering_from.as_deref()),
        (0, 1, Some("2027-01-11"))
    );
    assert_eq!(group_campaigns::set_shared(db, id, true, 1).await.unwrap(), 2);
    let stale = group_campaigns::set_shared(db, id, false, 1).await;
    assert!(matches!(stale, Err(StorageError::Stale(Stale { read: 1, current: 2 }))), "{stale:?}");
    assert_eq!(group_campaigns::get(db, id).await.unwrap().shared_within_group, 1);
}

async fn venue_results_are_applied_whole_and_once(db: &Db) {
    use cap_domain::campaign::{AnswerValue, CampaignStatus};
    use cap_storage::campaigns::{self, NewConsolidated};
    use cap_storage::venue::{self, Write};
    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let org = organisations::create(db, &input("Atelier A", ara.0, None, None)).await.unwrap();
    let r = cap_domain::referential::generate("gen", 8, 1, None);
    let codes: Vec<String> = r.indicators().map(|n| n.code.clone()).take(2).collect();
    let version = cap_storage::referentials::import(db, &r, false, None).await.unwrap();
    let campaign = campaign_at(db, org, version, CampaignStatus::SelfAssessment).await;
    let person = users::create(db, &Email::parse("salarie@a.fr").unwrap(), "Léa", None).await.unwrap();
    let participant = campaigns::add_participant(db, campaign, person, College::Volunteer).await.unwrap();
    campaigns::save_answer(db, campaign, participant, &codes[0], &Some(AnswerValue::Level(1)), "", 0).await.unwrap();

    // The same file uploaded twice is one import.
    let first = venue::stage(db, campaign, "b1", "digest-1", "{}", Some(person)).await.unwrap();
    assert_eq!(venue::stage(db, campaign, "b1", "digest-1", "{}", None).await.unwrap(), first);
    let second = venue::stage(db, campaign, "b1", "digest-2", "{}", None).await.unwrap();
    assert_ne!(second, first);
    let listed = venue::for_campaign(db, campaign).await.unwrap();
    assert_eq!(listed.iter().map(|s| s.id).collect::<Vec<_>>(), vec![second, first]);
    assert!(listed.iter().all(|s| s.payload.is_empty() && s.applied_at.is_none()));

    let four = Some(AnswerValue::Level(4));
    let three = Some(AnswerValue::Level(3));
    let writes = |expected| {
        vec![
            Write::Answer {
                participant,
                code: &codes[0],
                value: &four,
                comment: "vu ensemble",
                expected_version: expected,
            },
            Write::Answer { participant, code: &codes[1], value: &three, comment: "", expected_version: 0 },
            Write::Shared { answer: NewConsolidated::settled(&codes[0], &four, Some(person)), expected_version: 0 },
        ]
    };
    // One answer changed since it was read: nothing at all is written, the file stays to apply.
    let staged = venue::get(db, first).await.unwrap();
    assert!(matches!(venue::apply(db, &staged, &writes(7), Some(person), "3").await, Err(StorageError::Stale(_))));
    assert!(campaigns::answer_of(db, participant, &codes[1]).await.is_err());
    assert!(campaigns::consolidated(db, campaign).await.unwrap().is_empty());
    assert!(venue::get(db, first).await.unwrap().applied_at.is_none());

    venue::apply(db, &staged, &writes(1), Some(person), "3 réponses écrites").await.unwrap();
    let written = campaigns::answer_of(db, participant, &codes[0]).await.unwrap();
    assert_eq!((written.version, written.value, written.comment.as_str()), (2, four.clone(), "vu ensemble"));
    assert_eq!(campaigns::answer_of(db, participant, &codes[1]).await.unwrap().value, three);
    assert_eq!(campaigns::consolidated(db, campaign).await.unwrap()[&codes[0]].value, four);
    let applied = venue::get(db, first).await.unwrap();
    assert!(applied.applied_at.is_some());
    assert_eq!(applied.summary, "3 réponses écrites");

    // Never applied twice.
    assert!(venue::apply(db, &staged, &writes(2), Some(person), "encore").await.is_err());
    assert_eq!(campaigns::answer_of(db, participant, &codes[0]).await.unwrap().version, 2);
}

async fn a_harmonisation_action_has_a_line_in_each_structure(db: &Db) {
    use cap_storage::group_campaigns::{self, NewGroupCampaign};
    use cap_storage::harmonisation::{self, LineChange, NewAction};
    use cap_storage::referentials;
    let ara = regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.unwrap();
    let ges = groups::create(db, "GES du Lac").await.unwrap();
    let a = organisations::create(db, &input("Atelier A", ara.0, Some(ges), None)).await.unwrap();
    let b = organisations::create(db, &input("Atelier B", ara.0, Some(ges), None)).await.unwrap();
    let c = organisations::create(db, &input("Atelier C", ara.0, Some(ges), None)).await.unwrap();
    let version =
        referentials::import(db, &cap_domain::referential::generate("gen", 8, 1, None), false, None).await.unwrap();
    let taking_part = [a.0, b.0];
    let (id, _) = group_campaigns::launch(
        db,
        &NewGroupCampaign {
            group: ges.0,
            title: "Démarche commune",
            referential_version_id: version,
            answering_from: None,
            consolidation_on: None,
            restitution_on: None,
            organisations: &taking_part,
            by: None,
        },
    )
    .await
    .unwrap();
    let owner = users::create(db, &Email::parse("referente@a.fr").unwrap(), "Sophie", None).await.unwrap();
    let action = |owners| NewAction {
        group_campaign_id: id,
        title: "Un accueil commun",
        description: "Un livret",
        node_code: Some("P1"),
        due_on: Some("2027-03-15"),
        owners,
        by: None,
    };
    // A structure that does not take part takes the whole action down.
    let outside = [(a.0, Some(owner)), (c.0, None)];
    let refused = harmonisation::add(db, &action(&outside)).await;
    assert!(matches!(refused, Err(StorageError::NotFound)), "{refused:?}");
    assert!(harmonisation::actions(db, id).await.unwrap().is_empty(), "nothing left behind");

    let both = [(b.0, None), (a.0, Some(owner))];
    let written = harmonisation::add(db, &action(&both)).await.unwrap();
    assert_eq!(harmonisation::group_campaign_of(db, written).await.unwrap(), id);
    let lines = harmonisation::lines(db, id).await.unwrap();
    let seen: Vec<(&str, Option<&str>, &str)> =
        lines.iter().map(|l| (l.organisation_name.as_str(), l.owner_name.as_deref(), l.status.as_str())).collect();
    assert_eq!(seen, [("Atelier A", Some("Sophie"), "todo"), ("Atelier B", None, "todo")], "by structure name");
    let line = lines[1].id;
    let change = LineChange { owner: Some(owner), status: "in_progress", note: "Réunion prévue" };
    assert_eq!(harmonisation::update_line(db, line, &change, 1).await.unwrap(), 2);
    let stale = harmonisation::update_line(db, line, &LineChange { status: "done", ..change }, 1).await;
    assert!(matches!(stale, Err(StorageError::Stale(Stale { read: 1, current: 2 }))), "{stale:?}");
    let stored = harmonisation::line(db, line).await.unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.note.as_str(), stored.owner_user_id, stored.group_campaign_id),
        ("in_progress", "Réunion prévue", Some(owner.0), id)
    );
    harmonisation::remove(db, written).await.unwrap();
    assert!(harmonisation::lines(db, id).await.unwrap().is_empty(), "the lines go with their action");
    assert!(matches!(harmonisation::remove(db, written).await, Err(StorageError::NotFound)));
    assert!(matches!(harmonisation::line(db, line).await, Err(StorageError::NotFound)));
}
