//! `GET /api/campaigns/{id}/actions` lists the progress plan's actions; `POST
//! /api/campaigns/{id}/actions/{action}` updates one's status and progress, given the version the
//! program last read: a change made meanwhile is refused with 409 and the action as it is now.

use super::ok;
use crate::app::AppState;
use crate::audit::record;
use crate::error::{AppError, AppResult};
use crate::session::{Ctx, SignedIn};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, read_results, run};
use cap_domain::api::ApiScope;
use cap_domain::plan::ActionStatus;
use cap_storage::plans::{self, Action, ActionSaved};
use serde::Deserialize;
use serde_json::{Value, json};

fn action_json(a: &Action) -> Value {
    json!({
        "id": a.id,
        "title": a.title,
        "description": a.description,
        "indicators": a.indicators,
        "responsible": a.responsible_name,
        "contributors": a.contributors,
        "starts_on": a.starts_on,
        "due_on": a.due_on,
        "status": a.status.code(),
        "progress": a.progress,
        "notes": a.notes,
        "offer": a.offer_code,
        "proposed": a.proposed,
        "version": a.version,
    })
}

/// Lists the plan's actions, in the plan's order (an empty list before the plan exists).
pub async fn list(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    viewer.require_scope(ApiScope::Read)?;
    load(&state, &viewer, id, read_results).await?;
    let actions = match plans::plan_of(&state.db, id).await? {
        Some(plan) => plans::actions(&state.db, plan.id).await?,
        None => Vec::new(),
    };
    Ok(ok(json!({ "campaign": id, "actions": actions.iter().map(action_json).collect::<Vec<_>>() })))
}

/// The body of an update.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Update {
    status: Option<String>,
    progress: Option<i64>,
    version: i64,
}

fn unprocessable(message: &str) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "status": 422, "error": message }))).into_response()
}

/// Updates an action's status and progress.
pub async fn update(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, action)): Path<(i64, i64)>,
    body: Bytes,
) -> AppResult<Response> {
    viewer.require_scope(ApiScope::WriteActions)?;
    load(&state, &viewer, id, run).await?;
    let plan = plans::plan_of(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let current = plans::action_of(&state.db, plan.id, action).await?;
    let t = ctx.tr();
    let update: Update = match serde_json::from_slice(&body) {
        Ok(u) => u,
        Err(_) => return Ok(unprocessable(t.t("error.api.body"))),
    };
    let status = match update.status.as_deref() {
        None => current.status,
        Some(code) => match ActionStatus::from_code(code) {
            Some(s) => s,
            None => return Ok(unprocessable(t.t("error.api.status"))),
        },
    };
    let progress = match (status, update.progress) {
        (ActionStatus::Done, _) => 100,
        (_, Some(p)) if (0..=100).contains(&p) => p,
        (_, Some(_)) => return Ok(unprocessable(t.t("error.api.progress"))),
        (_, None) => current.progress,
    };
    match plans::set_status(&state.db, plan.id, action, status, progress, update.version).await? {
        ActionSaved::Written(_) => {
            record(&state, &ctx, "api.action", "action", &action, &format!("{} {progress}%", status.code())).await?;
            cap_app::plans::record_completion(&state.db, plan.id).await?;
            Ok(ok(action_json(&plans::action_of(&state.db, plan.id, action).await?)))
        }
        ActionSaved::Conflict(now) => Ok((
            StatusCode::CONFLICT,
            Json(json!({ "status": 409, "error": t.t("error.api.stale"), "current": action_json(&now) })),
        )
            .into_response()),
    }
}
