//! A group's démarche: the lead launches one démarche across two structures (a mistake told
//! beside its field, nothing written), each gets its own campaign, their shared answers come side
//! by side with the group's mean and where they differ, and the structures see the page only once
//! the lead shares it; another organisation never does.

use crate::on_both_backends;
use crate::plans::consolidated_campaign;
use crate::support::*;
use cap_storage::{audit, campaigns, group_campaigns, organisations};

on_both_backends!(a_group_launches_one_demarche_across_its_structures);

async fn a_group_launches_one_demarche_across_its_structures(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let second = organisations::create(&app.db, &org("Structure A2", seeds.region_a, Some(seeds.group_a))).await;
    let second = second.unwrap().0;
    let version = campaigns::get(&app.db, seeds.campaign_a).await.unwrap().referential_version_id.to_string();
    let lead = app.signed_in(GROUP_LEAD_A).await;
    let new = app.url(&format!("/groups/{}/campaigns/new", seeds.group_a));
    let (status, form) = text(&lead, new.clone()).await;
    assert_eq!(status, 200);
    assert!(form.contains("Structure A2") && form.contains("Démarche commune"), "every structure offered");

    let refused = lead
        .post(new.clone())
        .form(&[("title", ""), ("referential", version.as_str()), ("answering_from", "demain")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(body.contains("Cochez au moins une structure"), "beside the structures");
    assert!(body.contains("value=\"demain\""), "what was typed is kept");
    assert!(group_campaigns::of_group(&app.db, seeds.group_a).await.unwrap().is_empty(), "nothing written");

    let (a, a2) = (seeds.org_a.to_string(), second.to_string());
    let launched = lead
        .post(new.clone())
        .form(&[
            ("title", "Démarche commune 2027"),
            ("referential", version.as_str()),
            ("answering_from", "2027-01-11"),
            ("consolidation_on", "2027-02-15"),
            ("organisations", a.as_str()),
            ("organisations", a2.as_str()),
            ("organisations", seeds.org_b.to_string().as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(launched.status(), 303);
    let page = launched.headers()["location"].to_str().unwrap().to_owned();
    let id: i64 = page.trim_start_matches("/group-campaigns/").parse().unwrap();
    let members = group_campaigns::members(&app.db, id).await.unwrap();
    let names: Vec<&str> = members.iter().map(|m| m.organisation_name.as_str()).collect();
    assert_eq!(names, ["Structure A", "Structure A2"], "one campaign per structure of the group, none outside");
    for m in &members {
        let c = campaigns::get(&app.db, m.campaign_id).await.unwrap();
        assert_eq!((c.title.as_str(), c.answering_from.as_deref()), ("Démarche commune 2027", Some("2027-01-11")));
    }
    let (status, before) = text(&lead, app.url(&page)).await;
    assert_eq!(status, 200);
    assert!(before.contains("pas encore de réponses partagées") && before.contains("Préparation"));

    // Each structure's shared answers, side by side with the group's mean.
    consolidated_campaign(&app.db, members[0].campaign_id, |_| 1).await;
    consolidated_campaign(&app.db, members[1].campaign_id, |_| 4).await;
    let (_, after) = text(&lead, app.url(&page)).await;
    assert!(
        after.contains("<th scope=\"col\">Structure A</th>") && after.contains("<th scope=\"col\">Structure A2</th>")
    );
    assert!(after.contains("Moyenne du groupe") || after.contains("moyenne"), "the group's mean");
    assert!(after.contains("écart de"), "where the structures differ");

    // The structures see it only once the lead shares it; another organisation never does.
    let coordinator = app.signed_in(COORDINATOR_A).await;
    assert_eq!(text(&coordinator, app.url(&page)).await.0, 404, "not shared yet");
    let shared =
        lead.post(app.url(&format!("{page}/sharing"))).form(&[("shared", "1"), ("version", "1")]).send().await.unwrap();
    assert_eq!(shared.status(), 303);
    assert_eq!(text(&coordinator, app.url(&page)).await.0, 200, "shared with the group's structures");
    assert_eq!(text(&app.signed_in(COORDINATOR_B).await, app.url(&page)).await.0, 404);
    let forged = coordinator.post(new).form(&[("title", "x"), ("referential", version.as_str())]).send().await;
    assert!(matches!(forged.unwrap().status().as_u16(), 403 | 404), "only the lead launches");
    let log = audit::recent(&app.db, None, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "group_campaigns.launch"));
    assert!(log.iter().any(|e| e.action == "group_campaigns.share"));
}
