//! Good practices on the web: a member shares one with an attachment, the form keeps what was
//! typed when it is refused, only the region's delegate moderates it, nobody else sees it before,
//! and once published everyone finds it from the indicator's page and downloads its file.

use crate::support::*;
use cap_storage::referentials;
use reqwest::multipart::{Form, Part};

const PDF: &[u8] = b"%PDF-1.4\n% procedure d'accueil\n%%EOF\n";

fn share_form(version: i64, title: &str, indicators: &[&str], file: Option<(&str, &[u8])>) -> Form {
    let mut form = Form::new()
        .text("referential", version.to_string())
        .text("kind", "tool")
        .text("title", title.to_owned())
        .text("body", "Nous accueillons chaque salarié en trois temps :\n- un entretien ;\n- une visite.".to_owned());
    for code in indicators {
        form = form.text("indicators", (*code).to_owned());
    }
    if let Some((name, bytes)) = file {
        form = form.part("files", Part::bytes(bytes.to_vec()).file_name(name.to_owned()));
    }
    form
}

async fn a_practice_is_shared_moderated_and_found(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let version = referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let author = app.signed_in(PARTICIPANT_A).await;

    // The form opens with the indicator the member came from ticked.
    let form = author
        .get(app.url(&format!("/practices/new?referential={version}&indicator=ID.1.1.a")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains(r#"value="ID.1.1.a" checked"#), "the indicator is ticked");
    assert!(form.contains("Structure A"));

    // Refused as a whole: no organisation chosen, a renamed program; what was typed stays.
    let refused = author
        .post(app.url("/practices/new"))
        .multipart(share_form(version, "Grille d'accueil", &["ID.1.1.a"], Some(("grille.pdf", b"MZ\x90\x00"))))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Grille d&#39;accueil"), "the title is kept");
    assert!(page.contains(r#"value="ID.1.1.a" checked"#), "the ticked indicator is kept");
    assert!(page.contains("ne correspond pas à son extension"), "the file is refused by its content");
    assert!(page.contains("choisissez-les à nouveau"), "the member is told to choose the file again");
    let unknown = author
        .post(app.url("/practices/new"))
        .multipart(share_form(version, "Titre", &["ZZ.9"], None).text("organisation", seeds.org_a.to_string()))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 422);
    assert!(unknown.text().await.unwrap().contains("n&#39;existe pas dans ce référentiel"));
    // Not in another organisation's name.
    let not_mine = author
        .post(app.url("/practices/new"))
        .multipart(share_form(version, "Titre", &["ID.1.1.a"], None).text("organisation", seeds.org_b.to_string()))
        .send()
        .await
        .unwrap();
    assert_eq!(not_mine.status(), 422);
    // A file just under the limit passes the size check; one over it, or too many bytes in all,
    // come back as messages on the form with the text kept.
    let big = [b"%PDF-".as_slice(), &vec![b'x'; 5 * 1024 * 1024 - 5]].concat();
    let under = author
        .post(app.url("/practices/new"))
        .multipart(share_form(version, "Titre gardé", &["ZZ.9"], Some(("gros.pdf", &big))))
        .send()
        .await
        .unwrap();
    assert_eq!(under.status(), 422);
    let under = under.text().await.unwrap();
    assert!(!under.contains("dépasse 5 Mo") && under.contains("n&#39;existe pas"), "only the indicator is wrong");
    let over = [big.as_slice(), b"y"].concat();
    let refused = author
        .post(app.url("/practices/new"))
        .multipart(share_form(version, "Titre gardé", &["ID.1.1.a"], Some(("gros.pdf", &over))))
        .send()
        .await
        .unwrap();
    assert!(refused.text().await.unwrap().contains("Un fichier joint dépasse 5 Mo"));
    let mut many = share_form(version, "Titre gardé", &["ID.1.1.a"], None);
    for n in 0..4 {
        many = many.part("files", Part::bytes(big.clone()).file_name(format!("gros{n}.pdf")));
    }
    let too_much = author.post(app.url("/practices/new")).multipart(many).send().await.unwrap();
    assert_eq!(too_much.status(), 422);
    let too_much = too_much.text().await.unwrap();
    assert!(too_much.contains("dépassent ensemble la taille permise") && too_much.contains("Titre gardé"));
    assert_eq!(cap_storage::practices::count(&app.db, &Default::default()).await.unwrap(), 0, "nothing written");

    let shared = author
        .post(app.url("/practices/new"))
        .multipart(
            share_form(version, "Grille d'accueil", &["ID.1.1.a"], Some(("Procédure d'accueil.pdf", PDF)))
                .text("organisation", seeds.org_a.to_string()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), 303);
    let location = shared.headers()["location"].to_str().unwrap().to_owned();
    let id: i64 = location.trim_start_matches("/practices/").parse().unwrap();
    let mail = app.mails().into_iter().find(|m| m.contains(DELEGATE_A)).expect("the region's delegate is told");
    assert!(mail.contains("Grille d'accueil") && mail.contains(&format!("/practices/{id}")));
    assert!(!app.mails().iter().any(|m| m.contains(DELEGATE_B)), "not another region's delegate");

    // Before moderation: the author and the region's delegate see it, nobody else.
    let page = author.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("En attente de relecture"));
    assert!(page.contains("<li>un entretien ;</li>"), "the text's list is rendered");
    let coordinator_b = app.signed_in(COORDINATOR_B).await;
    let delegate_b = app.signed_in(DELEGATE_B).await;
    for (who, client) in [("coordinator B", &coordinator_b), ("delegate B", &delegate_b)] {
        let status = client.get(app.url(&location)).send().await.unwrap().status();
        assert_eq!(status, 404, "{who} does not see a pending practice");
    }
    let listed = coordinator_b.get(app.url("/practices")).send().await.unwrap().text().await.unwrap();
    assert!(!listed.contains("Grille d&#39;accueil"));
    let refused = delegate_b
        .post(app.url(&format!("/practices/{id}/moderate")))
        .form(&[("decision", "publish"), ("note", ""), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 404, "another region's delegate cannot publish it");

    // The region's delegate finds it waiting; refusing needs a reason, and keeps what was typed.
    let delegate_a = app.signed_in(DELEGATE_A).await;
    let home = delegate_a.get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains("1 bonne pratique à relire"), "the delegate's home says one waits");
    let waiting = delegate_a.get(app.url("/practices/moderation")).send().await.unwrap().text().await.unwrap();
    assert!(waiting.contains("Grille d&#39;accueil"));
    let reading = delegate_a.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
    assert!(reading.contains("seuls son auteur, sa structure et la délégation"), "the notice speaks to the delegate");
    let no_reason = delegate_a
        .post(app.url(&format!("/practices/{id}/moderate")))
        .form(&[("decision", "reject"), ("note", "  "), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(no_reason.status(), 422);
    assert!(no_reason.text().await.unwrap().contains(r#"value="reject" checked"#));
    let published = delegate_a
        .post(app.url(&format!("/practices/{id}/moderate")))
        .form(&[("decision", "publish"), ("note", ""), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(published.status(), 303);
    let stale = delegate_a
        .post(app.url(&format!("/practices/{id}/moderate")))
        .header("referer", app.url(&format!("/practices/{id}")))
        .form(&[("decision", "reject"), ("note", "Hors sujet"), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409, "a decision on a stale version is refused");
    let page = stale.text().await.unwrap();
    assert!(
        page.contains("Vous étiez sur la version 1 ; la version enregistrée est maintenant la 2.")
            && page.contains(&format!("href=\"/practices/{id}\"")),
        "with both versions and the way back to the page: {page}"
    );
    assert_eq!(
        cap_storage::practices::get(&app.db, id).await.unwrap().status,
        cap_domain::practice::PracticeStatus::Published,
        "and overwrites nothing"
    );
    assert!(app.mails().iter().any(|m| m.contains(PARTICIPANT_A) && m.contains("est publiée")), "the author is told");

    // Published: everyone finds it, from the list and from the indicator's page.
    let listed =
        coordinator_b.get(app.url("/practices?indicator=ID.1.1.a")).send().await.unwrap().text().await.unwrap();
    assert!(listed.contains("Grille d&#39;accueil") && listed.contains("Structure A"));
    let elsewhere =
        coordinator_b.get(app.url("/practices?indicator=ID.1.1.b")).send().await.unwrap().text().await.unwrap();
    assert!(!elsewhere.contains("Grille d&#39;accueil"), "filtered by indicator");
    let node = coordinator_b
        .get(app.url(&format!("/referentials/{version}/nodes/ID.1.1.a")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(node.contains("Comment font les autres ?") && node.contains(&format!("/practices/{id}")));
    let page = coordinator_b.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains(PARTICIPANT_A) && !page.contains("Retirer ma pratique"), "readers see no author tools");
    let file_id = cap_storage::practices::get(&app.db, id).await.unwrap().files[0].id;
    let download = coordinator_b.get(app.url(&format!("/practices/{id}/files/{file_id}"))).send().await.unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    let disposition = download.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.starts_with("attachment;") && disposition.contains("Proc%C3%A9dure%20d%27accueil.pdf"));
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
    let wrong = coordinator_b.get(app.url(&format!("/practices/{id}/files/{}", file_id + 1))).send().await.unwrap();
    assert_eq!(wrong.status(), 404);

    // It is part of its author's personal data export.
    let export: serde_json::Value = author.get(app.url("/account/export")).send().await.unwrap().json().await.unwrap();
    assert_eq!(export["good_practices"][0]["title"], "Grille d'accueil");
    assert_eq!(export["good_practices"][0]["attachments"][0]["name"], "Procédure d'accueil.pdf");

    // Only its author takes it back.
    let not_author = coordinator_b.post(app.url(&format!("/practices/{id}/delete"))).send().await.unwrap();
    assert_eq!(not_author.status(), 403);
    let withdrawn = author.post(app.url(&format!("/practices/{id}/delete"))).send().await.unwrap();
    assert_eq!(withdrawn.status(), 303);
    assert_eq!(coordinator_b.get(app.url(&location)).send().await.unwrap().status(), 404);
    let audit: Vec<String> =
        cap_storage::audit::recent(&app.db, None, 50).await.unwrap().into_iter().map(|e| e.action).collect();
    for action in ["practices.share", "practices.moderate", "practices.delete"] {
        assert!(audit.iter().any(|a| a == action), "{action} is in the audit log");
    }
}

async fn published_practices_come_in_pages(app: &TestApp) {
    use cap_domain::practice::{PracticeInput, PracticeKind, PracticeStatus};
    use cap_storage::practices;
    let seeds = seed(&app.db).await;
    for n in 1..=30 {
        let input = PracticeInput {
            kind: PracticeKind::Practice,
            title: format!("Pratique numéro {n:02}"),
            body: "Texte".into(),
            indicators: vec!["ID.1.1.a".into()],
        };
        let org = cap_domain::OrganisationId(seeds.org_a);
        let id = practices::add(&app.db, org, seeds.participant_a, "cap-exemple", &input, &[]).await.unwrap();
        practices::moderate(&app.db, id, PracticeStatus::Published, "", seeds.participant_a, 1).await.unwrap();
    }
    let reader = app.signed_in(COORDINATOR_B).await;
    let first = reader.get(app.url("/practices")).send().await.unwrap().text().await.unwrap();
    assert!(first.contains("30 pratiques publiées — page 1 sur 2"));
    assert_eq!(first.matches("Pratique numéro").count(), 24);
    assert!(first.contains("Pratique numéro 30") && !first.contains("Pratique numéro 06"), "newest first");
    assert!(first.contains("page=2#published-title"));
    let second = reader.get(app.url("/practices?page=2")).send().await.unwrap().text().await.unwrap();
    assert_eq!(second.matches("Pratique numéro").count(), 6);
    assert!(second.contains("Pratique numéro 01") && second.contains("page=1#published-title"));
    let beyond = reader.get(app.url("/practices?page=99")).send().await.unwrap().text().await.unwrap();
    assert!(beyond.contains("page 2 sur 2"), "a page past the end shows the last one");
    // The indicator's page shows the latest six and leads to the rest; the tree counts them.
    let version = referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let node = reader.get(app.url(&format!("/referentials/{version}/nodes/ID.1.1.a"))).send().await.unwrap();
    let node = node.text().await.unwrap();
    assert_eq!(node.matches("Pratique numéro").count(), 6);
    assert!(node.contains("Voir les 30 pratiques publiées sur cet indicateur"));
    assert!(node.contains("/practices?referential=cap-exemple&amp;indicator=ID.1.1.a"));
    let tree = reader.get(app.url(&format!("/referentials/{version}"))).send().await.unwrap().text().await.unwrap();
    assert!(tree.contains("30 pratiques"));
    // The counts are kept in memory, and follow the next publication at once.
    let input = PracticeInput {
        kind: PracticeKind::Tool,
        title: "Une de plus".into(),
        body: "Texte".into(),
        indicators: vec!["ID.1.1.a".into()],
    };
    let org = cap_domain::OrganisationId(seeds.org_a);
    let id = practices::add(&app.db, org, seeds.participant_a, "cap-exemple", &input, &[]).await.unwrap();
    let tree = reader.get(app.url(&format!("/referentials/{version}"))).send().await.unwrap().text().await.unwrap();
    assert!(tree.contains("30 pratiques"), "a pending practice is not counted");
    practices::moderate(&app.db, id, PracticeStatus::Published, "", seeds.participant_a, 1).await.unwrap();
    let tree = reader.get(app.url(&format!("/referentials/{version}"))).send().await.unwrap().text().await.unwrap();
    assert!(tree.contains("31 pratiques"));
    practices::moderate(&app.db, id, PracticeStatus::Rejected, "Non", seeds.participant_a, 2).await.unwrap();
    let garbled = reader.get(app.url("/practices?page=deux")).send().await.unwrap();
    assert_eq!(garbled.status(), 200);
    assert!(garbled.text().await.unwrap().contains("page 1 sur 2"));
}

/// The generator's practices are valid and consistent with what it reports.
async fn generated_practices_are_consistent(app: &TestApp) {
    use cap_domain::practice::PracticeStatus;
    use cap_storage::practices::{self, Filter};
    seed(&app.db).await;
    let mut progress = Vec::new();
    let made = cap::generate::generate_practices(&app.db, 40, 3, &mut progress).await.unwrap();
    assert_eq!(made.practices, 40);
    assert_eq!(made.files, 4, "one in ten carries a file");
    let published = Filter { status: Some(PracticeStatus::Published), ..Filter::default() };
    assert_eq!(practices::count(&app.db, &published).await.unwrap(), made.published as i64);
    assert!(made.published > 20 && made.published < 40, "{made:?}");
    for p in practices::list(&app.db, &Filter::default()).await.unwrap() {
        let input = cap_domain::practice::parse(p.kind.code(), &p.title, &p.body, &p.indicators, |c| c.contains('.'));
        assert!(input.is_ok(), "practice {} is valid", p.id);
    }
}

/// The author corrects a refused practice: it waits again, the delegates are told, and a
/// correction made on an old version is never saved over a newer one.
async fn the_author_corrects_a_refused_practice(app: &TestApp) {
    use cap_domain::practice::{PracticeInput, PracticeKind, PracticeStatus};
    use cap_storage::practices::{self, NewFile};
    let seeds = seed(&app.db).await;
    let version = referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let input = PracticeInput {
        kind: PracticeKind::Testimony,
        title: "Le parcours de Mme D.".into(),
        body: "Mme D., 52 ans…".into(),
        indicators: vec!["SR.2.3.a".into()],
    };
    let file = NewFile { name: "parcours.pdf", media_type: "application/pdf", content: PDF };
    let org = cap_domain::OrganisationId(seeds.org_a);
    let id = practices::add(&app.db, org, seeds.participant_a, "cap-exemple", &input, &[file]).await.unwrap();
    practices::moderate(&app.db, id, PracticeStatus::Rejected, "Retirez l'âge.", seeds.participant_a, 1).await.unwrap();
    let file_id = practices::get(&app.db, id).await.unwrap().files[0].id;

    let author = app.signed_in(PARTICIPANT_A).await;
    let page = author.get(app.url(&format!("/practices/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Retirez l&#39;âge.") && page.contains(&format!("/practices/{id}/edit")));
    let form = author.get(app.url(&format!("/practices/{id}/edit"))).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("Le parcours de Mme D.") && form.contains(r#"value="SR.2.3.a" checked"#));
    assert!(form.contains(&format!(r#"name="keep" value="{file_id}" checked"#)));
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let status = coordinator.get(app.url(&format!("/practices/{id}/edit"))).send().await.unwrap().status();
    assert_eq!(status, 403, "only its author corrects it");

    let form = |practice_version: i64, title: &str| {
        Form::new()
            .text("referential", version.to_string())
            .text("version", practice_version.to_string())
            .text("kind", "testimony")
            .text("title", title.to_owned())
            .text("body", "Une salariée de notre atelier, avec son accord écrit.".to_owned())
            .text("indicators", "SR.2.3.a")
            .text("indicators", "SR.2.3.b")
            .text("keep", file_id.to_string())
            .part("files", Part::bytes(b"Accord".to_vec()).file_name("accord.txt"))
    };
    let saved = author
        .post(app.url(&format!("/practices/{id}/edit")))
        .multipart(form(2, "Le parcours d'une salariée"))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let now = practices::get(&app.db, id).await.unwrap();
    assert_eq!((now.status, now.moderation_note.as_str()), (PracticeStatus::Pending, ""));
    assert_eq!(now.indicators, vec!["SR.2.3.a", "SR.2.3.b"]);
    assert_eq!(now.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["parcours.pdf", "accord.txt"]);
    assert!(app.mails().iter().any(|m| m.contains(DELEGATE_A) && m.contains("Le parcours d'une salariée")));

    // The same form sent again, on the version it was opened on, is not saved over the new one.
    let stale = author
        .post(app.url(&format!("/practices/{id}/edit")))
        .multipart(form(2, "Un autre titre"))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409);
    let stale = stale.text().await.unwrap();
    assert!(stale.contains("a changé pendant que vous la corrigiez") && stale.contains("Un autre titre"));
    assert_eq!(practices::get(&app.db, id).await.unwrap().title, "Le parcours d'une salariée");
}

crate::on_both_backends!(
    a_practice_is_shared_moderated_and_found,
    published_practices_come_in_pages,
    generated_practices_are_consistent,
    the_author_corrects_a_refused_practice
);
