//! The JSON API with personal tokens: created once and shown once, scoped, revocable, expiring;
//! the same authorization as the pages; JSON errors; optimistic updates of actions; OpenAPI.

use crate::support::*;
use cap_storage::plans;
use serde_json::Value;

/// Creates a token through the account page and returns it as shown.
async fn token(app: &TestApp, client: &reqwest::Client, scopes: &[&str]) -> String {
    let mut form = vec![("name", "Tableur"), ("days", "30")];
    form.extend(scopes.iter().map(|s| ("scope", *s)));
    let response = client.post(app.url("/account/tokens")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    let start = page.find("value=\"cap_").expect("the new token is shown once") + "value=\"".len();
    page[start..].split('"').next().unwrap().to_owned()
}

async fn call(app: &TestApp, token: Option<&str>, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
    let client = app.client();
    let mut request = match method {
        "GET" => client.get(app.url(path)),
        _ => client.post(app.url(path)).header("content-type", "application/json").body(body.unwrap_or("").to_owned()),
    };
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn tokens_read_and_update_with_the_owners_rights(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let plan = plans::create(&app.db, id, "2027-01-15", 6, &[]).await.unwrap();
    let action = plans::add_action(
        &app.db,
        plan,
        &plans::NewAction { title: "Former l'équipe".into(), ..plans::NewAction::default() },
    )
    .await
    .unwrap();

    let coordinator = app.signed_in(COORDINATOR_A).await;
    let r = coordinator.post(app.url("/account/tokens")).form(&[("name", ""), ("days", "900")]).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Donnez un nom au jeton") && body.contains("Cochez au moins une autorisation"));
    let reader = token(app, &coordinator, &["read"]).await;
    let writer = token(app, &coordinator, &["write:actions"]).await;
    let listed = coordinator.get(app.url("/account/tokens")).send().await.unwrap().text().await.unwrap();
    assert!(!listed.contains(&reader), "a token is shown once, never again");

    // Without a token: 401 in JSON, with the scheme to use.
    let response = app.client().get(app.url("/api/campaigns")).send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    let (status, body) = call(app, Some("cap_faux"), "GET", "/api/campaigns", None).await;
    assert_eq!((status, body["status"].as_u64()), (401, Some(401)));

    // Reading.
    let (status, body) = call(app, Some(&reader), "GET", "/api/campaigns", None).await;
    assert_eq!(status, 200);
    assert_eq!(body["campaigns"][0]["id"], id);
    assert_eq!(body["campaigns"][0]["organisation"]["name"], "Structure A");
    let (status, body) = call(app, Some(&reader), "GET", &format!("/api/campaigns/{id}"), None).await;
    assert_eq!((status, body["title"].as_str()), (200, Some("Campagne A")));
    assert!(body["indicators"].as_array().unwrap().len() > 10);
    let (status, body) = call(app, Some(&reader), "GET", &format!("/api/campaigns/{id}/results"), None).await;
    assert_eq!(status, 200);
    assert!(body["nodes"].as_array().unwrap().iter().any(|n| n["kind"] == "indicator" && n["state"] == "unrated"));
    let (status, body) = call(app, Some(&reader), "GET", &format!("/api/campaigns/{id}/answers"), None).await;
    assert_eq!((status, body["answers"].as_array().map(Vec::len)), (200, Some(0)), "nothing shared yet");
    let (status, body) = call(app, Some(&reader), "GET", &format!("/api/campaigns/{id}/actions"), None).await;
    assert_eq!(status, 200);
    assert_eq!(body["actions"][0]["title"], "Former l'équipe");
    let version = body["actions"][0]["version"].as_i64().unwrap();

    // A token opens the API only, never the pages.
    let page = app.client().get(app.url(&format!("/campaigns/{id}"))).bearer_auth(&reader).send().await.unwrap();
    assert_eq!(page.status(), 303, "pages still want a signed-in browser");

    // Writing needs the scope, the right version and a valid body.
    let path = format!("/api/campaigns/{id}/actions/{action}");
    let update = format!(r#"{{"status":"in_progress","progress":40,"version":{version}}}"#);
    let (status, _) = call(app, Some(&reader), "POST", &path, Some(&update)).await;
    assert_eq!(status, 403, "a read token writes nothing");
    let (status, body) = call(app, Some(&writer), "POST", &path, Some(r#"{"status":"finished","version":1}"#)).await;
    assert_eq!(status, 422);
    assert!(body["error"].as_str().unwrap().contains("todo, in_progress"));
    let (status, _) = call(app, Some(&writer), "POST", &path, Some("not json")).await;
    assert_eq!(status, 422);
    let (status, body) = call(app, Some(&writer), "POST", &path, Some(&update)).await;
    assert_eq!((status, body["status"].as_str(), body["progress"].as_i64()), (200, Some("in_progress"), Some(40)));
    let (status, body) = call(app, Some(&writer), "POST", &path, Some(&update)).await;
    assert_eq!(status, 409, "the same version again is stale");
    assert_eq!(body["current"]["progress"], 40);
    let stored = plans::action_of(&app.db, plan, action).await.unwrap();
    assert_eq!((stored.progress, stored.version), (40, version + 1));

    // Organisation B's token sees nothing of A, and writes nothing there.
    let b = app.signed_in(COORDINATOR_B).await;
    let b_token = token(app, &b, &["read", "write:actions"]).await;
    let (status, body) = call(app, Some(&b_token), "GET", "/api/campaigns", None).await;
    assert_eq!((status, body["campaigns"].as_array().map(Vec::len)), (200, Some(0)));
    for sub in ["", "/results", "/answers", "/actions"] {
        let (status, body) = call(app, Some(&b_token), "GET", &format!("/api/campaigns/{id}{sub}"), None).await;
        assert_eq!((status, body["status"].as_u64()), (404, Some(404)), "{sub}");
    }
    let (status, _) = call(app, Some(&b_token), "POST", &path, Some(&update)).await;
    assert_eq!(status, 404);

    // Revoked tokens stop working (expiry is checked in the storage suite).
    let ids: Vec<i64> = cap_storage::api_tokens::for_user(
        &app.db,
        cap_storage::users::find_by_email(&app.db, &cap_domain::Email::parse(COORDINATOR_A).unwrap())
            .await
            .unwrap()
            .unwrap()
            .user_id(),
    )
    .await
    .unwrap()
    .iter()
    .map(|t| t.id)
    .collect();
    for t in &ids {
        let r = coordinator.post(app.url(&format!("/account/tokens/{t}/revoke"))).send().await.unwrap();
        assert_eq!(r.status(), 303);
    }
    let (status, _) = call(app, Some(&reader), "GET", "/api/campaigns", None).await;
    assert_eq!(status, 401, "revoked");
    let r = b.post(app.url(&format!("/account/tokens/{}/revoke", ids[0]))).send().await.unwrap();
    assert_eq!(r.status(), 404, "nobody revokes another's token");
    let audit = cap_storage::audit::recent(&app.db, None, 200).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "tokens.create") && audit.iter().any(|e| e.action == "api.action"));
}

async fn the_openapi_document_describes_every_operation(app: &TestApp) {
    let (status, doc) = call(app, None, "GET", "/api/openapi.json", None).await;
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.contains_key("/api/campaigns/{id}/results"));
    assert_eq!(paths["/api/campaigns/{id}/actions/{action}"]["post"]["security"][0]["token"][0], "write:actions");
}

crate::on_both_backends!(tokens_read_and_update_with_the_owners_rights, the_openapi_document_describes_every_operation);
