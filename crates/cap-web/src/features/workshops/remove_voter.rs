//! `POST /workshops/{id}/voters/{voter}/remove`: the facilitator removes a phone from the room.

use super::{announce, load_for_facilitator};
use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_storage::workshops;

/// Removes the phone; its votes stop counting.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, voter)): Path<(i64, i64)>,
) -> AppResult<Response> {
    load_for_facilitator(&state, &viewer, id).await?;
    workshops::remove_voter(&state.db, id, voter).await?;
    record(&state, &ctx, "workshops.remove_voter", "workshop", &id, &voter.to_string()).await?;
    announce(&state, id).await?;
    Ok(redirect_with_flash(&state, &format!("/workshops/{id}"), "flash.voter_removed"))
}
