//! A group démarche's harmonisation plan: the lead writes an action with an owner in each
//! structure (mistakes told beside their field, a forged owner refused), each structure follows
//! its own line (a change made meanwhile refused with both versions shown), a structure sees the
//! others' lines only once the lead shares the démarche, another organisation never sees the
//! plan; the group's consolidation lists each indicator.

use crate::on_both_backends;
use crate::plans::consolidated_campaign;
use crate::support::*;
use cap_domain::Email;
use cap_domain::referential::NodeKind;
use cap_storage::group_campaigns::{self, NewGroupCampaign};
use cap_storage::{audit, campaigns, harmonisation, organisations, referentials, users};

on_both_backends!(a_group_follows_its_harmonisation_plan_structure_by_structure);

/// A page's status and text, apostrophes as people read them.
async fn page(client: &reqwest::Client, url: String) -> (u16, String) {
    let (status, body) = text(client, url).await;
    (status, plain(body))
}

/// Text with the apostrophes the templates escape put back.
fn plain(html: String) -> String {
    html.replace("&#x27;", "'").replace("&#39;", "'")
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    users::find_by_email(&app.db, &Email::parse(email).unwrap()).await.unwrap().unwrap().user_id().0
}

async fn a_group_follows_its_harmonisation_plan_structure_by_structure(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let second = organisations::create(&app.db, &org("Structure A2", seeds.region_a, Some(seeds.group_a))).await;
    let second = second.unwrap().0;
    let version = campaigns::get(&app.db, seeds.campaign_a).await.unwrap().referential_version_id;
    let orgs = [seeds.org_a, second];
    let new = NewGroupCampaign {
        group: seeds.group_a,
        title: "Démarche commune 2027",
        referential_version_id: version,
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        organisations: &orgs,
        by: None,
    };
    let (id, _) = group_campaigns::launch(&app.db, &new).await.unwrap();
    let plan = app.url(&format!("/group-campaigns/{id}/plan"));
    let objective = referentials::load(&app.db, version)
        .await
        .unwrap()
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::GeneralObjective)
        .unwrap()
        .code
        .clone();
    let coordinator_a = user_id(app, COORDINATOR_A).await.to_string();
    let participant_a = seeds.participant_a.0.to_string();
    let owner_a = format!("owner.{}", seeds.org_a);

    let lead = app.signed_in(GROUP_LEAD_A).await;
    let (status, empty) = page(&lead, plan.clone()).await;
    assert_eq!(status, 200);
    assert!(empty.contains("Aucune action pour l'instant") && empty.contains("Ajouter une action commune"));

    // Mistakes beside their field, what was typed kept; an owner the form did not offer refused.
    let refused = lead
        .post(plan.clone())
        .form(&[("title", " "), ("description", "Un livret"), ("due_on", "31/02/2027"), ("node", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let body = plain(refused.text().await.unwrap());
    assert!(body.contains("Écrivez l'action"), "{body}");
    assert!(body.contains("Écrivez une date qui existe") && body.contains("Un livret"));
    let forged = lead
        .post(plan.clone())
        .form(&[("title", "Accueil commun"), (owner_a.as_str(), participant_a.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400, "only a structure's coordinators are offered to the lead");
    assert!(harmonisation::actions(&app.db, id).await.unwrap().is_empty(), "nothing written");

    let added = lead
        .post(plan.clone())
        .form(&[
            ("title", "Un livret d'accueil commun"),
            ("description", "Écrit ensemble, adapté par chaque structure."),
            ("node", objective.as_str()),
            ("due_on", "15/03/2027"),
            (owner_a.as_str(), coordinator_a.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    let lines = harmonisation::lines(&app.db, id).await.unwrap();
    assert_eq!(lines.len(), 2, "one line per structure taking part");
    let (line_a, line_a2) = (&lines[0], &lines[1]);
    assert_eq!((line_a.organisation_id, line_a.owner_user_id), (seeds.org_a, Some(user_id(app, COORDINATOR_A).await)));
    assert_eq!((line_a2.organisation_id, line_a2.owner_user_id), (second, None), "left to the structure");
    let action = harmonisation::actions(&app.db, id).await.unwrap().remove(0);
    assert_eq!(action.due_on.as_deref(), Some("2027-03-15"));
    let (_, written) = page(&lead, plan.clone()).await;
    assert!(written.contains("Structures qui l'ont faite : 0 sur 2"));
    assert!(written.contains("À désigner par la structure"));

    // The structure's coordinator follows her line; she sees only hers until the démarche is shared.
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let (status, hers) = page(&coordinator, plan.clone()).await;
    assert_eq!(status, 200);
    assert!(hers.contains("Un livret d") && hers.contains(&format!("/harmonisation/lines/{}", line_a.id)));
    assert!(!hers.contains("Structure A2") && hers.contains("apparaîtront si le ou la responsable"));
    let line_url = app.url(&format!("/harmonisation/lines/{}", line_a.id));
    let saved = coordinator
        .post(line_url.clone())
        .form(&[
            ("status", "done"),
            ("note", "Livret adopté en réunion"),
            ("owner", coordinator_a.as_str()),
            ("version", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let stale = coordinator
        .post(line_url.clone())
        .form(&[("status", "blocked"), ("note", "Autre version"), ("owner", ""), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409, "a change made meanwhile is never overwritten");
    let conflict = plain(stale.text().await.unwrap());
    assert!(conflict.contains("Livret adopté en réunion") && conflict.contains("Autre version"), "both versions shown");
    let bad = coordinator.post(line_url.clone()).form(&[("status", "fini"), ("version", "2")]).send().await.unwrap();
    assert_eq!(bad.status(), 422);
    let other_line = app.url(&format!("/harmonisation/lines/{}", line_a2.id));
    assert_eq!(text(&coordinator, other_line.clone()).await.0, 404, "another structure's line");
    let (_, progress) = page(&lead, plan.clone()).await;
    assert!(progress.contains("Structures qui l'ont faite : 1 sur 2"), "the lead reads how far the group has come");

    // A participant reads the plan without changing it; another organisation never sees it.
    let participant = app.signed_in(PARTICIPANT_A).await;
    let (status, read) = page(&participant, plan.clone()).await;
    assert_eq!(status, 200);
    assert!(!read.contains("/harmonisation/lines/"), "nothing to change for a participant");
    assert_eq!(text(&participant, line_url.clone()).await.0, 404);
    for outsider in [COORDINATOR_B, DELEGATE_A] {
        assert_eq!(text(&app.signed_in(outsider).await, plan.clone()).await.0, 404, "{outsider}");
    }
    let outsider = app.signed_in(COORDINATOR_B).await;
    let posted = outsider.post(plan.clone()).form(&[("title", "Intrus")]).send().await.unwrap();
    assert_eq!(posted.status(), 404);

    // Shared: the structures read one another's lines.
    let shared = lead
        .post(app.url(&format!("/group-campaigns/{id}/sharing")))
        .form(&[("shared", "1"), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), 303);
    assert!(page(&coordinator, plan.clone()).await.1.contains("Structure A2"));

    // The group's consolidation, indicator by indicator.
    let members = group_campaigns::members(&app.db, id).await.unwrap();
    consolidated_campaign(&app.db, members[0].campaign_id, |_| 2).await;
    consolidated_campaign(&app.db, members[1].campaign_id, |_| 4).await;
    let (_, demarche) = page(&lead, app.url(&format!("/group-campaigns/{id}"))).await;
    assert!(demarche.contains("Consolidation du groupe, indicateur par indicateur"));
    assert!(demarche.contains(&format!("href=\"/group-campaigns/{id}/plan\"")), "the plan linked");

    let removed = lead.post(app.url(&format!("/harmonisation/actions/{}/remove", action.id))).send().await.unwrap();
    assert_eq!(removed.status(), 303);
    assert!(harmonisation::lines(&app.db, id).await.unwrap().is_empty(), "its lines go with it");
    let log = audit::recent(&app.db, None, 50).await.unwrap();
    for kind in ["harmonisation.add", "harmonisation.line", "harmonisation.remove"] {
        assert!(log.iter().any(|e| e.action == kind), "{kind} audited");
    }
}
