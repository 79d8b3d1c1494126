//! Readiness for a certification: each ISO 9001 requirement covered, partly covered, not assessed
//! or not covered by the campaign's shared answers, by the weakest-link rule, and what remains
//! added to the plan, one action per requirement.

use crate::on_both_backends;
use crate::plans::consolidated_campaign;
use crate::support::*;
use cap_domain::readiness::{Coverage, clauses};
use cap_domain::scoring::Targets;
use cap_storage::{campaigns, plans, referentials};
use std::collections::HashMap;

on_both_backends!(readiness_for_iso_9001_and_what_remains_to_the_plan);

async fn readiness_for_iso_9001_and_what_remains_to_the_plan(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    // Every level indicator « en place », every seventh « pas encore engagé ».
    consolidated_campaign(&app.db, id, |i| if i % 7 == 0 { 1 } else { 3 }).await;

    // What the page must say, from the rule itself.
    let c = campaigns::get(&app.db, id).await.unwrap();
    let cap = referentials::load(&app.db, c.referential_version_id).await.unwrap();
    let iso_id = referentials::latest_version(&app.db, "iso-9001").await.unwrap().unwrap();
    let iso = referentials::load(&app.db, iso_id).await.unwrap();
    let covered = cap_domain::campaign::campaign_indicators(&cap, &c.scope, cap_domain::OrganisationType::Ei);
    let answers = cap_app::results::shared_answers(&app.db, id).await.unwrap();
    let expected = clauses(&cap, &covered, &iso, &answers, &Targets(HashMap::new()));
    let partly: Vec<_> =
        expected.iter().filter(|c| c.coverage == Coverage::Partly && c.remaining().count() > 0).collect();
    assert!(partly.len() >= 2, "the demo referential leaves some requirements partly covered");
    assert!(expected.iter().any(|c| c.coverage == Coverage::Covered), "and covers others");

    let coordinator = app.signed_in(COORDINATOR_A).await;
    let (status, page) = text(&coordinator, app.url(&format!("{base}/readiness"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("ISO 9001:2015"));
    for c in &expected {
        let label = match c.coverage {
            Coverage::Covered => "Couverte<",
            Coverage::Partly => "Couverte en partie",
            Coverage::NotAssessed => "Pas encore évaluée",
            Coverage::NotCovered => "Non couverte par la campagne",
        };
        let at = page.find(&format!("id=\"clause-{}\"", c.code)).unwrap_or_else(|| panic!("clause {}", c.code));
        let rest = &page[at..];
        let item = &rest[..rest[1..].find("id=\"clause-").map_or(rest.len(), |end| end + 1)];
        assert!(item.contains(label), "clause {} is shown {label}: {item}", c.code);
    }

    // Without a plan, the coordinator is told to create it first; nothing is written.
    let chosen = [("ref", "iso-9001"), ("clause", partly[0].code.as_str()), ("clause", partly[1].code.as_str())];
    let early = coordinator.post(app.url(&format!("{base}/readiness/plan"))).form(&chosen).send().await.unwrap();
    assert_eq!(early.status(), 303);
    assert!(early.headers()["location"].to_str().unwrap().contains("/readiness"));
    let plan = plans::create(&app.db, id, "2027-01-01", 7, &[]).await.unwrap();
    let added = coordinator.post(app.url(&format!("{base}/readiness/plan"))).form(&chosen).send().await.unwrap();
    assert_eq!(added.headers()["location"].to_str().unwrap(), format!("{base}/plan"));
    let actions = plans::actions(&app.db, plan).await.unwrap();
    assert_eq!(actions.len(), 2, "one action per requirement");
    for (action, clause) in actions.iter().zip([partly[0], partly[1]]) {
        assert!(action.title.contains(&clause.code), "{}", action.title);
        let remaining: Vec<String> = clause.remaining().map(|l| l.indicator.clone()).collect();
        assert_eq!(action.indicators, remaining);
    }
    let again = coordinator.post(app.url(&format!("{base}/readiness/plan"))).form(&chosen).send().await.unwrap();
    assert!(again.headers()["location"].to_str().unwrap().contains("/readiness"), "already in the plan");
    assert_eq!(plans::actions(&app.db, plan).await.unwrap().len(), 2);

    // The full report and the workbook carry the same statuses.
    let report = coordinator.get(app.url(&format!("{base}/export/rapport.pdf"))).send().await.unwrap();
    assert_eq!(report.status(), 200);
    let pdf = crate::plans::pdf_text(&report.bytes().await.unwrap());
    assert!(pdf.contains("Prêt pour la certification ?") && pdf.contains("Couverte en partie"), "{pdf}");
    assert!(pdf.contains(&format!("{} ", partly[0].code)), "each requirement is listed");
    // The two-page summary for the State's services says where the structure stands, in one line.
    let summary = coordinator.get(app.url(&format!("{base}/export/synthese.pdf"))).send().await.unwrap();
    let summary = crate::plans::pdf_text(&summary.bytes().await.unwrap());
    assert!(summary.contains("Prêt pour la certification ?") && summary.contains("Couverte en partie :"), "{summary}");

    // Another organisation sees nothing; the bridge without indicators is no campaign referential.
    let other = app.signed_in(COORDINATOR_B).await;
    assert_eq!(text(&other, app.url(&format!("{base}/readiness"))).await.0, 404);
    let (_, form) = text(&coordinator, app.url(&format!("/organisations/{}/campaigns/new", seeds.org_a))).await;
    assert!(
        form.contains("Cap — exemple") && !form.contains("ISO 9001:2015 — articles"),
        "ISO is a bridge, not a campaign"
    );
}
