//! Health, security headers, forgery protection and limits.

use crate::support::*;

async fn health_reports_the_database(app: &TestApp) {
    let client = app.client();
    assert_eq!(client.get(app.url("/healthz")).send().await.unwrap().status(), 200);
    app.db.close().await;
    assert_eq!(client.get(app.url("/healthz")).send().await.unwrap().status(), 503);
}

async fn security_headers_on_every_page(app: &TestApp) {
    let client = app.client();
    for path in ["/sign-in", "/healthz", "/page-inconnue", "/static/app.css"] {
        let r = client.get(app.url(path)).send().await.unwrap();
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
    }
    let missing = client.get(app.url("/page-inconnue")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("Page introuvable"), "a 404 is a real page");
    let page = client.get(app.url("/sign-in")).send().await.unwrap();
    assert_eq!(page.headers()["cache-control"], "no-store");
    let body = page.text().await.unwrap();
    assert!(!body.contains("<script>") && !body.contains("style="), "no inline script or style");
}

async fn cross_site_posts_are_refused(app: &TestApp) {
    seed(&app.db).await;
    let admin = app.signed_in(ADMIN).await;
    let forged = admin
        .post(app.url("/admin/regions"))
        .header("origin", "https://evil.example")
        .form(&[("code", "EVL"), ("name", "Forgée")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let fetch_metadata = admin
        .post(app.url("/admin/regions"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("code", "EVL"), ("name", "Forgée")])
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_metadata.status(), 403);
    let same_origin = admin
        .post(app.url("/admin/regions"))
        .header("origin", app.base.as_str())
        .header("sec-fetch-site", "same-origin")
        .form(&[("code", "OK"), ("name", "Légitime")])
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), 303);
    let names: Vec<String> = cap_storage::regions::list(&app.db).await.unwrap().into_iter().map(|r| r.name).collect();
    assert!(names.contains(&"Légitime".to_owned()) && !names.contains(&"Forgée".to_owned()));
}

async fn oversized_bodies_are_refused(app: &TestApp) {
    let big = "x".repeat(100 * 1024);
    let r = app
        .client()
        .post(app.url("/sign-in"))
        .form(&[("email", big.as_str()), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
}

/// A live page's background refresh leaves the one-shot message to the page being opened.
async fn a_background_refresh_leaves_the_message(app: &TestApp) {
    let clears = |r: &reqwest::Response| {
        r.headers().get_all("set-cookie").iter().any(|v| v.to_str().unwrap_or_default().starts_with("cap_flash="))
    };
    let shown =
        app.client().get(app.url("/sign-in")).header("cookie", "cap_flash=flash.practice_shared").send().await.unwrap();
    assert_eq!(shown.status(), 200);
    assert!(clears(&shown), "a page shown takes the message");
    let background = app
        .client()
        .get(app.url("/sign-in"))
        .header("cookie", "cap_flash=flash.practice_shared")
        .header("x-cap-live", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(background.status(), 200);
    assert!(!clears(&background), "a background refresh leaves it");
}

crate::on_both_backends!(
    health_reports_the_database,
    security_headers_on_every_page,
    cross_site_posts_are_refused,
    oversized_bodies_are_refused,
    a_background_refresh_leaves_the_message,
);
