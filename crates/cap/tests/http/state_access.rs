//! A State officer's access for the « dialogue de gestion »: given by the member for a few days,
//! an account made for a newcomer who chooses their password from the e-mail, read-only (results,
//! plan, activity figures, summary; no threads, no campaign page), every read in the member's
//! log, closed when the member ends it or when its last day passes.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::review::ReviewerKind;
use cap_storage::{audit, reviews};

on_both_backends!(a_state_officer_reads_for_a_few_days);

async fn a_state_officer_reads_for_a_few_days(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let (status, page) = text(&coordinator, app.url(&format!("{base}/state-access"))).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Aucun accès donné pour l&#39;instant") || page.contains("Aucun accès donné pour l&#x27;instant")
    );

    // Mistakes are told beside their field, what was typed kept.
    let today = cap_app::i18n::paris_today();
    let day = |n: i64| today.checked_add(jiff::Span::new().days(n)).unwrap().to_string();
    let wrong = coordinator
        .post(app.url(&format!("{base}/state-access")))
        .form(&[("display_name", ""), ("email", "pas-une-adresse"), ("starts_on", &day(0)), ("ends_on", &day(200))])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("Indiquez le nom de la personne") && wrong.contains("value=\"pas-une-adresse\""));
    assert!(wrong.contains("92 jours"), "an access is short: {}", wrong.len());
    // A member of the organisation is no State officer.
    let member = coordinator
        .post(app.url(&format!("{base}/state-access")))
        .form(&[
            ("display_name", "Participant"),
            ("email", PARTICIPANT_A),
            ("starts_on", &day(0)),
            ("ends_on", &day(10)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(member.status(), 422);

    // Given to someone Cap does not know: an account, a link to choose a password.
    let officer = "agent.ddets@travail.gouv.fr";
    let given = coordinator
        .post(app.url(&format!("{base}/state-access")))
        .form(&[("display_name", "Agent DDETS"), ("email", officer), ("starts_on", &day(0)), ("ends_on", &day(10))])
        .send()
        .await
        .unwrap();
    assert_eq!(given.status(), 303);
    let grants = reviews::grants(&app.db, id).await.unwrap();
    let grant = grants.iter().find(|g| g.kind == ReviewerKind::State).expect("the access");
    assert_eq!(grant.email, officer);
    let twice = coordinator
        .post(app.url(&format!("{base}/state-access")))
        .form(&[("display_name", "Agent DDETS"), ("email", officer), ("starts_on", &day(0)), ("ends_on", &day(10))])
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status(), 422, "not given twice");
    let link = app.link_in_mail_to(officer, "/password/reset/");
    let reader = app.client();
    let chosen = reader
        .post(app.url(link.trim_start_matches(&app.base)))
        .form(&[("password", PASSWORD), ("confirmation", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), 303);
    let reader = app.signed_in(officer).await;

    // Read-only: results, plan, activity figures, summary; nothing else.
    for path in ["/results", "/plan", "/activity", "/export/synthese.pdf"] {
        let r = reader.get(app.url(&format!("{base}{path}"))).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
    let (_, activity) = text(&reader, app.url(&format!("{base}/activity"))).await;
    assert!(!activity.contains("Enregistrer les chiffres"), "no form for a reader");
    for path in ["", "/review", "/consolidation", "/plan/suggestions", "/export/campagne.xlsx", "/state-access"] {
        let r = reader.get(app.url(&format!("{base}{path}"))).send().await.unwrap();
        assert!(matches!(r.status().as_u16(), 403 | 404), "{path}: {}", r.status());
    }
    let comment = reader
        .post(app.url(&format!("{base}/review/threads")))
        .form(&[("target", "campaign"), ("body", "Une remarque")])
        .send()
        .await
        .unwrap();
    assert!(matches!(comment.status().as_u16(), 403 | 404), "no threads: {}", comment.status());
    let home = reader.get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains(&format!("{base}/results")), "the home page leads to the results");
    let reads = audit::recent(&app.db, None, 100).await.unwrap();
    assert!(reads.iter().any(|e| e.action == "reviews.read" && e.actor_label == officer), "every read in the log");

    // Ended by the member: closed at once.
    let ended =
        coordinator.post(app.url(&format!("{base}/review/reviewers/{}/revoke", grant.id))).send().await.unwrap();
    assert_eq!(ended.status(), 303);
    assert_eq!(ended.headers()["location"].to_str().unwrap(), format!("{base}/state-access"));
    assert_eq!(reader.get(app.url(&format!("{base}/results"))).send().await.unwrap().status(), 404);

    // An access whose last day has passed reads nothing either.
    let user =
        cap_storage::users::find_by_email(&app.db, &cap_domain::Email::parse(officer).unwrap()).await.unwrap().unwrap();
    reviews::grant(
        &app.db,
        &reviews::NewGrant {
            campaign: id,
            user: user.user_id(),
            kind: ReviewerKind::State,
            starts_on: &day(-20),
            ends_on: &day(-1),
            conflicts: "",
            by: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(reader.get(app.url(&format!("{base}/results"))).send().await.unwrap().status(), 404, "expired");
    let (_, listed) = text(&coordinator, app.url(&format!("{base}/state-access"))).await;
    assert!(listed.contains("Terminé") && listed.contains("Retiré"), "the member sees each access's state");
}
