//! `POST /workshops/{id}/voters/{voter}/{admit|absent|present|remove}`: the facilitator lets a
//! waiting phone vote, marks a participant absent (no longer awaited, their votes kept) or back,
//! or takes a phone out of the room (its votes stop counting). In the audit log, and announced to
//! the room at once so every count follows.

use super::load_for_facilitator;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::workshops::{Mark, mark};

/// Lets a waiting phone vote.
pub async fn admit(state: State<AppState>, ctx: Ctx, viewer: SignedIn, path: Path<(i64, i64)>) -> AppResult<Response> {
    apply(state, ctx, viewer, path, Mark::Admit, "flash.voter_admitted").await
}

/// Marks a participant absent: no longer awaited, what they voted still counts.
pub async fn absent(state: State<AppState>, ctx: Ctx, viewer: SignedIn, path: Path<(i64, i64)>) -> AppResult<Response> {
    apply(state, ctx, viewer, path, Mark::Absent, "flash.voter_absent").await
}

/// Marks a participant back in the room.
pub async fn present(
    state: State<AppState>,
    ctx: Ctx,
    viewer: SignedIn,
    path: Path<(i64, i64)>,
) -> AppResult<Response> {
    apply(state, ctx, viewer, path, Mark::Present, "flash.voter_present").await
}

/// Takes a phone out of the room; its votes stop counting.
pub async fn remove(state: State<AppState>, ctx: Ctx, viewer: SignedIn, path: Path<(i64, i64)>) -> AppResult<Response> {
    apply(state, ctx, viewer, path, Mark::Remove, "flash.voter_removed").await
}

async fn apply(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, voter)): Path<(i64, i64)>,
    change: Mark,
    flash: &'static str,
) -> AppResult<Response> {
    load_for_facilitator(&state, &viewer, id).await?;
    mark(&state, &ctx.author(), id, voter, change).await?;
    Ok(redirect_with_flash(&state, &format!("/workshops/{id}"), flash))
}
