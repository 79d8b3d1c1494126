//! Evidence behind shared answers: added from an indicator's consolidation page (a mistake told
//! beside its field, what was typed kept), listed beside the requirements it supports on the
//! readiness page, carried into the next campaign to be confirmed or removed, for the
//! organisation's coordinator only.

use crate::on_both_backends;
use crate::plans::consolidated_campaign;
use crate::support::*;
use cap_domain::referential::NodeKind;
use cap_storage::{audit, campaigns, evidence, referentials};

on_both_backends!(
    evidence_follows_the_answer_from_one_campaign_to_the_next,
    a_document_uploaded_as_evidence_is_kept_checked_and_shared_by_the_next_campaign,
);

async fn evidence_follows_the_answer_from_one_campaign_to_the_next(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    consolidated_campaign(&app.db, id, |_| 2).await;
    let c = campaigns::get(&app.db, id).await.unwrap();
    let r = referentials::load(&app.db, c.referential_version_id).await.unwrap();
    // An indicator mapped to an ISO 9001 requirement.
    let code = r
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Indicator && n.mappings.iter().any(|m| m.referential == "iso-9001"))
        .map(|n| n.code.clone())
        .expect("an indicator mapped to ISO 9001");
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let base = format!("/campaigns/{id}");
    let (_, page) = text(&coordinator, app.url(&format!("{base}/consolidation/{code}"))).await;
    assert!(page.contains("Aucune preuve pour l&#39;instant") || page.contains("Aucune preuve pour l&#x27;instant"));

    let add = app.url(&format!("{base}/consolidation/{code}/evidence"));
    assert_eq!(text(&coordinator, add.clone()).await.0, 200);
    let wrong =
        coordinator.post(add.clone()).form(&[("title", ""), ("url", "javascript:alert(1)")]).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("Dites ce qu") && wrong.contains("https://"), "each problem beside its field");
    assert!(wrong.contains("value=\"javascript:alert(1)\""), "what was typed is kept");
    let url = "https://drive.exemple.fr/pv-ca-2026.pdf";
    let added = coordinator
        .post(add.clone())
        .form(&[("title", "Procès-verbal du conseil du 12 mars"), ("url", url)])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    assert_eq!(added.headers()["location"], format!("{base}/consolidation/{code}#evidence").as_str());
    let unknown = coordinator
        .post(app.url(&format!("{base}/consolidation/XX.9.9.z/evidence")))
        .form(&[("title", "PV"), ("url", url)])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    let (_, page) = text(&coordinator, app.url(&format!("{base}/consolidation/{code}"))).await;
    assert!(page.contains(&format!("href=\"{url}\"")) && page.contains("Procès-verbal du conseil du 12 mars"));
    let (_, readiness) = text(&coordinator, app.url(&format!("{base}/readiness?ref=iso-9001"))).await;
    assert!(readiness.contains(&format!("href=\"{url}\"")), "listed beside the requirement it supports");
    let sheets = coordinator.get(app.url(&format!("{base}/export/campagne.xlsx"))).send().await.unwrap();
    assert_eq!(sheets.status(), 200);
    let bytes = sheets.bytes().await.unwrap();
    let read = cap_reports::xlsx::read_workbook(&bytes).expect("the workbook reads back");
    let carried = read
        .iter()
        .flat_map(|s| &s.rows)
        .flatten()
        .any(|cell| matches!(cell, cap_reports::xlsx::Cell::Text(text) if text.contains(url)));
    assert!(carried, "the workbook's readiness sheet carries the evidence");

    // A participant adds evidence from their answering page and comes back to the question.
    let participant = app.signed_in(PARTICIPANT_A).await;
    let (_, answering) = text(&participant, app.url(&format!("{base}/answer/1"))).await;
    assert!(answering.contains("/evidence?page=1"), "a way to add evidence beside each question");
    let from_answer = participant
        .post(app.url(&format!("{base}/consolidation/{code}/evidence?page=3")))
        .form(&[("title", "Plan de formation 2026"), ("url", "https://drive.exemple.fr/formation.pdf")])
        .send()
        .await
        .unwrap();
    assert_eq!(from_answer.status(), 303);
    assert_eq!(from_answer.headers()["location"], format!("{base}/answer/3#q-{code}").as_str());
    // Removing and confirming stay with those who run the campaign.
    let added = evidence::of_campaign(&app.db, id).await.unwrap();
    let theirs = added.iter().find(|e| e.title == "Plan de formation 2026").unwrap();
    let r = participant.post(app.url(&format!("{base}/evidence/{}/remove", theirs.id))).send().await.unwrap();
    assert!(matches!(r.status().as_u16(), 403 | 404), "{}", r.status());
    coordinator.post(app.url(&format!("{base}/evidence/{}/remove", theirs.id))).send().await.unwrap();

    // Others cannot touch it.
    for who in [COORDINATOR_B, TIERS_A, DELEGATE_A] {
        let client = app.signed_in(who).await;
        let r = client.post(add.clone()).form(&[("title", "PV"), ("url", url)]).send().await.unwrap();
        assert!(matches!(r.status().as_u16(), 403 | 404), "{who}: {}", r.status());
    }
    assert_eq!(evidence::of_campaign(&app.db, id).await.unwrap().len(), 1);

    // The next campaign carries it, to be confirmed; another piece is removed.
    let version = c.referential_version_id.to_string();
    let created = coordinator
        .post(app.url(&format!("/organisations/{}/campaigns/new", seeds.org_a)))
        .form(&[("title", "Auto-évaluation 2027"), ("referential", version.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 303);
    let next: i64 = created.headers()["location"].to_str().unwrap().trim_start_matches("/campaigns/").parse().unwrap();
    let carried = evidence::of_campaign(&app.db, next).await.unwrap();
    assert_eq!(carried.len(), 1);
    assert_eq!((carried[0].url.as_str(), carried[0].to_review), (url, 1));
    let (_, page) = text(&coordinator, app.url(&format!("/campaigns/{next}/consolidation/{code}"))).await;
    assert!(page.contains("toujours valable ?"));
    let confirmed = coordinator
        .post(app.url(&format!("/campaigns/{next}/evidence/{}/confirm", carried[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), 303);
    assert_eq!(evidence::of_campaign(&app.db, next).await.unwrap()[0].to_review, 0);
    let wrong_campaign =
        coordinator.post(app.url(&format!("{base}/evidence/{}/remove", carried[0].id))).send().await.unwrap();
    assert_eq!(wrong_campaign.status(), 404, "a piece of another campaign is not found here");
    let removed = coordinator
        .post(app.url(&format!("/campaigns/{next}/evidence/{}/remove", carried[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    assert!(evidence::of_campaign(&app.db, next).await.unwrap().is_empty());
    assert_eq!(evidence::of_campaign(&app.db, id).await.unwrap().len(), 1, "the earlier campaign keeps its own");
    let log = audit::recent(&app.db, None, 200).await.unwrap();
    for action in ["evidence.add", "evidence.confirm", "evidence.remove"] {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
}

/// A multipart evidence form: a title, an address (often empty) and a file.
fn evidence_form(title: &str, url: &str, file: Option<(&str, Vec<u8>)>) -> reqwest::multipart::Form {
    let form = reqwest::multipart::Form::new().text("title", title.to_owned()).text("url", url.to_owned());
    match file {
        Some((name, bytes)) => form.part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned())),
        // What a browser sends for a file input left empty.
        None => form.part("file", reqwest::multipart::Part::bytes(Vec::new()).file_name(String::new())),
    }
}

async fn a_document_uploaded_as_evidence_is_kept_checked_and_shared_by_the_next_campaign(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    consolidated_campaign(&app.db, id, |_| 2).await;
    let c = campaigns::get(&app.db, id).await.unwrap();
    let r = referentials::load(&app.db, c.referential_version_id).await.unwrap();
    let code = r.nodes.iter().find(|n| n.kind == NodeKind::Indicator).map(|n| n.code.clone()).unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let base = format!("/campaigns/{id}");
    let add = app.url(&format!("{base}/consolidation/{code}/evidence"));
    let pdf = b"%PDF-1.4\nProcedure d'accueil des salaries en parcours\n%%EOF\n".to_vec();

    // Refused, each problem beside its field, what was typed kept and the lost file said.
    let refused = [
        (
            evidence_form("Procédure d'accueil", "", Some(("procedure.pdf", b"MZ\x90\x00".to_vec()))),
            "ne correspond pas",
        ),
        (evidence_form("Procédure d'accueil", "", Some(("procedure.exe", b"MZ".to_vec()))), "pas accepté"),
        (
            evidence_form(
                "Procédure d'accueil",
                "https://drive.exemple.fr/p.pdf",
                Some(("procedure.pdf", pdf.clone())),
            ),
            "pas les deux",
        ),
        (evidence_form("Procédure d'accueil", "", None), "joignez le fichier"),
        (
            evidence_form(
                "Procédure d'accueil",
                "",
                Some(("gros.pdf", [b"%PDF-".to_vec(), vec![b'x'; 5 * 1024 * 1024]].concat())),
            ),
            "dépasse 5 Mo",
        ),
    ];
    for (form, message) in refused {
        let response = coordinator.post(add.clone()).multipart(form).send().await.unwrap();
        assert_eq!(response.status(), 422, "{message}");
        let body = response.text().await.unwrap();
        assert!(body.contains(message), "{message}");
        assert!(body.contains("Procédure d&#39;accueil") || body.contains("Procédure d&#x27;accueil"), "title kept");
    }
    assert!(evidence::of_campaign(&app.db, id).await.unwrap().is_empty(), "nothing written");

    // Accepted: listed with its name, opened as a download of the very bytes.
    let added = coordinator
        .post(add.clone())
        .multipart(evidence_form("Procédure d'accueil", "  ", Some(("C:\\Documents\\procédure.pdf", pdf.clone()))))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    let stored = evidence::of_campaign(&app.db, id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!((stored[0].file_name.as_deref(), stored[0].url.as_str()), (Some("procédure.pdf"), ""));
    let file = format!("{base}/evidence/{}/file", stored[0].id);
    let (_, page) = text(&coordinator, app.url(&format!("{base}/consolidation/{code}"))).await;
    assert!(page.contains(&format!("href=\"{file}\"")) && page.contains("procédure.pdf"), "listed with its name");
    let downloaded = coordinator.get(app.url(&file)).send().await.unwrap();
    assert_eq!(downloaded.status(), 200);
    assert_eq!(downloaded.headers()["content-type"], "application/pdf");
    assert!(downloaded.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(downloaded.bytes().await.unwrap().to_vec(), pdf);
    let log = audit::recent(&app.db, None, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "evidence.add" && e.details.contains("procédure.pdf")), "audited");

    // Those who take part open it; another organisation's people and a stranger do not.
    let participant = app.signed_in(PARTICIPANT_A).await;
    assert_eq!(participant.get(app.url(&file)).send().await.unwrap().status(), 200);
    let stranger = app.signed_in(COORDINATOR_B).await.get(app.url(&file)).send().await.unwrap().status();
    assert_eq!(stranger, 404, "another organisation's coordinator");

    // The next campaign shares the document; it goes with the last evidence that names it.
    let version = c.referential_version_id.to_string();
    let created = coordinator
        .post(app.url(&format!("/organisations/{}/campaigns/new", seeds.org_a)))
        .form(&[("title", "Auto-évaluation 2027"), ("referential", version.as_str())])
        .send()
        .await
        .unwrap();
    let next: i64 = created.headers()["location"].to_str().unwrap().trim_start_matches("/campaigns/").parse().unwrap();
    let carried = evidence::of_campaign(&app.db, next).await.unwrap();
    assert_eq!((carried.len(), carried[0].file_id), (1, stored[0].file_id));
    let next_file = app.url(&format!("/campaigns/{next}/evidence/{}/file", carried[0].id));
    let astray = coordinator.get(app.url(&format!("/campaigns/{next}/evidence/{}/file", stored[0].id))).send().await;
    assert_eq!(astray.unwrap().status(), 404, "a piece of evidence is found only through its own campaign");
    assert_eq!(coordinator.get(next_file.clone()).send().await.unwrap().bytes().await.unwrap().to_vec(), pdf);
    let removed = coordinator.post(app.url(&format!("{base}/evidence/{}/remove", stored[0].id))).send().await.unwrap();
    assert_eq!(removed.status(), 303);
    assert_eq!(coordinator.get(next_file.clone()).send().await.unwrap().status(), 200, "still named by the next");
    coordinator.post(app.url(&format!("/campaigns/{next}/evidence/{}/remove", carried[0].id))).send().await.unwrap();
    let left = cap_storage::testing::scalar(&app.db, "SELECT COUNT(*) FROM evidence_files").await;
    assert_eq!(left, 0, "the document goes with the last evidence that names it");
}
