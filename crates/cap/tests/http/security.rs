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

/// Light on a phone: the stylesheet and script are linked by a name that changes with their
/// content and kept a year; pages, CSS and JS travel compressed when the browser accepts it.
async fn static_files_are_fingerprinted_and_compressed(app: &TestApp) {
    let client = app.client();
    let page = client.get(app.url("/sign-in")).send().await.unwrap().text().await.unwrap();
    let css = page.split("rel=\"stylesheet\" href=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();
    let js = page.split("<script src=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();
    assert!(css.starts_with("/static/app.") && css.ends_with(".css") && css != "/static/app.css", "{css}");
    assert!(js.starts_with("/static/app.") && js.ends_with(".js") && js != "/static/app.js", "{js}");
    for (path, kind) in [(&css, "text/css"), (&js, "text/javascript")] {
        let r = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with(kind));
        assert_eq!(r.headers()["cache-control"], "public, max-age=31536000, immutable", "{path}");
    }
    let plain = client.get(app.url("/static/app.css")).send().await.unwrap();
    assert_eq!(plain.headers()["cache-control"], "public, max-age=3600", "the plain name, briefly");
    assert_eq!(client.get(app.url("/static/app.css.map")).send().await.unwrap().status(), 404);

    for (path, encoding) in [("/sign-in", "gzip"), (css.as_str(), "br"), (js.as_str(), "gzip")] {
        let r = client.get(app.url(path)).header("accept-encoding", encoding).send().await.unwrap();
        assert_eq!(r.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some(encoding), "{path}");
        let raw = r.bytes().await.unwrap().len();
        let whole = client.get(app.url(path)).send().await.unwrap().bytes().await.unwrap().len();
        assert!(raw * 2 < whole, "{path}: {raw} bytes compressed, {whole} whole");
    }
    // Pages are compressed with gzip, even for a browser that also takes brotli: as fast a
    // brotli costs more time for a few percent fewer bytes.
    let page = client.get(app.url("/sign-in")).header("accept-encoding", "gzip, deflate, br, zstd").send().await;
    assert_eq!(page.unwrap().headers()["content-encoding"], "gzip");
    // The static files come compressed in advance at brotli's highest level; refused, gzip instead.
    let best = client.get(app.url(&css)).header("accept-encoding", "gzip, br").send().await.unwrap();
    assert_eq!(
        (best.headers()["content-encoding"].to_str().unwrap(), best.headers()["vary"].to_str().unwrap()),
        ("br", "Accept-Encoding")
    );
    let refused = client.get(app.url(&css)).header("accept-encoding", "br;q=0, gzip").send().await.unwrap();
    assert_eq!(refused.headers()["content-encoding"], "gzip");
    let health = client.get(app.url("/healthz")).header("accept-encoding", "gzip").send().await.unwrap();
    assert!(health.headers().get("content-encoding").is_none(), "a few bytes are not worth compressing");
}

crate::on_both_backends!(
    static_files_are_fingerprinted_and_compressed,
    health_reports_the_database,
    security_headers_on_every_page,
    cross_site_posts_are_refused,
    oversized_bodies_are_refused,
    a_background_refresh_leaves_the_message,
);
