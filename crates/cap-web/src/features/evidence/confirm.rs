//! `POST /campaigns/{id}/evidence/{evidence}/confirm`: evidence carried from the previous campaign
//! is still valid.

use super::back_to;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};

/// Confirms it.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, evidence)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let kept = cap_app::evidence::confirm(&state, &ctx.author(), &loaded, evidence).await?;
    Ok(redirect_with_flash(&state, &back_to(id, &kept.indicator_code), "flash.evidence_confirmed"))
}
