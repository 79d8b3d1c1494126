//! `POST /campaigns/{id}/evidence/{evidence}/remove`: removes a piece of evidence (no longer
//! valid, or added by mistake).

use super::back_to;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};

/// Removes it, back to its indicator.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, evidence)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let gone = cap_app::evidence::remove(&state, &ctx.author(), &loaded, evidence).await?;
    Ok(redirect_with_flash(&state, &back_to(id, &gone.indicator_code), "flash.evidence_removed"))
}
