//! The JSON API: campaigns, shared answers, results and actions, for programs acting with a
//! personal API token (`Authorization: Bearer …`) or a browser session. Every route goes through
//! the same authorization as the pages; a token adds its scopes on top. Errors are JSON too
//! (see `page::api_error_as_json`). Described by the OpenAPI document at `/api/openapi.json`.

pub mod actions;
pub mod campaigns;
pub mod openapi;
pub mod results;

use axum::Json;
use axum::response::{IntoResponse, Response};
use cap_domain::campaign::AnswerValue;
use cap_storage::campaigns::Campaign;
use cap_storage::organisations::Organisation;
use serde_json::{Value, json};

/// A campaign as the API shows it.
pub fn campaign_json(c: &Campaign, org: &Organisation) -> Value {
    json!({
        "id": c.id,
        "title": c.title,
        "status": c.status.code(),
        "organisation": { "id": org.id, "name": org.name },
        "referential_version_id": c.referential_version_id,
        "answering_from": c.answering_from,
        "consolidation_on": c.consolidation_on,
        "restitution_on": c.restitution_on,
        "version": c.version,
    })
}

/// An answer as the API shows it: its kind and value.
pub fn answer_json(value: &AnswerValue) -> Value {
    match value {
        AnswerValue::Level(level) => json!({ "kind": "level", "level": level }),
        AnswerValue::NotApplicable => json!({ "kind": "not_applicable" }),
        AnswerValue::Unknown => json!({ "kind": "unknown" }),
        AnswerValue::YesNo(yes) => json!({ "kind": "yes_no", "yes": yes }),
        AnswerValue::Number(number) => json!({ "kind": "number", "number": number }),
        AnswerValue::Text(text) => json!({ "kind": "text", "text": text }),
    }
}

/// A JSON response.
pub fn ok(value: Value) -> Response {
    Json(value).into_response()
}
