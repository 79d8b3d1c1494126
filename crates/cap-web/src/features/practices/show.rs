//! `GET /practices/{id}`: one practice with its indicators and attachments. Its author sees where
//! it stands (and why it was refused); a delegate of its region publishes or refuses it here.

use super::page::render;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::practices::load_readable;

/// Shows the practice.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let practice = load_readable(&state, &viewer, id).await?;
    Ok(render(&state, page, &viewer, practice).await?.into_response())
}
