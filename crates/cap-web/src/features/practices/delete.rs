//! `POST /practices/{id}/delete`: its author takes a practice back, with its attachments.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::practices::load_own;
use cap_storage::practices;

/// Deletes the practice, if the viewer wrote it (or administers the federation).
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let practice = load_own(&state, &viewer, id).await?;
    practices::delete(state.db.audited(ctx.author().entry("practices.delete", "practice", id, &practice.title)), id)
        .await?;
    Ok(redirect_with_flash(&state, "/practices", "flash.practice_deleted"))
}
