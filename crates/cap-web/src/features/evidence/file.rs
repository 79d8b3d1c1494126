//! `GET /campaigns/{id}/evidence/{evidence}/file`: the document uploaded as evidence, to those who
//! may add evidence to the campaign and those who read its results. It is always sent as a
//! download with its checked type, never shown inside Cap's pages.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::upload::download;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::Response;

/// Sends the document.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, evidence)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let loaded = cap_app::evidence::load_to_read(&state, &viewer, id).await?;
    let stored = cap_app::evidence::file(&state, &loaded, evidence).await?;
    Ok(download(&stored.name, &stored.media_type, stored.content))
}
