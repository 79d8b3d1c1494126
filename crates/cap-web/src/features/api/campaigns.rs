//! `GET /api/campaigns` lists the campaigns of the caller's organisations and those they review;
//! `GET /api/campaigns/{id}` shows one; `GET /api/campaigns/{id}/answers` gives its shared
//! answers (the organisation's consolidated answer per indicator).

use super::Ids;
use super::openapi::ReadErrors;
use crate::app::AppState;
use crate::error::AppResult;
use crate::session::{Ctx, SignedIn};
use axum::Json;
use axum::extract::State;
use cap_app::api::{self, AnswerList, Campaign, CampaignList};
use cap_domain::api::ApiScope;

/// Campaigns of the caller's organisations, and those they review.
///
/// Needs the `read` scope, and the same rights as the pages.
#[utoipa::path(
    get,
    path = "/api/campaigns",
    operation_id = "get_api_campaigns",
    security(("token" = ["read"]), ("session" = [])),
    responses((status = 200, description = "The campaigns whose results the caller may read", body = CampaignList), ReadErrors)
)]
pub async fn list(State(state): State<AppState>, SignedIn(viewer): SignedIn) -> AppResult<Json<CampaignList>> {
    viewer.require_scope(ApiScope::Read)?;
    Ok(Json(api::campaigns(&state, &viewer).await?))
}

/// One campaign and the indicators it covers.
///
/// Needs the `read` scope, and the same rights as the pages.
#[utoipa::path(
    get,
    path = "/api/campaigns/{id}",
    operation_id = "get_api_campaigns__id_",
    params(("id" = i64, Path, description = "The campaign's id")),
    security(("token" = ["read"]), ("session" = [])),
    responses((status = 200, description = "The campaign, with its indicators and pillars", body = Campaign), ReadErrors)
)]
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Ids(id): Ids<i64>,
) -> AppResult<Json<Campaign>> {
    viewer.require_scope(ApiScope::Read)?;
    Ok(Json(api::campaign(&state, &viewer, id).await?))
}

/// The campaign's shared answers, one per indicator.
///
/// Needs the `read` scope, and the same rights as the pages.
#[utoipa::path(
    get,
    path = "/api/campaigns/{id}/answers",
    operation_id = "get_api_campaigns__id__answers",
    params(("id" = i64, Path, description = "The campaign's id")),
    security(("token" = ["read"]), ("session" = [])),
    responses((status = 200, description = "The shared answers, in tree order", body = AnswerList), ReadErrors)
)]
pub async fn answers(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Ids(id): Ids<i64>,
) -> AppResult<Json<AnswerList>> {
    viewer.require_scope(ApiScope::Read)?;
    Ok(Json(api::answers(&state, &viewer, id, ctx.tr()).await?))
}
