//! `GET /campaigns/{id}/venue/results`: on a venue copy, the results file the coordinator brings
//! back to the federation's server (every answer that changed at the venue, signed).

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::upload::attachment;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_app::venue::{results, results_file_name};

/// Sends the results file.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let copy = state.config.venue.as_ref().filter(|v| v.campaign == loaded.campaign.id).ok_or(AppError::NotFound)?;
    let text = results(&state, copy).await?;
    Ok(attachment(&results_file_name(id), "application/json", text.into_bytes()))
}
