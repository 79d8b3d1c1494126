//! Shared vocabularies: the group's lead defines the group's words (checked beside each field, a
//! name taken refused, every version kept, a stale version shown beside the one typed), the
//! group's people read them beside the indicators that use them, others see nothing; the
//! federation's glossary is written by its administrators and read by everyone signed in.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::referential::NodeKind;
use cap_storage::{audit, campaigns, glossary, referentials};

on_both_backends!(a_group_shares_its_words_and_the_federation_its_own);

async fn a_group_shares_its_words_and_the_federation_its_own(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let lead = app.signed_in(GROUP_LEAD_A).await;
    let group = format!("/groups/{}/glossary", seeds.group_a);

    // A word of the first indicator's statement, to find it beside the indicator.
    let c = campaigns::get(&app.db, seeds.campaign_a).await.unwrap();
    let r = referentials::load(&app.db, c.referential_version_id).await.unwrap();
    let first = r.nodes.iter().find(|n| n.kind == NodeKind::Indicator).unwrap();
    let word: String = first
        .label()
        .split(|ch: char| !ch.is_alphanumeric())
        .find(|w| w.chars().count() >= 6)
        .expect("a long word in the statement")
        .to_owned();

    let (status, page) = text(&lead, app.url(&group)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Aucun mot défini pour l&#39;instant") || page.contains("Aucun mot défini pour l&#x27;instant")
    );
    let refused = lead.post(app.url(&group)).form(&[("term", ""), ("definition", "")]).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(body.contains("Écrivez le mot") && body.contains("Écrivez sa définition"), "beside each field");
    let definition = "Ce que les quatre structures du groupe entendent par là.";
    let added = lead.post(app.url(&group)).form(&[("term", word.as_str()), ("definition", definition)]).send().await;
    let added = added.unwrap();
    assert_eq!(added.status(), 303);
    let again = lead.post(app.url(&group)).form(&[("term", word.to_uppercase().as_str()), ("definition", "x")]).send();
    let again = again.await.unwrap();
    assert_eq!(again.status(), 422);
    let again = again.text().await.unwrap();
    assert!(again.contains("déjà dans le glossaire"), "the name is taken");
    assert!(again.contains(&format!("value=\"{}\"", word.to_uppercase())), "what was typed is kept");

    // The group's people read it, beside the indicator that uses it; others see nothing.
    let id = glossary::terms(&app.db, Some(seeds.group_a)).await.unwrap()[0].id;
    let participant = app.signed_in(PARTICIPANT_A).await;
    let (status, page) = text(&participant, app.url(&group)).await;
    assert_eq!(status, 200);
    assert!(page.contains(definition) && !page.contains("Définir un mot"), "read, not written");
    let (_, answering) = text(&participant, app.url(&format!("/campaigns/{}/answer/1", seeds.campaign_a))).await;
    assert!(answering.contains("Mots du glossaire") && answering.contains(definition), "beside the indicator");
    assert!(answering.contains(&format!("href=\"{group}#")), "linked to the group's glossary");
    let write = participant.post(app.url(&group)).form(&[("term", "Autre"), ("definition", "d")]).send().await;
    assert!(matches!(write.unwrap().status().as_u16(), 403 | 404), "read, not written");
    for who in [COORDINATOR_B, DELEGATE_A] {
        let client = app.signed_in(who).await;
        assert_eq!(text(&client, app.url(&group)).await.0, 404, "{who}");
        assert_eq!(text(&client, app.url(&format!("/glossary/terms/{id}"))).await.0, 404, "{who}");
    }

    // A new version; the version read before it is refused and shown beside the one typed.
    let term = format!("/glossary/terms/{id}");
    let v2 = "Version revue en réunion de direction du groupe.";
    let saved = lead.post(app.url(&term)).form(&[("term", word.as_str()), ("definition", v2), ("version", "1")]).send();
    assert_eq!(saved.await.unwrap().status(), 303);
    let late = "Écrit en même temps par une autre personne.";
    let stale =
        lead.post(app.url(&term)).form(&[("term", word.as_str()), ("definition", late), ("version", "1")]).send();
    let stale = stale.await.unwrap();
    assert_eq!(stale.status(), 409);
    let stale = stale.text().await.unwrap();
    assert!(stale.contains(v2) && stale.contains(late), "theirs and mine, both shown");
    assert!(stale.contains("name=\"version\" value=\"2\""), "sending again writes over the version now shown");
    let (_, history) = text(&participant, app.url(&term)).await;
    assert!(history.contains(v2) && history.contains(definition) && history.contains("Version 2"), "every version");
    assert_eq!(glossary::get(&app.db, id).await.unwrap().definition, v2, "nothing overwritten");

    // The federation's glossary: its administrators write it, everyone signed in reads it.
    let admin = app.signed_in(ADMIN).await;
    let common = "Ce que la fédération entend par là, pour tous ses membres.";
    let fed = admin.post(app.url("/glossary")).form(&[("term", "Gouvernance"), ("definition", common)]).send();
    assert_eq!(fed.await.unwrap().status(), 303);
    let (status, page) = text(&app.signed_in(COORDINATOR_B).await, app.url("/glossary")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Gouvernance") && page.contains(common) && page.contains("id=\"gouvernance\""));
    let write = lead.post(app.url("/glossary")).form(&[("term", "Autre"), ("definition", "d")]).send().await;
    assert!(matches!(write.unwrap().status().as_u16(), 403 | 404), "the federation's words are its administrators'");

    // Removed by the lead, with its versions.
    let removed = lead.post(app.url(&format!("{term}/remove"))).send().await.unwrap();
    assert_eq!(removed.status(), 303);
    assert!(glossary::terms(&app.db, Some(seeds.group_a)).await.unwrap().is_empty());
    let log = audit::recent(&app.db, None, 50).await.unwrap();
    for action in ["glossary.add", "glossary.update", "glossary.remove"] {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
}
