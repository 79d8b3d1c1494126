//! A member decides who reads its self-assessment: a delegate of its region follows where it
//! stands but reads nothing of its answers or results until the member shares a campaign (and
//! then only reads); its tiers and pairs read the campaign they were invited to, never meet a
//! link that answers 404, and see no control for managing reviewers.

use crate::support::*;
use cap_storage::{accompaniment, audit, reviews};

async fn status(client: &reqwest::Client, url: String) -> u16 {
    client.get(url).send().await.unwrap().status().as_u16()
}

/// Every page, download and API route that shows something of campaign `id`'s answers or results.
fn reading_paths(id: i64) -> Vec<String> {
    ["/results", "/plan", "/checkpoint", "/benchmark", "/export/synthese.pdf", "/export/rapport.pdf"]
        .iter()
        .map(|p| format!("/campaigns/{id}{p}"))
        .chain(["", "/answers", "/results", "/actions"].iter().map(|p| format!("/api/campaigns/{id}{p}")))
        .collect()
}

/// The campaign's current version (forms send it so a stale change is refused).
async fn version_of(app: &TestApp, id: i64) -> String {
    cap_storage::campaigns::get(&app.db, id).await.unwrap().version.to_string()
}

async fn the_region_reads_a_member_only_when_it_shares(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    cap_storage::campaigns::advance_to(&app.db, id, cap_domain::campaign::CampaignStatus::Consolidation).await.unwrap();
    let delegate = app.signed_in(DELEGATE_A).await;

    // Not shared: nothing of the campaign's content, and no write.
    for path in reading_paths(id) {
        assert_eq!(status(&delegate, app.url(&path)).await, 404, "{path} before sharing");
    }
    for path in ["", "/review", "/accompaniment"] {
        assert_eq!(status(&delegate, app.url(&format!("/campaigns/{id}{path}"))).await, 404, "{path}");
    }
    let day = [("held_on", "2026-12-01"), ("attendees", "Tous"), ("conclusions", "Bien"), ("decision", "alone")];
    let r = delegate.post(app.url(&format!("/campaigns/{id}/accompaniment"))).form(&day).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(accompaniment::day_of(&app.db, id).await.unwrap().is_none(), "nothing written");

    // The member's page: where the démarche stands and whom to call, nothing to manage.
    let page = delegate.get(app.url(&format!("/organisations/{}", seeds.org_a))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Campagne A") && page.contains(COORDINATOR_A), "steps and contacts are shown");
    assert!(!page.contains(&format!("href=\"/campaigns/{id}\"")), "no link to a page she may not open");
    assert!(!page.contains(PARTICIPANT_A), "the member's other people are its own");
    assert!(!page.contains("/revoke") && !page.contains("/invite\""), "no control over the member's people");

    // The member shares the campaign: the delegate reads, still writes nothing, and is audited.
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let v = version_of(app, id).await;
    let r = coordinator
        .post(app.url(&format!("/campaigns/{id}/share")))
        .form(&[("share", "on"), ("version", v.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    for path in reading_paths(id) {
        assert_eq!(status(&delegate, app.url(&path)).await, 200, "{path} once shared");
    }
    assert_eq!(status(&delegate, app.url(&format!("/campaigns/{id}"))).await, 200);
    for path in ["/review", "/accompaniment"] {
        assert_eq!(status(&delegate, app.url(&format!("/campaigns/{id}{path}"))).await, 404, "{path} once shared");
    }
    let r = delegate.post(app.url(&format!("/campaigns/{id}/accompaniment"))).form(&day).send().await.unwrap();
    assert_eq!(r.status(), 404, "sharing lets the region read, not write");
    let other_region = app.signed_in(DELEGATE_B).await;
    assert_eq!(status(&other_region, app.url(&format!("/campaigns/{id}/results"))).await, 404, "only its region");
    let actions: Vec<String> = audit::recent(&app.db, None, 200).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"campaigns.share_with_region".to_owned()), "sharing is audited");
    assert!(actions.contains(&"campaigns.read_shared".to_owned()), "every shared reading is audited");

    // And the member takes it back at once.
    let v = version_of(app, id).await;
    let r = coordinator
        .post(app.url(&format!("/campaigns/{id}/share")))
        .form(&[("version", v.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(status(&delegate, app.url(&format!("/campaigns/{id}/results"))).await, 404, "sharing withdrawn");
}

/// The `href`s of a page that lead somewhere on the site (not anchors, assets or downloads
/// handled above).
fn site_links(page: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with('/') && !href.starts_with("/static/"))
        .map(|href| href.split('#').next().unwrap_or(href).replace("&amp;", "&"))
        .collect()
}

async fn reviewers_see_their_part_and_links_that_open(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    cap_storage::campaigns::advance_to(&app.db, id, cap_domain::campaign::CampaignStatus::Consolidation).await.unwrap();
    for email in [PAIR_A, TIERS_A] {
        let reviewer = app.signed_in(email).await;
        for page in ["/review", "/results", "/plan", "/checkpoint"] {
            let body = reviewer.get(app.url(&format!("/campaigns/{id}{page}"))).send().await.unwrap();
            assert_eq!(body.status(), 200, "{email} opens {page}");
            let body = body.text().await.unwrap();
            assert!(!body.contains("/review/reviewers"), "{email} gets no control over reviewers on {page}");
            for link in site_links(&body) {
                let got = status(&reviewer, app.url(&link)).await;
                assert!(got != 404 && got < 500, "{email} on {page} follows {link}: {got}");
            }
        }
    }

    // The pair writes in a thread and resolves their own, not the coordinator's.
    let pair = app.signed_in(PAIR_A).await;
    let r = pair
        .post(app.url(&format!("/campaigns/{id}/review/threads")))
        .form(&[("target", "photographie"), ("body", "Le niveau de l'accueil est-il justifié ?")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let r = coordinator
        .post(app.url(&format!("/campaigns/{id}/review/threads")))
        .form(&[("target", "photographie"), ("body", "Merci pour vos remarques.")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let threads = reviews::comments(&app.db, id).await.unwrap();
    let (own, theirs) = (threads[0].id, threads[1].id);
    let resolve = |thread: i64| format!("/campaigns/{id}/review/threads/{thread}/resolve");
    let r = pair.post(app.url(&resolve(theirs))).form(&[("resolved", "1")]).send().await.unwrap();
    assert_eq!(r.status(), 404, "a pair does not resolve the coordinator's thread");
    let r = pair.post(app.url(&resolve(own))).form(&[("resolved", "1")]).send().await.unwrap();
    assert_eq!(r.status(), 303, "the author resolves their own");
    let after = reviews::comments(&app.db, id).await.unwrap();
    assert!(after[0].resolved_at.is_some() && after[1].resolved_at.is_none());
    let page = pair.get(app.url(&format!("/campaigns/{id}/review"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&resolve(own)) && !page.contains(&resolve(theirs)), "buttons only where allowed");

    // The coordinator manages: a reviewer whose access is open is not invited twice, and an
    // ended access names who ended it.
    let tiers =
        cap_storage::users::find_by_email(&app.db, &cap_domain::Email::parse(TIERS_A).unwrap()).await.unwrap().unwrap();
    let today = cap_app::i18n::paris_today().to_string();
    let r = coordinator
        .post(app.url(&format!("/campaigns/{id}/review/reviewers")))
        .form(&[("reviewer", format!("tiers:{}", tiers.id).as_str()), ("starts_on", &today), ("ends_on", &today)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("déjà un accès ouvert ou à venir"));
    let grants = reviews::grants(&app.db, id).await.unwrap();
    assert_eq!(grants.iter().filter(|g| g.user_id == tiers.id).count(), 1, "no second row");
    let pair_grant = grants.iter().find(|g| g.email == PAIR_A).unwrap().id;
    let r = coordinator
        .post(app.url(&format!("/campaigns/{id}/review/reviewers/{pair_grant}/revoke")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = coordinator.get(app.url(&format!("/campaigns/{id}/review"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Accès retiré par"), "the coordinator sees who withdrew an access");
    assert_eq!(status(&pair, app.url(&format!("/campaigns/{id}/results"))).await, 404, "withdrawn at once");
}

crate::on_both_backends!(the_region_reads_a_member_only_when_it_shares, reviewers_see_their_part_and_links_that_open);
