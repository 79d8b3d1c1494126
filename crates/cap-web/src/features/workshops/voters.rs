//! `POST /workshops/{id}/voters/{voter}/admit` lets a waiting phone vote;
//! `POST /workshops/{id}/voters/{voter}/remove` takes a phone out of the room (its votes stop
//! counting). Both are the facilitator's, in the audit log, and announced to the room at once so
//! every count follows.

use super::{announce, load_for_facilitator};
use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, RequestContext, SignedIn, Viewer};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cap_storage::workshops;

/// Admits the phone.
pub async fn admit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, voter)): Path<(i64, i64)>,
) -> AppResult<Response> {
    change(&state, &ctx, &viewer, id, voter, Change::Admit).await?;
    Ok(Redirect::to(&format!("/workshops/{id}")).into_response())
}

/// Removes the phone; its votes stop counting.
pub async fn remove(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, voter)): Path<(i64, i64)>,
) -> AppResult<Response> {
    change(&state, &ctx, &viewer, id, voter, Change::Remove).await?;
    Ok(redirect_with_flash(&state, &format!("/workshops/{id}"), "flash.voter_removed"))
}

#[derive(Clone, Copy)]
enum Change {
    Admit,
    Remove,
}

async fn change(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    id: i64,
    voter: i64,
    change: Change,
) -> AppResult<()> {
    load_for_facilitator(state, viewer, id).await?;
    let action = match change {
        Change::Admit => {
            workshops::admit_voter(&state.db, id, voter).await?;
            "workshops.admit_voter"
        }
        Change::Remove => {
            workshops::remove_voter(&state.db, id, voter).await?;
            "workshops.remove_voter"
        }
    };
    record(state, ctx, action, "workshop", &id, &voter.to_string()).await?;
    announce(state, id).await
}
