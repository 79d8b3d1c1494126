//! `GET /practices/{id}/files/{file}`: an attachment, to whoever may read the practice. It is
//! always sent as a download with its checked type, never shown inside Cap's pages.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::upload::download;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::practices::load_readable;
use cap_storage::practices;

/// Sends the attachment.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    load_readable(&state, &viewer, id).await?;
    let stored = practices::file(&state.db, id, file).await?;
    Ok(download(&stored.name, &stored.media_type, stored.content))
}
