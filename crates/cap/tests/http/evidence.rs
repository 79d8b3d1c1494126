//! Evidence behind shared answers: added from an indicator's consolidation page (a mistake told
//! beside its field, what was typed kept), listed beside the requirements it supports on the
//! readiness page, carried into the next campaign to be confirmed or removed, for the
//! organisation's coordinator only.

use crate::on_both_backends;
use crate::plans::consolidated_campaign;
use crate::support::*;
use cap_domain::referential::NodeKind;
use cap_storage::{audit, campaigns, evidence, referentials};

on_both_backends!(evidence_follows_the_answer_from_one_campaign_to_the_next);

async fn evidence_follows_the_answer_from_one_campaign_to_the_next(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    consolidated_campaign(&app.db, id, |_| 2).await;
    let c = campaigns::get(&app.db, id).await.unwrap();
    let r = referentials::load(&app.db, c.referential_version_id).await.unwrap();
    // An indicator mapped to an ISO 9001 requirement.
    let code = r
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Indicator && n.mappings.iter().any(|m| m.referential == "iso-9001"))
        .map(|n| n.code.clone())
        .expect("an indicator mapped to ISO 9001");
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let base = format!("/campaigns/{id}");
    let (_, page) = text(&coordinator, app.url(&format!("{base}/consolidation/{code}"))).await;
    assert!(page.contains("Aucune preuve pour l&#39;instant") || page.contains("Aucune preuve pour l&#x27;instant"));

    let add = app.url(&format!("{base}/consolidation/{code}/evidence"));
    assert_eq!(text(&coordinator, add.clone()).await.0, 200);
    let wrong =
        coordinator.post(add.clone()).form(&[("title", ""), ("url", "javascript:alert(1)")]).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("Dites ce qu") && wrong.contains("https://"), "each problem beside its field");
    assert!(wrong.contains("value=\"javascript:alert(1)\""), "what was typed is kept");
    let url = "https://drive.exemple.fr/pv-ca-2026.pdf";
    let added = coordinator
        .post(add.clone())
        .form(&[("title", "Procès-verbal du conseil du 12 mars"), ("url", url)])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    assert_eq!(added.headers()["location"], format!("{base}/consolidation/{code}#evidence").as_str());
    let unknown = coordinator
        .post(app.url(&format!("{base}/consolidation/XX.9.9.z/evidence")))
        .form(&[("title", "PV"), ("url", url)])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    let (_, page) = text(&coordinator, app.url(&format!("{base}/consolidation/{code}"))).await;
    assert!(page.contains(&format!("href=\"{url}\"")) && page.contains("Procès-verbal du conseil du 12 mars"));
    let (_, readiness) = text(&coordinator, app.url(&format!("{base}/readiness?ref=iso-9001"))).await;
    assert!(readiness.contains(&format!("href=\"{url}\"")), "listed beside the requirement it supports");
    let sheets = coordinator.get(app.url(&format!("{base}/export/campagne.xlsx"))).send().await.unwrap();
    assert_eq!(sheets.status(), 200);
    let bytes = sheets.bytes().await.unwrap();
    let read = cap_reports::xlsx::read_workbook(&bytes).expect("the workbook reads back");
    let carried = read
        .iter()
        .flat_map(|s| &s.rows)
        .flatten()
        .any(|cell| matches!(cell, cap_reports::xlsx::Cell::Text(text) if text.contains(url)));
    assert!(carried, "the workbook's readiness sheet carries the evidence");

    // A participant adds evidence from their answering page and comes back to the question.
    let participant = app.signed_in(PARTICIPANT_A).await;
    let (_, answering) = text(&participant, app.url(&format!("{base}/answer/1"))).await;
    assert!(answering.contains("/evidence?page=1"), "a way to add evidence beside each question");
    let from_answer = participant
        .post(app.url(&format!("{base}/consolidation/{code}/evidence?page=3")))
        .form(&[("title", "Plan de formation 2026"), ("url", "https://drive.exemple.fr/formation.pdf")])
        .send()
        .await
        .unwrap();
    assert_eq!(from_answer.status(), 303);
    assert_eq!(from_answer.headers()["location"], format!("{base}/answer/3#q-{code}").as_str());
    // Removing and confirming stay with those who run the campaign.
    let added = evidence::of_campaign(&app.db, id).await.unwrap();
    let theirs = added.iter().find(|e| e.title == "Plan de formation 2026").unwrap();
    let r = participant.post(app.url(&format!("{base}/evidence/{}/remove", theirs.id))).send().await.unwrap();
    assert!(matches!(r.status().as_u16(), 403 | 404), "{}", r.status());
    coordinator.post(app.url(&format!("{base}/evidence/{}/remove", theirs.id))).send().await.unwrap();

    // Others cannot touch it.
    for who in [COORDINATOR_B, TIERS_A, DELEGATE_A] {
        let client = app.signed_in(who).await;
        let r = client.post(add.clone()).form(&[("title", "PV"), ("url", url)]).send().await.unwrap();
        assert!(matches!(r.status().as_u16(), 403 | 404), "{who}: {}", r.status());
    }
    assert_eq!(evidence::of_campaign(&app.db, id).await.unwrap().len(), 1);

    // The next campaign carries it, to be confirmed; another piece is removed.
    let version = c.referential_version_id.to_string();
    let created = coordinator
        .post(app.url(&format!("/organisations/{}/campaigns/new", seeds.org_a)))
        .form(&[("title", "Auto-évaluation 2027"), ("referential", version.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 303);
    let next: i64 = created.headers()["location"].to_str().unwrap().trim_start_matches("/campaigns/").parse().unwrap();
    let carried = evidence::of_campaign(&app.db, next).await.unwrap();
    assert_eq!(carried.len(), 1);
    assert_eq!((carried[0].url.as_str(), carried[0].to_review), (url, 1));
    let (_, page) = text(&coordinator, app.url(&format!("/campaigns/{next}/consolidation/{code}"))).await;
    assert!(page.contains("toujours valable ?"));
    let confirmed = coordinator
        .post(app.url(&format!("/campaigns/{next}/evidence/{}/confirm", carried[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), 303);
    assert_eq!(evidence::of_campaign(&app.db, next).await.unwrap()[0].to_review, 0);
    let wrong_campaign =
        coordinator.post(app.url(&format!("{base}/evidence/{}/remove", carried[0].id))).send().await.unwrap();
    assert_eq!(wrong_campaign.status(), 404, "a piece of another campaign is not found here");
    let removed = coordinator
        .post(app.url(&format!("/campaigns/{next}/evidence/{}/remove", carried[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    assert!(evidence::of_campaign(&app.db, next).await.unwrap().is_empty());
    assert_eq!(evidence::of_campaign(&app.db, id).await.unwrap().len(), 1, "the earlier campaign keeps its own");
    let log = audit::recent(&app.db, None, 200).await.unwrap();
    for action in ["evidence.add", "evidence.confirm", "evidence.remove"] {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
}
