//! Hostile files and requests: workbooks built to exhaust the server, uploads over their limit,
//! file names and encodings that are not text, parallel password guesses, and redirect targets
//! that would leave the site. Each is refused with a message while the server keeps serving.

use crate::support::*;
use cap_reports::xlsx::hostile;
use cap_storage::plans;

async fn upload(client: &reqwest::Client, url: String, field: &str, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
    let response =
        client.post(url).multipart(reqwest::multipart::Form::new().part(field.to_owned(), part)).send().await;
    match response {
        Ok(r) => (r.status().as_u16(), r.text().await.unwrap_or_default()),
        Err(e) => panic!("the server answers: {e}"),
    }
}

async fn still_serving(app: &TestApp) {
    let health = app.client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200, "the server keeps serving");
}

async fn hostile_workbooks_are_refused_with_a_message(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    plans::create(&app.db, id, "2027-01-15", 6, &[]).await.unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let url = app.url(&format!("/campaigns/{id}/plan/import"));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("far cell", hostile::far_cell(), "Une feuille va au-delà de la colonne 64"),
        ("far cell, undeclared", hostile::far_cell_undeclared(), "Une feuille va au-delà de la ligne 100000"),
        ("dense", hostile::dense(10_000, 64), "Ce classeur compte plus de 600000 cellules"),
        ("deep", hostile::deep(100_000), "Aucune feuille ne contient les colonnes du plan"),
        ("shared strings", hostile::huge_shared_strings(600_000, 10), "plus de 500000 textes différents"),
        ("long text", hostile::huge_shared_strings(1, 40_000), "Une cellule dépasse 32767 caractères"),
        ("zip bomb", hostile::zip_bomb(256 * 1024 * 1024), "Ce classeur dépasse 32,0 Mo une fois décompressé"),
    ];
    for (what, bytes, message) in cases {
        let (status, page) = upload(&coordinator, url.clone(), "file", "plan.xlsx", bytes).await;
        assert_eq!(status, 422, "{what}");
        assert!(page.contains(&message.replace('\'', "&#39;")), "{what}: {page}");
        still_serving(app).await;
    }
    let (status, page) = upload(&coordinator, url.clone(), "file", "plan\0.xlsx", hostile::far_cell()).await;
    assert_eq!(status, 400, "a NUL byte in the file name breaks the part's headers");
    assert!(page.contains("son nom contient peut-être un caractère non permis"), "{page}");
    let (status, page) = upload(&coordinator, url.clone(), "file", "plan\t.xlsx", hostile::far_cell()).await;
    assert_eq!(status, 422, "a tab in the file name");
    assert!(page.contains("Le nom du fichier contient un caractère non permis"), "{page}");
    let (status, page) = upload(&coordinator, url, "file", "plan.xlsx", vec![b'x'; 3 * 1024 * 1024]).await;
    assert_eq!(status, 413, "over the route's limit");
    assert!(page.contains("Envoi trop volumineux") && page.contains("2,0 Mo au plus"), "{page}");
    still_serving(app).await;
}

async fn referential_uploads_say_what_is_wrong(app: &TestApp) {
    seed(&app.db).await;
    let admin = app.signed_in(ADMIN).await;
    let url = app.url("/admin/referentials/import");
    let (status, page) = upload(&admin, url.clone(), "file", "ref.toml", vec![b'#'; 5 * 1024 * 1024]).await;
    assert_eq!(status, 413, "over 4 MiB");
    assert!(page.contains("4,0 Mo au plus"), "{page}");
    let (status, page) = upload(&admin, url.clone(), "file", "ref\0.toml", b"code = \"x\"\n".to_vec()).await;
    assert_eq!(status, 400);
    assert!(page.contains("son nom contient peut-être un caractère non permis"), "{page}");
    let (status, page) = upload(&admin, url.clone(), "file", "ref\t.toml", b"code = \"x\"\n".to_vec()).await;
    assert_eq!(status, 422);
    assert!(page.contains("Le nom du fichier contient un caractère non permis"), "{page}");
    let (status, page) =
        upload(&admin, url.clone(), "file", "ref.toml", b"code = \"x\"\ntitle = \"\xe9t\xe9\"\n".to_vec()).await;
    assert_eq!(status, 422);
    assert!(page.contains("pas un texte en UTF-8 (ligne 2)"), "{page}");
    let (status, page) = upload(&admin, url, "file", "ref.toml", b"code = \"x\0\"\n".to_vec()).await;
    assert_eq!(status, 422);
    assert!(page.contains("caractère nul (ligne 1)"), "{page}");
    let big = "x".repeat(100 * 1024);
    let form = admin.post(app.url("/admin/regions")).form(&[("name", big.as_str())]).send().await.unwrap();
    assert_eq!(form.status(), 413, "a form over the default limit");
    assert!(form.text().await.unwrap().contains("64 ko au plus"));
    still_serving(app).await;
}

async fn parallel_wrong_passwords_reach_at_most_five_checks(app: &TestApp) {
    seed(&app.db).await;
    let mut set = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (client, url) = (app.client(), app.url("/sign-in"));
        set.spawn(async move {
            let form = [("email", ADMIN.to_owned()), ("password", format!("mauvais mot de passe {i}"))];
            client.post(url).form(&form).send().await.unwrap().status().as_u16()
        });
    }
    let statuses = set.join_all().await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(checked + throttled, 40, "{statuses:?}");
    assert!(checked <= 5, "{checked} passwords checked: {statuses:?}");
    let failures = cap_storage::audit::recent(&app.db, None, 200)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "users.sign_in_failed")
        .count();
    assert_eq!(failures, checked, "each check is one failure in the audit log");
    // The address spent its 30 attempts at once: it waits for the next one (at most a minute,
    // see the storage test `throttle_backs_off_without_locking_out`), not a quarter of an hour.
}

async fn redirects_stay_on_the_site(app: &TestApp) {
    seed(&app.db).await;
    let tricky = [
        "/\t/evil.example",
        "/\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "/%2F/evil.example",
        "/%5C/evil.example",
        "/%09/evil.example",
        "\t//evil.example",
        " /evil",
    ];
    for next in tricky {
        let url = format!(
            "{}?next={}",
            app.url("/sign-in"),
            url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        );
        let page = app.client().get(url).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("name=\"next\" value=\"/\""), "{next:?} is not kept in the form");
        let client = app.client();
        let signed =
            client.post(app.url("/sign-in")).form(&[("email", ADMIN), ("password", PASSWORD), ("next", next)]).send();
        let signed = signed.await.unwrap();
        assert_eq!(signed.status(), 303, "{next:?}");
        assert_eq!(signed.headers()["location"], "/", "{next:?}");
        assert!(signed.headers().get("set-cookie").is_some(), "{next:?}: signed in");
    }
    let client = app.client();
    let kept = client
        .post(app.url("/sign-in"))
        .form(&[("email", ADMIN), ("password", PASSWORD), ("next", "/admin/users?page=2")])
        .send()
        .await
        .unwrap();
    assert_eq!(kept.headers()["location"], "/admin/users?page=2", "a path on the site is followed");
}

crate::on_both_backends!(
    hostile_workbooks_are_refused_with_a_message,
    referential_uploads_say_what_is_wrong,
    parallel_wrong_passwords_reach_at_most_five_checks,
    redirects_stay_on_the_site,
);
