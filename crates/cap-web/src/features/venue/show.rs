//! `GET /campaigns/{id}/venue`: the campaign's day at a venue, for its coordinator.

use super::venue_page;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, run};

/// Shows the page.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    Ok(venue_page(&state, page, loaded, String::new(), None, Vec::new()).await?.into_response())
}
