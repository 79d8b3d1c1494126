//! `POST /workshops/{id}/voters/{voter}/admit`: the facilitator lets a waiting phone vote.

use super::{announce, load_for_facilitator};
use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cap_storage::workshops;

/// Admits the phone.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, voter)): Path<(i64, i64)>,
) -> AppResult<Response> {
    load_for_facilitator(&state, &viewer, id).await?;
    workshops::admit_voter(&state.db, id, voter).await?;
    record(&state, &ctx, "workshops.admit_voter", "workshop", &id, &voter.to_string()).await?;
    announce(&state, id).await?;
    Ok(Redirect::to(&format!("/workshops/{id}")).into_response())
}
