//! `GET /api/campaigns/{id}/actions` lists the progress plan's actions; `POST
//! /api/campaigns/{id}/actions/{action}` updates one's status and progress, given the version the
//! program last read: a change made meanwhile is refused with 409 and the action as it is now.

use super::Ids;
use super::openapi::{ReadErrors, WriteErrors};
use crate::app::AppState;
use crate::error::AppResult;
use crate::session::{Ctx, SignedIn};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::api::{self, Action, ActionList, ActionUpdate, ActionUpdated, ApiError};
use cap_domain::api::ApiScope;

/// The progress plan's actions.
///
/// Needs the `read` scope, and the same rights as the pages. In the plan's order; none before the
/// plan exists.
#[utoipa::path(
    get,
    path = "/api/campaigns/{id}/actions",
    operation_id = "get_api_campaigns__id__actions",
    params(("id" = i64, Path, description = "The campaign's id")),
    security(("token" = ["read"]), ("session" = [])),
    responses((status = 200, description = "The plan's actions", body = ActionList), ReadErrors)
)]
pub async fn list(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Ids(id): Ids<i64>,
) -> AppResult<Json<ActionList>> {
    viewer.require_scope(ApiScope::Read)?;
    Ok(Json(api::actions(&state, &viewer, id).await?))
}

/// Update an action's status and progress (refused with 409 if changed since `version`).
///
/// Needs the `write:actions` scope, and the right to run the campaign.
#[utoipa::path(
    post,
    path = "/api/campaigns/{id}/actions/{action}",
    operation_id = "post_api_campaigns__id__actions__action_",
    params(("id" = i64, Path, description = "The campaign's id"), ("action" = i64, Path, description = "The action's id")),
    request_body = ActionUpdate,
    security(("token" = ["write:actions"]), ("session" = [])),
    responses((status = 200, description = "Saved: the action as it is now", body = Action), WriteErrors)
)]
pub async fn update(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Ids((id, action)): Ids<(i64, i64)>,
    body: Bytes,
) -> AppResult<Response> {
    viewer.require_scope(ApiScope::WriteActions)?;
    let t = ctx.tr();
    let refused = |status: StatusCode, key: &str, current: Option<Action>| {
        let error = ApiError { status: status.as_u16(), error: t.t(key).to_owned(), current };
        (status, Json(error)).into_response()
    };
    Ok(match api::update_action(&state, &viewer, &ctx.author(), id, action, &body).await? {
        ActionUpdated::Saved(now) => Json(now).into_response(),
        ActionUpdated::Stale(now) => refused(StatusCode::CONFLICT, "error.api.stale", Some(now)),
        ActionUpdated::Invalid(key) => refused(StatusCode::UNPROCESSABLE_ENTITY, key, None),
    })
}
