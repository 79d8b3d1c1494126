//! The presentation to the general assembly along the ESS good-practice guide, derived from the
//! Cap campaign through its mappings: a PDF read back as a viewer would, and the editable Typst
//! document it is typeset from.

use crate::on_both_backends;
use crate::plans::{consolidated_campaign, pdf_text};
use crate::support::*;

on_both_backends!(the_general_assembly_report_from_the_campaign);

async fn the_general_assembly_report_from_the_campaign(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    consolidated_campaign(&app.db, id, |i| [1, 2, 3, 4][i % 4]).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let base = format!("/campaigns/{id}");
    let planned = coordinator
        .post(app.url(&format!("{base}/plan")))
        .form(&[("starts_on", "2027-01-04"), ("horizon", "8")])
        .send()
        .await
        .unwrap();
    assert_eq!(planned.status(), 303);
    // The coordinator keeps every proposal: the plan's actions are the structure's objectives.
    let plan = cap_storage::plans::plan_of(&app.db, id).await.unwrap().expect("a plan");
    let ids: Vec<i64> = cap_storage::plans::actions(&app.db, plan.id).await.unwrap().iter().map(|a| a.id).collect();
    cap_storage::plans::accept(&app.db, plan.id, &ids).await.unwrap();
    let (_, results) = text(&coordinator, app.url(&format!("{base}/results"))).await;
    assert!(results.contains("export/assemblee-generale.pdf") && results.contains("export/assemblee-generale.typ"));

    let pdf = coordinator.get(app.url(&format!("{base}/export/assemblee-generale.pdf"))).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let words = pdf_text(&pdf.bytes().await.unwrap());
    for theme in [
        "Gouvernance démocratique",
        "Concertation dans l'élaboration de la stratégie",
        "Politique salariale et exemplarité sociale",
        "Développement durable",
        "Éthique et déontologie",
    ] {
        assert!(words.contains(theme), "{theme}: {words}");
    }
    assert!(words.contains("Ce que nous faisons") && words.contains("Nos objectifs de progrès"), "{words}");
    assert!(words.contains("Structure A") && words.contains("Les questions du guide"), "{words}");
    assert!(words.contains(" — 1 — ") || words.contains(" — 2 — "), "shared answers in words: {words}");
    assert!(words.contains("échéance"), "objectives with their due dates: {words}");

    let source = coordinator.get(app.url(&format!("{base}/export/assemblee-generale.typ"))).send().await.unwrap();
    assert_eq!(source.status(), 200);
    let source = source.text().await.unwrap();
    assert!(source.contains("#let ess(data)") && source.contains("#ess(("), "the layout and the data, in one file");
    assert!(source.contains("title: \"Gouvernance démocratique\""), "texts the board can change");

    let participant = app.signed_in(PARTICIPANT_A).await;
    assert_eq!(
        participant.get(app.url(&format!("{base}/export/assemblee-generale.pdf"))).send().await.unwrap().status(),
        200
    );
    let other = app.signed_in(COORDINATOR_B).await;
    assert_eq!(
        other.get(app.url(&format!("{base}/export/assemblee-generale.typ"))).send().await.unwrap().status(),
        404
    );
}
