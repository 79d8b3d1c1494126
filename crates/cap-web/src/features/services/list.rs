//! `GET /services`: the service requests of the delegate's region (or of any region, or the
//! nation, for the federation), open ones first, with the forms to take, schedule, deliver or
//! decline them.

use super::page::render;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::network::Query as Filters;

/// Shows the requests.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(q): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    Ok(render(&state, page, &viewer, &q).await?.into_response())
}
