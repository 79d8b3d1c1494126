//! Accounts: sign-in and its throttling, sign-out, first-start setup, invitations, password
//! reset and change, language.

use crate::support::*;
use cap_storage::{audit, users};

async fn sign_in_and_out(app: &TestApp) {
    seed(&app.db).await;
    let client = app.client();
    let wrong = client
        .post(app.url("/sign-in"))
        .form(&[("email", ADMIN), ("password", "pas le bon mot de passe"), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("L&#39;adresse e-mail ou le mot de passe est incorrect"), "{body}");
    assert!(body.contains(&format!("value=\"{ADMIN}\"")), "the typed e-mail is kept");

    let ok = client
        .post(app.url("/sign-in"))
        .form(&[("email", "ADMIN@test.fr "), ("password", PASSWORD), ("next", "/admin/users")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    assert_eq!(ok.headers()["location"], "/admin/users");
    let cookie = ok.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert_eq!(client.get(app.url("/admin")).send().await.unwrap().status(), 200);

    let out = client.post(app.url("/sign-out")).send().await.unwrap();
    assert_eq!(out.status(), 303);
    let after = client.get(app.url("/admin")).send().await.unwrap();
    assert_eq!(after.status(), 303, "the session is over");

    let actions: Vec<String> = audit::recent(&app.db, None, 50).await.unwrap().into_iter().map(|e| e.action).collect();
    for expected in ["users.sign_in_failed", "users.sign_in", "users.sign_out"] {
        assert!(actions.iter().any(|a| a == expected), "audit log lacks {expected}: {actions:?}");
    }
}

async fn sign_in_is_throttled(app: &TestApp) {
    seed(&app.db).await;
    let client = app.client();
    for _ in 0..5 {
        let r = client
            .post(app.url("/sign-in"))
            .form(&[("email", ADMIN), ("password", "mauvais mot de passe")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
    }
    let blocked =
        client.post(app.url("/sign-in")).form(&[("email", ADMIN), ("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(blocked.status(), 429, "even the right password waits once the account is throttled");
    let other = client
        .post(app.url("/sign-in"))
        .form(&[("email", COORDINATOR_A), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 303, "another account from the same address is not blocked yet");
}

async fn first_start_setup(app: &TestApp) {
    let state = cap::server::state(&test_config(app), app.db.clone()).await.unwrap();
    let link = cap_app::first_start_link(&state).await.unwrap().expect("empty instance gives a link");
    let path = link.trim_start_matches(&app.base).to_owned();
    let client = app.client();
    assert_eq!(client.get(app.url(&path)).send().await.unwrap().status(), 200);
    let invalid = client
        .post(app.url(&path))
        .form(&[
            ("display_name", "Camille"),
            ("email", "camille@federation.fr"),
            ("password", "court"),
            ("confirmation", "court"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(invalid.status(), 422);
    assert!(invalid.text().await.unwrap().contains("value=\"camille@federation.fr\""));
    let done = client
        .post(app.url(&path))
        .form(&[
            ("display_name", "Camille"),
            ("email", "camille@federation.fr"),
            ("password", "une longue phrase de passe"),
            ("confirmation", "une longue phrase de passe"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 303);
    assert_eq!(done.headers()["location"], "/admin");
    assert_eq!(client.get(app.url("/admin")).send().await.unwrap().status(), 200);
    assert_eq!(app.client().get(app.url(&path)).send().await.unwrap().status(), 410, "the link works once");
    assert!(cap_app::first_start_link(&state).await.unwrap().is_none(), "no new link once an account exists");
}

fn test_config(app: &TestApp) -> cap::config::Config {
    let mut config = cap::config::Config::default();
    config.server.addr = app.base.trim_start_matches("http://").to_owned();
    config.mail.outbox = app.outbox.clone();
    config
}

async fn invitation_creates_the_account_once(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let invite_path = format!("/organisations/{}/invite", seeds.org_a);
    let missing_college = coordinator
        .post(app.url(&invite_path))
        .form(&[("display_name", "Lou"), ("email", "lou@exemple.fr"), ("role", "participant"), ("college", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(missing_college.status(), 422, "a participant needs a collège");
    let sent = coordinator
        .post(app.url(&invite_path))
        .form(&[
            ("display_name", "Lou"),
            ("email", "Lou@Exemple.fr"),
            ("role", "participant"),
            ("college", "insertion_employee"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    let link = app.link_in_mail_to("lou@exemple.fr", "/invitation/");
    let path = link.trim_start_matches(&app.base).to_owned();

    let lou = app.client();
    let form = lou.get(app.url(&path)).send().await.unwrap();
    assert_eq!(form.status(), 200);
    assert!(form.text().await.unwrap().contains("Structure A"));
    let accepted = lou
        .post(app.url(&path))
        .form(&[
            ("display_name", "Lou"),
            ("password", "mon mot de passe à moi"),
            ("confirmation", "mon mot de passe à moi"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 303);
    let home = lou.get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains("Structure A"), "the new participant sees the organisation");
    assert_eq!(app.client().get(app.url(&path)).send().await.unwrap().status(), 410, "an invitation works once");
    let lou_user =
        users::find_by_email(&app.db, &cap_domain::Email::parse("lou@exemple.fr").unwrap()).await.unwrap().unwrap();
    let roles = cap_storage::memberships::for_user(&app.db, lou_user.user_id()).await.unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].membership.college, Some(cap_domain::College::InsertionEmployee));
}

async fn password_reset_by_mail(app: &TestApp) {
    seed(&app.db).await;
    let client = app.client();
    let unknown = client.post(app.url("/password/forgot")).form(&[("email", "personne@test.fr")]).send().await.unwrap();
    assert_eq!(unknown.status(), 200, "the answer does not reveal whether an account exists");
    assert!(app.mails().is_empty());
    let known = client.post(app.url("/password/forgot")).form(&[("email", PARTICIPANT_A)]).send().await.unwrap();
    assert_eq!(known.status(), 200);
    let link = app.link_in_mail_to(PARTICIPANT_A, "/password/reset/");
    let path = link.trim_start_matches(&app.base).to_owned();
    let mismatch = client
        .post(app.url(&path))
        .form(&[("password", "nouvelle phrase de passe"), ("confirmation", "autre phrase de passe")])
        .send()
        .await
        .unwrap();
    assert_eq!(mismatch.status(), 422);
    let done = client
        .post(app.url(&path))
        .form(&[("password", "nouvelle phrase de passe"), ("confirmation", "nouvelle phrase de passe")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 303);
    let old = app
        .client()
        .post(app.url("/sign-in"))
        .form(&[("email", PARTICIPANT_A), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 422, "the old password no longer works");
    let new = app
        .client()
        .post(app.url("/sign-in"))
        .form(&[("email", PARTICIPANT_A), ("password", "nouvelle phrase de passe")])
        .send()
        .await
        .unwrap();
    assert_eq!(new.status(), 303);
    assert_eq!(app.client().get(app.url(&path)).send().await.unwrap().status(), 410);
}

async fn password_change_and_language(app: &TestApp) {
    seed(&app.db).await;
    let client = app.signed_in(COORDINATOR_A).await;
    let wrong = client
        .post(app.url("/account/password"))
        .form(&[
            ("current", "pas le bon"),
            ("password", "une nouvelle phrase"),
            ("confirmation", "une nouvelle phrase"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let ok = client
        .post(app.url("/account/password"))
        .form(&[("current", PASSWORD), ("password", "une nouvelle phrase"), ("confirmation", "une nouvelle phrase")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    assert_eq!(client.get(app.url("/account")).send().await.unwrap().status(), 200, "this session goes on");

    let english = client.post(app.url("/language")).form(&[("lang", "en"), ("next", "/account")]).send().await.unwrap();
    assert_eq!(english.status(), 303);
    assert_eq!(english.headers()["location"], "/account");
    let page = client.get(app.url("/account")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("<html lang=\"en\">") && page.contains("My account"));
    let evil = client
        .post(app.url("/language"))
        .form(&[("lang", "fr"), ("next", "https://evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(evil.headers()["location"], "/", "never redirects to another site");
}

async fn personal_data_export_and_erasure(app: &TestApp) {
    seed(&app.db).await;
    let participant = app.signed_in(PARTICIPANT_A).await;
    let export = participant.get(app.url("/account/export")).send().await.unwrap();
    assert_eq!(export.status(), 200);
    assert!(export.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let data: serde_json::Value = export.json().await.unwrap();
    assert_eq!(data["account"]["email"], PARTICIPANT_A);
    assert_eq!(data["roles"][0]["college"], "volunteer");
    assert!(data["actions"].as_array().unwrap().iter().any(|a| a["action"] == "users.sign_in"));

    let admin = app.signed_in(ADMIN).await;
    let user = users::find_by_email(&app.db, &cap_domain::Email::parse(PARTICIPANT_A).unwrap()).await.unwrap().unwrap();
    let erased = admin.post(app.url(&format!("/admin/users/{}/erase", user.id))).send().await.unwrap();
    assert_eq!(erased.status(), 303);
    assert_eq!(participant.get(app.url("/account")).send().await.unwrap().status(), 303, "their sessions ended");
    let list = admin.get(app.url("/admin/users")).send().await.unwrap().text().await.unwrap();
    assert!(!list.contains(PARTICIPANT_A), "the address is gone");
    let log = admin.get(app.url("/admin/audit")).send().await.unwrap().text().await.unwrap();
    assert!(!log.contains(PARTICIPANT_A), "the audit log names them anonymously");
    let again = app
        .client()
        .post(app.url("/sign-in"))
        .form(&[("email", PARTICIPANT_A), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422);
    let admin_user = users::find_by_email(&app.db, &cap_domain::Email::parse(ADMIN).unwrap()).await.unwrap().unwrap();
    let own = admin.post(app.url(&format!("/admin/users/{}/erase", admin_user.id))).send().await.unwrap();
    assert_eq!(own.status(), 303);
    assert!(
        users::find_by_email(&app.db, &cap_domain::Email::parse(ADMIN).unwrap()).await.unwrap().is_some(),
        "no self-erasure"
    );
}

crate::on_both_backends!(
    personal_data_export_and_erasure,
    sign_in_and_out,
    sign_in_is_throttled,
    first_start_setup,
    invitation_creates_the_account_once,
    password_reset_by_mail,
    password_change_and_language,
);
