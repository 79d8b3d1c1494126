//! `POST /workshops/{id}/control`: reveal or hide the votes, go to the previous or next
//! indicator, or close the workshop. Every change reaches the projector and the phones at once.

use super::{announce, load_for_facilitator};
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cap_domain::workshop::move_position;
use cap_storage::workshops;
use serde::Deserialize;

/// What to do.
#[derive(Debug, Deserialize)]
pub struct ControlForm {
    #[serde(default)]
    action: String,
    /// `projector` when the facilitator drives the room from the wall (keyboard shortcuts).
    #[serde(default)]
    back: String,
}

/// Applies the action.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ControlForm>,
) -> AppResult<Response> {
    let (w, _) = load_for_facilitator(&state, &viewer, id).await?;
    let count = w.indicators.len();
    let timer = match form.action.as_str() {
        "timer60" => Some(Some(60)),
        "timer120" => Some(Some(120)),
        "timer_stop" => Some(None),
        _ => None,
    };
    if let Some(seconds) = timer {
        workshops::set_timer(&state.db, id, seconds).await?;
        announce(&state, id).await?;
        return Ok(Redirect::to(&back_to(id, &form.back)).into_response());
    }
    let (position, revealed, closed) = match form.action.as_str() {
        "reveal" => (w.position, true, false),
        "hide" => (w.position, false, false),
        "next" => (move_position(w.position, 1, count), false, false),
        "previous" => (move_position(w.position, -1, count), false, false),
        "close" => (w.position, w.revealed, true),
        _ => return Ok(Redirect::to(&back_to(id, &form.back)).into_response()),
    };
    // Moving through the indicators is the room's pace, not a change to keep; closing is.
    let db = if closed {
        state.db.audited(ctx.author().entry("workshops.close", "workshop", id, ""))
    } else {
        (&state.db).into()
    };
    workshops::set_state(db, id, position, revealed, closed).await?;
    announce(&state, id).await?;
    if closed {
        return Ok(redirect_with_flash(&state, &format!("/campaigns/{}", w.campaign_id), "flash.workshop_closed"));
    }
    Ok(Redirect::to(&back_to(id, &form.back)).into_response())
}

/// Where the facilitator goes back to: the wall when they drive the room from it, else the console.
fn back_to(id: i64, back: &str) -> String {
    if back == "projector" { format!("/workshops/{id}/projector") } else { format!("/workshops/{id}") }
}
