//! `POST /harmonisation/actions/{id}/remove`: the group's lead takes an action out of the
//! harmonisation plan, with its lines in every structure.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;

/// Removes the action.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let campaign = cap_app::harmonisation::remove(&state, &ctx.author(), &viewer, id).await?;
    Ok(redirect_with_flash(&state, &format!("/group-campaigns/{campaign}/plan"), "flash.harmonisation_removed"))
}
