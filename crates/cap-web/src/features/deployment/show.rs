//! `GET /deployment`: the nation (every region's members by stage) or one region (each member's
//! stage, presentations, trainings) with the timeline month by month.

use super::page::render;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::network::Query as Filters;

/// Shows the deployment.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(q): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    Ok(render(&state, page, &viewer, &q).await?.into_response())
}
