//! The JSON API with personal tokens: created once and shown once, scoped, revocable, expiring;
//! the same authorization as the pages; JSON errors; optimistic updates of actions; OpenAPI, and
//! the contract it states checked by schemathesis against the running server.

use crate::support::*;
use cap_domain::OrganisationType;
use cap_domain::campaign::{AnswerValue, campaign_indicators};
use cap_domain::referential::AnswerType;
use cap_storage::campaigns::{self, NewConsolidated};
use cap_storage::{plans, referentials};
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

/// Campaign A in consolidation with a shared answer of every kind (some indicators left without
/// one), targets, and a plan of two actions; returns the first action's id.
async fn campaign_with_answers_and_a_plan(app: &TestApp, seeds: &Seeds) -> i64 {
    let id = seeds.campaign_a;
    let levels = crate::plans::consolidated_campaign(&app.db, id, |i| [1, 2, 3, 4][i % 4]).await;
    let c = campaigns::get(&app.db, id).await.unwrap();
    let r = referentials::load(&app.db, c.referential_version_id).await.unwrap();
    let others = [AnswerValue::NotApplicable, AnswerValue::Unknown];
    for (i, node) in campaign_indicators(&r, &[], OrganisationType::Ei).iter().enumerate() {
        let value = match node.answer {
            AnswerType::Level if i % 5 == 0 => Some(others[i % 2].clone()),
            AnswerType::Level => continue,
            AnswerType::YesNo => Some(AnswerValue::YesNo(true)),
            AnswerType::Number if i % 3 == 0 => None,
            AnswerType::Number => Some(AnswerValue::Number(12.5)),
            AnswerType::Text if i % 2 == 0 => continue,
            AnswerType::Text => Some(AnswerValue::Text("Un accueil « chaleureux »".into())),
        };
        let version = campaigns::consolidated(&app.db, id).await.unwrap().get(&node.code).map_or(0, |c| c.version);
        campaigns::save_consolidated(&app.db, id, &NewConsolidated::settled(&node.code, &value, None), version)
            .await
            .unwrap();
    }
    let targets: Vec<(String, Option<i64>)> = levels.iter().take(4).map(|code| (code.clone(), Some(3))).collect();
    plans::set_targets(&app.db, id, &targets).await.unwrap();
    let plan = plans::create(&app.db, id, "2027-01-15", 6, &[]).await.unwrap();
    let first = plans::NewAction {
        title: "Former l'équipe".into(),
        description: "Deux jours de formation à l'accueil".into(),
        indicators: levels.iter().take(2).cloned().collect(),
        starts_on: Some("2027-02-01".into()),
        due_on: Some("2027-06-30".into()),
        responsible_user_id: Some(seeds.participant_a.0),
        progress: 20,
        ..plans::NewAction::default()
    };
    let action = plans::add_action(&app.db, plan, &first).await.unwrap();
    plans::add_action(&app.db, plan, &plans::NewAction { title: "Mesurer".into(), ..plans::NewAction::default() })
        .await
        .unwrap();
    action
}

/// The schemathesis command: `CAP_SCHEMATHESIS`, else `schemathesis` on the `PATH`.
fn schemathesis() -> String {
    std::env::var("CAP_SCHEMATHESIS").unwrap_or_else(|_| "schemathesis".into())
}

/// Schemathesis reads the OpenAPI document from the running server and sends each operation
/// generated requests (the seeded campaign and action most of the time, other ids, wrong types
/// and bodies the rest): no answer may be a server error, and every status, content type and
/// body must be one the document states.
async fn the_api_keeps_its_documented_contract(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let action = campaign_with_answers_and_a_plan(app, &seeds).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let token = token(app, &coordinator, &["read", "write:actions"]).await;
    let (status, body) =
        call(app, Some(&token), "GET", &format!("/api/campaigns/{}/answers", seeds.campaign_a), None).await;
    let kinds: std::collections::BTreeSet<&str> =
        body["answers"].as_array().unwrap().iter().map(|a| a["answer"]["kind"].as_str().unwrap_or("none")).collect();
    assert_eq!(status, 200);
    assert_eq!(kinds.len(), 7, "every kind of answer, and none, is shared: {kinds:?}");

    let dir = cap_storage::testing::TempDir::new("cap-schemathesis").unwrap();
    // Most requests name the seeded campaign and action, so that successes are checked too.
    let config = format!(
        "[dictionaries.campaign]\nvalues = [{}]\n[dictionaries.action]\nvalues = [{action}]\n\n[parameters]\n\
         \"path.id\" = {{ dictionary = \"campaign\", probability = 0.8 }}\n\
         \"path.action\" = {{ dictionary = \"action\", probability = 0.8 }}\n",
        seeds.campaign_a
    );
    let config_file = dir.0.join("schemathesis.toml");
    std::fs::write(&config_file, config).unwrap();
    let program = schemathesis();
    let args: Vec<String> = vec![
        "--config-file".into(),
        config_file.display().to_string(),
        "run".into(),
        app.url("/api/openapi.json"),
        "--header".into(),
        format!("Authorization: Bearer {token}"),
        "--checks".into(),
        "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance".into(),
        "--max-examples".into(),
        "40".into(),
        "--seed".into(),
        "20260514".into(),
        "--workers".into(),
        "1".into(),
        "--request-timeout".into(),
        "20".into(),
        "--generation-database".into(),
        "none".into(),
        "--no-color".into(),
    ];
    let (cwd, run) = (dir.0.clone(), program.clone());
    let started = std::time::Instant::now();
    let output =
        tokio::task::spawn_blocking(move || std::process::Command::new(run).args(args).current_dir(cwd).output())
            .await
            .unwrap()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run schemathesis as `{program}` ({e}). `bash scripts/test.sh` installs it; by hand: \
                 python3 -m venv /tmp/cap-schemathesis && /tmp/cap-schemathesis/bin/pip install 'schemathesis>=4,<5', \
                 then CAP_SCHEMATHESIS=/tmp/cap-schemathesis/bin/schemathesis"
                )
            });
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "schemathesis found the API breaking its contract ({}):\n{text}", output.status);
    // Every operation but the one serving the document, which schemathesis leaves out.
    assert!(text.contains("Tested: 6"), "schemathesis left operations untested:\n{text}");
    println!("schemathesis, {:.1} s:\n{text}", started.elapsed().as_secs_f64());
}

crate::on_both_backends!(
    tokens_read_and_update_with_the_owners_rights,
    the_openapi_document_describes_every_operation,
    the_api_keeps_its_documented_contract
);
