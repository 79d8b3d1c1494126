//! Service requests followed through: the coordinator asks for a service the accompaniment day
//! named (twice changes nothing), the region's delegate takes it, schedules it and records it
//! delivered, a move that does not follow or comes from a stale page is refused beside the
//! request, the member reads where it stands, and the network's page counts requests by step.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::accompaniment::Decision;
use cap_storage::{accompaniment, audit, offers, services};

on_both_backends!(a_service_request_goes_from_asked_to_delivered);

async fn a_service_request_goes_from_asked_to_delivered(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let offer = offers::list(&app.db).await.unwrap().remove(0).offer;
    let named = [offer.code.clone()];
    let conclusion = accompaniment::NewConclusion {
        conclusions: "Un appui sur la gouvernance",
        decision: Decision::FurtherAccompaniment,
        offers: &named,
        horizon_on: "2027-06-30",
        checkpoint_on: "2027-03-01",
    };
    let day = accompaniment::NewDay {
        held_on: "2026-11-20",
        place: "Lyon",
        attendees: "Coordinatrice, déléguée",
        pillars: &[],
        conclusion: Some(conclusion),
        by: None,
    };
    accompaniment::save(&app.db, id, &day, 0).await.unwrap();

    // The member asks; asking again changes nothing; an offer the campaign does not name is refused.
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let page = format!("/campaigns/{id}/services");
    let (status, body) = text(&coordinator, app.url(&page)).await;
    assert_eq!(status, 200);
    assert!(body.contains(&offer.title) && body.contains("Prévu à la journée d"), "named by the accompaniment day");
    let ask = coordinator.post(app.url(&page)).form(&[("offer", offer.code.as_str())]).send().await.unwrap();
    assert_eq!(ask.status(), 303);
    coordinator.post(app.url(&page)).form(&[("offer", offer.code.as_str())]).send().await.unwrap();
    let unknown = coordinator.post(app.url(&page)).form(&[("offer", "INCONNU")]).send().await.unwrap();
    assert_eq!(unknown.status(), 400);
    let requests = services::of_campaign(&app.db, id).await.unwrap();
    assert_eq!(requests.len(), 1, "asked once");
    let request = requests[0].id;
    let participant = app.signed_in(PARTICIPANT_A).await;
    let asked = participant.post(app.url(&page)).form(&[("offer", offer.code.as_str())]).send().await.unwrap();
    assert!(matches!(asked.status().as_u16(), 403 | 404), "asked by whoever runs the campaign");

    // The region's delegate follows it; another region's does not see it.
    let delegate = app.signed_in(DELEGATE_A).await;
    let (status, list) = text(&delegate, app.url("/services")).await;
    assert_eq!(status, 200);
    assert!(list.contains(&format!("id=\"request-{request}\"")) && list.contains("Structure A"));
    let other = app.signed_in(DELEGATE_B).await;
    let (_, theirs) = text(&other, app.url("/services")).await;
    assert!(!theirs.contains(&format!("id=\"request-{request}\"")), "another region's");
    let moved = other.post(app.url(&format!("/services/{request}"))).form(&[("move", "take"), ("version", "1")]).send();
    assert_eq!(moved.await.unwrap().status(), 404);

    let post = |fields: Vec<(&'static str, String)>| {
        let client = delegate.clone();
        let url = app.url(&format!("/services/{request}"));
        async move { client.post(url).form(&fields).send().await.unwrap() }
    };
    let early = post(vec![("move", "deliver".into()), ("day", "2027-01-10".into()), ("version", "1".into())]).await;
    assert_eq!(early.status(), 422, "delivered before it is taken and scheduled");
    assert!(early.text().await.unwrap().contains("ne suit pas"));
    assert_eq!(post(vec![("move", "take".into()), ("version", "1".into())]).await.status(), 303);
    let stale = post(vec![("move", "decline".into()), ("reason", "Hors offre".into()), ("version", "1".into())]).await;
    assert_eq!(stale.status(), 409, "moved meanwhile");
    let no_day = post(vec![("move", "schedule".into()), ("day", "bientôt".into()), ("version", "2".into())]).await;
    assert_eq!(no_day.status(), 422);
    assert_eq!(
        post(vec![("move", "schedule".into()), ("day", "2027-01-12".into()), ("version", "2".into())]).await.status(),
        303
    );
    assert_eq!(
        post(vec![("move", "deliver".into()), ("day", "2027-01-12".into()), ("version", "3".into())]).await.status(),
        303
    );

    // The member reads where it stands; the network counts it; every move is in the log.
    let (_, body) = text(&coordinator, app.url(&page)).await;
    assert!(
        body.contains("Réalisé") && body.contains("réalisé le 12 janvier 2027") && body.contains("pris en charge par")
    );
    let (_, network) = text(&delegate, app.url("/network")).await;
    assert!(network.contains("Demandes de services") && network.contains("Réalisé"), "counted on the network's page");
    let log = audit::recent(&app.db, None, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "services.ask"));
    assert_eq!(log.iter().filter(|e| e.action == "services.move").count(), 3);
}
