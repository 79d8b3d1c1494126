//! `POST /glossary/terms/{id}/remove`: takes a term out of its glossary, with its versions.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;

/// Removes the term.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let group = cap_app::glossary::remove(&state, &ctx.author(), &viewer, id).await?;
    Ok(redirect_with_flash(&state, &cap_app::glossary::page_of(group), "flash.term_removed"))
}
