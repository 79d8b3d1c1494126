//! `GET /api/campaigns/{id}/results`: the photographie as data — the overall score, each pillar's
//! and objective's score with its target, each indicator's score or figure.

use super::Ids;
use super::openapi::ReadErrors;
use crate::app::AppState;
use crate::error::AppResult;
use crate::session::SignedIn;
use axum::Json;
use axum::extract::State;
use cap_app::api::{self, Results};
use cap_domain::api::ApiScope;

/// Scores of the campaign: overall, per pillar, objective and indicator.
///
/// Needs the `read` scope, and the same rights as the pages. Scores and targets are shares of the
/// scale (0 to 1).
#[utoipa::path(
    get,
    path = "/api/campaigns/{id}/results",
    operation_id = "get_api_campaigns__id__results",
    params(("id" = i64, Path, description = "The campaign's id")),
    security(("token" = ["read"]), ("session" = [])),
    responses((status = 200, description = "The scores, in tree order", body = Results), ReadErrors)
)]
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Ids(id): Ids<i64>,
) -> AppResult<Json<Results>> {
    viewer.require_scope(ApiScope::Read)?;
    Ok(Json(api::results(&state, &viewer, id).await?))
}
