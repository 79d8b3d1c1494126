//! A campaign taken out to a venue and brought back: the coordinator downloads its signed bundle
//! (nobody else may), a second instance on its own database runs it as a venue copy, answers
//! change there while one changes on the server too; the results come back checked whole (a
//! changed file, the bundle instead of the results, another campaign's, an expired one: refused
//! with their reason and nothing written), the conflict is shown side by side and nothing is
//! written until it is decided, then everything lands in one go, audited with its origin; the same
//! file brought back again changes nothing.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::Email;
use cap_domain::campaign::AnswerValue;
use cap_domain::referential::AnswerType;
use cap_domain::venue::Envelope;
use cap_storage::campaigns::{self, NewConsolidated};
use cap_storage::{Db, audit, referentials, users};

on_both_backends!(a_campaign_goes_to_a_venue_and_comes_back);

/// Text with the apostrophes the templates escape put back.
fn plain(html: String) -> String {
    html.replace("&#x27;", "'").replace("&#39;", "'")
}

async fn user(db: &Db, email: &str) -> cap_domain::UserId {
    users::find_by_email(db, &Email::parse(email).unwrap()).await.unwrap().unwrap().user_id()
}

async fn upload(client: &reqwest::Client, url: String, text: &str) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(text.as_bytes().to_vec()).file_name("resultats.json");
    client.post(url).multipart(reqwest::multipart::Form::new().part("file", part)).send().await.unwrap()
}

async fn answer(db: &Db, participant: i64, code: &str) -> Option<(i64, Option<AnswerValue>)> {
    campaigns::answer_of(db, participant, code).await.ok().map(|a| (a.version, a.value))
}

async fn a_campaign_goes_to_a_venue_and_comes_back(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let c = seeds.campaign_a;
    let version = campaigns::get(&app.db, c).await.unwrap().referential_version_id;
    let r = referentials::load(&app.db, version).await.unwrap();
    let levels: Vec<String> =
        r.indicators().filter(|n| n.answer == AnswerType::Level).map(|n| n.code.clone()).take(3).collect();
    let (conflicted, new_there, shared) = (&levels[0], &levels[1], &levels[2]);
    let participant = campaigns::participant_of(&app.db, c, seeds.participant_a).await.unwrap().unwrap().id;
    campaigns::save_answer(&app.db, c, participant, conflicted, &Some(AnswerValue::Level(2)), "au départ", 0)
        .await
        .unwrap();

    // Taking out: the coordinator only, for a number of days within bounds.
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let venue_page = app.url(&format!("/campaigns/{c}/venue"));
    let (status, page) = text(&coordinator, venue_page.clone()).await;
    assert_eq!(status, 200);
    assert!(plain(page).contains("Emporter la campagne"));
    let take_out = app.url(&format!("/campaigns/{c}/venue/bundle"));
    let refused = coordinator.post(take_out.clone()).form(&[("days", "0")]).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let body = plain(refused.text().await.unwrap());
    assert!(body.contains("Écrivez un nombre de jours entre 1 et 60") && body.contains("value=\"0\""), "{body}");
    for outsider in [COORDINATOR_B, PARTICIPANT_A, DELEGATE_A] {
        let client = app.signed_in(outsider).await;
        let response = client.post(take_out.clone()).form(&[("days", "3")]).send().await.unwrap();
        assert_eq!(response.status(), 404, "{outsider} took the campaign out");
        assert_eq!(text(&client, venue_page.clone()).await.0, 404, "{outsider} saw the venue page");
    }
    let bundle = coordinator.post(take_out.clone()).form(&[("days", "3")]).send().await.unwrap();
    assert_eq!(bundle.status(), 200);
    assert_eq!(bundle.headers()["content-type"], "application/json");
    assert!(bundle.headers()["content-disposition"].to_str().unwrap().contains("cap-lieu-campagne-"));
    let bundle = bundle.text().await.unwrap();
    let envelope: Envelope = serde_json::from_str(&bundle).unwrap();
    assert_eq!(envelope.cap_venue, "bundle");
    assert!(envelope.payload.contains("au départ") && envelope.payload.contains(PARTICIPANT_A));

    // The venue copy, on its own database: every page says what it is.
    let venue = TestApp::spawn_venue(app.db.backend(), &bundle).await;
    let local = venue.state().config.venue.as_ref().expect("a venue copy").campaign;
    let at_venue = venue.signed_in(COORDINATOR_A).await;
    let (status, page) = text(&at_venue, venue.url(&format!("/campaigns/{local}/venue"))).await;
    assert_eq!(status, 200);
    let page = plain(page);
    assert!(page.contains("Copie pour une journée sur place") && page.contains("Télécharger les résultats"), "{page}");
    assert!(!page.contains("Emporter la campagne"), "a venue copy hands out no bundle");
    let local_participant = campaigns::participant_of(&venue.db, local, user(&venue.db, PARTICIPANT_A).await)
        .await
        .unwrap()
        .expect("the participant at the venue")
        .id;
    let carried = campaigns::answer_of(&venue.db, local_participant, conflicted).await.unwrap();
    assert_eq!((carried.value, carried.comment.as_str()), (Some(AnswerValue::Level(2)), "au départ"));
    campaigns::save_answer(
        &venue.db,
        local,
        local_participant,
        conflicted,
        &Some(AnswerValue::Level(4)),
        "vu ensemble",
        1,
    )
    .await
    .unwrap();
    campaigns::save_answer(&venue.db, local, local_participant, new_there, &Some(AnswerValue::Level(3)), "", 0)
        .await
        .unwrap();
    let decided = Some(AnswerValue::Level(3));
    let workshop = NewConsolidated {
        code: shared,
        value: &decided,
        proposal: Some(3),
        rationale: "",
        source: "workshop",
        decided_by: None,
    };
    campaigns::save_consolidated(&venue.db, local, &workshop, 0).await.unwrap();
    // Meanwhile on the server, the same answer changes too.
    campaigns::save_answer(&app.db, c, participant, conflicted, &Some(AnswerValue::Level(1)), "au bureau", 1)
        .await
        .unwrap();
    // No e-mail leaves a venue copy: a participant's personal link is shown to scan there, and
    // nobody is added who would not exist on the server.
    let shown =
        at_venue.post(venue.url(&format!("/campaigns/{local}/remind/{local_participant}"))).send().await.unwrap();
    assert_eq!(shown.status(), 200);
    let shown = plain(shown.text().await.unwrap());
    assert!(shown.contains("Donnez ce lien personnel"), "{shown}");
    let link = shown.split("<code class=\"token\">").nth(1).and_then(|rest| rest.split('<').next()).unwrap().to_owned();
    assert!(link.starts_with(&venue.url("/c/")), "{link}");
    let phone = venue.client().get(link).send().await.unwrap();
    assert_eq!(phone.headers()["location"], format!("/campaigns/{local}/answer").as_str());
    let added = at_venue
        .post(venue.url(&format!("/campaigns/{local}/invite")))
        .form(&[("display_name", "Nouvelle"), ("email", ""), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    assert_eq!(campaigns::participants(&venue.db, local).await.unwrap().len(), 1, "nobody added at the venue");
    let results = at_venue.get(venue.url(&format!("/campaigns/{local}/venue/results"))).send().await.unwrap();
    assert_eq!(results.status(), 200);
    let results = results.text().await.unwrap();
    venue.stop().await;

    // Refused whole, with their reason: a changed file, the bundle itself, another campaign's,
    // an expired one.
    let import = app.url(&format!("/campaigns/{c}/venue/import"));
    let tampered = results.replace("vu ensemble", "vu ensemble !");
    assert_ne!(tampered, results);
    for (file, reason) in [
        (tampered.as_str(), "sa signature ne correspond pas"),
        (bundle.as_str(), "pas ses résultats"),
        ("{\"pas\": \"Cap\"}", "pas un fichier de résultats de Cap"),
    ] {
        let refused = upload(&coordinator, import.clone(), file).await;
        assert_eq!(refused.status(), 422);
        let body = plain(refused.text().await.unwrap());
        assert!(body.contains(reason), "{reason}: {body}");
    }
    let other = campaign_at(
        &app.db,
        cap_domain::OrganisationId(seeds.org_a),
        "Campagne B",
        cap_domain::campaign::CampaignStatus::SelfAssessment,
    )
    .await;
    let refused = upload(&coordinator, app.url(&format!("/campaigns/{other}/venue/import")), &results).await;
    assert_eq!(refused.status(), 422);
    assert!(plain(refused.text().await.unwrap()).contains("une autre campagne"));
    let later = cap_storage::now() + 4 * 24 * 3600;
    assert!(matches!(
        cap_app::venue::check_results(&app.state().keys, &results, c, later),
        Err(cap_app::venue::VenueError::Expired(_))
    ));
    let outsider = app.signed_in(COORDINATOR_B).await;
    assert_eq!(upload(&outsider, import.clone(), &results).await.status(), 404);
    assert_eq!(answer(&app.db, participant, conflicted).await.unwrap().0, 2, "nothing written by a refusal");

    // Brought back: reviewed first, the conflict side by side.
    let staged = upload(&coordinator, import.clone(), &results).await;
    assert_eq!(staged.status(), 303);
    let review = app.url(staged.headers()["location"].to_str().unwrap());
    let (status, page) = text(&coordinator, review.clone()).await;
    assert_eq!(status, 200);
    let page = plain(page);
    assert!(page.contains("1 réponse changée des deux côtés"), "{page}");
    assert!(page.contains("2 réponses changées sur place seulement"), "{page}");
    assert!(page.contains("au bureau") && page.contains("vu ensemble"));
    let field = format!("a-{participant}-{conflicted}");
    assert!(page.contains(&format!("name=\"{field}\"")));
    assert_eq!(text(&outsider, review.clone()).await.0, 404);

    // Nothing is written before the conflict is decided.
    let undecided = coordinator.post(review.clone()).form(&[("x", "")]).send().await.unwrap();
    assert_eq!(undecided.status(), 422);
    assert!(plain(undecided.text().await.unwrap()).contains("Choisissez une réponse"));
    assert_eq!(answer(&app.db, participant, conflicted).await.unwrap().0, 2);
    assert!(answer(&app.db, participant, new_there).await.is_none());

    let applied = coordinator.post(review.clone()).form(&[(field.as_str(), "venue")]).send().await.unwrap();
    assert_eq!(applied.status(), 303);
    assert_eq!(answer(&app.db, participant, conflicted).await, Some((3, Some(AnswerValue::Level(4)))));
    assert_eq!(answer(&app.db, participant, new_there).await, Some((1, Some(AnswerValue::Level(3)))));
    let consolidated = campaigns::consolidated(&app.db, c).await.unwrap();
    assert_eq!(consolidated[shared.as_str()].value, Some(AnswerValue::Level(3)));
    assert_eq!(consolidated[shared.as_str()].source, "workshop");
    let filter = audit::Filter { kind: Some("venue".into()), ..audit::Filter::default() };
    let logged: Vec<_> = audit::search(&app.db, &filter, None, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "venue.import")
        .collect();
    assert_eq!(logged.len(), 1);
    assert!(logged[0].details.contains("copie de lieu") && logged[0].details.contains(&app.base), "{logged:?}");

    // The same file again: the same import, already applied, nothing written twice.
    let again = upload(&coordinator, import.clone(), &results).await;
    assert_eq!(app.url(again.headers()["location"].to_str().unwrap()), review);
    let again = coordinator.post(review.clone()).form(&[(field.as_str(), "server")]).send().await.unwrap();
    assert_eq!(again.status(), 303);
    assert_eq!(answer(&app.db, participant, conflicted).await, Some((3, Some(AnswerValue::Level(4)))));
    let (_, page) = text(&coordinator, venue_page).await;
    assert!(plain(page).contains("importés le"));
}
