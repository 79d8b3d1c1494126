//! `GET /api/openapi.json`: the OpenAPI 3.1 document of the JSON API, generated from the handlers'
//! `#[utoipa::path]` annotations and from the request and response types of `cap_app::api`. The
//! refusals every operation can meet are written once here ([`ReadErrors`], [`WriteErrors`]);
//! tests check the document lists exactly the API's routes and that every reference resolves.

use super::{actions, campaigns, results};
use crate::app::AppState;
use crate::session::session_cookie_name;
use axum::Json;
use axum::extract::State;
use cap_domain::api::ApiScope;
use std::collections::BTreeMap;
use utoipa::OpenApi;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cap API",
        description = "Campaigns, shared answers, results and progress-plan actions. Authenticate with a personal \
                       API token (`Authorization: Bearer …`, created on the account page), which acts with its \
                       owner's rights, within its scopes."
    ),
    paths(
        handler,
        campaigns::list,
        campaigns::show,
        campaigns::answers,
        results::handler,
        actions::list,
        actions::update
    ),
    components(schemas(cap_app::api::ApiError))
)]
struct ApiDoc;

/// The document, naming the session cookie as this server sets it (`cap_session`, or
/// `__Host-cap_session` behind HTTPS).
pub fn document(session_cookie: &str) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    let scopes: Vec<String> = ApiScope::ALL.iter().map(|s| format!("`{}`", s.code())).collect();
    let token = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .description(Some(format!("Personal API token; scopes {}.", scopes.join(", "))))
        .build();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme("token", SecurityScheme::Http(token));
    components.add_security_scheme(
        "session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            session_cookie,
            "A browser session: the same rights, every scope.",
        ))),
    );
    doc
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    operation_id = "get_api_openapi.json",
    responses((status = 200, description = "The OpenAPI document", body = Object), Unavailable)
)]
pub async fn handler(State(state): State<AppState>) -> Json<utoipa::openapi::OpenApi> {
    Json(document(session_cookie_name(&state)))
}

/// A refusal, with the `Error` body that `page::api_error_as_json` or the handler writes.
fn refusal(description: &str) -> ResponseBuilder {
    ResponseBuilder::new()
        .description(description)
        .content("application/json", Content::new(Some(Ref::from_schema_name("Error"))))
}

fn error(description: &str) -> Response {
    refusal(description).build()
}

/// 503: over its deadline, or too many requests in flight from the client (behind a proxy).
fn unavailable() -> Response {
    let seconds = HeaderBuilder::new()
        .schema(Some(ObjectBuilder::new().schema_type(Type::Integer).build()))
        .description(Some("Seconds to wait, when the client has too many requests in flight"))
        .build();
    refusal("The server is too busy, or the request took too long; try again later")
        .header("Retry-After", seconds)
        .build()
}

fn responses(list: Vec<(&str, Response)>) -> BTreeMap<String, RefOr<Response>> {
    list.into_iter().map(|(status, response)| (status.to_owned(), response.into())).collect()
}

/// What any operation can answer besides its success: the server too busy.
pub struct Unavailable;

impl utoipa::IntoResponses for Unavailable {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(vec![("503", unavailable())])
    }
}

/// The refusals of an operation on the caller's campaigns.
pub struct ReadErrors;

impl ReadErrors {
    fn list() -> Vec<(&'static str, Response)> {
        vec![
            ("401", error("No valid token or session")),
            ("403", error("The token lacks the scope")),
            ("404", error("Nothing the caller may see")),
            ("503", unavailable()),
        ]
    }
}

impl utoipa::IntoResponses for ReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses(Self::list())
    }
}

/// The refusals of an update: those of a read, and those of its body.
pub struct WriteErrors;

impl utoipa::IntoResponses for WriteErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut list = ReadErrors::list();
        list.push(("409", error("Changed since the given version; `current` holds it")));
        list.push(("413", error("The body is larger than the server accepts")));
        list.push(("422", error("The body is not a valid update")));
        responses(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn json() -> Value {
        serde_json::to_value(document("cap_session")).unwrap()
    }

    #[test]
    fn every_api_route_is_documented_and_nothing_else() {
        let routes: std::collections::BTreeSet<(String, String)> = crate::routes::table()
            .specs()
            .iter()
            .filter(|s| s.path.starts_with("/api/"))
            .map(|s| (s.method.as_str().to_lowercase(), s.path.to_owned()))
            .collect();
        let doc = json();
        let mut documented = std::collections::BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                documented.insert((method.clone(), path.clone()));
            }
        }
        assert_eq!(routes, documented);
    }

    #[test]
    fn every_reference_resolves() {
        let doc = json();
        let text = doc.to_string();
        let refs: Vec<&str> = text.split("\"$ref\":\"#/components/schemas/").skip(1).collect();
        assert!(refs.len() > 10, "the document refers to its schemas");
        for piece in refs {
            let name = piece.split('"').next().unwrap();
            assert!(doc["components"]["schemas"].get(name).is_some(), "{name} is not defined");
        }
    }

    #[test]
    fn operations_name_real_scopes_and_document_their_refusals() {
        let doc = json();
        assert_eq!((doc["openapi"].as_str(), doc["info"]["title"].as_str()), (Some("3.1.0"), Some("Cap API")));
        let mut ids = std::collections::BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                assert!(ids.insert(op["operationId"].to_string()), "{method} {path}: operationId used twice");
                assert!(op["responses"]["200"]["content"]["application/json"]["schema"].is_object());
                assert!(op["responses"]["503"].is_object(), "{method} {path}");
                if path == "/api/openapi.json" {
                    continue;
                }
                let scope = op["security"][0]["token"][0].as_str().unwrap();
                assert!(ApiScope::from_code(scope).is_some(), "{method} {path}: unknown scope {scope}");
                assert_eq!(op["security"][1]["session"], serde_json::json!([]));
                for status in ["401", "403", "404"] {
                    let schema = &op["responses"][status]["content"]["application/json"]["schema"]["$ref"];
                    assert_eq!(schema, "#/components/schemas/Error", "{method} {path} {status}");
                }
                for p in op["parameters"].as_array().map_or(&[][..], Vec::as_slice) {
                    assert_eq!((p["in"].as_str(), p["schema"]["type"].as_str()), (Some("path"), Some("integer")));
                }
            }
        }
        let post = &doc["paths"]["/api/campaigns/{id}/actions/{action}"]["post"];
        for status in ["409", "413", "422"] {
            assert!(post["responses"][status].is_object(), "{status}");
        }
        assert_eq!(
            post["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ActionUpdate"
        );
        assert_eq!(doc["components"]["schemas"]["ActionUpdate"]["additionalProperties"], false);
        assert_eq!(doc["components"]["securitySchemes"]["session"]["name"], "cap_session");
    }
}
