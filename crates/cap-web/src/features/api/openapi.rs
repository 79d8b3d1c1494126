//! `GET /api/openapi.json`: the OpenAPI 3.1 document of the JSON API. The operations are listed
//! once in [`OPERATIONS`]; a test checks they match the route table exactly.

use axum::Json;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// One documented operation: method, path, summary, required scope, response schema.
pub struct Operation {
    /// HTTP method, lowercase as OpenAPI writes it.
    pub method: &'static str,
    /// Path, with `{parameters}` as in the route table.
    pub path: &'static str,
    /// What it does.
    pub summary: &'static str,
    /// The token scope it needs (`None`: the document itself, public).
    pub scope: Option<&'static str>,
    /// Schema name of a successful response.
    pub response: &'static str,
}

/// Every operation of the API.
pub const OPERATIONS: &[Operation] = &[
    Operation { method: "get", path: "/api/openapi.json", summary: "This document", scope: None, response: "OpenApi" },
    Operation {
        method: "get",
        path: "/api/campaigns",
        summary: "Campaigns of the caller's organisations, and those they review",
        scope: Some("read"),
        response: "CampaignList",
    },
    Operation {
        method: "get",
        path: "/api/campaigns/{id}",
        summary: "One campaign and the indicators it covers",
        scope: Some("read"),
        response: "Campaign",
    },
    Operation {
        method: "get",
        path: "/api/campaigns/{id}/answers",
        summary: "The campaign's shared answers, one per indicator",
        scope: Some("read"),
        response: "AnswerList",
    },
    Operation {
        method: "get",
        path: "/api/campaigns/{id}/results",
        summary: "Scores of the campaign: overall, per pillar, objective and indicator",
        scope: Some("read"),
        response: "Results",
    },
    Operation {
        method: "get",
        path: "/api/campaigns/{id}/actions",
        summary: "The progress plan's actions",
        scope: Some("read"),
        response: "ActionList",
    },
    Operation {
        method: "post",
        path: "/api/campaigns/{id}/actions/{action}",
        summary: "Update an action's status and progress (refused with 409 if changed since `version`)",
        scope: Some("write:actions"),
        response: "Action",
    },
];

fn schemas() -> Value {
    let nullable_string = json!({ "type": ["string", "null"] });
    json!({
        "Error": { "type": "object", "required": ["status", "error"], "properties": {
            "status": { "type": "integer" }, "error": { "type": "string" },
            "current": { "$ref": "#/components/schemas/Action" } } },
        "OpenApi": { "type": "object" },
        "Campaign": { "type": "object", "required": ["id", "title", "status", "organisation", "version"], "properties": {
            "id": { "type": "integer" }, "title": { "type": "string" },
            "status": { "type": "string", "enum": ["preparation", "self_assessment", "consolidation", "review", "plan_validated", "follow_up", "closed"] },
            "organisation": { "type": "object", "properties": { "id": { "type": "integer" }, "name": { "type": "string" } } },
            "referential_version_id": { "type": "integer" },
            "answering_from": nullable_string, "consolidation_on": nullable_string, "restitution_on": nullable_string,
            "indicators": { "type": "array", "items": { "type": "string" } },
            "version": { "type": "integer" } } },
        "CampaignList": { "type": "object", "properties": {
            "campaigns": { "type": "array", "items": { "$ref": "#/components/schemas/Campaign" } } } },
        "AnswerValue": { "type": "object", "required": ["kind"], "properties": {
            "kind": { "type": "string", "enum": ["level", "not_applicable", "unknown", "yes_no", "number", "text"] },
            "level": { "type": "integer" }, "yes": { "type": "boolean" }, "number": { "type": "number" }, "text": { "type": "string" } } },
        "Answer": { "type": "object", "properties": {
            "indicator": { "type": "string" }, "label": { "type": "string" },
            "answer": { "oneOf": [{ "$ref": "#/components/schemas/AnswerValue" }, { "type": "null" }] },
            "answer_label": { "type": "string" }, "rationale": { "type": "string" },
            "source": { "type": "string", "enum": ["consolidation", "workshop"] }, "version": { "type": "integer" } } },
        "AnswerList": { "type": "object", "properties": {
            "campaign": { "type": "integer" }, "answers": { "type": "array", "items": { "$ref": "#/components/schemas/Answer" } } } },
        "Score": { "type": "object", "properties": {
            "score": { "type": "number", "minimum": 0, "maximum": 1 }, "target": { "type": ["number", "null"] }, "rated": { "type": "integer" } } },
        "Node": { "type": "object", "properties": {
            "code": { "type": "string" }, "kind": { "type": "string", "enum": ["pillar", "objective", "indicator"] },
            "parent": nullable_string, "label": { "type": "string" },
            "score": { "type": ["number", "null"] }, "target": { "type": ["number", "null"] }, "figure": { "type": ["number", "null"] },
            "state": { "type": "string", "enum": ["scored", "figure", "not_applicable", "text", "unrated"] },
            "target_level": { "type": ["integer", "null"] }, "rated": { "type": "integer" } } },
        "Results": { "type": "object", "properties": {
            "campaign": { "type": "integer" },
            "overall": { "oneOf": [{ "$ref": "#/components/schemas/Score" }, { "type": "null" }] },
            "unrated": { "type": "integer" },
            "nodes": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } } } },
        "Action": { "type": "object", "properties": {
            "id": { "type": "integer" }, "title": { "type": "string" }, "description": { "type": "string" },
            "indicators": { "type": "array", "items": { "type": "string" } },
            "responsible": nullable_string, "contributors": { "type": "string" },
            "starts_on": nullable_string, "due_on": nullable_string,
            "status": { "type": "string", "enum": ["todo", "in_progress", "blocked", "done", "abandoned"] },
            "progress": { "type": "integer", "minimum": 0, "maximum": 100 },
            "notes": { "type": "string" }, "offer": nullable_string, "proposed": { "type": "boolean" },
            "version": { "type": "integer" } } },
        "ActionList": { "type": "object", "properties": {
            "campaign": { "type": "integer" }, "actions": { "type": "array", "items": { "$ref": "#/components/schemas/Action" } } } },
        "ActionUpdate": { "type": "object", "required": ["version"], "additionalProperties": false, "properties": {
            "status": { "type": "string", "enum": ["todo", "in_progress", "blocked", "done", "abandoned"] },
            "progress": { "type": "integer", "minimum": 0, "maximum": 100 },
            "version": { "type": "integer", "description": "The version last read; a newer one means someone changed the action." } } },
    })
}

fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

/// The document.
pub fn document(version: &str) -> Value {
    let mut paths = Map::new();
    for op in OPERATIONS {
        let parameters: Vec<Value> = op
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "integer" } }))
            .collect();
        let mut responses = Map::new();
        responses.insert(
            "200".into(),
            json!({ "description": "OK", "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{}", op.response) } } } }),
        );
        let mut operation = json!({
            "summary": op.summary,
            "operationId": format!("{}{}", op.method, op.path.replace(['/', '{', '}', '.'], "_")),
            "parameters": parameters,
        });
        if let Some(scope) = op.scope {
            operation["security"] = json!([{ "token": [scope] }, { "session": [] }]);
            operation["description"] = json!(format!("Needs the `{scope}` scope, and the same rights as the page."));
            responses.insert("401".into(), error_response("No valid token or session"));
            responses.insert("403".into(), error_response("The token lacks the scope"));
            responses.insert("404".into(), error_response("Nothing the caller may see"));
        } else {
            operation["security"] = json!([]);
        }
        if op.method == "post" {
            operation["requestBody"] = json!({ "required": true, "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/ActionUpdate" } } } });
            responses.insert("409".into(), error_response("Changed since the given version; `current` holds it"));
            responses.insert("422".into(), error_response("The body is not a valid update"));
        }
        operation["responses"] = Value::Object(responses);
        let entry = paths.entry(op.path.to_owned()).or_insert_with(|| json!({}));
        entry[op.method] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Cap API",
            "version": version,
            "description": "Campaigns, shared answers, results and progress-plan actions. Authenticate with a personal API token \
                            (`Authorization: Bearer …`, created on the account page), which acts with its owner's rights, within its scopes.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "token": { "type": "http", "scheme": "bearer", "description": "Personal API token; scopes `read`, `write:actions`." },
                "session": { "type": "apiKey", "in": "cookie", "name": "cap_session" },
            },
            "schemas": schemas(),
        },
    })
}

/// Serves the document.
pub async fn handler() -> Response {
    Json(document(env!("CARGO_PKG_VERSION"))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_api_route_is_documented_and_nothing_else() {
        let routes: std::collections::BTreeSet<(String, String)> = crate::routes::table()
            .specs()
            .iter()
            .filter(|s| s.path.starts_with("/api/"))
            .map(|s| (s.method.as_str().to_lowercase(), s.path.to_owned()))
            .collect();
        let doc = document("test");
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
        let doc = document("test");
        let text = doc.to_string();
        for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = piece.split('"').next().unwrap();
            assert!(doc["components"]["schemas"].get(name).is_some(), "{name} is not defined");
        }
    }
}
