//! Referentials on the web: built-ins loaded on first start, explorer, node pages, import with its
//! report, differences between versions, and the offer of services.

use crate::support::*;
use cap_storage::referentials;
use reqwest::multipart::{Form, Part};

fn upload(text: &str) -> Form {
    Form::new().part("file", Part::bytes(text.as_bytes().to_vec()).file_name("nouvelle-version.toml"))
}

async fn builtins_are_explored_and_linked(app: &TestApp) {
    seed(&app.db).await;
    let reader = app.signed_in(PARTICIPANT_A).await;
    let list = reader.get(app.url("/referentials")).send().await.unwrap().text().await.unwrap();
    for title in ["Cap — exemple", "ISO 9001:2015", "Guide des bonnes pratiques"] {
        assert!(list.contains(title), "{title} is listed");
    }
    let cap = referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let tree = reader.get(app.url(&format!("/referentials/{cap}"))).send().await.unwrap().text().await.unwrap();
    assert!(tree.contains("Exemple écrit pour Cap") || tree.contains("exemple écrit pour Cap"), "shown as an example");
    assert!(tree.contains("Identité") && tree.contains("Amélioration continue et évaluation"));
    assert_eq!(tree.matches("<ul>").count(), tree.matches("</ul>").count(), "the tree's lists are balanced");

    let model = referentials::load(&app.db, cap).await.unwrap();
    assert!((80..=120).contains(&model.indicators().count()));
    let restricted = model
        .indicators()
        .find(|n| !n.applies_to.is_empty() && !n.applies_to.contains(&cap_domain::OrganisationType::Ai))
        .unwrap();
    let word = restricted.code.clone();
    let all = reader.get(app.url(&format!("/referentials/{cap}?q={word}"))).send().await.unwrap().text().await.unwrap();
    assert!(all.contains(&format!("/nodes/{word}")), "search finds {word}");
    let for_ai = reader
        .get(app.url(&format!("/referentials/{cap}?q={word}&type=AI")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!for_ai.contains(&format!("/nodes/{word}\"")), "not shown to an AI");

    let mapped = model
        .indicators()
        .find(|n| n.mappings.iter().any(|m| m.referential == "iso-9001") && !n.services.is_empty())
        .unwrap();
    let page = reader
        .get(app.url(&format!("/referentials/{cap}/nodes/{}", mapped.code)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Méthodes et moyens indicatifs") && page.contains("Exemples de preuves"));
    assert!(page.contains("Offre de services liée"));
    let iso_code = &mapped.mappings.iter().find(|m| m.referential == "iso-9001").unwrap().code;
    let iso = referentials::latest_version(&app.db, "iso-9001").await.unwrap().unwrap();
    assert!(page.contains(&format!("/referentials/{iso}/nodes/{iso_code}")), "mapping leads to the ISO clause");
    let clause = reader
        .get(app.url(&format!("/referentials/{iso}/nodes/{iso_code}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(clause.contains(&format!("/referentials/{cap}/nodes/{}", mapped.code)), "and back from the clause");
    assert_eq!(reader.get(app.url(&format!("/referentials/{cap}/nodes/ZZZ"))).send().await.unwrap().status(), 404);
}

async fn an_administrator_imports_a_new_version(app: &TestApp) {
    seed(&app.db).await;
    let admin = app.signed_in(ADMIN).await;
    let guide = referentials::latest_version(&app.db, "guide-ess").await.unwrap().unwrap();
    let mut next = referentials::load(&app.db, guide).await.unwrap();
    next.version = "2027".into();
    next.previous = Some("2016".into());
    let removed = next.nodes.iter().rposition(|n| n.parent.as_deref() == Some("T8")).unwrap();
    let removed_code = next.nodes.remove(removed).code;
    next.nodes[1].statement = Some("Énoncé reformulé".into());
    next.code_map.push(cap_domain::referential::CodeMapEntry {
        old: removed_code.clone(),
        new: vec![],
        change: cap_domain::referential::CodeChange::Removed,
        note: None,
    });
    let good = cap_domain::referential::emit_referential(&next);
    let mistake = good.replacen("services = [\"", "services = [\"X-INCONNU\", \"", 1);
    let report = admin.post(app.url("/admin/referentials/import")).multipart(upload(&mistake)).send().await.unwrap();
    assert_eq!(report.status(), 422);
    let body = report.text().await.unwrap();
    assert!(body.contains("X-INCONNU, qui n&#39;existe pas"), "{body}");
    let line = mistake.lines().position(|l| l.contains("X-INCONNU")).unwrap();
    let node_line = mistake.lines().take(line).collect::<Vec<_>>().iter().rposition(|l| *l == "[[node]]").unwrap() + 1;
    assert!(body.contains(&format!("<td class=\"num\">{node_line}</td>")), "the report gives the line");
    assert!(referentials::find(&app.db, "guide-ess", "2027").await.unwrap().is_none(), "nothing written");

    let done = admin.post(app.url("/admin/referentials/import")).multipart(upload(&good)).send().await.unwrap();
    assert_eq!(done.status(), 303);
    let location = done.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/admin/referentials/diff?from="), "{location}");
    let diff = admin.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
    assert!(diff.contains("Ajoutés : 0 ; retirés : 1 ; modifiés : 1."), "{diff}");
    assert!(diff.contains(&removed_code));
    let again = admin.post(app.url("/admin/referentials/import")).multipart(upload(&good)).send().await.unwrap();
    assert_eq!(again.status(), 422, "a version never changes");
    let new_id = referentials::find(&app.db, "guide-ess", "2027").await.unwrap().unwrap();
    assert_eq!(cap_domain::referential::emit_referential(&referentials::load(&app.db, new_id).await.unwrap()), good);
}

async fn offers_are_managed(app: &TestApp) {
    seed(&app.db).await;
    let admin = app.signed_in(ADMIN).await;
    let bad = admin
        .post(app.url("/admin/services"))
        .form(&[("code", "X Y"), ("kind", ""), ("title", "Atelier")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("value=\"Atelier\""));
    let ok = admin
        .post(app.url("/admin/services"))
        .form(&[
            ("code", "f-nouveau"),
            ("kind", "formation"),
            ("title", "Nouvelle formation"),
            ("description", "Un jour."),
            ("region", "RA"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    let stored =
        cap_storage::offers::list(&app.db).await.unwrap().into_iter().find(|o| o.offer.code == "F-NOUVEAU").unwrap();
    let edit = format!("/admin/services/{}", stored.id);
    let first = admin
        .post(app.url(&edit))
        .form(&[("kind", "outil"), ("title", "Renommée"), ("description", "Un jour."), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);
    let stale = admin
        .post(app.url(&edit))
        .form(&[("kind", "formation"), ("title", "Écrasée"), ("description", "Un jour."), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409);
    assert!(stale.text().await.unwrap().contains("Renommée"));
}

/// Every built-in file comes back byte for byte once imported (they are kept canonical).
async fn builtin_files_round_trip_through_the_database(app: &TestApp) {
    use cap_app::referential_files::{BUILTIN_OFFERS, BUILTIN_REFERENTIALS};
    for (name, text) in BUILTIN_REFERENTIALS {
        let (parsed, _) = cap_domain::referential::parse_referential(text).unwrap();
        let id = referentials::find(&app.db, &parsed.code, &parsed.version).await.unwrap().unwrap();
        let exported = cap_domain::referential::emit_referential(&referentials::load(&app.db, id).await.unwrap());
        assert!(exported == text, "{name} differs after import and export");
    }
    let offers: Vec<_> = cap_storage::offers::list(&app.db).await.unwrap().into_iter().map(|o| o.offer).collect();
    assert_eq!(cap_domain::referential::emit_offers(&offers), BUILTIN_OFFERS);
}

crate::on_both_backends!(
    builtin_files_round_trip_through_the_database,
    builtins_are_explored_and_linked,
    an_administrator_imports_a_new_version,
    offers_are_managed,
    feedback_reaches_the_federation_and_is_triaged
);

async fn feedback_reaches_the_federation_and_is_triaged(app: &TestApp) {
    seed(&app.db).await;
    let version = cap_storage::referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let node = format!("/referentials/{version}/nodes/ID.1.1.a");
    let participant = app.signed_in(PARTICIPANT_A).await;
    let page = participant.get(app.url(&node)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Un indicateur peu clair ou incomplet ?"));
    let r = participant
        .post(app.url(&format!("{node}/feedback")))
        .form(&[("kind", "unclear"), ("body", "   ")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Écrivez votre remarque"));
    let text = "La différence entre les niveaux 2 et 3 n'est pas claire.";
    let r = participant
        .post(app.url(&format!("{node}/feedback")))
        .form(&[("kind", "unclear"), ("body", text)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let admin = app.signed_in(ADMIN).await;
    let list = admin.get(app.url("/admin/feedback?status=new")).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("ID.1.1.a") && list.contains("participant.a"), "{list}");
    let item = cap_storage::feedback::list(&app.db, None).await.unwrap().remove(0);
    assert_eq!(item.body, text);
    let triage = |version: i64| {
        admin
            .post(app.url(&format!("/admin/feedback/{}", item.id)))
            .form(&[("status", "taken"), ("note", "Repris en version 2"), ("version", &version.to_string())])
            .send()
    };
    assert_eq!(triage(item.version).await.unwrap().status(), 303);
    let after = cap_storage::feedback::list(&app.db, Some(cap_domain::feedback::FeedbackStatus::Taken)).await.unwrap();
    assert_eq!((after.len(), after[0].note.as_str()), (1, "Repris en version 2"));
    triage(item.version).await.unwrap();
    assert_eq!(
        cap_storage::feedback::list(&app.db, None).await.unwrap()[0].version,
        item.version + 1,
        "a stale triage writes nothing"
    );
    let r = participant.get(app.url("/admin/feedback")).send().await.unwrap();
    assert_eq!(r.status(), 403);
}
