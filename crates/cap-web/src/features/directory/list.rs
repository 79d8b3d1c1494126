//! `GET /directory`: who volunteers as a pair, filtered by region and organisation type, with the
//! trainings each attended; and, for the signed-in member, their own entry.

use super::page::{Filters, render};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};

/// Shows the directory.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(filters): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    Ok(render(&state, page, &viewer, &filters).await?.into_response())
}
