//! A review by a pair and a tiers: the directory, the invitation with its conflicts of interest,
//! the reviewer's reading limited to one campaign and a few days (every page audited), the
//! comment threads, the access ended by hand or by itself; trainings.

use crate::support::*;
use cap_domain::campaign::CampaignStatus;
use cap_domain::{College, Membership, OrganisationId, Role, Scope};
use cap_storage::{Db, audit, directory, organisations};

/// Creates an organisation with a closed campaign (it has been through one) and its coordinator.
async fn experienced_organisation(db: &Db, name: &str, region: i64, group: Option<i64>, email: &str) -> (i64, i64) {
    let id = organisations::create(db, &org(name, region, group)).await.unwrap();
    let coordinator = Membership::new(Role::Coordinator, Scope::Organisation(id), Some(College::Direction)).unwrap();
    let user = person(db, email, &[coordinator]).await;
    campaign_at(db, id, "Campagne passée", CampaignStatus::Closed).await;
    (id.0, user.0)
}

async fn status_of(client: &reqwest::Client, url: String) -> u16 {
    client.get(url).send().await.unwrap().status().as_u16()
}

async fn a_pair_reviews_one_campaign_for_a_few_days(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    let today = cap_app::i18n::paris_today();
    let in_days = |d: i64| today.checked_add(jiff::Span::new().days(d)).unwrap().to_string();

    // A coordinator of another region volunteers from an organisation that closed a campaign.
    let (far_org, far_user) =
        experienced_organisation(&app.db, "Structure Lointaine", seeds.region_b, None, "pair.loin@test.fr").await;
    let pair = app.signed_in("pair.loin@test.fr").await;
    let page = pair.get(app.url("/directory")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Structure Lointaine"), "the organisation is offered");
    let r = pair
        .post(app.url("/directory/volunteer"))
        .form(&[("organisation", far_org.to_string().as_str()), ("availability", "Deux jours par trimestre")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let listed = directory::volunteers(&app.db).await.unwrap();
    assert_eq!((listed.len(), listed[0].availability.as_str()), (1, "Deux jours par trimestre"));

    // A participant whose organisation never finished a campaign cannot volunteer.
    let participant = app.signed_in(PARTICIPANT_A).await;
    let r = participant
        .post(app.url("/directory/volunteer"))
        .form(&[("organisation", seeds.org_a.to_string().as_str()), ("availability", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Aucune de vos structures n&#39;a encore validé de plan de progrès"));

    // A volunteer of the same group as A is flagged; one of A itself is refused.
    let (sister_org, sister_id) =
        experienced_organisation(&app.db, "Structure Sœur", seeds.region_a, Some(seeds.group_a), "soeur@test.fr").await;
    let sister = app.signed_in("soeur@test.fr").await;
    let r = sister
        .post(app.url("/directory/volunteer"))
        .form(&[("organisation", sister_org.to_string().as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    directory::volunteer(&app.db, seeds.participant_a, OrganisationId(seeds.org_a), "").await.unwrap();

    let coordinator = app.signed_in(COORDINATOR_A).await;
    let page = coordinator.get(app.url(&format!("{base}/review"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("pair:{far_user}")), "the far volunteer is offered");
    assert!(page.contains("même groupe (GES)"), "the sister is flagged");
    assert!(!page.contains(&format!("pair:{}\"", seeds.participant_a.0)), "A's own member is not offered");

    let invite = |reviewer: String, start: String, end: String, ack: bool| {
        let mut form = vec![("reviewer", reviewer), ("starts_on", start), ("ends_on", end)];
        if ack {
            form.push(("accept_conflict", "1".to_owned()));
            form.push(("accept_untrained", "1".to_owned()));
        }
        coordinator.post(app.url(&format!("{base}/review/reviewers"))).form(&form).send()
    };
    // The far pair attended a training; the sister did not (her invitation is an exception).
    let training = directory::create_training(
        &app.db,
        &directory::NewTraining {
            title: "Formation des pairs",
            audience: cap_domain::review::TrainingAudience::Pairs,
            held_on: &in_days(-10),
            place: "Lyon",
            region: seeds.region_b,
            by: None,
        },
    )
    .await
    .unwrap();
    directory::set_attendees(&app.db, training, &[cap_domain::UserId(far_user)]).await.unwrap();
    let r = invite(format!("pair:{far_user}"), in_days(5), in_days(1), false).await.unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("La fin de l&#39;accès doit suivre son début"));
    assert!(body.contains(&format!("value=\"{}\"", in_days(5))), "typed dates are kept");
    let r = invite(format!("pair:{}", seeds.participant_a.0), in_days(0), in_days(30), true).await.unwrap();
    assert_eq!(r.status(), 422, "a member of A cannot review A, even acknowledged");
    assert!(r.text().await.unwrap().contains("Un membre de la structure ne peut pas la relire"));
    let r = invite(format!("pair:{sister_id}"), in_days(0), in_days(30), false).await.unwrap();
    assert_eq!(r.status(), 422, "the same group needs an acknowledgement");
    assert!(r.text().await.unwrap().contains("cochez la case pour confirmer"));
    let r = invite(format!("pair:{sister_id}"), in_days(0), in_days(30), true).await.unwrap();
    assert_eq!(r.status(), 303);
    let exception = audit::recent(&app.db, None, 50).await.unwrap();
    assert!(
        exception.iter().any(|e| e.action == "reviews.invite" && e.details.ends_with("non formé·e")),
        "inviting an untrained pair is written as an exception"
    );
    let r = invite(format!("pair:{far_user}"), in_days(0), in_days(30), false).await.unwrap();
    assert_eq!(r.status(), 303);
    assert!(app.link_in_mail_to("pair.loin@test.fr", &format!("{base}/review")).ends_with("/review"));

    // The pair reads the photographie, the plan and the review page; nothing else of A.
    for page in ["/results", "/plan", "/review"] {
        assert_eq!(status_of(&pair, app.url(&format!("{base}{page}"))).await, 200, "{page}");
    }
    let review = pair.get(app.url(&format!("{base}/review"))).send().await.unwrap().text().await.unwrap();
    assert!(review.contains("Votre accès prend fin le"));
    assert!(!review.contains("review/reviewers"), "a reviewer invites nobody");
    for page in ["", "/targets", "/consolidation", "/accompaniment", "/export/campagne.xlsx", "/answer"] {
        assert_eq!(status_of(&pair, app.url(&format!("{base}{page}"))).await, 404, "{page}");
    }
    assert_eq!(status_of(&pair, app.url(&format!("/organisations/{}", seeds.org_a))).await, 404);
    let r = pair.post(app.url(&format!("{base}/review/reviewers"))).form(&[("reviewer", "")]).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let reads: Vec<_> = audit::recent(&app.db, None, 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "reviews.read" && e.actor_label == "pair.loin@test.fr")
        .collect();
    assert_eq!(reads.len(), 4, "each page read through the access is audited: {reads:?}");
    assert!(reads.iter().any(|e| e.details == format!("{base}/results")));

    // Threads: the pair opens one on an indicator, the coordinator answers, the pair resolves it.
    let r = pair
        .post(app.url(&format!("{base}/review/threads")))
        .form(&[("target", "indicator:NOPE"), ("body", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Choisissez sur quoi porte le commentaire") && body.contains("Écrivez votre commentaire"));
    let r = pair
        .post(app.url(&format!("{base}/review/threads")))
        .form(&[("target", "photographie"), ("body", "Le pilier social paraît sous-estimé.")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let thread = cap_storage::reviews::comments(&app.db, id).await.unwrap()[0].id;
    let r = coordinator
        .post(app.url(&format!("{base}/review/threads/{thread}/reply")))
        .form(&[("body", "Nous en parlerons lors de la journée.")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = pair
        .post(app.url(&format!("{base}/review/threads/{thread}/resolve")))
        .form(&[("resolved", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = coordinator.get(app.url(&format!("{base}/review"))).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("Le pilier social paraît sous-estimé.") && page.contains("Nous en parlerons lors de la journée.")
    );
    assert!(page.contains("Résolue par pair.loin"), "{page}");
    // Organisation B's coordinator writes nothing in A's threads.
    let b = app.signed_in(COORDINATOR_B).await;
    let r = b
        .post(app.url(&format!("{base}/review/threads/{thread}/reply")))
        .form(&[("body", "Intrus")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    // The coordinator ends the pair's access: the pair reads nothing any more.
    let grant =
        cap_storage::reviews::grants(&app.db, id).await.unwrap().into_iter().find(|g| g.user_id == far_user).unwrap();
    let r = coordinator.post(app.url(&format!("{base}/review/reviewers/{}/revoke", grant.id))).send().await.unwrap();
    assert_eq!(r.status(), 303);
    for page in ["/results", "/plan", "/review"] {
        assert_eq!(status_of(&pair, app.url(&format!("{base}{page}"))).await, 404, "{page} after revocation");
    }

    // An access that ended yesterday ended by itself; one starting tomorrow is not open yet.
    let sister_grant =
        cap_storage::reviews::grants(&app.db, id).await.unwrap().into_iter().find(|g| g.user_id == sister_id).unwrap();
    cap_storage::reviews::revoke(&app.db, id, sister_grant.id, cap_domain::UserId(sister_id)).await.unwrap();
    for (start, end) in [(in_days(-10), in_days(-1)), (in_days(1), in_days(10))] {
        cap_storage::reviews::grant(
            &app.db,
            &cap_storage::reviews::NewGrant {
                campaign: id,
                user: cap_domain::UserId(sister_id),
                kind: cap_domain::review::ReviewerKind::Pair,
                starts_on: &start,
                ends_on: &end,
                conflicts: "",
                by: None,
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(status_of(&sister, app.url(&format!("{base}/results"))).await, 404);
}

async fn delegates_record_trainings_of_their_region(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let delegate = app.signed_in(DELEGATE_A).await;
    let r = delegate
        .post(app.url("/trainings"))
        .form(&[
            ("title", ""),
            ("audience", "pairs"),
            ("held_on", "2026-03-12"),
            ("place", "Lyon"),
            ("region", &seeds.region_a.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("value=\"Lyon\""), "typed values are kept");
    let r = delegate
        .post(app.url("/trainings"))
        .form(&[
            ("title", "Formation"),
            ("audience", "pairs"),
            ("held_on", "2026-03-12"),
            ("place", "Lyon"),
            ("region", &seeds.region_b.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "not another region's");
    let r = delegate
        .post(app.url("/trainings"))
        .form(&[
            ("title", "Formation des pairs"),
            ("audience", "both"),
            ("held_on", "2026-03-12"),
            ("place", "Lyon"),
            ("region", &seeds.region_a.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let training = directory::trainings(&app.db, Some(seeds.region_a)).await.unwrap()[0].id;
    let delegate_a_id = directory::delegates(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.region_id == seeds.region_a)
        .unwrap()
        .user_id;
    let r = delegate
        .post(app.url(&format!("/trainings/{training}/attendees")))
        .form(&[("attendee", delegate_a_id.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = delegate
        .post(app.url(&format!("/trainings/{training}/attendees")))
        .form(&[("attendee", seeds.participant_a.0.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "only volunteers and delegates can be named");
    let page =
        app.signed_in(COORDINATOR_B).await.get(app.url("/trainings")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Formation des pairs") && page.contains("delegue.a"), "{page}");
    assert!(!page.contains("/attendees"), "B's coordinator records nothing");
    let b = app.signed_in(DELEGATE_B).await;
    let r =
        b.post(app.url(&format!("/trainings/{training}/attendees"))).form(&[("attendee", "")]).send().await.unwrap();
    assert_eq!(r.status(), 404, "region B's delegate does not edit region A's training");
    assert_eq!(directory::training(&app.db, training).await.unwrap().attendees.len(), 1);
}

/// The pair's pathway: a delegate proposes a member's person, who accepts, enrols in a training to
/// come and is offered to review only once their attendance is recorded (or by an exception).
async fn a_proposed_pair_trains_and_is_then_offered(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let today = cap_app::i18n::paris_today();
    let in_days = |d: i64| today.checked_add(jiff::Span::new().days(d)).unwrap().to_string();
    // A person of an organisation of region A that closed a campaign.
    let (org, user) = experienced_organisation(&app.db, "Atelier Voisin", seeds.region_a, None, "voisin@test.fr").await;
    let delegate = app.signed_in(DELEGATE_A).await;
    let page = delegate.get(app.url("/directory")).send().await.unwrap().text().await.unwrap();
    let person = format!("{user}:{org}");
    assert!(page.contains(&format!("value=\"{person}\"")), "the delegate may propose them");
    // Region B's delegate may not propose someone of region A: answered as a forged form.
    let other = app.signed_in(DELEGATE_B).await;
    let r = other.post(app.url("/directory/propose")).form(&[("person", person.as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let r = delegate.post(app.url("/directory/propose")).form(&[("person", person.as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert!(app.link_in_mail_to("voisin@test.fr", "/directory").ends_with("/directory"), "the person is told");
    assert!(directory::volunteers(&app.db).await.unwrap().is_empty(), "not in the directory before accepting");

    // The person accepts; a training for pairs is planned in 20 days; they enrol.
    let voisin = app.signed_in("voisin@test.fr").await;
    let page = voisin.get(app.url("/directory")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("vous propose comme pair pour") && page.contains("Atelier Voisin"), "{page}");
    let r = voisin.post(app.url("/directory/proposal")).form(&[("answer", "accept")]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let r = voisin.post(app.url("/directory/proposal")).form(&[("answer", "accept")]).send().await.unwrap();
    assert_eq!(r.status(), 404, "nothing waits any more");
    let planned = directory::create_training(
        &app.db,
        &directory::NewTraining {
            title: "Formation des pairs — printemps",
            audience: cap_domain::review::TrainingAudience::Pairs,
            held_on: &in_days(20),
            place: "Lille",
            region: seeds.region_a,
            by: None,
        },
    )
    .await
    .unwrap();
    let page = voisin.get(app.url("/directory")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Formation des pairs — printemps") && page.contains("Volontaire"), "{page}");
    let r = voisin
        .post(app.url(&format!("/directory/trainings/{planned}/enrol")))
        .form(&[("enrol", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(directory::enrolled_in(&app.db, planned).await.unwrap(), [user]);
    let listed = directory::volunteers(&app.db).await.unwrap();
    assert_eq!(listed[0].stage(), cap_domain::review::PairStage::Enrolled);
    // Someone outside the directory enrols in nothing.
    let outsider = app.signed_in(PARTICIPANT_A).await;
    let r = outsider
        .post(app.url(&format!("/directory/trainings/{planned}/enrol")))
        .form(&[("enrol", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    // Not trained yet: the coordinator of B may invite them only as an acknowledged exception.
    let campaign_b = campaign_at(&app.db, OrganisationId(seeds.org_b), "Campagne B", CampaignStatus::Review).await;
    let coordinator = app.signed_in(COORDINATOR_B).await;
    let invite = |exception: bool| {
        let mut form = vec![("reviewer", format!("pair:{user}")), ("starts_on", in_days(0)), ("ends_on", in_days(10))];
        if exception {
            form.push(("accept_untrained", "1".to_owned()));
        }
        coordinator.post(app.url(&format!("/campaigns/{campaign_b}/review/reviewers"))).form(&form).send()
    };
    let page = coordinator
        .get(app.url(&format!("/campaigns/{campaign_b}/review")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Inscrit·e à une formation"), "the picker says where the pair stands");
    let r = invite(false).await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("pas encore suivi de formation"));

    // The training takes place; the delegate records who attended: the pair is trained.
    let r = delegate
        .post(app.url(&format!("/trainings/{planned}/attendees")))
        .form(&[("attendee", user.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(directory::volunteers(&app.db).await.unwrap()[0].stage(), cap_domain::review::PairStage::Trained);
    let r = invite(false).await.unwrap();
    assert_eq!(r.status(), 303, "a trained pair is invited without an exception");
    let log = audit::recent(&app.db, None, 50).await.unwrap();
    for action in ["pairs.propose", "pairs.accept", "trainings.enrol", "reviews.invite"] {
        assert!(log.iter().any(|e| e.action == action), "{action} is in the log");
    }
}

crate::on_both_backends!(
    a_pair_reviews_one_campaign_for_a_few_days,
    delegates_record_trainings_of_their_region,
    a_proposed_pair_trains_and_is_then_offered
);
