//! `POST /campaigns/{id}/meetings/propose`: fills an empty calendar with the meetings Cap proposes
//! from the members' rhythm, for the coordinator to adjust; nobody is e-mailed yet.

use super::calendar_of;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_app::meetings::propose_calendar;

/// Proposes the calendar.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let added = propose_calendar(&state, &ctx.author(), &loaded).await?;
    let flash = if added > 0 { "flash.meetings_proposed" } else { "flash.meetings_exist" };
    Ok(redirect_with_flash(&state, &calendar_of(id, None), flash))
}
