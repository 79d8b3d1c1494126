//! A campaign's activity figures for the State: typed once, refused when they do not hold
//! together (each problem beside its field, what was typed kept), rates computed from the counts,
//! a change made meanwhile never overwritten, the summary PDF and the network's totals.

use crate::on_both_backends;
use crate::plans::pdf_text;
use crate::support::*;
use cap_storage::{activity, audit};

on_both_backends!(activity_figures_for_the_state);

fn figures<'a>(people: &'a str, women: &'a str, exits: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("people", people),
        ("women", women),
        ("hours_worked", "31 250"),
        ("training_hours", "1200"),
        ("exits", exits),
        ("durable", "5"),
        ("transition", "6"),
        ("positive", "3"),
        ("other", "6"),
        ("version", version),
    ]
}

async fn activity_figures_for_the_state(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let path = app.url(&format!("/campaigns/{id}/activity"));
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let (status, empty) = text(&coordinator, path.clone()).await;
    assert_eq!(status, 200);
    assert!(empty.contains("Aucun chiffre saisi") && empty.contains("Enregistrer les chiffres"));

    // Figures that do not hold together: every problem beside its field, what was typed kept.
    let refused = coordinator.post(path.clone()).form(&figures("10", "douze", "12", "0")).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Indiquez un nombre entier"), "women: not a number");
    assert!(page.contains("Les sorties ne peuvent pas dépasser le nombre de personnes en parcours"));
    assert!(page.contains("Les sorties par catégorie (durable, transition, positives, autres) dépassent le total"));
    assert!(page.contains("value=\"douze\"") && page.contains("value=\"31 250\""), "what was typed is kept");
    assert!(activity::of_campaign(&app.db, id).await.unwrap().is_none(), "nothing written");

    // Consistent figures: saved, rates computed from the counts.
    let saved = coordinator.post(path.clone()).form(&figures("40", "10", "20", "0")).send().await.unwrap();
    assert_eq!(saved.status(), 303);
    let stored = activity::of_campaign(&app.db, id).await.unwrap().expect("saved");
    assert_eq!((stored.figures.people, stored.figures.hours_worked, stored.version), (40, 31_250, 1));
    let (_, page) = text(&coordinator, path.clone()).await;
    assert!(
        page.contains("Taux de sorties vers l&#39;emploi durable")
            || page.contains("Taux de sorties vers l&#x27;emploi durable")
    );
    assert!(page.contains("25\u{202f}%") && page.contains("70\u{202f}%"), "5 of 20 lasting, 14 of 20 dynamic");
    assert!(page.contains("31\u{202f}250"), "counts grouped as in French");

    // The same page sent again after someone else saved: refused, their figures shown.
    let stale = coordinator.post(path.clone()).form(&figures("41", "10", "20", "0")).send().await.unwrap();
    assert_eq!(stale.status(), 409);
    assert!(
        stale.text().await.unwrap().contains("Quelqu&#39;un a enregistré d&#39;autres chiffres"),
        "told, not overwritten"
    );
    assert_eq!(activity::of_campaign(&app.db, id).await.unwrap().unwrap().figures.people, 40);
    let entries = audit::recent(&app.db, None, 50).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "campaigns.activity"), "the change is audited");

    // The summary for the State's services carries them.
    let summary = coordinator.get(app.url(&format!("/campaigns/{id}/export/synthese.pdf"))).send().await.unwrap();
    assert_eq!(summary.status(), 200);
    let words = pdf_text(&summary.bytes().await.unwrap());
    assert!(words.contains("Chiffres d'activité") || words.contains("Chiffres d’activité"), "{words}");
    assert!(words.contains("Taux de sorties dynamiques") && words.contains("15 % 70 %"), "{words}");

    // Others: a participant reads them, cannot change them; another member sees nothing.
    let participant = app.signed_in(PARTICIPANT_A).await;
    assert_eq!(text(&participant, path.clone()).await.0, 200);
    let tried = participant.post(path.clone()).form(&figures("1", "0", "0", "1")).send().await.unwrap();
    assert!(matches!(tried.status().as_u16(), 403 | 404), "{}", tried.status());
    let other = app.signed_in(COORDINATOR_B).await;
    assert_eq!(text(&other, path.clone()).await.0, 404);
    let (_, page) = text(&participant, path).await;
    assert!(!page.contains("Enregistrer les chiffres"), "no form for a reader");
}
