//! Typed forms: a form that does not fit what its page sends — a field repeated where one is
//! expected, a version missing or not a number, a code no button carries, a body that is not a
//! form — is refused with the « Demande incomplète » page (400), never a server error, and
//! nothing is written; whoever may not act still gets their 404 first; a value a person types
//! wrong still gets its message beside the field.

use crate::support::*;
use cap_storage::{accompaniment, campaigns, plans, reviews};

/// Posts `form` as `client` and returns the status and the page.
async fn post(client: &reqwest::Client, url: String, form: &[(&str, &str)]) -> (u16, String) {
    let response = client.post(url).form(form).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Asserts a refusal as a bad request, with its page in French inside the site's frame.
fn refused(what: &str, (status, page): (u16, String)) {
    assert_eq!(status, 400, "{what}");
    assert!(page.contains("Demande incomplète") && page.contains("formulaire incomplet"), "{what}: {page}");
}

async fn forms_that_do_not_fit_are_refused_with_a_page(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let scope_before = campaigns::get(&app.db, id).await.unwrap();

    // The scope: its version is required and a number, said once.
    let scope = app.url(&format!("{base}/scope"));
    refused("no version", post(&coordinator, scope.clone(), &[("pillar", "SR")]).await);
    refused("a version in words", post(&coordinator, scope.clone(), &[("pillar", "SR"), ("version", "deux")]).await);
    refused(
        "a version sent twice",
        post(&coordinator, scope.clone(), &[("pillar", "SR"), ("version", "1"), ("version", "2")]).await,
    );
    let other = app.signed_in(COORDINATOR_B).await;
    assert_eq!(post(&other, scope, &[("pillar", "SR")]).await.0, 404, "another member's campaign first says 404");
    let scope_after = campaigns::get(&app.db, id).await.unwrap();
    assert_eq!((scope_after.scope, scope_after.version), (scope_before.scope, scope_before.version), "nothing written");

    // Every form handler reads through the same extractor.
    let advance = app.url(&format!("{base}/advance"));
    refused("a campaign's version in words", post(&coordinator, advance, &[("version", "trois")]).await);

    // A body that is not a form at all.
    let json = coordinator
        .post(app.url(&format!("{base}/scope")))
        .header("content-type", "application/json")
        .body(r#"{"version": 1}"#)
        .send()
        .await
        .unwrap();
    refused("JSON where a form is expected", (json.status().as_u16(), json.text().await.unwrap()));

    // Targets: one select per node, each sent once.
    let codes = ["ID.1.1.a"];
    let target = format!("target.{}", codes[0]);
    let targets = app.url(&format!("{base}/targets"));
    refused("a target sent twice", post(&coordinator, targets.clone(), &[(&target, "1"), (&target, "2")]).await);
    assert_eq!(post(&other, targets.clone(), &[(&target, "1"), (&target, "2")]).await.0, 404, "404 first");
    assert!(plans::targets(&app.db, id).await.unwrap().is_empty(), "no target written");
    let (status, page) = post(&coordinator, targets, &[(&target, "neuf")]).await;
    assert_eq!(status, 422, "a level typed wrong is said on the page");
    assert!(page.contains("Choisissez un niveau de l&#39;échelle"), "{page}");

    // The answering page: an indicator's version is a number.
    let participant = app.signed_in(PARTICIPANT_A).await;
    let answer = app.url(&format!("{base}/answer/1"));
    let (v, ver) = (format!("v_{}", codes[0]), format!("ver_{}", codes[0]));
    refused("an answer's version in words", post(&participant, answer.clone(), &[(&v, "2"), (&ver, "zéro")]).await);
    let c = format!("c_{}", codes[0]);
    refused("a comment sent twice", post(&participant, answer, &[(&c, "a"), (&c, "b"), (&ver, "0")]).await);

    // The plan: the buttons' codes only.
    plans::create(&app.db, id, "2027-01-15", 6, &[]).await.unwrap();
    let selection = app.url(&format!("{base}/plan/selection"));
    refused("an unknown operation", post(&coordinator, selection.clone(), &[("action", "1"), ("op", "explode")]).await);
    refused(
        "an action that is not a number",
        post(&coordinator, selection, &[("action", "un"), ("op", "accept")]).await,
    );
    let decide = app.url(&format!("{base}/plan/suggestions/1/decide"));
    refused("an unknown decision", post(&coordinator, decide.clone(), &[("decision", "maybe")]).await);
    refused("no decision", post(&coordinator, decide.clone(), &[("answer", "Non")]).await);
    assert_eq!(post(&other, decide, &[("answer", "Non")]).await.0, 404, "the plan of another member first says 404");

    // The accompaniment day: a version, and one of the two buttons.
    let tiers = app.signed_in(TIERS_A).await;
    let day = app.url(&format!("{base}/accompaniment"));
    refused("a day without its version", post(&tiers, day.clone(), &[("held_on", "2027-01-10")]).await);
    refused(
        "an unknown stage",
        post(&tiers, day.clone(), &[("held_on", "2027-01-10"), ("stage", "finish"), ("version", "0")]).await,
    );
    assert!(accompaniment::day_of(&app.db, id).await.unwrap().is_none(), "no day written");
    let (status, page) =
        post(&tiers, day.clone(), &[("held_on", "2027-01-10"), ("pillar", "XX"), ("version", "0")]).await;
    assert_eq!(status, 422, "a pillar the campaign does not cover is said beside the pillars");
    assert!(page.contains("Choisissez une valeur dans la liste"), "{page}");
    let delegate_b = app.signed_in(DELEGATE_B).await;
    assert_eq!(post(&delegate_b, day, &[("held_on", "2027-01-10")]).await.0, 404, "not invited: 404 first");

    // Review threads: resolved or not, and nothing else.
    let thread = reviews::open_thread(&app.db, id, "photographie", seeds.participant_a, "Une question").await.unwrap();
    let resolve = app.url(&format!("{base}/review/threads/{thread}/resolve"));
    refused("resolved, perhaps", post(&coordinator, resolve, &[("resolved", "peut-être")]).await);
    assert!(reviews::comments(&app.db, id).await.unwrap()[0].resolved_at.is_none(), "still open");

    // API tokens: one name; a scope no box carries is said beside the boxes.
    let tokens = app.url("/account/tokens");
    refused(
        "a token's name sent twice",
        post(&coordinator, tokens.clone(), &[("name", "A"), ("name", "B"), ("scope", "read"), ("days", "30")]).await,
    );
    let (status, page) = post(&coordinator, tokens, &[("name", "Tableur"), ("scope", "admin"), ("days", "30")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("Choisissez une valeur dans la liste") && page.contains("Tableur"), "typed name kept");

    let health = app.client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200, "the server keeps serving");
}

crate::on_both_backends!(forms_that_do_not_fit_are_refused_with_a_page);
