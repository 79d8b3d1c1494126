//! The restitution: the photographie one finding per screen for a projector, and what
//! participants say after it, read without names by those who build the plan.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::campaign::{AnswerValue, CampaignStatus};
use cap_storage::campaigns;

on_both_backends!(a_restitution_and_the_voices_it_gathers);

async fn a_restitution_and_the_voices_it_gathers(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    let volunteer = campaigns::participant_of(&app.db, id, seeds.participant_a).await.unwrap().unwrap().id;
    for code in ["SR.1.1.a", "SR.1.1.b", "ID.1.1.a"] {
        campaigns::save_answer(&app.db, id, volunteer, code, &Some(AnswerValue::Level(2)), "", 0).await.unwrap();
    }
    campaigns::advance_to(&app.db, id, CampaignStatus::Consolidation).await.unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let participant = app.signed_in(PARTICIPANT_A).await;

    // Screen after screen, the last one inviting everyone to speak.
    let (status, first) = text(&coordinator, app.url(&format!("{base}/restitution"))).await;
    assert_eq!(status, 200);
    assert!(first.contains("Notre photographie") && first.contains("Structure A — Campagne A"));
    let count: usize = first
        .split("Écran 1 sur ")
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("the position");
    assert!(count >= 2, "{count} screens");
    assert!(first.contains(&format!("{base}/restitution?screen=2")) && !first.contains("rel=\"prev\""));
    let (_, last) = text(&coordinator, app.url(&format!("{base}/restitution?screen=99"))).await;
    assert!(last.contains(&format!("Écran {count} sur {count}")), "beyond the end: the last screen");
    assert!(last.contains("À vous la parole") && last.contains("<svg") && last.contains(&format!("{base}/voice")));
    assert!(!last.contains("rel=\"next\""));
    for screen in 2..count {
        let (status, page) = text(&coordinator, app.url(&format!("{base}/restitution?screen={screen}"))).await;
        assert_eq!(status, 200, "screen {screen}");
        assert!(page.contains("rel=\"prev\"") && page.contains("rel=\"next\""), "screen {screen} moves both ways");
    }

    // A participant says what surprised them; the form keeps what was typed when it is empty.
    let empty = participant
        .post(app.url(&format!("{base}/voice")))
        .form(&[("surprised", " "), ("work_on", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 422);
    assert!(empty.text().await.unwrap().contains("Répondez au moins à l"));
    let said = [("surprised", "Nos avis si différents sur l'accueil"), ("work_on", "Le suivi des sorties")];
    let saved = participant.post(app.url(&format!("{base}/voice"))).form(&said).send().await.unwrap();
    assert_eq!(saved.status(), 303);
    let (_, again) = text(&participant, app.url(&format!("{base}/voice"))).await;
    assert!(again.contains("Le suivi des sorties"), "what they said, to change it");

    // Those who build the plan read it, without the person's name.
    let (_, plan) = text(&coordinator, app.url(&format!("{base}/plan"))).await;
    assert!(plan.contains("Le suivi des sorties") && plan.contains("avis si différents"));
    assert!(!plan.contains(PARTICIPANT_A) && !plan.contains("Bénévole"), "nobody's name or collège");
    let (_, reader) = text(&participant, app.url(&format!("{base}/plan"))).await;
    assert!(!reader.contains("Le suivi des sorties"), "participants do not read each other");
    let log = cap_storage::audit::recent(&app.db, None, 100).await.unwrap();
    let entry = log.iter().find(|e| e.action == "campaigns.voice").expect("audited");
    assert!(entry.details.is_empty(), "the words stay out of the log");

    // Only the campaign's own people: not another organisation, not a non-participant.
    let other = app.signed_in(COORDINATOR_B).await;
    assert_eq!(text(&other, app.url(&format!("{base}/restitution"))).await.0, 404);
    let outsider = coordinator.post(app.url(&format!("{base}/voice"))).form(&said).send().await.unwrap();
    assert!(matches!(outsider.status().as_u16(), 403 | 404), "{}", outsider.status());
}
